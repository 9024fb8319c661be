"""The reviu rules: each `aturan_*(ctx) -> list[Temuan]`, listed in ATURAN with what it checks.

Published figures come from data/raw/<YEAR>/publikasi.csv (as printed); without that
file (a report this pipeline built) the rules on the raw data and the narrative still run.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from .. import fmt
from ..hitung import formulas as F
from ..masukan.publikasi import Angka, baca_tertulis
from .temuan import Konteks, Temuan, banding, nama_angka, pct


# --- R01: every published figure recomputed from its data ------------------------------------------

def hitung_ulang(ctx: Konteks, a: Angka) -> tuple[float | None, str]:
    """The computed value of what a published figure claims to be, and how it was computed."""
    if a.besaran in ("target", "realisasi", "capaian"):
        p = ctx.ukur(a.tahun)
        h = p.cari(a.subjek) if p else None
        if h is None:
            return None, ""
        return {"target": h.target, "realisasi": h.realisasi.nilai, "capaian": h.capaian.nilai}[a.besaran], \
            {"target": "pk.csv", "realisasi": "data dukung", "capaian": "realisasi / target"}[a.besaran]
    if a.besaran == "rata_rata":
        p = ctx.ukur(a.tahun)
        return (p.rata_rata.nilai, "rata-rata capaian seluruh indikator") if p else (None, "")
    if a.besaran in ("pagu", "realisasi_anggaran", "serapan", "efisiensi"):
        prog = ctx.program(a.subjek)
        if prog is None:
            return None, ""
        kolom = {"pagu": "pagu", "realisasi_anggaran": "realisasi", "serapan": "serapan", "efisiensi": "efisiensi"}[a.besaran]
        v = prog[kolom]
        return (None if fmt.kosong(v) else float(v)), "anggaran.csv"
    if a.besaran == "target_renstra":
        r = ctx.p.data.renstra
        k = r.tahun_ke(a.tahun)
        rows = r.indikator[r.indikator.indikator_id == a.subjek]
        return (rows.iloc[0][f"target_{k}"] if k and len(rows) else None), "indikator.csv Renstra"
    return None, ""


def aturan_hitung_ulang(ctx: Konteks) -> list[Temuan]:
    out = []
    cek = ctx.angka("realisasi", "capaian", "rata_rata", "serapan", "efisiensi")
    for a in cek:
        hit, _ = hitung_ulang(ctx, a)
        if a.nilai is None or hit is None:
            continue
        hasil = cocok_capaian(ctx, a, a.nilai, a.digit) if a.besaran == "capaian" else banding(a.nilai, a.digit, hit)
        if hasil == "sesuai":
            continue
        kategori = "pembulatan" if hasil == "pembulatan" else "salah hitung"
        tampil = ((lambda x: fmt.angka(x, 3)) if a.besaran == "efisiensi" else
                  (lambda x: _dalam_satuan(ctx, a.subjek, x, 2)) if a.besaran == "realisasi" else pct)
        out.append(Temuan(
            aturan="R01", kategori=kategori, lokasi=a.tempat,
            uraian=f"{nama_angka(a)} tercetak {a.tertulis.strip()}, hasil hitung dari datanya {tampil(hit)}"
            + (" (beda hanya karena pembulatan/pemotongan)" if kategori == "pembulatan" else ""),
            indikator_id=a.subjek if a.subjek.startswith("IK") else _indikator_program(ctx, a.subjek),
            nilai_dilaporkan=a.nilai, nilai_hitung=hit, ubah_predikat=_ubah_predikat(ctx, a, hit), tautan=ctx.tautan(a.subjek) if a.besaran != "rata_rata" else ctx.rencana.jangkar("pengukuran")))
    return out


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
        b for b in ctx.angka("realisasi") if b.subjek == a.subjek and b.tahun == a.tahun]
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


def _indikator_program(ctx: Konteks, kode: str) -> str:
    prog = ctx.program(kode)
    return "" if prog is None else prog.indikator_id


# --- R02: one quantity, one value in every table ------------------------------------------------------

def aturan_antar_tabel(ctx: Konteks) -> list[Temuan]:
    out = []
    grup: dict[tuple, list[Angka]] = {}
    for a in ctx.angka("realisasi", "capaian", "rata_rata", "pagu", "realisasi_anggaran", "serapan"):
        grup.setdefault((a.tahun, a.subjek, a.besaran), []).append(a)
    for (tahun, subjek, besaran), daftar in grup.items():
        terbaca = [a for a in daftar if a.nilai is not None]
        hit = [hitung_ulang(ctx, a)[0] for a in terbaca]
        acuan = next((a for a, x in zip(terbaca, hit) if x is not None and banding(a.nilai, a.digit, x) != "beda"),
                     terbaca[0] if terbaca else None)
        if acuan is None:
            continue
        for a in daftar:
            if a is acuan:
                continue
            if a.nilai is None:
                uraian = (f"{nama_angka(a)} tertulis '{a.tertulis.strip() or '(kosong)'}' (tidak terbaca sebagai satu "
                          f"angka), sedangkan {acuan.tabel} mencetak {acuan.tertulis.strip()}")
            elif banding(a.nilai, a.digit, acuan.nilai) == "beda" and banding(acuan.nilai, acuan.digit, a.nilai) == "beda":
                uraian = (f"{nama_angka(a)} tercetak {a.tertulis.strip()} di sini tetapi "
                          f"{acuan.tertulis.strip()} di {acuan.tabel} (baris {acuan.baris})")
            else:
                continue
            out.append(Temuan(aturan="R02", kategori="tidak konsisten", lokasi=a.tempat, uraian=uraian,
                              indikator_id=subjek if subjek.startswith("IK") else _indikator_program(ctx, subjek),
                              nilai_dilaporkan=a.nilai, nilai_hitung=acuan.nilai,
                              ubah_predikat=besaran == "capaian" and ctx.p.aturan.skala.predikat(a.nilai) != ctx.p.aturan.skala.predikat(acuan.nilai),
                              tautan=ctx.tautan(subjek)))
    return out


# --- R03: targets -------------------------------------------------------------------------------------

def aturan_target(ctx: Konteks) -> list[Temuan]:
    out = []
    r = ctx.p.data.renstra
    renstra = r.indikator.set_index("indikator_id")
    for p in filter(None, (ctx.p, ctx.lalu)):
        k = r.tahun_ke(p.tahun)
        for h in p.indikator:
            t_renstra = renstra.loc[h.indikator_id, f"target_{k}"] if k else None
            if t_renstra is not None and not fmt.kosong(t_renstra) and t_renstra != h.target:
                out.append(Temuan(aturan="R03", kategori="tidak konsisten", lokasi=f"data/raw/{p.tahun}/pk.csv baris {h.pk_baris}",
                                  uraian=f"Target PK {p.tahun} {h.indikator_id} adalah {_dalam_satuan(ctx, h.indikator_id, h.target)}, "
                                  f"sedangkan target Renstra tahun ke-{k} ({p.tahun}) "
                                  f"{_dalam_satuan(ctx, h.indikator_id, t_renstra)}",
                                  indikator_id=h.indikator_id, nilai_dilaporkan=h.target, nilai_hitung=float(t_renstra), ubah_predikat=False, tautan=ctx.tautan(h.indikator_id)))
    for a in ctx.angka("target", "target_renstra"):
        hit, sumber = hitung_ulang(ctx, a)
        if a.nilai is None or hit is None or banding(a.nilai, a.digit, hit) == "sesuai":
            continue
        jenis = "PK" if a.besaran == "target" else "Renstra"
        out.append(Temuan(aturan="R03", kategori="tidak konsisten", lokasi=a.tempat,
                          uraian=f"Target {a.subjek} {a.tahun} tercetak {a.tertulis.strip()}, sedangkan target {jenis} {a.tahun} "
                          f"menurut data ({sumber}) {_dalam_satuan(ctx, a.subjek, hit)}", indikator_id=a.subjek, nilai_dilaporkan=a.nilai, nilai_hitung=hit, ubah_predikat=False, tautan=ctx.tautan(a.subjek)))
    return out


# --- R04: inputs of derived tables and the program-indicator pairing ----------------------------------------

def aturan_masukan_turunan(ctx: Konteks) -> list[Temuan]:
    out = []
    if ctx.anggaran is None:
        return out
    capaian_cetak = {}
    for a in ctx.angka("capaian"):
        if a.tahun == ctx.p.tahun and a.nilai is not None:
            capaian_cetak.setdefault(a.nilai, set()).add(a.subjek)
    for a in ctx.angka("efisiensi_serapan", "efisiensi_capaian", "pasangan_indikator"):
        prog = ctx.program(a.subjek)
        if prog is None:
            continue
        ids = [i for i in prog.indikator_id.split(",") if i]
        if a.besaran == "efisiensi_serapan":
            if a.nilai is not None and banding(a.nilai, a.digit, prog.serapan) != "sesuai":
                out.append(Temuan(aturan="R04", kategori="tidak konsisten", lokasi=a.tempat,
                                  uraian=f"Tabel efisiensi {a.subjek} memakai serapan {a.tertulis.strip()}, sedangkan Tabel 3.4 / "
                                  f"anggaran.csv memberi {pct(prog.serapan)}", indikator_id=",".join(ids), nilai_dilaporkan=a.nilai, nilai_hitung=float(prog.serapan),
                                  ubah_predikat=False, tautan=ctx.rencana.jangkar("efisiensi")))
        elif a.besaran == "efisiensi_capaian":
            if not ids:
                out.append(Temuan(aturan="R04", kategori="metodologi", lokasi=a.tempat,
                                  uraian=f"Program {a.subjek} tidak mempunyai indikator kinerja (program_indikator.csv), tetapi tabel "
                                  f"efisiensi memberinya capaian {a.tertulis.strip()}"
                                  + _milik(capaian_cetak, a.nilai), indikator_id="", nilai_dilaporkan=a.nilai, nilai_hitung=None, ubah_predikat=False, tautan=ctx.rencana.jangkar("efisiensi")))
                continue
            cap = F.rata_rata(ctx.p.cari(i).capaian.nilai for i in ids).nilai
            sama = (cocok_capaian(ctx, Angka(0, "", "", "", "", a.tahun, ids[0], "capaian", "", None, 0), a.nilai, a.digit)
                    if len(ids) == 1 and a.nilai is not None else "beda")
            if a.nilai is not None and cap is not None and sama == "beda" and banding(a.nilai, a.digit, cap) == "beda":
                # the printed capaian of its own indicator (itself wrong) or of another indicator (wrong pairing)
                milik_sendiri = bool(capaian_cetak.get(a.nilai, set()) & set(ids))
                kategori = "salah hitung" if milik_sendiri or not capaian_cetak.get(a.nilai) else "tidak konsisten"
                out.append(Temuan(aturan="R04", kategori=kategori, lokasi=a.tempat,
                                  uraian=f"Tabel efisiensi {a.subjek} memakai capaian {a.tertulis.strip()}; indikator program ini "
                                  f"({', '.join(ids)}) berdasarkan data mencapai {pct(cap)}"
                                  + ("" if milik_sendiri else _milik(capaian_cetak, a.nilai, ids)),
                                  indikator_id=",".join(ids), nilai_dilaporkan=a.nilai, nilai_hitung=cap, ubah_predikat=ctx.p.aturan.skala.predikat(a.nilai) != ctx.p.aturan.skala.predikat(cap),
                                  tautan=ctx.rencana.jangkar("efisiensi")))
        elif a.tertulis.strip() not in ids:
            out.append(Temuan(aturan="R04", kategori="tidak konsisten", lokasi=a.tempat,
                              uraian=f"Program {a.subjek} dipasangkan dengan {a.tertulis.strip()}, sedangkan program_indikator.csv "
                              f"memasangkannya dengan {', '.join(ids) or 'tidak ada indikator'}", indikator_id=",".join(ids),
                              tautan=ctx.rencana.jangkar("efisiensi")))
    return out


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
                rasio = [min(F.rasio(k.realisasi, k.target).nilai or 0, 100) for k in rinci]
                nilai_rinci = sum(rasio) / len(rasio)
                if grp.realisasi is not None and banding(grp.realisasi, 2, nilai_rinci) == "beda":
                    rendah = [f"{k.uraian} {fmt.bilangan(k.realisasi)}/{fmt.bilangan(k.target)}" for k, r_ in zip(rinci, rasio) if r_ < 100]
                    out.append(Temuan(aturan="R05", kategori="salah hitung", lokasi=lokasi,
                                      uraian=f"Kelompok '{grp.uraian}' dicatat {pct(grp.realisasi)}, tetapi rata-rata capaian "
                                      f"rinciannya (masing-masing dibatasi 100%) {pct(nilai_rinci)}; di bawah target: "
                                      + "; ".join(rendah), indikator_id=h.indikator_id, nilai_dilaporkan=grp.realisasi, nilai_hitung=nilai_rinci, ubah_predikat=False,
                                      tautan=ctx.tautan(h.indikator_id)))
            elif all(k.satuan == grp.satuan for k in rinci):
                for kolom in ("target", "realisasi"):
                    jumlah = sum(getattr(k, kolom) or 0 for k in rinci)
                    v = getattr(grp, kolom)
                    if v is not None and abs(v - jumlah) > 1e-9:
                        out.append(Temuan(aturan="R05", kategori="salah hitung", lokasi=lokasi,
                                          uraian=f"{kolom.capitalize()} kelompok '{grp.uraian}' {fmt.bilangan(v)} {grp.satuan}, "
                                          f"jumlah rinciannya {fmt.bilangan(jumlah)} {grp.satuan}", indikator_id=h.indikator_id, nilai_dilaporkan=v, nilai_hitung=jumlah,
                                          ubah_predikat=False, tautan=ctx.tautan(h.indikator_id)))
    return out


# --- R06: method and completeness ------------------------------------------------------------------------------

def _norm(teks: str) -> str:
    return re.sub(r"[^0-9a-z]", "", teks.casefold().replace("jumlah", ""))


def aturan_metode(ctx: Konteks) -> list[Temuan]:
    out = []
    # denominators: IKU definition = worked formula = data row actually used
    iku = {a.subjek: a for a in ctx.angka("penyebut") if "Utama" in a.tabel}
    for a in ctx.angka("penyebut"):
        acuan = iku.get(a.subjek)
        if acuan and a is not acuan and _norm(a.tertulis) != _norm(acuan.tertulis):
            out.append(Temuan(aturan="R06", kategori="metodologi", lokasi=a.tempat,
                              uraian=f"Penyebut pada rumus tercetak '{a.tertulis}', sedangkan definisi IKU: '{acuan.tertulis}'",
                              indikator_id=a.subjek, tautan=ctx.tautan(a.subjek)))
    for h in ctx.p.indikator:
        dipakai = next((k for k in h.komponen if k.peran in ("penyebut", "populasi")), None)
        acuan = iku.get(h.indikator_id)
        if dipakai and acuan and _norm(dipakai.uraian) != _norm(acuan.tertulis):
            out.append(Temuan(aturan="R06", kategori="metodologi", lokasi=f"data/raw/{ctx.p.tahun}/komponen.csv baris {dipakai.baris}",
                              uraian=f"Penyebut yang dipakai menghitung {h.indikator_id} adalah '{dipakai.uraian}' "
                              f"({fmt.bilangan(dipakai.nilai)}), sedangkan definisi IKU: '{acuan.tertulis}'",
                              indikator_id=h.indikator_id, tautan=ctx.tautan(h.indikator_id)))
    # the published predikat scale
    kelas = {}
    for a in ctx.angka("skala_dari", "skala_sampai"):
        kelas.setdefault(a.subjek, {})[a.besaran] = a
    if kelas:
        batas = sorted(((v.get("skala_dari").nilai if v.get("skala_dari") else None,
                         v.get("skala_sampai").nilai if v.get("skala_sampai") else None, k) for k, v in kelas.items()),
                       key=lambda x: -1e9 if x[0] is None else x[0])
        celah = [f"antara {fmt.bilangan(b[1])} dan {fmt.bilangan(c[0])}" for b, c in zip(batas, batas[1:])
                 if b[1] is not None and c[0] is not None and c[0] > b[1]]
        if batas[-1][1] is not None:
            celah.append(f"di atas {fmt.bilangan(batas[-1][1])}")
        if celah:
            a0 = next(iter(kelas.values()))
            a0 = a0.get("skala_dari") or a0.get("skala_sampai")
            out.append(Temuan(aturan="R06", kategori="metodologi", lokasi=f"{a0.lokasi}, {a0.tabel}",
                              uraian="Skala predikat bercelah: capaian " + "; ".join(celah) + " tidak mempunyai predikat "
                              "(laporan ini menutupnya dengan aturan di params: setiap kelas berlaku sampai batas bawah kelas "
                              "berikutnya)", tautan=ctx.rencana.jangkar("pengukuran")))
    # completeness: every PK indicator has supporting data and an analysis section
    for h in ctx.p.indikator:
        if h.realisasi.sumber != "komponen":
            out.append(Temuan(aturan="R06", kategori="data dukung tidak ada", lokasi=f"data/raw/{ctx.p.tahun} ({h.indikator_id})",
                              uraian=f"Realisasi {h.indikator_id} ({_dalam_satuan(ctx, h.indikator_id, h.realisasi.nilai, 2)}) "
                              f"tidak didukung data komponen "
                              f"rumus {h.jenis_rumus}", indikator_id=h.indikator_id, nilai_dilaporkan=h.realisasi.nilai, nilai_hitung=None, ubah_predikat=False, tautan=ctx.tautan(h.indikator_id)))
        if ctx.publikasi is not None:
            tabel = {a.tabel for a in ctx.publikasi if a.subjek == h.indikator_id}
            if not any(t.startswith("Capaian Kinerja") for t in tabel):
                out.append(Temuan(aturan="R06", kategori="metodologi", lokasi="Bab III 3.2.1",
                                  uraian=f"Indikator PK {h.indikator_id} ({h.indikator}) tidak mempunyai bagian analisis capaian",
                                  indikator_id=h.indikator_id, tautan=ctx.rencana.jangkar("sasaran", sasaran_no=h.sasaran_no)))
            if "Tabel Pengukuran 3.2" not in tabel:
                out.append(Temuan(aturan="R06", kategori="metodologi", lokasi="Bab III 3.2, Tabel Pengukuran",
                                  uraian=f"Indikator PK {h.indikator_id} ({h.indikator}) tidak tercantum di tabel pengukuran kinerja",
                                  indikator_id=h.indikator_id, tautan=ctx.rencana.jangkar("pengukuran")))
        elif ctx.narasi.get(f"sasaran-{h.sasaran_no:02d}") is None:
            out.append(Temuan(aturan="R06", kategori="metodologi", lokasi=f"data/raw/{ctx.p.tahun}/narasi/sasaran-{h.sasaran_no:02d}.md",
                              uraian=f"Sasaran {h.sasaran_no} ({h.indikator_id}) belum mempunyai narasi analisis, kendala dan solusi",
                              indikator_id=h.indikator_id, tautan=ctx.rencana.jangkar("sasaran", sasaran_no=h.sasaran_no)))
    return out


# --- R07: numbers typed by hand in the narrative ---------------------------------------------------------------

ANGKA_PERSEN = re.compile(r"(?<![\w{])(\d{1,3}(?:\.\d{3})*(?:,\d+)?)\s?%")


def _nilai_dihitung(ctx: Konteks, sasaran_no: int | None) -> list[float]:
    """Computed percentages a narrative may quote: of one sasaran, or of the whole year."""
    nilai = []
    for p in filter(None, (ctx.p, ctx.lalu)):
        for h in p.indikator:
            if sasaran_no is None or h.sasaran_no == sasaran_no:
                nilai += [v for v in (h.target, h.realisasi.nilai, h.capaian.nilai) if v is not None]
        if sasaran_no is None and p.rata_rata.nilai is not None:
            nilai.append(p.rata_rata.nilai)
    if ctx.anggaran is not None and sasaran_no is None:
        nilai += [float(v) for v in ctx.anggaran.serapan if not fmt.kosong(v)]
    return nilai


def aturan_narasi(ctx: Konteks) -> list[Temuan]:
    """A percentage typed in a narrative file must equal a computed value it can refer to
    (in sasaran-NN.md: that sasaran's values, this year or last)."""
    out = []
    for nama, teks in sorted(ctx.narasi.items()):
        m_sasaran = re.fullmatch(r"sasaran-(\d+)", nama)
        nilai = _nilai_dihitung(ctx, int(m_sasaran[1]) if m_sasaran else None)
        for nomor, baris in enumerate((teks or "").splitlines(), start=1):
            for m in ANGKA_PERSEN.finditer(baris):
                v, d = baca_tertulis(m.group(1))
                if v is None or any(banding(v, d, x) != "beda" for x in nilai):
                    continue
                terdekat = min(nilai, key=lambda x: abs(x - v)) if nilai else None
                out.append(Temuan(aturan="R07", kategori="tidak konsisten", lokasi=f"data/raw/{ctx.p.tahun}/narasi/{nama}.md baris {nomor}",
                                  uraian=f"Angka {m.group(0)} diketik manual di narasi dan tidak sama dengan angka hasil hitung "
                                  f"yang dapat dirujuknya (terdekat {pct(terdekat)}); ganti dengan placeholder",
                                  indikator_id="", nilai_dilaporkan=v, nilai_hitung=terdekat))
    return out


# --- every rule ----------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class AturanReviu:
    kode: str
    nama: str
    fungsi: Callable[[Konteks], list[Temuan]]
    butuh_publikasi: bool


ATURAN = (
    AturanReviu("R01", "Setiap angka publikasi (realisasi, capaian, rata-rata, serapan, efisiensi) dihitung ulang dari datanya",
           aturan_hitung_ulang, True),
    AturanReviu("R02", "Besaran yang sama bernilai sama di setiap tabel", aturan_antar_tabel, True),
    AturanReviu("R03", "Target PK = target Renstra tahun itu; target tercetak = target PK/Renstra", aturan_target, False),
    AturanReviu("R04", "Masukan tabel turunan (efisiensi, realisasi anggaran) = tabel sumbernya; pasangan program–indikator "
                  "sesuai data", aturan_masukan_turunan, True),
    AturanReviu("R05", "Nilai kelompok indikator komposit sesuai rinciannya", aturan_kelompok, False),
    AturanReviu("R06", "Metode: penyebut sesuai definisi IKU, skala predikat tanpa celah, setiap indikator PK punya data "
                  "dukung dan bagian analisis", aturan_metode, False),
    AturanReviu("R07", "Angka di narasi tidak diketik manual berbeda dari hasil hitung", aturan_narasi, False),
)


