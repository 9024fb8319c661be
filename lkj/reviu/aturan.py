"""The reviu rules: each `aturan_*(ctx) -> list[Temuan]`, listed in ATURAN with what it checks.

Published figures come from data/raw/<YEAR>/publikasi.csv (as printed); without that
file (a report this pipeline built) the rules on the raw data and the narrative still run.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from .. import fmt
from ..hitung import formulas as F
from ..hitung.pengukuran import Pengukuran, arah_perubahan, jumlah_arah
from ..masukan.publikasi import Angka, baca_tertulis
from .temuan import NAMA_BESARAN, Butir, Konteks, Temuan, banding, nama_angka, pct

# --- R01: every published figure recomputed from its data ------------------------------------------


def hitung_ulang(ctx: Konteks, a: Angka) -> tuple[float | None, str]:
    """The computed value of what a published figure claims to be, and how it was computed."""
    if a.besaran in ("target", "realisasi", "capaian"):
        p = ctx.ukur(a.tahun)
        h = p.cari(a.subjek) if p else None
        if h is None:
            return None, ""
        return {"target": h.target, "realisasi": h.realisasi.nilai, "capaian": h.capaian.nilai}[a.besaran], {
            "target": "pk.csv",
            "realisasi": "data dukung",
            "capaian": "realisasi / target",
        }[a.besaran]
    if a.besaran == "rata_rata":
        p = ctx.ukur(a.tahun)
        return (p.rata_rata.nilai, "rata-rata capaian seluruh indikator") if p else (None, "")
    if a.besaran in ("pagu", "realisasi_anggaran", "serapan", "efisiensi"):
        prog = ctx.program(a.subjek)
        if prog is None:
            return None, ""
        kolom = {"pagu": "pagu", "realisasi_anggaran": "realisasi", "serapan": "serapan", "efisiensi": "efisiensi"}[
            a.besaran
        ]
        v = prog[kolom]
        return (None if fmt.kosong(v) else float(v)), "anggaran.csv"
    if a.besaran == "target_renstra":
        r = ctx.p.data.renstra
        k = r.tahun_ke(a.tahun)
        rows = r.indikator[r.indikator.indikator_id == a.subjek]
        return (rows.iloc[0][f"target_{k}"] if k and len(rows) else None), "indikator.csv Renstra"
    return None, ""


URUTAN_R01 = {"realisasi": 0, "capaian": 1}  # a realisasi is booked before the capaian computed from it
BESARAN_R01 = ("realisasi", "capaian", "rata_rata", "serapan", "efisiensi")


def salah_dari_data(ctx: Konteks, a: Angka) -> tuple[str, float] | None:
    """('pembulatan' or 'beda', the computed value) for a printed figure R01 books: one that does not
    follow from its data. None when it does, cannot be recomputed, or follows from a wrong printed target
    (R03) or wrong printed inputs (R04). Pure: other rules use it to leave R01's cells to R01."""
    if a.besaran not in BESARAN_R01 or a.nilai is None:
        return None
    hit, _ = hitung_ulang(ctx, a)
    if hit is None:
        return None
    hasil = cocok_capaian(ctx, a, a.nilai, a.digit) if a.besaran == "capaian" else banding(a.nilai, a.digit, hit)
    if hasil == "sesuai":
        return None
    if (a.besaran == "capaian" and dari_target_salah(ctx, a)) or (
        a.besaran == "efisiensi" and dari_masukan_salah(ctx, a)
    ):
        return None
    return hasil, hit


def aturan_hitung_ulang(ctx: Konteks) -> list[Temuan]:
    """One finding per wrong printed value of a quantity (tahun, subjek, besaran, value), listing
    every cell that prints it; a capaian computed from a wrong printed realisasi joins that finding.
    A capaian computed against a wrong printed target is left to R03, an efisiensi computed from
    wrong printed inputs to R04: the cell is booked with its cause."""
    out: list[Temuan] = []
    akar: dict[tuple, list[tuple[Temuan, Angka]]] = {}  # (tahun, subjek, besaran) -> (finding, its first cell)
    for a in sorted(ctx.angka(*BESARAN_R01), key=lambda a: URUTAN_R01.get(a.besaran, 2)):
        salah = salah_dari_data(ctx, a)
        if salah is None or a.nilai is None:
            continue
        hasil, hit = salah
        kategori = "pembulatan" if hasil == "pembulatan" else "salah hitung"
        program = a.subjek if ctx.program(a.subjek) is not None else ""
        sama = [
            (t, b)
            for t, b in akar.get((a.tahun, a.subjek, a.besaran), [])
            if t.kategori == kategori and sama_tercetak(a, b)
        ]
        if sama:
            t, b = sama[0]
            ctx.bukukan(t, a, "" if a.tertulis.strip() == b.tertulis.strip() else f"juga tercetak {a.tertulis.strip()}")
            continue
        if a.besaran == "capaian":
            asal = _realisasi_asal(ctx, akar, a)
            if asal is not None:
                ctx.bukukan(asal, a, f"{_kecil(nama_angka(a))} dihitung dari realisasi itu")
                continue
        tampil = (
            (lambda x: fmt.angka(x, 3))
            if a.besaran == "efisiensi"
            else (lambda x, subjek=a.subjek: _dalam_satuan(ctx, subjek, x, 2))
            if a.besaran == "realisasi"
            else pct
        )
        t = Temuan(
            aturan="R01",
            kategori=kategori,
            lokasi=a.tempat,
            sumber="publikasi",
            uraian=f"{nama_angka(a)} tercetak {a.tertulis.strip()}, hasil hitung dari datanya {tampil(hit)}"
            + (" (beda hanya karena pembulatan/pemotongan)" if kategori == "pembulatan" else "")
            + (_milik_program(ctx, a) if a.besaran == "serapan" else ""),
            indikator_id=_indikator_angka(ctx, a.subjek),
            program_kode=program,
            nilai_dilaporkan=a.nilai,
            nilai_hitung=hit,
            ubah_predikat=_ubah_predikat(ctx, a, hit),
            tautan=ctx.tautan(a.subjek) if a.besaran != "rata_rata" else ctx.rencana.jangkar("pengukuran"),
        )
        akar.setdefault((a.tahun, a.subjek, a.besaran), []).append((t, a))
        out.append(ctx.bukukan(t, a))
    return out


def _kecil(teks: str) -> str:
    return teks[:1].lower() + teks[1:]


def sama_tercetak(a: Angka, b: Angka) -> bool:
    """Two printed cells show the same value, one of them with fewer digits (58,7% and 58,74%)."""
    return banding(a.nilai, a.digit, b.nilai) != "beda" or banding(b.nilai, b.digit, a.nilai) != "beda"


def _realisasi_asal(ctx: Konteks, akar: dict, a: Angka) -> Temuan | None:
    """The finding of a wrong printed realisasi from which this printed capaian was computed."""
    p = ctx.ukur(a.tahun)
    h = p.cari(a.subjek) if p else None
    if h is None:
        return None
    for t, r in akar.get((a.tahun, a.subjek, "realisasi"), []):
        c = F.capaian(h.target, r.nilai, h.polaritas).nilai
        if c is not None and banding(a.nilai, a.digit, c) != "beda":
            return t
    return None


def _milik_program(ctx: Konteks, a: Angka) -> str:
    """' (angka itu adalah serapan P05)' when a wrong serapan is another program's."""
    if ctx.anggaran is None:
        return ""
    lain = [
        r.program_kode
        for r in ctx.anggaran.itertuples()
        if r.program_kode != a.subjek and not fmt.kosong(r.serapan) and banding(a.nilai, a.digit, r.serapan) == "sesuai"
    ]
    return f" (angka itu adalah serapan {', '.join(lain)})" if lain else ""


