"""HTML pieces of the report: tables, the step-by-step calculation, headings.

Every number passes through lkj.fmt, so the report shows Indonesian formats.
"""

from __future__ import annotations

import functools
from typing import Any

import pandas as pd

from .. import fmt
from ..dokumen.model import Daftar, Isi, Tabel, Teks
from ..hitung import formulas as F
from ..hitung.pengukuran import HasilIndikator, Pengukuran, sensitivitas, total_anggaran
from ..masukan.model import Masukan
from .html import Kol, kol_nomor, tabel


def rentang(k: F.Kelas, nama: str = "capaian") -> str:
    """A predikat class as text: '76% ≤ capaian < 91%'."""
    dari = "" if k.dari is None else f"{fmt.angka(k.dari, 2, minimal=0)}% ≤ "
    sampai = "" if k.sampai is None else f" < {fmt.angka(k.sampai, 2, minimal=0)}%"
    return f"{dari}{nama}{sampai}"


# --- tables of the report -------------------------------------------------------------


def nilai_satuan(x, satuan: str, digit: int, minimal: int | None = None) -> str:
    """A value in its unit (lkj.fmt.dengan_satuan); `minimal=0` drops trailing zeros (targets: 100%, 4,1%)."""
    return fmt.dengan_satuan(x, satuan, digit, minimal)


def teks_target(x, satuan: str, digit: int) -> str:
    return nilai_satuan(x, satuan, digit, minimal=0)


def tabel_pengukuran(p: Pengukuran, id_: str = "tabel-pengukuran") -> Tabel:
    d = p.aturan.digit_desimal
    rata = p.rata_rata
    kolom = [
        Kol("Sasaran", lambda h: str(h.sasaran_no), lebar=0.8),
        Kol("Indikator Kinerja", lambda h: h.indikator, lebar=3),
        Kol("Target", lambda h: teks_target(h.target, h.satuan, d), True),
        Kol(
            "Realisasi",
            lambda h: (
                nilai_satuan(h.realisasi.nilai, h.satuan, d) + (" *" if h.realisasi.sumber == "dilaporkan" else "")
            ),
            True,
        ),
        Kol("Capaian", lambda h: fmt.persen(h.capaian.nilai, d), True),
        Kol("Predikat", lambda h: h.predikat or fmt.KOSONG, utuh=True),
    ]
    kaki: list[str | Isi] = [
        "",
        (
            Teks("Rata-rata capaian", tebal=True),
            *((Teks(f" (batas {fmt.angka(p.aturan.batas_capaian)}%)"),) if p.aturan.batas_capaian else ()),
        ),
        "",
        "",
        (Teks(fmt.persen(rata.nilai, d), tebal=True),),
        p.aturan.skala.predikat(rata.nilai) or fmt.KOSONG,
    ]
    ket = [
        f"* Realisasi {h.indikator} adalah angka yang dilaporkan; data dukung perhitungannya belum tersedia."
        for h in p.indikator
        if h.realisasi.sumber == "dilaporkan"
    ]
    ket += [f"Capaian {h.indikator} tidak dihitung." for h in p.indikator if h.capaian.nilai is None]
    if rata.catatan:
        ket.append(f"Rata-rata: {rata.catatan}.")
    return tabel(p.indikator, kolom, f"Pengukuran Kinerja Tahun {p.tahun}", kaki, id_, ket)


def judul_target_akhir(p: Pengukuran) -> str:
    """The end-of-period target's column, with its year from the Renstra's data (target_<n> of a period
    named 2021-2026 may be 2025's)."""
    r = p.data.renstra
    return f"Target akhir Renstra ({r.tahun_target[-1]})"


NAMA_TINGKAT = {"nasional": "Standar nasional", "provinsi": "Standar provinsi"}


