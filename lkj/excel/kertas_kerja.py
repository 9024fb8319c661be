"""The auditor's workbook (reports/<YEAR>/kertas-kerja-<YEAR>.xlsx): the data, and every figure as a live formula.

Raw component rows, reported values, budget rows, Renstra targets, the rules and the predikat
scale are data cells. Every derived figure (realisasi per jenis_rumus, capaian by polarity,
capped capaian, predikat by lookup on the scale sheet, sasaran and overall averages, serapan,
efisiensi) is an Excel formula over those cells; beside it stands the value the pipeline
computed (lkj.hitung) and a check cell that is TRUE when both agree (within 1e-9 relative). An
auditor who changes a data cell sees every consequence. The reviu findings have their own
sheet with filters. Bytes depend only on the inputs (xlsx.simpan).

Each formula cell also stores its result (the cached value), so viewers that do not recalculate show
it: the value the pipeline computed for the figure the formula recomputes, and for a check what the
check formula gives on those values. Tests hold every cached value to an independent engine
(test_excel.py) and, where installed, to LibreOffice recalculating the workbook (test_calc.py).
"""

from __future__ import annotations

import math
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..hitung.pengukuran import HasilIndikator, hitung, hitung_anggaran
from ..masukan.model import Masukan
from ..reviu import periksa
from ..reviu.keluaran import KOLOM_CSV, rekaman
from ..reviu.temuan import Temuan
from .xlsx import isi_teks, simpan, tulis_petunjuk

JUDUL = Font(bold=True)
ISI_DATA = PatternFill("solid", fgColor="DDEBF7")  # header of data columns
ISI_RUMUS = PatternFill("solid", fgColor="E2EFDA")  # header of formula columns
ISI_HITUNG = PatternFill("solid", fgColor="FFF2CC")  # header of pipeline values and checks
PERSEN = "0.00"
RUPIAH = "#,##0"


def path_kertas_kerja(m: Masukan) -> Path:
    return m.proyek.reports(m.tahun) / f"kertas-kerja-{m.tahun}.xlsx"