def dari_target_salah(ctx: Konteks, a: Angka) -> bool:
    """A printed capaian that follows from a wrong target printed in its own row (booked by R03)."""
    t = ctx.sebaris(a, "target")
    p = ctx.ukur(a.tahun)
    h = p.cari(a.subjek) if p else None
    if t is None or t.nilai is None or h is None or banding(t.nilai, t.digit, h.target) == "sesuai":
        return False
    r = ctx.sebaris(a, "realisasi")
    calon = [
        F.capaian(t.nilai, x, h.polaritas).nilai for x in (h.realisasi.nilai, r.nilai if r else None) if x is not None
    ]
    return any(c is not None and banding(a.nilai, a.digit, c) != "beda" for c in calon)


def dari_masukan_salah(ctx: Konteks, a: Angka) -> bool:
    """A printed efisiensi that follows from the inputs printed in its row, one of them wrong (booked by R04)."""
    s, c = ctx.sebaris(a, "efisiensi_serapan"), ctx.sebaris(a, "efisiensi_capaian")
    if s is None or c is None or s.nilai is None or c.nilai is None or a.nilai is None:
        return False
    e = F.efisiensi(s.nilai, c.nilai).nilai
    return e is not None and banding(a.nilai, a.digit, e) != "beda" and (serapan_salah(ctx, s) or capaian_salah(ctx, c))


def cocok_capaian(ctx: Konteks, a: Angka, nilai: float, digit: int) -> str:
    """Like `banding` for a printed capaian, but a capaian computed from a printed realisasi
    that itself only differs by rounding (63,63% -> 127,26%) is 'pembulatan', not an error."""
    p = ctx.ukur(a.tahun)
    h = p.cari(a.subjek) if p else None
    if h is None or h.capaian.nilai is None:
        return "beda"
    hasil = banding(nilai, digit, h.capaian.nilai)
    if hasil != "beda":
        return hasil
    sebaris = [b for b in ctx.publikasi or [] if b.tabel == a.tabel and b.baris == a.baris and b.subjek == a.subjek]
    target = next((b for b in sebaris if b.besaran == "target"), None)
    if target is not None and (target.nilai is None or banding(target.nilai, target.digit, h.target) == "beda"):
        return "beda"  # computed against a wrong target
    calon = [b for b in sebaris if b.besaran == "realisasi"] or [
        b for b in ctx.angka("realisasi") if b.subjek == a.subjek and b.tahun == a.tahun
    ]
    for r in calon:
        if r.nilai is None or banding(r.nilai, r.digit, h.realisasi.nilai) == "beda":
            continue
        if banding(nilai, digit, F.capaian(h.target, r.nilai, h.polaritas).nilai) != "beda":
            return "pembulatan"
    return "beda"


def _ubah_predikat(ctx: Konteks, a: Angka, hit: float) -> bool:
    skala = ctx.p.aturan.skala
    if a.besaran in ("capaian", "rata_rata"):
        return skala.predikat(a.nilai) != skala.predikat(hit)
    if a.besaran == "realisasi":
        p = ctx.ukur(a.tahun)
        h = p.cari(a.subjek) if p else None
        if h:
            return skala.predikat(F.capaian(h.target, a.nilai, h.polaritas).nilai) != h.predikat
    return False


def _dalam_satuan(ctx: Konteks, indikator_id: str, x, digit: int = 4) -> str:
    """A target or realisasi of an indicator in the indicator's unit (58,56%, 1.004 orang, Rp1.500)."""
    rows = ctx.p.data.renstra.indikator
    satuan = rows[rows.indikator_id == indikator_id].satuan
    s = satuan.iloc[0] if len(satuan) else "%"
    return fmt.dengan_satuan(x, s, digit, minimal=0 if digit > 2 else None)


def _indikator_angka(ctx: Konteks, subjek: str) -> str:
    """The indicator a figure is about: its subjek if that is an indicator, else its program's."""
    if any(p.cari(subjek) for p in filter(None, (ctx.p, ctx.lalu))):
        return subjek
    return _indikator_program(ctx, subjek)


def _indikator_program(ctx: Konteks, kode: str) -> str:
    prog = ctx.program(kode)
    return "" if prog is None else prog.indikator_id


# --- R02: one quantity, one value in every table ------------------------------------------------------


def aturan_antar_tabel(ctx: Konteks) -> list[Temuan]:
    """Cells of a quantity that disagree with the cell that agrees with the data. A cell R01 has
    already booked is not booked again; cells printing the same wrong value are one finding; a
    column whose values sit one row off (each program's value on its neighbour's row) is one finding."""
    grup: dict[tuple, list[Angka]] = {}
    for a in ctx.angka("realisasi", "capaian", "rata_rata", "pagu", "realisasi_anggaran", "serapan"):
        grup.setdefault((a.tahun, a.subjek, a.besaran), []).append(a)
    acuan: dict[tuple, Angka] = {}
    beda: list[tuple[Angka, Angka]] = []  # (cell, the cell it disagrees with)
    for kunci, daftar in grup.items():
        terbaca = [a for a in daftar if a.nilai is not None]
        hit = [hitung_ulang(ctx, a)[0] for a in terbaca]
        acu = next(
            (a for a, x in zip(terbaca, hit) if x is not None and banding(a.nilai, a.digit, x) != "beda"),
            terbaca[0] if terbaca else None,
        )
        if acu is None:
            continue
        acuan[kunci] = acu
        for a in daftar:
            if a is acu or salah_dari_data(ctx, a) is not None:  # R01's cell
                continue
            if a.nilai is None or (
                banding(a.nilai, a.digit, acu.nilai) == "beda" and banding(acu.nilai, acu.digit, a.nilai) == "beda"
            ):
                beda.append((a, acu))
    out = _bergeser(ctx, beda, acuan)
    bergeser = {n for t in out for n in t.sel}
    sama: dict[tuple, Temuan] = {}
    for a, acu in beda:
        if a.baris_csv in bergeser:
            continue
        kunci = (a.tahun, a.subjek, a.besaran, a.nilai if a.nilai is not None else a.tertulis.strip())
        if kunci in sama:
            ctx.bukukan(sama[kunci], a)
            continue
        if a.nilai is None:
            uraian = (
                f"{nama_angka(a)} tertulis '{a.tertulis.strip() or '(kosong)'}' (tidak terbaca sebagai satu "
                f"angka), sedangkan {acu.tabel} mencetak {acu.tertulis.strip()}"
            )
        else:
            uraian = (
                f"{nama_angka(a)} tercetak {a.tertulis.strip()} di sini tetapi "
                f"{acu.tertulis.strip()} di {acu.tabel} (baris {acu.baris})"
            )
        skala = ctx.p.aturan.skala
        sama[kunci] = t = Temuan(
            aturan="R02",
            kategori="tidak konsisten",
            lokasi=a.tempat,
            uraian=uraian,
            sumber="publikasi",
            indikator_id=_indikator_angka(ctx, a.subjek),
            program_kode=a.subjek if ctx.program(a.subjek) is not None else "",
            nilai_dilaporkan=a.nilai,
            nilai_hitung=acu.nilai,
            ubah_predikat=a.besaran == "capaian"
            and a.nilai is not None
            and skala.predikat(a.nilai) != skala.predikat(acu.nilai),
            tautan=ctx.tautan(a.subjek),
        )
        out.append(ctx.bukukan(t, a))
    return out


def _angka_di(teks: str) -> list[float]:
    """Every number printed in a cell ('1.447.157.354,- 69.661.680,-' holds two)."""
    return [v for v in (baca_tertulis(x)[0] for x in teks.split()) if v is not None]