def tabel_riwayat(h: HasilIndikator, riwayat: pd.DataFrame, renstra: pd.Series, p: Pengukuran, id_: str) -> Tabel:
    """One indicator over every year of the Renstra period with data (`hitung_riwayat`): one row per year,
    a standard's column only where standar.csv gives one (its source in a note), and the end-of-period
    target and progress in a note under the table."""
    d = p.aturan.digit_desimal
    rows = [r for r in riwayat.itertuples(index=False) if r.indikator_id == h.indikator_id]
    kolom = [
        Kol("Tahun", lambda r: str(int(r.tahun)), utuh=True),
        Kol("Target Renstra", lambda r: teks_target(r.target_renstra, h.satuan, d), True),
        Kol("Target PK", lambda r: teks_target(r.target, h.satuan, d), True),
        Kol("Realisasi", lambda r: nilai_satuan(r.realisasi, h.satuan, d), True),
        Kol("Capaian", lambda r: fmt.persen(r.capaian, d), True),
    ]
    catatan = [
        f"{judul_target_akhir(p)}: {teks_target(renstra.target_akhir, h.satuan, d)}; progres realisasi tahun "
        f"{p.tahun} terhadap target akhir: {fmt.persen(renstra.progres_akhir, d)}."
    ]
    for tingkat, nama in NAMA_TINGKAT.items():
        ada = [r for r in rows if not fmt.kosong(getattr(r, f"standar_{tingkat}"))]
        if not ada:
            continue
        kolom.append(
            Kol(nama, lambda r, t=tingkat: teks_target(getattr(r, f"standar_{t}"), h.satuan, d), True)  # type: ignore[misc]
        )
        sumber = dict.fromkeys(getattr(r, f"sumber_{tingkat}") for r in ada)
        catatan.append(f"Sumber {nama.lower()}: {'; '.join(sumber)}.")
    return tabel(
        rows,
        kolom,
        f"Realisasi per Tahun dan Target Renstra: {h.indikator}",
        id_=id_,
        catatan=catatan,
    )


def catatan_target_akhir(p: Pengukuran) -> str:
    r = p.data.renstra
    return (
        f"Progres terhadap target akhir Renstra adalah realisasi tahun ini dibandingkan dengan target tahun "
        f"ke-{r.jumlah_target} Renstra {r.tahun_awal}–{r.tahun_akhir} (tahun {r.tahun_target[-1]}), dengan rumus "
        "capaian sesuai polaritas indikator."
    )


def tabel_pk(p: Pengukuran, id_: str = "tabel-pk") -> Tabel:
    d = p.aturan.digit_desimal
    return tabel(
        p.indikator,
        [
            Kol("No", lambda h: str(h.sasaran_no), lebar=0.5),
            Kol("Sasaran", lambda h: h.sasaran, lebar=2.5),
            Kol("Indikator Kinerja", lambda h: h.indikator, lebar=3),
            Kol("Target", lambda h: teks_target(h.target, h.satuan, d), True),
        ],
        f"Perjanjian Kinerja Tahun {p.tahun}",
        id_=id_,
    )


def tabel_tujuan_sasaran(p: Pengukuran) -> Tabel:
    """Tabel 2.1: tujuan, sasaran, indikator and the five Renstra targets."""
    r = p.data.renstra
    d = p.aturan.digit_desimal
    sasaran = r.sasaran.set_index("sasaran_no").sasaran
    tujuan = r.tujuan.set_index("tujuan_id").tujuan
    per_sasaran = r.sasaran.set_index("sasaran_no").tujuan_id
    rows = r.indikator.to_dict("records")
    kolom = [
        Kol("Tujuan", lambda x: tujuan[per_sasaran[x["sasaran_no"]]], lebar=2),
        Kol("Sasaran", lambda x: sasaran[x["sasaran_no"]], lebar=2),
        Kol("Indikator", lambda x: x["indikator"], lebar=3),
    ]
    kolom += [
        Kol(f"{r.tahun_awal + i - 1}", (lambda i: lambda x: teks_target(x[f"target_{i}"], x["satuan"], d))(i), True)  # noqa: B023
        for i in range(1, r.jumlah_target + 1)
    ]
    return tabel(
        rows,
        kolom,
        f"Tujuan, Sasaran dan Target Indikator Renstra {r.tahun_awal}–{r.tahun_akhir} "
        f"(target tahun ke-1 s.d. ke-{r.jumlah_target})",
        id_="tabel-renstra",
    )