def _nilai(x) -> float | None:
    """A pipeline value as a cell value (None and NaN -> empty)."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return None
    return x


def _cek(rumus: str, hitung_: str) -> str:
    """TRUE when the formula and the pipeline agree: both empty, or within 1e-9 relative."""
    return (
        f'=IF(AND({rumus}="",{hitung_}=""),TRUE,IF(OR({rumus}="",{hitung_}=""),FALSE,'
        f"ABS({rumus}-{hitung_})<=1E-9*MAX(ABS({rumus}),ABS({hitung_}))))"
    )


def _cek_teks(rumus: str, hitung_: str) -> str:
    return f"={rumus}={hitung_}"


def _kosong(x) -> bool:
    return x is None or (isinstance(x, str) and x == "")


def _hasil_cek(a, b) -> bool:
    """What `_cek` gives on the values a and b (None: an empty cell)."""
    if _kosong(a) or _kosong(b):
        return _kosong(a) and _kosong(b)
    return bool(abs(a - b) <= 1e-9 * max(abs(a), abs(b)))


def _hasil_cek_teks(a, b) -> bool:
    """What `_cek_teks` gives: Excel compares text without regard to case; an empty cell equals ""."""
    return str(a or "").casefold() == str(b or "").casefold()


class Lembar:
    """A sheet written row by row: header with a fill per kind of column, then values; `hasil` keeps the
    cached result of each formula cell written, `cek` the result of each check cell."""

    def __init__(self, wb: Workbook, nama: str, kolom: list[tuple[str, str, str | None, int]]):
        # kolom: (header, kind: data|rumus|hitung, number format, width)
        self.ws: Worksheet = wb.create_sheet(nama)
        self.nama = nama
        self.kolom = kolom
        self.indeks = {h: i + 1 for i, (h, *_rest) in enumerate(kolom)}
        isi = {"data": ISI_DATA, "rumus": ISI_RUMUS, "hitung": ISI_HITUNG}
        for j, (h, jenis, _fmt, lebar) in enumerate(kolom, start=1):
            c = self.ws.cell(1, j)
            isi_teks(c, h)
            c.font, c.fill = JUDUL, isi[jenis]
            self.ws.column_dimensions[get_column_letter(j)].width = lebar
        self.ws.freeze_panes = "A2"
        self.baris = 1
        self.hasil: dict[str, object] = {}
        self.cek: list[bool] = []

    def huruf(self, header: str) -> str:
        return get_column_letter(self.indeks[header])

    def sel(self, header: str, baris: int | None = None, mutlak: bool = False, lembar: bool = False) -> str:
        r = self.baris if baris is None else baris
        ref = f"${self.huruf(header)}${r}" if mutlak else f"{self.huruf(header)}{r}"
        return f"'{self.nama}'!{ref}" if lembar else ref

    def tambah(self, nilai: dict[str, object]) -> int:
        self.baris += 1
        isi = {h: v.nilai if isinstance(v, Rumus) else _nilai(v) for h, v in nilai.items() if not isinstance(v, Cek)}
        for h, v in nilai.items():
            if isinstance(v, Cek):  # the check formula of two cells of this row, and its result on them
                a, b = isi.get(v.rumus), isi.get(v.hitung)
                hasil = _hasil_cek_teks(a, b) if v.teks else _hasil_cek(a, b)
                sel = (self.sel(v.rumus), self.sel(v.hitung))
                v = Rumus((_cek_teks if v.teks else _cek)(*sel), hasil)
                self.cek.append(hasil)
            c = self.ws.cell(self.baris, self.indeks[h])
            fmt = self.kolom[self.indeks[h] - 1][2]
            if fmt:
                c.number_format = fmt
            if isinstance(v, Rumus):
                c.value = v.teks
                self.hasil[c.coordinate] = v.nilai
            elif isinstance(v, str):
                isi_teks(c, v)
            else:
                c.value = _nilai(v)
        return self.baris


class Rumus:
    """A formula we wrote (only these become formula cells; all data text stays text), with its result:
    the pipeline's value of what it computes (None or NaN: the formula's "")."""

    def __init__(self, teks: str, nilai: object):
        assert teks.startswith("=")
        self.teks = teks
        self.nilai = _nilai(nilai)


class Cek:
    """The check cell of a row: formula column `rumus` against pipeline column `hitung` (text: `teks`)."""

    def __init__(self, rumus: str, hitung_: str, teks: bool = False):
        self.rumus, self.hitung, self.teks = rumus, hitung_, teks


def _rata(refs: list[str], nilai: object) -> Rumus:
    daftar = ",".join(refs)
    return Rumus(f'=IF(COUNT({daftar})=0,"",AVERAGE({daftar}))', nilai)


def tulis_kertas_kerja(m: Masukan, temuan: list[Temuan] | None = None) -> bytes:
    """The auditor's workbook of a year, as reproducible bytes (`temuan`: the reviu findings, when the
    caller has them already)."""
    p, _lalu = hitung(m)
    a = m.aturan
    d = m.data
    wb = Workbook()
    petunjuk = wb.active
    petunjuk.title = "Petunjuk"

    # --- rules and scale ---------------------------------------------------------------------
    aturan = Lembar(
        wb, "Aturan", [("kunci", "data", None, 26), ("nilai", "data", None, 40), ("keterangan", "data", None, 70)]
    )
    aturan.tambah({"kunci": "tahun", "nilai": m.tahun, "keterangan": "tahun laporan"})
    aturan.tambah({"kunci": "instansi", "nilai": a.instansi})
    baris_batas = aturan.tambah(
        {
            "kunci": "batas_capaian",
            "nilai": a.batas_capaian,
            "keterangan": "batas capaian sebelum dirata-ratakan; kosong = tanpa batas",
        }
    )
    aturan.tambah(
        {
            "kunci": "indikator_rata_rata",
            "nilai": a.indikator_rata_rata
            if isinstance(a.indikator_rata_rata, str)
            else ", ".join(a.indikator_rata_rata),
            "keterangan": "indikator yang masuk rata-rata keseluruhan (kolom ikut_rata_rata di lembar Indikator)",
        }
    )
    aturan.tambah(
        {"kunci": "digit_desimal", "nilai": a.digit_desimal, "keterangan": "pembulatan tampilan (setengah ke atas)"}
    )
    batas = aturan.sel("nilai", baris_batas, mutlak=True, lembar=True)

    skala = Lembar(
        wb,
        "Skala",
        [
            ("predikat", "data", None, 18),
            ("dari", "data", "0.00", 10),
            ("sampai", "data", "0.00", 10),
            ("keterangan", "data", None, 60),
        ],
    )
    for k in a.skala.kelas:
        skala.tambah(
            {
                "predikat": k.predikat,
                "dari": k.dari,
                "sampai": k.sampai,
                "keterangan": "dari <= capaian < sampai; kosong = tanpa batas",
            }
        )
    n_kelas = len(a.skala.kelas)

    def predikat(cap: str, nilai: str | None) -> Rumus:
        if n_kelas == 1:
            return Rumus(f'=IF({cap}="","",Skala!$A$2)', nilai or "")
        return Rumus(
            f'=IF({cap}="","",IF({cap}<Skala!$B$3,Skala!$A$2,'
            f"INDEX(Skala!$A$3:$A${n_kelas + 1},MATCH({cap},Skala!$B$3:$B${n_kelas + 1},1))))",
            nilai or "",
        )

    # --- raw data ----------------------------------------------------------------------------
    renstra = Lembar(
        wb,
        "Renstra",
        [
            ("indikator_id", "data", None, 12),
            ("sasaran_no", "data", "0", 10),
            ("indikator", "data", None, 50),
            ("satuan", "data", None, 8),
            ("polaritas", "data", None, 10),
            ("jenis_rumus", "data", None, 12),
        ]
        + [(k, "data", "General", 10) for k in d.renstra.kolom_target],
    )
    for r in d.renstra.indikator.itertuples(index=False):
        renstra.tambah(
            {
                "indikator_id": r.indikator_id,
                "sasaran_no": r.sasaran_no,
                "indikator": r.indikator,
                "satuan": r.satuan,
                "polaritas": r.polaritas,
                "jenis_rumus": r.jenis_rumus,
                **{k: getattr(r, k) for k in d.renstra.kolom_target},
            }
        )

    komponen = Lembar(
        wb,
        "Komponen",
        [
            ("indikator_id", "data", None, 12),
            ("komponen_id", "data", None, 12),
            ("kelompok", "data", None, 10),
            ("peran", "data", None, 16),
            ("uraian", "data", None, 50),
            ("satuan", "data", None, 10),
            ("target", "data", "General", 10),
            ("realisasi", "data", "General", 10),
            ("baris_csv", "data", "0", 9),
            ("rasio_kelompok", "rumus", PERSEN, 14),
            ("rasio_kelompok_pipeline", "hitung", PERSEN, 14),
            ("cek_rasio", "hitung", None, 10),
        ],
    )
    baris_komponen: dict[int, int] = {}  # komponen.csv row -> Excel row
    rasio_kelompok: dict[int, float | None] = {}
    for h in p.indikator:
        if h.jenis_rumus == "rata_rasio":
            for langkah in h.realisasi.langkah:
                rasio_kelompok[langkah.pembilang.baris] = langkah.hasil.nilai
    for r in d.komponen.itertuples(index=False) if d.komponen is not None else []:
        nilai = {
            "indikator_id": r.indikator_id,
            "komponen_id": r.komponen_id,
            "kelompok": r.kelompok,
            "peran": r.peran,
            "uraian": r.uraian,
            "satuan": r.satuan,
            "target": r.target,
            "realisasi": r.realisasi,
            "baris_csv": r.baris,
        }
        baris_komponen[r.baris] = row = komponen.baris + 1
        if r.baris in rasio_kelompok:
            t, re_ = komponen.sel("target", row), komponen.sel("realisasi", row)
            nilai.update(
                {
                    "rasio_kelompok": Rumus(
                        f'=IF(OR({re_}="",{t}=""),"",IF({t}=0,"",{re_}/{t}*100))', rasio_kelompok[r.baris]
                    ),
                    "rasio_kelompok_pipeline": rasio_kelompok[r.baris],
                    "cek_rasio": Cek("rasio_kelompok", "rasio_kelompok_pipeline"),
                }
            )
        komponen.tambah(nilai)

    langsung = Lembar(
        wb,
        "Langsung",
        [
            ("indikator_id", "data", None, 12),
            ("realisasi", "data", "General", 12),
            ("keterangan", "data", None, 70),
            ("baris_csv", "data", "0", 9),
        ],
    )
    baris_langsung: dict[str, int] = {}
    for r in d.realisasi_langsung.itertuples(index=False) if d.realisasi_langsung is not None else []:
        baris_langsung[r.indikator_id] = langsung.tambah(
            {"indikator_id": r.indikator_id, "realisasi": r.realisasi, "keterangan": r.keterangan, "baris_csv": r.baris}
        )

    def ref_komponen(kolom: str, k) -> str:
        return komponen.sel(kolom, baris_komponen[k.baris], lembar=True)

    def realisasi(h: HasilIndikator) -> Rumus | None:
        nilai = h.realisasi.nilai
        if h.jenis_rumus != "langsung" and h.komponen:
            ks = h.komponen
            if h.jenis_rumus == "rasio":
                atas = next(k for k in ks if k.peran == "pembilang")
                bawah = next(k for k in ks if k.peran in ("penyebut", "populasi"))
                x = ref_komponen("realisasi", atas)
                y = ref_komponen("target" if bawah.peran == "populasi" else "realisasi", bawah)
                return Rumus(f'=IF(OR({x}="",{y}=""),"",IF({y}=0,"",{x}/{y}*100))', nilai)
            if h.jenis_rumus == "rata_rasio":
                return _rata([ref_komponen("rasio_kelompok", k) for k in ks if k.peran == "kelompok"], nilai)
            if h.jenis_rumus == "pertumbuhan":
                n = ref_komponen("realisasi", next(k for k in ks if k.peran == "tahun_n"))
                n1 = ref_komponen("realisasi", next(k for k in ks if k.peran == "tahun_sebelumnya"))
                return Rumus(f'=IF(OR({n}="",{n1}=""),"",IF({n1}=0,"",({n}-{n1})/{n1}*100))', nilai)
            if h.jenis_rumus == "jumlah":  # undefined while any part is empty, as in lkj.hitung
                bagian = [ref_komponen("realisasi", k) for k in ks if k.peran == "bagian"]
                kosong = ",".join(f'{b}=""' for b in bagian)
                return Rumus(f'=IF(OR({kosong}),"",{"+".join(bagian)})', nilai)
            if h.jenis_rumus == "nilai":
                x = ref_komponen("realisasi", next(k for k in ks if k.peran == "nilai"))
                return Rumus(f'=IF({x}="","",{x})', nilai)
        if h.indikator_id in baris_langsung:
            ref = langsung.sel("realisasi", baris_langsung[h.indikator_id], lembar=True)
            return Rumus(f'=IF({ref}="","",{ref})', nilai)
        return None

    # --- measurement -------------------------------------------------------------------------
    ind = Lembar(
        wb,
        "Indikator",
        [
            ("sasaran_no", "data", "0", 10),
            ("indikator_id", "data", None, 12),
            ("indikator", "data", None, 45),
            ("polaritas", "data", None, 10),
            ("jenis_rumus", "data", None, 12),
            ("target", "data", "General", 10),
            ("ikut_rata_rata", "data", None, 10),
            ("realisasi", "rumus", PERSEN, 12),
            ("realisasi_pipeline", "hitung", PERSEN, 12),
            ("cek_realisasi", "hitung", None, 10),
            ("capaian", "rumus", PERSEN, 12),
            ("capaian_pipeline", "hitung", PERSEN, 12),
            ("cek_capaian", "hitung", None, 10),
            ("capaian_dirata", "rumus", PERSEN, 12),
            ("capaian_dirata_pipeline", "hitung", PERSEN, 12),
            ("cek_capaian_dirata", "hitung", None, 10),
            ("predikat", "rumus", None, 14),
            ("predikat_pipeline", "hitung", None, 14),
            ("cek_predikat", "hitung", None, 10),
            ("masuk_rata_rata", "rumus", PERSEN, 12),
            ("catatan", "data", None, 60),
        ],
    )
    baris_ind: dict[str, int] = {}
    for h in p.indikator:
        r = ind.baris + 1
        baris_ind[h.indikator_id] = r
        s = lambda kolom, r=r: ind.sel(kolom, r)  # noqa: E731
        real, tgt, pol, cap, dir_ = s("realisasi"), s("target"), s("polaritas"), s("capaian"), s("capaian_dirata")
        ind.tambah(
            {
                "sasaran_no": h.sasaran_no,
                "indikator_id": h.indikator_id,
                "indikator": h.indikator,
                "polaritas": h.polaritas,
                "jenis_rumus": h.jenis_rumus,
                "target": h.target,
                "ikut_rata_rata": a.ikut_rata_rata(h.indikator_id),
                "realisasi": realisasi(h),
                "realisasi_pipeline": h.realisasi.nilai,
                "cek_realisasi": Cek("realisasi", "realisasi_pipeline"),
                "capaian": Rumus(
                    f'=IF(OR({real}="",{tgt}=""),"",IF({tgt}=0,"",IF({pol}="positif",{real}/{tgt}*100,'
                    f"(2*{tgt}-{real})/{tgt}*100)))",
                    h.capaian.nilai,
                ),
                "capaian_pipeline": h.capaian.nilai,
                "cek_capaian": Cek("capaian", "capaian_pipeline"),
                "capaian_dirata": Rumus(f'=IF({cap}="","",IF({batas}="",{cap},MIN({cap},{batas})))', h.capaian_dirata),
                "capaian_dirata_pipeline": h.capaian_dirata,
                "cek_capaian_dirata": Cek("capaian_dirata", "capaian_dirata_pipeline"),
                "predikat": predikat(cap, h.predikat),
                "predikat_pipeline": h.predikat or "",
                "cek_predikat": Cek("predikat", "predikat_pipeline", teks=True),
                "masuk_rata_rata": Rumus(
                    f'=IF(AND({s("ikut_rata_rata")}=TRUE,{dir_}<>""),{dir_},"")',
                    h.capaian_dirata if a.ikut_rata_rata(h.indikator_id) is True else None,
                ),
                "catatan": "; ".join(h.catatan),
            }
        )
    akhir_ind = ind.baris

    sas = Lembar(
        wb,
        "Sasaran",
        [
            ("sasaran_no", "data", "0", 10),
            ("sasaran", "data", None, 55),
            ("rata_rata", "rumus", PERSEN, 12),
            ("rata_rata_pipeline", "hitung", PERSEN, 12),
            ("cek_rata_rata", "hitung", None, 10),
            ("predikat", "rumus", None, 14),
            ("predikat_pipeline", "hitung", None, 14),
            ("cek_predikat", "hitung", None, 10),
        ],
    )

    def baris_rata(no, nama, rumus: Rumus, nilai) -> None:
        r = sas.baris + 1
        sas.tambah(
            {
                "sasaran_no": no,
                "sasaran": nama,
                "rata_rata": rumus,
                "rata_rata_pipeline": nilai,
                "cek_rata_rata": Cek("rata_rata", "rata_rata_pipeline"),
                "predikat": predikat(sas.sel("rata_rata", r), a.skala.predikat(nilai)),
                "predikat_pipeline": a.skala.predikat(nilai) or "",
                "cek_predikat": Cek("predikat", "predikat_pipeline", teks=True),
            }
        )

    for no, nama in p.sasaran:
        refs = [
            ind.sel("capaian_dirata", baris_ind[h.indikator_id], lembar=True) for h in p.indikator if h.sasaran_no == no
        ]
        rata = p.rata_rata_sasaran(no).nilai
        baris_rata(no, nama, _rata(refs, rata), rata)
    kolom_masuk = f"Indikator!${ind.huruf('masuk_rata_rata')}$2:${ind.huruf('masuk_rata_rata')}${max(akhir_ind, 2)}"
    baris_rata(
        None,
        "Rata-rata capaian keseluruhan (indikator dengan ikut_rata_rata TRUE)",
        Rumus(f'=IF(COUNT({kolom_masuk})=0,"",AVERAGE({kolom_masuk}))', p.rata_rata.nilai),
        p.rata_rata.nilai,
    )

    # --- budget ------------------------------------------------------------------------------
    tabel = hitung_anggaran(p)
    if tabel is not None:
        ang = Lembar(
            wb,
            "Anggaran",
            [
                ("program_kode", "data", None, 12),
                ("program", "data", None, 50),
                ("pagu", "data", RUPIAH, 16),
                ("realisasi", "data", RUPIAH, 16),
                ("serapan", "rumus", PERSEN, 10),
                ("serapan_pipeline", "hitung", PERSEN, 10),
                ("cek_serapan", "hitung", None, 10),
                ("indikator_id", "data", None, 14),
                ("capaian", "rumus", PERSEN, 10),
                ("capaian_pipeline", "hitung", PERSEN, 10),
                ("cek_capaian", "hitung", None, 10),
                ("efisiensi", "rumus", "0.0000", 10),
                ("efisiensi_pipeline", "hitung", "0.0000", 10),
                ("cek_efisiensi", "hitung", None, 10),
                ("catatan", "data", None, 50),
            ],
        )
        for r in tabel.itertuples(index=False):
            row = ang.baris + 1
            s = lambda kolom, row=row: ang.sel(kolom, row)  # noqa: E731
            ids = [i for i in r.indikator_id.split(",") if i]
            ser, cap = s("serapan"), s("capaian")
            ang.tambah(
                {
                    "program_kode": r.program_kode,
                    "program": r.program,
                    "pagu": r.pagu,
                    "realisasi": _nilai(r.realisasi),
                    "serapan": Rumus(
                        f'=IF(OR({s("pagu")}="",{s("realisasi")}=""),"",IF({s("pagu")}=0,"",'
                        f"{s('realisasi')}/{s('pagu')}*100))",
                        r.serapan,
                    ),
                    "serapan_pipeline": r.serapan,
                    "cek_serapan": Cek("serapan", "serapan_pipeline"),
                    "indikator_id": r.indikator_id,
                    "capaian": _rata([ind.sel("capaian", baris_ind[i], lembar=True) for i in ids], r.capaian)
                    if ids
                    else None,
                    "capaian_pipeline": r.capaian,
                    "cek_capaian": Cek("capaian", "capaian_pipeline"),
                    "efisiensi": Rumus(f'=IF(OR({ser}="",{cap}=""),"",IF({cap}=0,"",1-{ser}/{cap}))', r.efisiensi)
                    if ids
                    else None,
                    "efisiensi_pipeline": r.efisiensi,
                    "cek_efisiensi": Cek("efisiensi", "efisiensi_pipeline"),
                    "catatan": r.catatan,
                }
            )

    # --- reviu -------------------------------------------------------------------------------
    temuan = periksa(m) if temuan is None else temuan
    rev = Lembar(
        wb,
        "Reviu",
        [
            (
                k,
                "data",
                "General" if k.startswith(("nilai", "selisih")) else None,
                50 if k in ("uraian", "lokasi") else 24 if k in ("angka", "tertulis", "benar") else 14,
            )
            for k in KOLOM_CSV
        ],
    )
    for temuan_ in temuan:  # one row per wrong figure, as the CSV
        for r in rekaman(temuan_):
            rev.tambah(r)
    rev.ws.auto_filter.ref = f"A1:{get_column_letter(len(KOLOM_CSV))}{max(rev.baris, 2)}"

    lembar_cek = [ind, sas] + ([ang] if tabel is not None else []) + [komponen]
    salah = _petunjuk(petunjuk, m, lembar_cek)
    return simpan(wb, {lb.nama: lb.hasil for lb in lembar_cek} | {"Petunjuk": salah})


def _petunjuk(ws: Worksheet, m: Masukan, lembar_cek: list[Lembar]) -> dict[str, object]:
    """The instructions, and the count of FALSE checks (formula and its cached result)."""
    teks = [
        f"Kertas kerja Laporan Kinerja {m.tahun}: {m.aturan.instansi}",
        "",
        "Lembar biru (Aturan, Skala, Renstra, Komponen, Langsung, kolom biru lembar lain) berisi data mentah "
        "dari data/raw dan params; kolom hijau adalah rumus Excel atas sel-sel itu; kolom kuning adalah nilai "
        "yang dihitung pipeline lkj dan sel cek yang TRUE (tampil BENAR pada Excel atau LibreOffice berbahasa "
        "Indonesia) bila rumus dan pipeline sama (selisih relatif <= 1E-9).",
        "Ubah sel data (mis. realisasi sebuah komponen) untuk melihat akibatnya pada realisasi, capaian, predikat, "
        "rata-rata dan efisiensi; sel cek lalu menjadi FALSE (SALAH) karena nilai pipeline tetap.",
        "Setiap sel rumus juga menyimpan hasilnya, sehingga penampil yang tidak menghitung (pratinjau surel atau "
        "ponsel, pandas) menampilkan angkanya. Excel menghitung ulang semua rumus saat membuka; LibreOffice Calc "
        "menampilkan hasil yang tersimpan dan menghitung ulang sel yang terdampak bila sebuah sel diubah. Untuk "
        "menghitung ulang semua rumus sendiri, tekan Ctrl+Shift+F9.",
        "Realisasi: rasio = pembilang / penyebut × 100 (populasi memakai kolom target); rata_rasio = rata-rata "
        "rasio kelompok; pertumbuhan = (tahun n − tahun n−1) / tahun n−1 × 100; jumlah = jumlah baris bagian; "
        "nilai = baris nilai (dalam satuan indikator); langsung = lembar Langsung.",
        "Capaian: positif = realisasi / target × 100; negatif = (2 × target − realisasi) / target × 100. "
        "Predikat dicari pada lembar Skala dari capaian sebelum dibatasi; rata-rata memakai capaian_dirata "
        "(dibatasi batas_capaian bila diisi).",
        "Serapan = realisasi / pagu × 100; efisiensi = 1 − serapan / capaian indikator program.",
        "Lembar Reviu berisi temuan reviu dengan filter, satu baris per angka yang salah (kolom akar: kode temuan "
        "akar masalahnya; status dikoreksi/terbuka).",
        "",
        "Jumlah sel cek yang FALSE (SALAH):",
    ]
    tulis_petunjuk(ws, teks)
    ws.column_dimensions["A"].width = 120
    bagian = []
    for lb in lembar_cek:
        for h, *_rest in lb.kolom:
            if h.startswith("cek_") and lb.baris >= 2:
                kol = lb.huruf(h)
                bagian.append(f"COUNTIF('{lb.nama}'!${kol}$2:${kol}${lb.baris},FALSE)")
    sel = ws.cell(len(teks), 2)
    sel.value = "=" + ("+".join(bagian) or "0")
    return {sel.coordinate: sum(not c for lb in lembar_cek for c in lb.cek)}