def _bergeser(ctx: Konteks, beda: list[tuple[Angka, Angka]], acuan: dict[tuple, Angka]) -> list[Temuan]:
    """One finding per program column whose disagreeing cells mostly hold a neighbouring program's value."""
    if ctx.anggaran is None:
        return []
    urutan = list(ctx.anggaran.program_kode)
    kolom: dict[tuple, list[Angka]] = {}
    for a, _ in beda:
        if a.subjek in urutan:
            kolom.setdefault((a.lokasi, a.tabel, a.kolom, a.tahun, a.besaran), []).append(a)
    out = []
    for (_lokasi, tabel, nama_kolom, tahun, besaran), sel in kolom.items():

        def milik(a: Angka, geser: int, tahun: int = tahun, besaran: str = besaran) -> bool:
            j = urutan.index(a.subjek) + geser
            b = acuan.get((tahun, urutan[j], besaran)) if 0 <= j < len(urutan) else None
            return b is not None and b.nilai in _angka_di(a.tertulis)

        geser = max((-1, 1), key=lambda g: sum(milik(a, g) for a in sel))
        cocok = [a for a in sel if milik(a, geser)]
        if len(cocok) < 2 or 2 * len(cocok) < len(sel):
            continue
        contoh = cocok[0]
        asal = urutan[urutan.index(contoh.subjek) + geser]
        arah = "sesudahnya" if geser == -1 else "sebelumnya"
        t = Temuan(
            aturan="R02",
            kategori="tidak konsisten",
            lokasi=sel[0].tempat,
            sumber="publikasi",
            uraian=f"Kolom {nama_kolom} pada {tabel} bergeser satu baris: nilai setiap program tercetak pada "
            f"baris program {arah} (mis. {NAMA_BESARAN.get(besaran, besaran).lower()} {asal} "
            f"{acuan[(tahun, asal, besaran)].tertulis.strip()} tercetak di baris {contoh.subjek}); "
            f"{len(sel)} baris tidak sesuai dengan {acuan[(tahun, contoh.subjek, besaran)].tabel}",
            program_kode=",".join(a.subjek for a in sel),
            tautan=ctx.rencana.jangkar("efisiensi"),
        )
        for a in sel:
            ctx.bukukan(t, a)
        out.append(t)
    return out


# --- R03: targets -------------------------------------------------------------------------------------


def aturan_target(ctx: Konteks) -> list[Temuan]:
    """PK targets against the Renstra (our data), printed targets against the PK; a capaian printed
    in the row of a wrong target and computed from it is a consequence of that target."""
    out = []
    r = ctx.p.data.renstra
    renstra = r.indikator.set_index("indikator_id")
    for p in filter(None, (ctx.p, ctx.lalu)):
        k = r.tahun_ke(p.tahun)
        for h in p.indikator:
            t_renstra = renstra.loc[h.indikator_id, f"target_{k}"] if k else None
            if t_renstra is not None and not fmt.kosong(t_renstra) and t_renstra != h.target:
                out.append(
                    Temuan(
                        aturan="R03",
                        apa=f"Target PK {h.indikator_id} {p.tahun}",
                        kategori="tidak konsisten",
                        lokasi=f"data/raw/{p.tahun}/pk.csv baris {h.pk_baris}",
                        uraian=f"Target PK {p.tahun} {h.indikator_id} adalah "
                        f"{_dalam_satuan(ctx, h.indikator_id, h.target)}, "
                        f"sedangkan target Renstra tahun ke-{k} ({p.tahun}) "
                        f"{_dalam_satuan(ctx, h.indikator_id, t_renstra)}",
                        sumber="data",
                        indikator_id=h.indikator_id,
                        nilai_dilaporkan=h.target,
                        nilai_hitung=float(t_renstra),
                        ubah_predikat=False,
                        tautan=ctx.tautan(h.indikator_id),
                    )
                )
    sama: dict[tuple, Temuan] = {}
    for a in ctx.angka("target", "target_renstra"):
        hit, sumber = hitung_ulang(ctx, a)
        if a.nilai is None or hit is None or banding(a.nilai, a.digit, hit) == "sesuai":
            continue
        kunci = (a.tahun, a.subjek, a.besaran, a.nilai)
        if kunci not in sama:
            jenis = "PK" if a.besaran == "target" else "Renstra"
            sama[kunci] = Temuan(
                aturan="R03",
                kategori="tidak konsisten",
                lokasi=a.tempat,
                sumber="publikasi",
                uraian=f"Target {a.subjek} {a.tahun} tercetak {a.tertulis.strip()}, sedangkan target {jenis} {a.tahun} "
                f"menurut data ({sumber}) {_dalam_satuan(ctx, a.subjek, hit)}",
                indikator_id=a.subjek,
                nilai_dilaporkan=a.nilai,
                nilai_hitung=hit,
                ubah_predikat=False,
                tautan=ctx.tautan(a.subjek),
            )
            out.append(sama[kunci])
        t = ctx.bukukan(sama[kunci], a)
        c = ctx.sebaris(a, "capaian")
        if c is not None and c.nilai is not None and dari_target_salah(ctx, c):
            ctx.bukukan(
                t, c, f"{_kecil(nama_angka(c))} {c.tertulis.strip()} di baris itu dihitung dari target tersebut"
            )
    return out


# --- R04: inputs of derived tables and the program-indicator pairing ----------------------------------------


def serapan_salah(ctx: Konteks, a: Angka) -> bool:
    """An efficiency table's serapan input that differs from the budget table / anggaran.csv."""
    prog = ctx.program(a.subjek)
    return prog is not None and a.nilai is not None and banding(a.nilai, a.digit, prog.serapan) != "sesuai"


def _ids(ctx: Konteks, kode: str) -> list[str]:
    prog = ctx.program(kode)
    return [] if prog is None else [i for i in prog.indikator_id.split(",") if i]


def capaian_salah(ctx: Konteks, a: Angka) -> bool:
    """An efficiency table's capaian input for a program without indicator, or that is not its indicators' capaian."""
    if ctx.program(a.subjek) is None:
        return False
    ids = _ids(ctx, a.subjek)
    if not ids:
        return True
    cap = F.rata_rata(ctx.p.capaian_dari(i) for i in ids).nilai
    sama = (
        cocok_capaian(ctx, Angka(0, "", "", "", "", a.tahun, ids[0], "capaian", "", None, 0), a.nilai, a.digit)
        if len(ids) == 1 and a.nilai is not None
        else "beda"
    )
    return a.nilai is not None and cap is not None and sama == "beda" and banding(a.nilai, a.digit, cap) == "beda"