def tabel_capaian_renstra(p: Pengukuran, df: pd.DataFrame) -> Tabel:
    d = p.aturan.digit_desimal
    k = df.tahun_ke.iloc[0] if len(df) else None
    satuan = {h.indikator_id: h.satuan for h in p.indikator}
    rows = df.to_dict("records")
    return tabel(
        rows,
        [
            Kol("Indikator", lambda x: x["indikator"], lebar=3),
            Kol(
                f"Target Renstra {p.tahun}" + (f" (tahun ke-{k})" if k else ""),
                lambda x: teks_target(x["target_renstra"], satuan[x["indikator_id"]], d),
                True,
            ),
            Kol(f"Realisasi {p.tahun}", lambda x: nilai_satuan(x["realisasi"], satuan[x["indikator_id"]], d), True),
            Kol("Capaian terhadap target Renstra", lambda x: fmt.persen(x["capaian_renstra"], d), True),
            Kol(
                judul_target_akhir(p),
                lambda x: teks_target(x["target_akhir"], satuan[x["indikator_id"]], d),
                True,
            ),
            Kol("Progres terhadap target akhir", lambda x: fmt.persen(x["progres_akhir"], d), True),
        ],
        f"Realisasi {p.tahun} dibandingkan dengan Target Renstra",
        id_="tabel-capaian-renstra",
    )


def tabel_pembanding(p: Pengukuran, df: pd.DataFrame, tahun_lalu: int | None) -> Tabel:
    d = p.aturan.digit_desimal
    satuan = {h.indikator_id: h.satuan for h in p.indikator}
    t0 = tahun_lalu or "tahun lalu"
    return tabel(
        df.to_dict("records"),
        [
            Kol("Indikator", lambda x: x["indikator"], lebar=3),
            Kol(f"Target {t0}", lambda x: teks_target(x["target_lalu"], satuan[x["indikator_id"]], d), True),
            Kol(f"Target {p.tahun}", lambda x: teks_target(x["target"], satuan[x["indikator_id"]], d), True),
            Kol(f"Realisasi {t0}", lambda x: nilai_satuan(x["realisasi_lalu"], satuan[x["indikator_id"]], d), True),
            Kol(f"Realisasi {p.tahun}", lambda x: nilai_satuan(x["realisasi"], satuan[x["indikator_id"]], d), True),
            Kol(f"Capaian {t0}", lambda x: fmt.persen(x["capaian_lalu"], d), True),
            Kol(f"Capaian {p.tahun}", lambda x: fmt.persen(x["capaian"], d), True),
            Kol("Perubahan (poin)", lambda x: fmt.angka(x["perubahan_capaian"], d), True),
        ],
        f"Realisasi dan Capaian Kinerja Tahun {p.tahun} dan Tahun {t0}",
        id_="tabel-pembanding",
    )


def nama_indikator(p: Pengukuran, ids: str) -> str:
    """The names of the indicators of a comma-separated id list, as the reader knows them (no codes)."""
    nama = {h.indikator_id: h.indikator for h in p.indikator}
    return "; ".join(nama.get(i.strip(), i.strip()) for i in ids.split(",") if i.strip()) or fmt.KOSONG


def tabel_anggaran(p: Pengukuran, df: pd.DataFrame, efisiensi: bool = False) -> Tabel:
    d = p.aturan.digit_desimal
    rows = df.to_dict("records")
    if not efisiensi:
        total_pagu, total_real, serapan = total_anggaran(df)
        kaki: list[str | Isi] = [
            "",
            (Teks("Jumlah", tebal=True),),
            fmt.rupiah(total_pagu),
            fmt.rupiah(total_real),
            fmt.persen(serapan.nilai, d),
        ]
        return tabel(
            rows,
            [
                kol_nomor(rows),
                Kol("Program", lambda x: x["program"], lebar=3),
                Kol("Pagu Anggaran", lambda x: fmt.rupiah(x["pagu"]), True),
                Kol("Realisasi Anggaran", lambda x: fmt.rupiah(x["realisasi"]), True),
                Kol("Serapan", lambda x: fmt.persen(x["serapan"], d), True),
            ],
            f"Realisasi Anggaran per Program Tahun {p.tahun}",
            kaki,
            id_="tabel-anggaran",
        )
    return tabel(
        rows,
        [
            kol_nomor(rows),
            Kol("Program", lambda x: x["program"], lebar=3),
            Kol("Indikator", lambda x: nama_indikator(p, x["indikator_id"]), lebar=2),
            Kol("Serapan", lambda x: fmt.persen(x["serapan"], d), True),
            Kol("Capaian", lambda x: fmt.persen(x["capaian"], d), True),
            Kol(
                "Rumus",
                lambda x: (
                    f"1 − ({fmt.persen(x['serapan'], d)} / {fmt.persen(x['capaian'], d)})"
                    if x["efisiensi"] == x["efisiensi"] and x["efisiensi"] is not None
                    else x["catatan"]
                ),
            ),
            Kol("Efisiensi", lambda x: fmt.angka(x["efisiensi"], 3), True),
        ],
        f"Efisiensi Penggunaan Anggaran per Program Tahun {p.tahun}",
        id_="tabel-efisiensi",
    )


# --- the step-by-step calculation of one indicator ---------------------------------------


def _v(x, satuan: str) -> str:
    """A data value as typed, in its unit (1.004 unit, Rp1.500.000, 58,56%)."""
    if fmt.kosong(x):
        return fmt.KOSONG
    return fmt.persen(x) if satuan == "%" else fmt.dengan_satuan(x, satuan, 4, minimal=0)


def _substitusi(s: F.Langkah, d: int) -> str:
    return (
        f"{_v(s.pembilang_nilai, s.pembilang.satuan)} / {_v(s.penyebut_nilai, s.penyebut.satuan)}"
        f" × 100% = {fmt.persen(s.hasil.nilai, d)}"
    )


def tabel_komponen(h: HasilIndikator, sumber: str | None = None) -> Tabel | None:
    """The data behind one indicator. For the audit package (`sumber`: the file as shown), with the file
    and the row of every line; in the report, without them."""
    if not h.komponen:
        return None
    dipakai = {
        "pembilang": "pembilang",
        "penyebut": "penyebut",
        "populasi": "penyebut (populasi)",
        "kelompok": "kelompok",
        "tahun_n": "tahun n",
        "tahun_sebelumnya": "tahun n−1",
        "bagian": "bagian (dijumlahkan)",
        "nilai": "nilai",
    }
    kolom = [
        Kol("Uraian", lambda k: ("– " if k.peran == "rincian" else "") + k.uraian, lebar=3),
        Kol(
            "Peran dalam rumus", lambda k: dipakai.get(k.peran, "rincian" if k.peran == "rincian" else "data pendukung")
        ),
        Kol("Target", lambda k: _v(k.target, k.satuan), True),
        Kol("Realisasi", lambda k: _v(k.realisasi, k.satuan), True),
    ]
    if sumber is None:
        return tabel(h.komponen, kolom, f"Data Kinerja: {h.indikator}", id_=f"tabel-data-{h.indikator_id.lower()}")
    return tabel(
        h.komponen,
        [*kolom, Kol("Baris", lambda k: str(k.baris), True)],
        f"Data kinerja {h.indikator_id} (sumber: {sumber}, nomor baris)",
    )


def catatan_data_dukung(h: HasilIndikator, digit: int) -> str:
    """The plain-prose disclosure, printed where the figure appears, of a realisasi not computed from data."""
    if h.realisasi.nilai is None:
        return f"Realisasi {h.indikator} belum tersedia, sehingga capaiannya tidak dihitung."
    return (
        f"Realisasi {nilai_satuan(h.realisasi.nilai, h.satuan, digit)} adalah angka yang dilaporkan; "
        "data dukung untuk menghitungnya belum tersedia, sehingga angka ini belum dapat diverifikasi."
    )