def aturan_masukan_turunan(ctx: Konteks) -> list[Temuan]:
    """Inputs of the efficiency table against their source tables, and the program-indicator pairing.
    An input that copies its own indicator's wrong printed capaian is a place of that capaian's
    finding; the efisiensi printed in the row, computed from a wrong input, goes with the input."""
    out: list[Temuan] = []
    if ctx.anggaran is None:
        return out
    capaian_cetak: dict[float | None, set[str]] = {}
    for a in ctx.angka("capaian"):
        if a.tahun == ctx.p.tahun and a.nilai is not None:
            capaian_cetak.setdefault(a.nilai, set()).add(a.subjek)
    for a in ctx.angka("efisiensi_serapan", "efisiensi_capaian", "pasangan_indikator"):
        prog = ctx.program(a.subjek)
        if prog is None:
            continue
        ids = _ids(ctx, a.subjek)

        def temuan(kategori: str, uraian: str, a: Angka = a, ids: list[str] = ids, **nilai) -> Temuan:
            """A finding on a cell of the efficiency table (program a.subjek, its indicators ids)."""
            return Temuan(
                aturan="R04",
                kategori=kategori,
                lokasi=a.tempat,
                sumber="publikasi",
                uraian=uraian,
                indikator_id=",".join(ids),
                program_kode=a.subjek,
                tautan=ctx.rencana.jangkar("efisiensi"),
                **nilai,
            )

        t = None
        if a.besaran == "efisiensi_serapan":
            if serapan_salah(ctx, a):
                t = temuan(
                    "tidak konsisten",
                    f"Tabel efisiensi {a.subjek} memakai serapan {a.tertulis.strip()}, sedangkan tabel realisasi "
                    f"anggaran / anggaran.csv memberi {pct(prog.serapan)}",
                    nilai_dilaporkan=a.nilai,
                    nilai_hitung=float(prog.serapan),
                )
        elif a.besaran == "efisiensi_capaian":
            if not ids and a.nilai is None:
                continue  # a dash where a program has no indicator: nothing is claimed
            if not ids:
                t = temuan(
                    "metodologi",
                    f"Program {a.subjek} tidak mempunyai indikator kinerja (program_indikator.csv), tetapi tabel "
                    f"efisiensi memberinya capaian {a.tertulis.strip()}" + _milik(capaian_cetak, a.nilai),
                    nilai_dilaporkan=a.nilai,
                )
            elif capaian_salah(ctx, a):
                cap = F.rata_rata(ctx.p.capaian_dari(i) for i in ids).nilai
                milik_sendiri = bool(capaian_cetak.get(a.nilai, set()) & set(ids))
                asal = _capaian_salah_tercetak(ctx, a, ids) if milik_sendiri else None
                if asal is not None:  # a copy of its indicator's wrong printed capaian: that finding's root
                    t = temuan("salah hitung", "", ikut_sel=asal.baris_csv)
                    out.append(ctx.bukukan(t, a, f"tabel efisiensi {a.subjek} memakai capaian itu", a.subjek))
                    _efisiensi_sebaris(ctx, t, a)
                    continue
                kategori = "salah hitung" if milik_sendiri or not capaian_cetak.get(a.nilai) else "tidak konsisten"
                t = temuan(
                    kategori,
                    f"Tabel efisiensi {a.subjek} memakai capaian {a.tertulis.strip()}; indikator program ini "
                    f"({', '.join(ids)}) berdasarkan data mencapai {pct(cap)}"
                    + ("" if milik_sendiri else _milik(capaian_cetak, a.nilai, ids)),
                    nilai_dilaporkan=a.nilai,
                    nilai_hitung=cap,
                    ubah_predikat=ctx.p.aturan.skala.predikat(a.nilai) != ctx.p.aturan.skala.predikat(cap),
                )
        elif a.tertulis.strip() not in ids:
            t = temuan(
                "tidak konsisten",
                f"Program {a.subjek} dipasangkan dengan {a.tertulis.strip()}, sedangkan program_indikator.csv "
                f"memasangkannya dengan {', '.join(ids) or 'tidak ada indikator'}",
            )
        if t is not None:
            out.append(ctx.bukukan(t, a))
            _efisiensi_sebaris(ctx, t, a)
    return out


def _capaian_salah_tercetak(ctx: Konteks, a: Angka, ids: list[str]) -> Angka | None:
    """A wrong printed capaian of these indicators with a's value (the cell whose finding a belongs to)."""
    for b in ctx.angka("capaian"):
        if (
            b.tahun == a.tahun
            and b.subjek in ids
            and b.nilai is not None
            and banding(a.nilai, a.digit, b.nilai) != "beda"
            and (salah_dari_data(ctx, b) is not None or dari_target_salah(ctx, b))
        ):
            return b
    return None


def _efisiensi_sebaris(ctx: Konteks, t: Temuan, masukan: Angka) -> None:
    """Book the efisiensi printed in an input's row with that input's finding, if it was computed from it."""
    e = ctx.sebaris(masukan, "efisiensi")
    if e is not None and dari_masukan_salah(ctx, e):
        ctx.bukukan(t, e, f"efisiensi {masukan.subjek} {e.tertulis.strip()} dihitung dari angka itu", masukan.subjek)


def _milik(capaian_cetak: dict, nilai: float | None, kecuali=()) -> str:
    lain = sorted(capaian_cetak.get(nilai, set()) - set(kecuali))
    return f" (angka itu adalah capaian {', '.join(lain)} yang dipublikasikan)" if lain else ""


# --- R05: a composite's group value follows from its own sub-items -------------------------------------------


def aturan_kelompok(ctx: Konteks) -> list[Temuan]:
    out = []
    for h in ctx.p.indikator:
        for grp in (k for k in h.komponen if k.peran == "kelompok"):
            rinci = [k for k in h.komponen if k.peran == "rincian" and k.kelompok == grp.kelompok]
            if not rinci:
                continue
            lokasi = f"data/raw/{ctx.p.tahun}/komponen.csv baris {grp.baris} ({h.indikator_id} kelompok {grp.kelompok})"
            if grp.satuan == "%":
                # a sub-item without a value or with target 0 has no ratio: left out, never counted as 0
                rasio = [(k, min(x, 100)) for k in rinci if (x := F.rasio(k.realisasi, k.target).nilai) is not None]
                if not rasio:
                    continue
                nilai_rinci = sum(r_ for _, r_ in rasio) / len(rasio)
                tanpa = len(rinci) - len(rasio)
                if grp.realisasi is not None and banding(grp.realisasi, 2, nilai_rinci) == "beda":
                    rendah = [
                        f"{k.uraian} {fmt.bilangan(k.realisasi)}/{fmt.bilangan(k.target)}"
                        for k, r_ in rasio
                        if r_ < 100
                    ] + ([f"{tanpa} rincian tanpa nilai tidak dihitung"] if tanpa else [])
                    out.append(
                        Temuan(
                            aturan="R05",
                            apa=f"Nilai kelompok {grp.kelompok} {h.indikator_id}",
                            kategori="salah hitung",
                            lokasi=lokasi,
                            sumber="data",
                            uraian=f"Kelompok '{grp.uraian}' dicatat {pct(grp.realisasi)}, tetapi rata-rata capaian "
                            f"rinciannya (masing-masing dibatasi 100%) {pct(nilai_rinci)}; di bawah target: "
                            + "; ".join(rendah),
                            indikator_id=h.indikator_id,
                            nilai_dilaporkan=grp.realisasi,
                            nilai_hitung=nilai_rinci,
                            ubah_predikat=False,
                            tautan=ctx.tautan(h.indikator_id),
                        )
                    )
            elif all(k.satuan == grp.satuan for k in rinci):
                for kolom in ("target", "realisasi"):
                    nilai = [getattr(k, kolom) for k in rinci]
                    if any(x is None for x in nilai):
                        continue  # a sum with a missing sub-item is undefined, never a partial sum
                    jumlah = sum(nilai)
                    v = getattr(grp, kolom)
                    if v is not None and abs(v - jumlah) > 1e-9:
                        out.append(
                            Temuan(
                                aturan="R05",
                                apa=f"{kolom.capitalize()} kelompok {grp.kelompok} {h.indikator_id}",
                                kategori="salah hitung",
                                lokasi=lokasi,
                                sumber="data",
                                uraian=f"{kolom.capitalize()} kelompok '{grp.uraian}' {fmt.bilangan(v)} {grp.satuan}, "
                                f"jumlah rinciannya {fmt.bilangan(jumlah)} {grp.satuan}",
                                indikator_id=h.indikator_id,
                                nilai_dilaporkan=v,
                                nilai_hitung=jumlah,
                                ubah_predikat=False,
                                tautan=ctx.tautan(h.indikator_id),
                            )
                        )
    return out


# --- R06: method and completeness ------------------------------------------------------------------------------


def _subjek_dikenal(ctx: Konteks, a: Angka) -> bool:
    """A figure's subjek names something of the data: an indicator, a program, the average, a predikat class."""
    if a.besaran == "rata_rata":
        return a.subjek == "semua"
    if a.besaran in ("skala_dari", "skala_sampai"):
        return a.subjek.casefold() in {k.predikat.casefold() for k in ctx.p.aturan.skala.kelas}
    if a.besaran in ("pagu", "realisasi_anggaran", "serapan", "efisiensi", "efisiensi_serapan", "efisiensi_capaian"):
        return ctx.program(a.subjek) is not None
    if a.besaran == "pasangan_indikator":
        return ctx.program(a.subjek) is not None
    if a.besaran == "target_renstra":
        return a.subjek in set(ctx.p.data.renstra.indikator.indikator_id)
    return any(p.cari(a.subjek) for p in filter(None, (ctx.p, ctx.lalu)))