def langkah_perhitungan(h: HasilIndikator, p: Pengukuran) -> Daftar:
    """The calculation as an auditor checks it, numbers substituted."""
    d = p.aturan.digit_desimal
    B = functools.partial(Teks, tebal=True)  # noqa: N806
    out: list[Isi] = [(B("Rumus realisasi"), Teks(f" ({F.JENIS_RUMUS[h.jenis_rumus]}): {h.rumus}."))]
    r = h.realisasi
    if r.sumber == "komponen" and h.jenis_rumus == "rata_rasio":
        items = "; ".join(f"{s.pembilang.uraian}: {_substitusi(s, d)}" for s in r.langkah)
        nilai = " + ".join(fmt.persen(s.hasil.nilai, d) for s in r.langkah)
        out.append(
            (
                B("Rasio tiap kelompok"),
                Teks(f" (realisasi / target): {items}. Rata-rata = ({nilai}) / {len(r.langkah)} = "),
                B(fmt.persen(r.nilai, d)),
            )
        )
    elif r.sumber == "komponen" and h.jenis_rumus == "jumlah":
        suku = " + ".join(_v(k.nilai, k.satuan) for k in h.komponen if k.peran == "bagian")
        out.append((B("Jumlah bagian"), Teks(f": {suku} = "), B(nilai_satuan(r.nilai, h.satuan, d))))
    elif r.sumber == "komponen" and h.jenis_rumus == "nilai":
        k = next(k for k in h.komponen if k.peran == "nilai")
        out.append((B("Nilai"), Teks(f": {k.uraian} = "), B(nilai_satuan(r.nilai, h.satuan, d))))
    elif r.sumber == "komponen":
        out.append((B("Substitusi"), Teks(f": {_substitusi(r.langkah[0], d)} → realisasi "), B(fmt.persen(r.nilai, d))))
    elif r.sumber == "dilaporkan":
        akhir = "" if h.jenis_rumus == "langsung" else ", karena data untuk menghitungnya belum tersedia"
        out.append(
            (B(f"Realisasi {nilai_satuan(r.nilai, h.satuan, d)}"), Teks(f" dipakai sebagaimana dilaporkan{akhir}."))
        )
    else:
        out.append((B("Realisasi tidak tersedia"), Teks(": capaian tidak dihitung.")))
    if h.capaian.nilai is not None:
        t, re_ = nilai_satuan(h.target, h.satuan, d, minimal=0), nilai_satuan(r.nilai, h.satuan, d)
        sub = (
            f"{re_} / {t} × 100% = {fmt.persen(h.capaian.nilai, d)}"
            if h.polaritas == "positif"
            else f"(2 × {t} − {re_}) / {t} × 100% = {fmt.persen(h.capaian.nilai, d)}"
        )
        out.append((B("Capaian"), Teks(f" (polaritas {h.polaritas}: {F.POLARITAS[h.polaritas]}): {sub}")))
    else:
        out.append((B("Capaian"), Teks(f": {h.capaian.catatan or ''}")))
    batas = p.aturan.batas_capaian
    if batas:  # without a cap there is nothing to say here (the rule is stated once, in Bab III)
        out.append(
            (
                B("Pembatasan"),
                Teks(
                    f": capaian dibatasi {fmt.angka(batas)}% sebelum dirata-ratakan; "
                    f"nilai yang dirata-ratakan {fmt.persen(h.capaian_dirata, d)}."
                ),
            )
        )
    kelas = next((k for k in p.aturan.skala.kelas if k.predikat == h.predikat), None)
    if kelas and h.predikat:
        out.append((B("Predikat"), Teks(": "), B(h.predikat), Teks(f" ({rentang(kelas)}).")))
    return Daftar(tuple(out), bernomor=True, gaya="langkah")


def tabel_iku(p: Pengukuran) -> Tabel:
    """The IKU: each indicator with its definition (formula), unit, polarity and source of its data."""

    def sumber(h: HasilIndikator) -> str:
        if h.realisasi.sumber == "komponen":
            dipakai = [k.uraian for k in h.komponen if k.peran not in ("rincian", "info")]
            if len(dipakai) > 3:
                return f"Data kinerja {len(dipakai)} kelompok, a.l. {dipakai[0]}; {dipakai[1]}"
            return "Data kinerja: " + "; ".join(dipakai)
        return "Realisasi yang dilaporkan (tanpa data dukung)" if h.realisasi.sumber == "dilaporkan" else fmt.KOSONG

    return tabel(
        p.indikator,
        [
            Kol("No", lambda h: str(p.indikator.index(h) + 1)),
            Kol("Indikator Kinerja", lambda h: h.indikator, lebar=3),
            Kol("Definisi / rumus perhitungan", lambda h: h.rumus, lebar=3),
            Kol("Satuan", lambda h: h.satuan),
            Kol(
                "Polaritas",
                lambda h: "semakin tinggi semakin baik" if h.polaritas == "positif" else "semakin rendah semakin baik",
            ),
            Kol("Sumber data", sumber, lebar=2),
        ],
        f"Indikator Kinerja Utama {p.aturan.instansi}",
        id_="tabel-iku",
    )


def sumber_langsung(h: HasilIndikator, m: Masukan) -> Tabel | None:
    """For the audit package: the row of realisasi_langsung.csv a reported realisasi comes from."""
    df = m.data.realisasi_langsung
    if h.realisasi.sumber == "komponen" or df is None:
        return None
    rows = df[df.indikator_id == h.indikator_id]
    sumber = m.proyek.relatif(m.data.folder / "realisasi_langsung.csv")
    return tabel(
        rows.to_dict("records"),
        [
            Kol("Indikator", lambda r: r["indikator_id"]),
            Kol("Realisasi dilaporkan", lambda r: _v(r["realisasi"], h.satuan), True),
            Kol("Keterangan", lambda r: r["keterangan"] or fmt.KOSONG),
            Kol("Baris", lambda r: str(r["baris"]), True),
        ],
        f"Realisasi {h.indikator_id} tanpa data dukung (sumber: {sumber}, nomor baris)",
    )


def tabel_sumber_anggaran(m: Masukan, df: pd.DataFrame) -> Tabel:
    """For the audit package: every budget figure with the row of anggaran.csv it comes from, and the
    program–indicator pairs with their rows in program_indikator.csv."""
    assert m.data.anggaran is not None  # df was computed from it
    asal = m.data.anggaran.set_index("program_kode").baris
    peta = m.data.program_indikator
    baris_peta = (
        {} if peta is None else {k: ", ".join(str(b) for b in g.baris) for k, g in peta.groupby("program_kode")}
    )
    return tabel(
        df.to_dict("records"),
        [
            Kol("Program", lambda r: f"{r['program_kode']} {r['program']}"),
            Kol("Pagu", lambda r: fmt.rupiah(r["pagu"]), True),
            Kol("Realisasi", lambda r: fmt.rupiah(r["realisasi"]), True),
            Kol("Serapan", lambda r: fmt.persen(r["serapan"], 6), True),
            Kol("Indikator", lambda r: r["indikator_id"] or fmt.KOSONG),
            Kol("Efisiensi", lambda r: fmt.angka(r["efisiensi"], 6), True),
            Kol("Baris anggaran.csv", lambda r: str(asal[r["program_kode"]]), True),
            Kol("Baris program_indikator.csv", lambda r: baris_peta.get(r["program_kode"], fmt.KOSONG), True),
        ],
        f"Sumber angka anggaran ({m.proyek.relatif(m.data.folder)}; nilai tanpa pembulatan)",
    )


# --- the headline average: its calculation and what it depends on ----------------------------


def rumus_rata_rata(p: Pengukuran) -> str:
    """The overall average as its calculation: '(88,31 + 58,56 + … + 18,00) / 10 = 92,90%'
    (the values that enter it, after any cap; indicators without capaian are left out)."""
    d = p.aturan.digit_desimal
    nilai = [h.capaian_dirata for h in p.dirata if not fmt.kosong(h.capaian_dirata)]
    if not nilai:
        return fmt.KOSONG
    return f"({' + '.join(fmt.angka(x, d) for x in nilai)}) / {len(nilai)} = {fmt.persen(p.rata_rata.nilai, d)}"


def tabel_sensitivitas(p: Pengukuran) -> Tabel:
    """The average and its predikat under the report's rule, with capping at 100 and 120, and without
    the indicators lacking supporting data (lkj.hitung.pengukuran.sensitivitas)."""
    d = p.aturan.digit_desimal
    nama = {h.indikator_id: h.indikator for h in p.indikator}
    return tabel(
        sensitivitas(p),
        [
            Kol("Aturan rata-rata", lambda s: s.uraian),
            Kol("Indikator dikeluarkan", lambda s: "; ".join(f"{i} {nama[i]}" for i in s.tanpa) or fmt.KOSONG),
            Kol("Rata-rata capaian", lambda s: fmt.persen(s.rata_rata.nilai, d), True),
            Kol("Predikat", lambda s: s.predikat or fmt.KOSONG, utuh=True),
        ],
        f"Kepekaan rata-rata capaian {p.tahun} terhadap aturan perhitungan",
    )