def _tahun_dikenal(ctx: Konteks, a: Angka) -> bool:
    if a.besaran == "target_renstra":
        return ctx.p.data.renstra.tahun_ke(a.tahun) is not None
    if a.besaran in ("target", "realisasi", "capaian", "rata_rata"):
        return ctx.ukur(a.tahun) is not None
    return a.tahun == ctx.p.tahun


def _tak_dikenal(ctx: Konteks) -> list[Temuan]:
    """Every published figure whose subjek or year matches nothing in the data: it cannot be checked."""
    out = []
    for a in ctx.publikasi or ():
        subjek_ok, tahun_ok = _subjek_dikenal(ctx, a), _tahun_dikenal(ctx, a)
        if subjek_ok and tahun_ok:
            continue
        apa = " dan ".join(
            x
            for x in (
                "" if subjek_ok else f"subjek '{a.subjek}' tidak dikenal untuk besaran {a.besaran}",
                "" if tahun_ok else f"tahun {a.tahun} tidak ada datanya",
            )
            if x
        )
        out.append(
            Temuan(
                aturan="R06",
                kategori="data dukung tidak ada",
                lokasi=a.tempat,
                sumber="publikasi",
                uraian=f"Angka tercetak {a.tertulis.strip() or '(kosong)'} tidak dapat diperiksa: {apa}; "
                "perbaiki subjek/tahun di publikasi.csv atau lengkapi datanya",
                indikator_id=_indikator_angka(ctx, a.subjek),
                program_kode=a.subjek if ctx.program(a.subjek) is not None else "",
                nilai_dilaporkan=a.nilai,
            )
        )
    return out


def _norm(teks: str) -> str:
    return re.sub(r"[^0-9a-z]", "", teks.casefold().replace("jumlah", ""))


def aturan_metode(ctx: Konteks) -> list[Temuan]:
    out = []
    # denominators: IKU definition = worked formula = data row actually used
    iku = {a.subjek: a for a in ctx.angka("penyebut") if a.peran == "iku"}
    for a in ctx.angka("penyebut"):
        acuan = iku.get(a.subjek)
        if acuan and a is not acuan and _norm(a.tertulis) != _norm(acuan.tertulis):
            out.append(
                Temuan(
                    aturan="R06",
                    kategori="metodologi",
                    lokasi=a.tempat,
                    sumber="publikasi",
                    uraian=f"Penyebut pada rumus tercetak '{a.tertulis}', sedangkan definisi IKU: '{acuan.tertulis}'",
                    indikator_id=a.subjek,
                    tautan=ctx.tautan(a.subjek),
                )
            )
    for h in ctx.p.indikator:
        dipakai = next((k for k in h.komponen if k.peran in ("penyebut", "populasi")), None)
        acuan = iku.get(h.indikator_id)
        if dipakai and acuan and _norm(dipakai.uraian) != _norm(acuan.tertulis):
            out.append(
                Temuan(
                    aturan="R06",
                    apa=f"Penyebut {h.indikator_id}",
                    kategori="metodologi",
                    lokasi=f"data/raw/{ctx.p.tahun}/komponen.csv baris {dipakai.baris}",
                    sumber="data",
                    uraian=f"Penyebut yang dipakai menghitung {h.indikator_id} adalah '{dipakai.uraian}' "
                    f"({fmt.bilangan(dipakai.nilai)}), sedangkan definisi IKU: '{acuan.tertulis}'",
                    indikator_id=h.indikator_id,
                    tautan=ctx.tautan(h.indikator_id),
                )
            )
    # the published predikat scale
    kelas: dict[str, dict[str, Angka]] = {}
    for a in ctx.angka("skala_dari", "skala_sampai"):
        kelas.setdefault(a.subjek, {})[a.besaran] = a
    if kelas:
        batas = sorted(
            (
                (
                    dari.nilai if (dari := v.get("skala_dari")) else None,
                    sampai.nilai if (sampai := v.get("skala_sampai")) else None,
                    k,
                )
                for k, v in kelas.items()
            ),
            key=lambda x: -1e9 if x[0] is None else x[0],
        )
        celah = [
            f"antara {fmt.bilangan(b[1])} dan {fmt.bilangan(c[0])}"
            for b, c in itertools.pairwise(batas)
            if b[1] is not None and c[0] is not None and c[0] > b[1]
        ]
        if batas[-1][1] is not None:
            celah.append(f"di atas {fmt.bilangan(batas[-1][1])}")
        if celah:
            pertama = next(iter(kelas.values()))
            a0 = pertama.get("skala_dari") or pertama["skala_sampai"]
            out.append(
                Temuan(
                    aturan="R06",
                    kategori="metodologi",
                    lokasi=f"{a0.lokasi}, {a0.tabel}",
                    sumber="publikasi",
                    uraian="Skala predikat bercelah: capaian " + "; ".join(celah) + " tidak mempunyai predikat "
                    "(laporan ini menutupnya dengan aturan di params: setiap kelas berlaku sampai batas bawah kelas "
                    "berikutnya)",
                    tautan=ctx.rencana.jangkar("pengukuran"),
                )
            )
    out += _tak_dikenal(ctx)
    # completeness: every PK indicator has evidence (bukti.csv) and an analysis section
    out += _tanpa_bukti(ctx)
    for h in ctx.p.indikator:
        if h.realisasi.sumber != "komponen" and h.jenis_rumus != "langsung":
            out.append(
                Temuan(
                    aturan="R06",
                    apa=f"Realisasi {h.indikator_id} {ctx.p.tahun}",
                    kategori="metodologi",
                    lokasi=f"data/raw/{ctx.p.tahun}/realisasi_langsung.csv ({h.indikator_id})",
                    sumber="data",
                    uraian=f"Realisasi {h.indikator_id} ({_dalam_satuan(ctx, h.indikator_id, h.realisasi.nilai, 2)}) "
                    f"dilaporkan tanpa data komponen, sehingga rumus {h.jenis_rumus} tidak dapat dihitung ulang",
                    indikator_id=h.indikator_id,
                    diungkapkan="laporan",  # the report's own note under the calculation (catatan_data_dukung)
                    nilai_dilaporkan=h.realisasi.nilai,
                    nilai_hitung=None,
                    ubah_predikat=False,
                    tautan=ctx.tautan(h.indikator_id),
                )
            )
        if ctx.publikasi is not None:
            # one finding per indicator left out of the published Bab III (by the role of its tables)
            peran = {a.peran for a in ctx.publikasi if a.subjek == h.indikator_id}
            hilang = [
                (lok, apa)
                for lok, apa, ada in (
                    (
                        "Bab III, tabel pengukuran kinerja",
                        "tidak tercantum di tabel pengukuran kinerja",
                        "pengukuran" in peran,
                    ),
                    ("Bab III, analisis per sasaran", "tidak mempunyai bagian analisis capaian", "sasaran" in peran),
                )
                if not ada
            ]
            if hilang:
                out.append(
                    Temuan(
                        aturan="R06",
                        kategori="metodologi",
                        lokasi=tuple(lok for lok, _ in hilang),
                        sumber="publikasi",
                        uraian=f"Indikator PK {h.indikator_id} ({h.indikator}) "
                        + " dan ".join(apa for _, apa in hilang),
                        indikator_id=h.indikator_id,
                        tautan=ctx.rencana.jangkar("sasaran", sasaran_no=h.sasaran_no),
                    )
                )
        elif ctx.narasi.get(f"sasaran-{h.sasaran_no:02d}") is None:
            out.append(
                Temuan(
                    aturan="R06",
                    apa=f"Narasi Sasaran {h.sasaran_no}",
                    kategori="metodologi",
                    lokasi=f"data/raw/{ctx.p.tahun}/narasi/sasaran-{h.sasaran_no:02d}.md",
                    sumber="data",
                    uraian=f"Sasaran {h.sasaran_no} ({h.indikator_id}) belum mempunyai narasi analisis, "
                    "kendala dan solusi",
                    indikator_id=h.indikator_id,
                    tautan=ctx.rencana.jangkar("sasaran", sasaran_no=h.sasaran_no),
                )
            )
    return out


def _tanpa_bukti(ctx: Konteks) -> list[Temuan]:
    """'data dukung tidak ada' from the evidence mapping: one finding when bukti.csv is absent, else one per
    indicator without any evidence row."""
    path = f"data/raw/{ctx.p.tahun}/bukti.csv"
    bukti = ctx.p.data.bukti
    if bukti is None:
        return [
            Temuan(
                aturan="R06",
                apa="Daftar data dukung",
                kategori="data dukung tidak ada",
                lokasi=path,
                sumber="data",
                uraian=f"Daftar data dukung (bukti.csv) tidak ada: tidak satu pun dari {len(ctx.p.indikator)} "
                "indikator dapat ditelusuri ke dokumen sumbernya",
                tautan=ctx.rencana.jangkar("pengukuran"),
            )
        ]
    ada = set(bukti.indikator_id)
    return [
        Temuan(
            aturan="R06",
            apa=f"Bukti {h.indikator_id}",
            kategori="data dukung tidak ada",
            lokasi=f"{path} ({h.indikator_id})",
            sumber="data",
            uraian=f"Indikator {h.indikator_id} ({h.indikator}) tidak mempunyai bukti (data dukung) di bukti.csv",
            indikator_id=h.indikator_id,
            tautan=ctx.tautan(h.indikator_id),
        )
        for h in ctx.p.indikator
        if h.indikator_id not in ada
    ]


# --- R07: numbers typed by hand in the narrative ---------------------------------------------------------------

PLACEHOLDER_NARASI = re.compile(r"\{\{[^{}]*\}\}")
ANGKA_PERSEN = re.compile(r"(?<![\w{])(\d{1,3}(?:\.\d{3})*(?:,\d+)?)\s?%")


def _nilai_dihitung(ctx: Konteks, sasaran_no: int | None, p: Pengukuran | None) -> list[float]:
    """Computed percentages of year `p` a narrative may quote: of one sasaran, or of the whole year."""
    nilai: list[float] = []
    if p is None:
        return nilai
    for h in p.indikator:
        if sasaran_no is None or h.sasaran_no == sasaran_no:
            nilai += [v for v in (h.target, h.realisasi.nilai, h.capaian.nilai) if v is not None]
    if sasaran_no is None and p.rata_rata.nilai is not None:
        nilai.append(p.rata_rata.nilai)
    if ctx.anggaran is not None and sasaran_no is None and p is ctx.p:
        nilai += [float(v) for v in ctx.anggaran.serapan if not fmt.kosong(v)]
    return nilai


def _menyebut_tahun(baris: str, tahun: int) -> bool:
    """Whether a line of narrative says it speaks of `tahun` (the comparison year)."""
    return re.search(rf"\{{\{{\s*\w*_lalu\s*\}}\}}|\b{tahun}\b|tahun (?:lalu|sebelumnya)", baris, re.I) is not None


def aturan_narasi(ctx: Konteks) -> list[Temuan]:
    """A percentage typed in a narrative file must equal a computed value of the report's year it can refer
    to (in sasaran-NN.md: that sasaran's values), or last year's in a line that names last year: a figure
    carried over with last year's text, which no table of this year holds, is found."""
    out = []
    for nama, teks in sorted(ctx.narasi.items()):
        m_sasaran = re.fullmatch(r"sasaran-(\d+)", nama)
        no = int(m_sasaran[1]) if m_sasaran else None
        kini, lalu = _nilai_dihitung(ctx, no, ctx.p), _nilai_dihitung(ctx, no, ctx.lalu)
        for nomor, baris in enumerate((teks or "").splitlines(), start=1):
            boleh = kini + (lalu if ctx.lalu and _menyebut_tahun(baris, ctx.lalu.tahun) else [])
            for m in ANGKA_PERSEN.finditer(baris):
                v, d = baca_tertulis(m.group(1))
                if v is None or any(banding(v, d, x) != "beda" for x in boleh):
                    continue
                terdekat = min(boleh, key=lambda x: abs(x - v)) if boleh else None
                tahun_lalu = ctx.lalu is not None and any(banding(v, d, x) != "beda" for x in lalu)
                out.append(
                    Temuan(
                        aturan="R07",
                        apa=f"Angka di narasi {nama}",
                        kategori="tidak konsisten",
                        lokasi=f"data/raw/{ctx.p.tahun}/narasi/{nama}.md baris {nomor}",
                        sumber="data",
                        uraian=(
                            f"Angka {m.group(0)} diketik manual di narasi laporan tahun {ctx.p.tahun}; angka itu "
                            f"milik tahun {ctx.lalu.tahun if ctx.lalu else ''}, tetapi kalimatnya tidak menyebut "
                            "tahun itu (salinan narasi tahun lalu?); ganti dengan placeholder"
                            if tahun_lalu
                            else f"Angka {m.group(0)} diketik manual di narasi dan tidak sama dengan angka hasil "
                            f"hitung yang dapat dirujuknya (terdekat {pct(terdekat)}); ganti dengan placeholder"
                        ),
                        indikator_id="",
                        nilai_dilaporkan=v,
                        nilai_hitung=terdekat,
                    )
                )
    return out


# --- R08: narrative claims the numbers contradict ------------------------------------------------------

# A small lexicon, matched on the narrative text with its {{ placeholders }} removed (words a
# placeholder fills in come from the numbers). A claim is about results when a word of HASIL is near.
HASIL = re.compile(r"\b(capaian|kinerja|rata-rata)\b", re.IGNORECASE)
MEMBAIK = re.compile(
    r"(?<!tidak )(?<!belum )(?<!bukan )\b(meningkat|membaik|naik|kenaikan|lebih baik|semakin baik"
    r"|(?:perkembangan|kemajuan|peningkatan) yang (?:signifikan|berarti|pesat))\b",
    re.IGNORECASE,
)
DIHITUNG_ULANG = re.compile(
    r"\b(dihitung ulang|dihitung kembali|diverifikasi|berasal)\b.*\bdata dukung\b", re.IGNORECASE
)
PENGECUALIAN = re.compile(r"\b(kecuali|selain|tanpa data dukung|tidak termasuk)\b", re.IGNORECASE)
PLACEHOLDER = re.compile(r"\{\{\s*([\w.-]+)\s*\}\}")


def _indikator_placeholder(ctx: Konteks, kalimat: str) -> str | None:
    """The indicator a placeholder in the sentence names ({{ capaian_ik05 }} -> IK05), whatever its codes look like."""
    ids = sorted((h.indikator_id for h in ctx.p.indikator), key=len, reverse=True)
    for m in PLACEHOLDER.finditer(kalimat):
        nama = m[1].casefold()
        for i in ids:
            if re.search(rf"(?<![0-9a-z]){re.escape(i.casefold())}(?![0-9a-z])", nama):
                return i
    return None


JARAK_KATA = 8  # an improvement word counts only this close to a result word


def _dekat(polos: str, m: re.Match) -> bool:
    """The improvement word is about a result: a result word within JARAK_KATA words of it."""
    return any(
        len(polos[min(h.start(), m.start()) : max(h.end(), m.end())].split()) <= JARAK_KATA + 2
        for h in HASIL.finditer(polos)
    )


def _kalimat(teks: str):
    """(line number, sentence) of a narrative, Markdown headings and table rows left out."""
    for nomor, baris in enumerate(teks.splitlines(), start=1):
        if baris.lstrip().startswith(("#", "|")):
            continue
        for k in re.split(r"(?<=[.!?])\s+(?=[A-Z{])", baris.strip()):
            if k:
                yield nomor, k