def tabel_unit_organisasi(baris: list[tuple[Any, Any]], tingkat: int) -> Tabel:
    """The units an organisation chart cut at `tingkat` leaves out, each with the unit it reports to
    (`charts.organisasi_terlalu_dalam`)."""
    return tabel(
        list(enumerate(baris, start=1)),
        [
            Kol("No", lambda x: str(x[0]), True, lebar=0.5),
            Kol("Unit Kerja", lambda x: x[1][0].unit, lebar=3),
            Kol("Di Bawah", lambda x: x[1][1].unit, lebar=3),
        ],
        f"Unit Kerja di Bawah Tingkat {tingkat} Bagan Organisasi",
        id_="tabel-unit-organisasi",
    )


# --- Bab I and the Lampiran: staff, the PK's programs, the Rencana Aksi -----------------------

KELOMPOK_PEGAWAI = {"golongan": "Golongan", "pendidikan": "Tingkat Pendidikan"}


def tabel_pegawai(pegawai: pd.DataFrame, kelompok: str, id_: str) -> Tabel | None:
    """Staff by golongan or by education (pegawai.csv, in the file's order) with the total; None without rows."""
    rows = [r for r in pegawai.itertuples(index=False) if r.kelompok == kelompok]
    if not rows:
        return None
    judul = KELOMPOK_PEGAWAI[kelompok]
    return tabel(
        rows,
        [
            kol_nomor(rows),
            Kol(judul, lambda r: r.uraian, lebar=3),
            Kol("Jumlah", lambda r: fmt.angka(r.jumlah), True, satuan="orang"),
        ],
        f"Jumlah Pegawai menurut {judul}",
        ["", (Teks("Jumlah", tebal=True),), (Teks(fmt.angka(sum(r.jumlah for r in rows)), tebal=True),)],
        id_,
    )


def tabel_program_pk(anggaran: pd.DataFrame, tahun: int, id_: str) -> Tabel:
    """The programs of the PK with their anggaran (pagu, anggaran.csv) and the total."""
    rows = list(anggaran.itertuples(index=False))
    return tabel(
        rows,
        [
            kol_nomor(rows),
            Kol("Program", lambda r: r.program, lebar=4),
            Kol("Anggaran", lambda r: fmt.angka(r.pagu), True, lebar=1.6, satuan="Rp"),
        ],
        f"Program dan Anggaran Perjanjian Kinerja Tahun {tahun}",
        ["", (Teks("Jumlah", tebal=True),), (Teks(fmt.angka(sum(r.pagu for r in rows)), tebal=True),)],
        id_,
    )


def tabel_rencana_aksi(p: Pengukuran, rencana: pd.DataFrame, id_: str) -> Tabel:
    """The Rencana Aksi: per PK indicator (in the PK's order) its activities and quarterly targets."""
    d = p.aturan.digit_desimal
    urutan = {h.indikator_id: i for i, h in enumerate(p.indikator)}
    per_id = {h.indikator_id: h for h in p.indikator}
    rows = sorted(rencana.itertuples(index=False), key=lambda r: (urutan[r.indikator_id], r.baris))
    awal = {r.indikator_id: r.baris for r in reversed(rows)}  # the first row of each indicator names it

    def indikator(r) -> str:
        return per_id[r.indikator_id].indikator if awal[r.indikator_id] == r.baris else ""

    def triwulan(i: int):  # the unit has its own column: a rupiah target fits a quarter's column
        return lambda r: fmt.angka(getattr(r, f"triwulan_{i}"), d, minimal=0)

    return tabel(
        rows,
        [
            Kol("Indikator Kinerja", indikator, lebar=2.2),
            Kol("Satuan", lambda r: indikator(r) and (per_id[r.indikator_id].satuan or fmt.KOSONG), lebar=0.8),
            Kol(
                "Target",
                lambda r: indikator(r) and fmt.angka(per_id[r.indikator_id].target, d, minimal=0),
                True,
                lebar=1.3,
            ),
            Kol("Kegiatan", lambda r: r.kegiatan or fmt.KOSONG, lebar=2.2),
            *(
                Kol(f"TW {romawi}", triwulan(i), True, lebar=1.3)
                for i, romawi in enumerate(("I", "II", "III", "IV"), 1)
            ),
        ],
        f"Rencana Aksi Tahun {p.tahun}",
        id_=id_,
        catatan=["Target triwulan adalah target kumulatif sampai dengan akhir triwulan."],
    )