def _turun(ctx: Konteks, indikator_id: str | None) -> str:
    """Why a claim of improvement is contradicted ('' if it is not): the indicator's capaian fell, or
    for the whole year the average fell or most comparable indicators declined."""
    if ctx.lalu is None:
        return ""
    d = ctx.p.aturan.digit_desimal
    if indikator_id:
        h, h0 = ctx.p.cari(indikator_id), ctx.lalu.cari(indikator_id)
        if h and h0 and arah_perubahan(h.capaian.nilai, h0.capaian.nilai, d) == "turun":
            return (
                f"capaian {indikator_id} turun dari {pct(h0.capaian.nilai, d)} ({ctx.lalu.tahun}) "
                f"menjadi {pct(h.capaian.nilai, d)}"
            )
        return ""
    alasan = []
    kini, lalu = ctx.p.rata_rata.nilai, ctx.lalu.rata_rata.nilai
    if arah_perubahan(kini, lalu, d) == "turun":
        alasan.append(f"rata-rata capaian turun dari {pct(lalu, d)} ({ctx.lalu.tahun}) menjadi {pct(kini, d)}")
    n = jumlah_arah(ctx.p, ctx.lalu)
    if n["turun"] > n["naik"]:
        alasan.append(f"{n['turun']} dari {sum(n.values())} indikator yang dapat dibandingkan menurun capaiannya")
    return " dan ".join(alasan)


def _tanpa_dukung(ctx: Konteks) -> str:
    """Which figures are not recomputed from supporting data ('' if all are)."""
    alasan = []
    ini = [h.indikator_id for h in ctx.p.indikator if h.tanpa_data_dukung]
    if ini:
        alasan.append(f"realisasi {', '.join(ini)} tahun {ctx.p.tahun} dilaporkan tanpa data dukung")
    if ctx.lalu is not None:
        lalu = [h.indikator_id for h in ctx.lalu.indikator if h.tanpa_data_dukung]
        if lalu:
            semua = len(lalu) == len(ctx.lalu.indikator)
            alasan.append(
                f"{'seluruh' if semua else ', '.join(lalu)} realisasi tahun {ctx.lalu.tahun} "
                "dilaporkan tanpa data komponen"
            )
    return "; ".join(alasan)


def aturan_klaim_narasi(ctx: Konteks) -> list[Temuan]:
    """A sentence about results claiming improvement while the numbers declined, or claiming every
    figure was recomputed from supporting data while some were not."""
    out = []
    for nama, teks in sorted(ctx.narasi.items()):
        m_sasaran = re.fullmatch(r"sasaran-(\d+)", nama)
        sasaran_ik = next(
            (h.indikator_id for h in ctx.p.indikator if m_sasaran and h.sasaran_no == int(m_sasaran[1])), None
        )
        for nomor, kalimat in _kalimat(teks or ""):
            polos = PLACEHOLDER_NARASI.sub(" ", kalimat)
            lokasi = f"data/raw/{ctx.p.tahun}/narasi/{nama}.md baris {nomor}"
            m = MEMBAIK.search(polos)
            if m and _dekat(polos, m):
                ik = _indikator_placeholder(ctx, kalimat)
                alasan = _turun(ctx, ik or sasaran_ik)
                if alasan:
                    out.append(
                        Temuan(
                            aturan="R08",
                            apa=f"Narasi {nama}",
                            kategori="tidak konsisten",
                            lokasi=lokasi,
                            sumber="data",
                            uraian=f'Narasi menyatakan perbaikan ("{m[0]}") dalam kalimat "{kalimat}", '
                            f"padahal {alasan}; pakai placeholder arah (mis. {{{{ arah_rata_rata }}}})",
                            indikator_id=ik or sasaran_ik or "",
                        )
                    )
            if DIHITUNG_ULANG.search(polos) and not PENGECUALIAN.search(polos) and "kecuali_" not in kalimat:
                alasan = _tanpa_dukung(ctx)
                if alasan:
                    out.append(
                        Temuan(
                            aturan="R08",
                            apa=f"Narasi {nama}",
                            kategori="tidak konsisten",
                            lokasi=lokasi,
                            sumber="data",
                            uraian=f"Narasi menyatakan angka dihitung ulang dari data dukung dalam kalimat "
                            f'"{kalimat}", padahal {alasan}; sebutkan pengecualiannya '
                            "(mis. {{ kecuali_tanpa_data_dukung }})",
                        )
                    )
    return out


# --- R09: targets stated in the data tables against the PK ------------------------------------------------


def target_tabel_data(h) -> tuple[float | None, str]:
    """The target an indicator's own data table implies, and how: the numerator's target over the
    denominator (rasio), the sum of the parts' targets (jumlah), the value row's target (nilai)."""
    k = {x.peran: x for x in h.komponen}
    if h.jenis_rumus == "rasio":
        atas, bawah = k.get("pembilang"), k.get("populasi") or k.get("penyebut")
        if atas is None or bawah is None or atas.target is None or not bawah.target:
            return None, ""
        return F.rasio(atas.target, bawah.target).nilai, (
            f"target '{atas.uraian}' {fmt.bilangan(atas.target)} {atas.satuan} dari "
            f"{fmt.bilangan(bawah.target)} {bawah.satuan} ({'populasi' if bawah.peran == 'populasi' else 'penyebut'})"
        )
    if h.jenis_rumus == "jumlah":
        bagian = [x for x in h.komponen if x.peran == "bagian"]
        if not bagian or any(x.target is None for x in bagian):
            return None, ""
        return sum(x.target for x in bagian), f"jumlah target {len(bagian)} baris bagian"
    if h.jenis_rumus == "nilai" and "nilai" in k and k["nilai"].target is not None:
        return k["nilai"].target, f"target '{k['nilai'].uraian}'"
    return None, ""


def aturan_target_data(ctx: Konteks) -> list[Temuan]:
    """A target written in an indicator's data table (the numerator's target against the denominator, the
    parts' targets) that contradicts the PK target: the table and the PK cannot both be the year's target."""
    out = []
    for h in ctx.p.indikator:
        tersirat, cara = target_tabel_data(h)
        if tersirat is None or banding(h.target, 2, tersirat) == "sesuai":
            continue
        baris = sorted(x.baris for x in h.komponen if x.target is not None and x.peran != "info")
        setara = ""
        bawah = next((x for x in h.komponen if x.peran in ("populasi", "penyebut")), None)
        if h.jenis_rumus == "rasio" and bawah is not None and bawah.target:
            setara = (
                f"; target PK {_dalam_satuan(ctx, h.indikator_id, h.target)} berarti "
                f"{fmt.bilangan(fmt.bulat(h.target * bawah.target / 100, 2))} {bawah.satuan}"
            )
        out.append(
            Temuan(
                aturan="R09",
                apa=f"Target {h.indikator_id} {ctx.p.tahun} di tabel data",
                kategori="tidak konsisten",
                lokasi=f"data/raw/{ctx.p.tahun}/komponen.csv baris {', '.join(map(str, baris))} ({h.indikator_id})",
                sumber="data",
                uraian=f"Tabel data Sasaran {h.sasaran_no} ({h.indikator_id}) menyatakan {cara}, yaitu target "
                f"{_dalam_satuan(ctx, h.indikator_id, tersirat, 2)}, sedangkan target PK "
                f"{_dalam_satuan(ctx, h.indikator_id, h.target, 2)}{setara}",
                indikator_id=h.indikator_id,
                nilai_dilaporkan=tersirat,
                nilai_hitung=h.target,
                tautan=ctx.tautan(h.indikator_id),
            )
        )
    return out


# --- grouping by root cause and every wrong figure of a finding: passes after the rules -------------------


def kelompokkan(temuan: list[Temuan]) -> list[Temuan]:
    """Group the rules' findings by root cause, whatever order the rules ran in: a finding that names
    another's cell as its root (`ikut_sel`) joins the finding explaining that cell (its cells, consequences
    and programs appended); a published cell two findings claim stays with the lower-numbered rule, and a
    finding left without any of its cells is dropped. The order: by rule code, then as each rule found them."""
    urut = sorted(temuan, key=lambda t: t.aturan)  # stable: a rule's own order is kept
    pemilik: dict[int, Temuan] = {}
    out = []
    for t in urut:
        if t.ikut_sel is not None:
            continue
        milik_lain = [n for n in t.sel if n in pemilik]
        for n in milik_lain:
            lokasi = t.sel.pop(n)
            t.lokasi = tuple(x for x in t.semua_lokasi if x != lokasi)
        if milik_lain and not t.sel:
            continue
        pemilik.update(dict.fromkeys(t.sel, t))
        out.append(t)
    for t in urut:
        if t.ikut_sel is None:
            continue
        akar = pemilik.get(t.ikut_sel)
        if akar is None:  # its root was not found wrong after all: it stands alone
            out.append(t)
            continue
        for n, lokasi in t.sel.items():
            if n not in pemilik:
                akar.sel[n] = lokasi
                pemilik[n] = akar
        for i, lokasi in enumerate(t.semua_lokasi):
            akar.tambah(lokasi, t.akibat[i] if i < len(t.akibat) else "", t.program_kode)
    return sorted(out, key=lambda t: t.aturan)


def nilai_benar(ctx: Konteks, a: Angka) -> tuple[float | None, str]:
    """The right value of a printed cell, as a number and as text in the cell's own unit."""
    if a.besaran == "efisiensi_serapan":
        prog = ctx.program(a.subjek)
        v = None if prog is None or fmt.kosong(prog.serapan) else float(prog.serapan)
        return v, pct(v)
    if a.besaran == "efisiensi_capaian":
        ids = _ids(ctx, a.subjek)
        v = F.rata_rata(ctx.p.capaian_dari(i) for i in ids).nilai if ids else None
        return v, pct(v) if ids else "program tanpa indikator: tanpa capaian"
    if a.besaran == "pasangan_indikator":
        return None, ", ".join(_ids(ctx, a.subjek)) or "tidak ada indikator"
    if a.besaran == "penyebut":
        iku = next((b for b in ctx.angka("penyebut") if "Utama" in b.tabel and b.subjek == a.subjek), None)
        return None, iku.tertulis.strip() if iku else ""
    v, _ = hitung_ulang(ctx, a)
    if v is None or fmt.kosong(v):
        return None, ""
    v = float(v)
    if a.besaran in ("target", "realisasi", "target_renstra"):
        return v, _dalam_satuan(ctx, a.subjek, v, 2)
    if a.besaran in ("pagu", "realisasi_anggaran"):
        return v, fmt.rupiah(v)
    if a.besaran == "efisiensi":
        return v, fmt.angka(v, 3)
    return v, pct(v)


def _nilai_data(ctx: Konteks, t: Temuan, v: float | None) -> str:
    if v is None:
        return ""
    ids = [i for i in t.indikator_id.split(",") if ctx.p.cari(i)]
    return _dalam_satuan(ctx, ids[0], v, 2) if len(ids) == 1 else fmt.bilangan(v)


def rinci(ctx: Konteks, temuan: list[Temuan]) -> None:
    """Give every finding one Butir per wrong figure, in the order of its locations: a published cell
    with its printed and right value, a data location with the finding's own two values. Run after every
    rule, so the order of the rules does not matter here."""
    sel = {a.tempat: a for a in ctx.publikasi or []}
    for t in temuan:
        t.butir = []
        for lok in t.semua_lokasi:
            a = sel.get(lok)
            if a is None:
                t.butir.append(
                    Butir(
                        lokasi=lok,
                        apa=t.apa or t.indikator_id or t.program_kode or "",
                        tertulis=_nilai_data(ctx, t, t.nilai_dilaporkan),
                        benar=_nilai_data(ctx, t, t.nilai_hitung),
                        nilai_dilaporkan=t.nilai_dilaporkan,
                        nilai_hitung=t.nilai_hitung,
                        subjek=t.indikator_id,
                    )
                )
                continue
            v, teks = nilai_benar(ctx, a)
            t.butir.append(
                Butir(
                    lokasi=lok,
                    apa=nama_angka(a),
                    tertulis=a.tertulis.strip(),
                    benar=teks,
                    nilai_dilaporkan=a.nilai,
                    nilai_hitung=v,
                    besaran=a.besaran,
                    subjek=a.subjek,
                    tahun=a.tahun,
                    baris_publikasi=a.baris_csv,
                )
            )


# --- every rule ----------------------------------------------------------------------------------------------------
# --- R10: a Pemda's IKU against what its source OPD's own report prints ----------------------------------


def aturan_sumber_opd(ctx: Konteks) -> list[Temuan]:
    """A Pemda's IKU takes an OPD's computed realisasi; the OPD's own published report (its publikasi.csv)
    must print the same value for that indicator, or the two documents give one quantity two values."""
    out = []
    for s in ctx.publikasi_opd:
        h = ctx.p.cari(s.iku)
        hit = h.realisasi.nilai if h else None
        a = s.angka
        if hit is None or a.nilai is None or banding(a.nilai, a.digit, hit) != "beda":
            continue
        out.append(
            Temuan(
                aturan="R10",
                apa=f"Realisasi IKU {s.iku} (dari {s.opd})",
                kategori="tidak konsisten",
                lokasi=f"laporan {s.instansi} ({s.opd}/data/raw/{a.tahun}/publikasi.csv baris {a.baris_csv}): "
                f"{a.tempat}",
                sumber="data",
                uraian=f"Laporan {s.instansi} mencetak realisasi indikator {s.indikator_id} {a.tertulis.strip()}, "
                f"sedangkan LKjIP memakai hasil hitung dari data OPD itu, {_dalam_satuan(ctx, s.iku, hit, 2)}, "
                f"untuk IKU {s.iku}: satu besaran tercetak dengan dua nilai; OPD itu perlu mengoreksi laporannya",
                indikator_id=s.iku,
                nilai_dilaporkan=a.nilai,
                nilai_hitung=hit,
                tautan=ctx.tautan(s.iku),
            )
        )
    return out


@dataclass(frozen=True)
class AturanReviu:
    kode: str
    nama: str
    fungsi: Callable[[Konteks], list[Temuan]]
    butuh_publikasi: bool


ATURAN = (
    AturanReviu(
        "R01",
        "Setiap angka publikasi (realisasi, capaian, rata-rata, serapan, efisiensi) dihitung ulang dari datanya",
        aturan_hitung_ulang,
        True,
    ),
    AturanReviu("R02", "Besaran yang sama bernilai sama di setiap tabel", aturan_antar_tabel, True),
    AturanReviu(
        "R03", "Target PK = target Renstra tahun itu; target tercetak = target PK/Renstra", aturan_target, False
    ),
    AturanReviu(
        "R04",
        "Masukan tabel turunan (efisiensi, realisasi anggaran) = tabel sumbernya; pasangan program–indikator "
        "sesuai data",
        aturan_masukan_turunan,
        True,
    ),
    AturanReviu("R05", "Nilai kelompok indikator komposit sesuai rinciannya", aturan_kelompok, False),
    AturanReviu(
        "R06",
        "Metode: penyebut sesuai definisi IKU, skala predikat tanpa celah, setiap indikator PK punya data "
        "dukung dan bagian analisis",
        aturan_metode,
        False,
    ),
    AturanReviu("R07", "Angka di narasi tidak diketik manual berbeda dari hasil hitung", aturan_narasi, False),
    AturanReviu(
        "R08",
        "Klaim di narasi (membaik, seluruh angka dari data dukung) tidak dibantah angkanya",
        aturan_klaim_narasi,
        False,
    ),
    AturanReviu(
        "R09",
        "Target yang tertulis di tabel data (pembilang terhadap penyebut, jumlah bagian) = target PK",
        aturan_target_data,
        False,
    ),
    AturanReviu(
        "R10",
        "Realisasi IKU Pemda yang bersumber dari OPD = angka yang dicetak laporan OPD itu",
        aturan_sumber_opd,
        False,
    ),
)
