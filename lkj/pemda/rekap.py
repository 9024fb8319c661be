"""The Inspektorat's rekap of a workspace: one row per OPD, in <workspace>/reports/rekap-<YEAR>.html, .xlsx, .csv.

Each row is read from what the OPD's build left, never from its HTML: the validated model the build used
(build/<YEAR>/masukan.pickle), measured again with lkj.hitung (the same numbers as its report), and its
reviu (reports/<YEAR>/reviu-<YEAR>.csv). An OPD whose build failed has a row naming the failure and no
numbers (an older build's numbers would pass for this year's).
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import json
from dataclasses import dataclass
from pathlib import Path

from .. import fmt
from ..files import tulis_atomik
from ..masukan.errors import DataError
from ..masukan.proyek import Proyek
from ..reviu.temuan import KATEGORI
from .ruang import Ruang


@dataclass
class BarisRekap:
    proyek: str  # the project folder in the workspace
    instansi: str = ""
    jumlah_indikator: int | None = None
    rata_rata_capaian: float | None = None
    predikat: str | None = None
    di_bawah_target: int | None = None  # indicators whose capaian is below 100%
    tanpa_capaian: int | None = None  # indicators without a capaian (no realisasi, or target 0)
    serapan: float | None = None  # the whole budget, percent
    temuan: dict[str, int] | None = None  # reviu findings per category
    final_siap: bool | None = None
    final_kurang: str = ""  # what FINAL=1 still needs, one item per " | " (an item may hold "; ")
    laporan: str = ""  # the report, relative to the workspace
    galat: str = ""  # the build failed: its one line


def baris_proyek(ruang: Ruang, nama: str, tahun: int) -> BarisRekap:
    """One OPD's row, from its built model and reviu."""
    from ..hitung.pengukuran import hitung, total_anggaran
    from ..masukan.model import muat
    from ..pipeline import masalah_final

    proyek = Proyek.di(ruang.folder(nama))
    model = proyek.build(tahun) / "masukan.pickle"
    reviu = proyek.reports(tahun) / f"reviu-{tahun}.csv"
    if not model.is_file() or not reviu.is_file():
        return BarisRekap(nama, galat="belum dibangun (jalankan make semua)")
    m = muat(model)
    p, _ = hitung(m)
    rata = p.rata_rata.nilai
    with reviu.open(encoding="utf-8", newline="") as f:
        kategori = [r["kategori"] for r in csv.DictReader(f)]
    anggaran = m.data.anggaran
    kurang = masalah_final(m)
    laporan = proyek.reports(tahun) / f"laporan-kinerja-{tahun}.html"
    return BarisRekap(
        proyek=nama,
        instansi=m.aturan.instansi,
        jumlah_indikator=len(p.indikator),
        rata_rata_capaian=rata,
        predikat=m.aturan.skala.predikat(rata),
        di_bawah_target=sum(1 for h in p.indikator if h.capaian.nilai is not None and h.capaian.nilai < 100),
        tanpa_capaian=sum(1 for h in p.indikator if h.capaian.nilai is None),
        serapan=None if anggaran is None or anggaran.empty else total_anggaran(anggaran)[2].nilai,
        temuan={k: kategori.count(k) for k in KATEGORI},
        final_siap=not kurang,
        final_kurang=" | ".join(kurang),
        laporan=laporan.relative_to(ruang.root).as_posix(),
    )


KOLOM = [
    ("proyek", "Folder"),
    ("instansi", "OPD"),
    ("jumlah_indikator", "Indikator"),
    ("rata_rata_capaian", "Rata-rata capaian (%)"),
    ("predikat", "Predikat"),
    ("di_bawah_target", "Di bawah target"),
    ("tanpa_capaian", "Tanpa capaian"),
    ("serapan", "Serapan anggaran (%)"),
    *((f"temuan:{k}", f"Temuan: {k}") for k in KATEGORI),
    ("final_siap", "Siap FINAL=1"),
    ("final_kurang", "Yang kurang untuk FINAL=1"),
    ("laporan", "Laporan"),
    ("galat", "Gagal dibangun"),
]


def _nilai(b: BarisRekap, kunci: str):
    if kunci.startswith("temuan:"):
        return None if b.temuan is None else b.temuan[kunci.split(":", 1)[1]]
    return getattr(b, kunci)


def ke_csv(baris: list[BarisRekap]) -> str:
    """Raw values (unrounded, `.` decimals), one row per OPD; text a spreadsheet would run stays text."""
    from ..reviu.keluaran import teks_aman

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([k.replace(":", "_").replace(" ", "_") for k, _ in KOLOM])
    for b in baris:
        nilai = [_nilai(b, k) for k, _ in KOLOM]
        w.writerow(["" if v is None else teks_aman(v) if isinstance(v, str) else int(v) if isinstance(v, bool) else v
                    for v in nilai])  # fmt: skip
    return buf.getvalue()


def ke_xlsx(baris: list[BarisRekap], judul: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from ..excel.xlsx import isi_teks, simpan

    wb = Workbook()
    ws = wb.active
    ws.title = "Rekap"
    isi_teks(ws.cell(1, 1), judul)
    ws.cell(1, 1).font = Font(bold=True, size=13)
    for j, (_, label) in enumerate(KOLOM, start=1):
        isi_teks(ws.cell(3, j), label)
        ws.cell(3, j).font = Font(bold=True)
    for i, b in enumerate(baris, start=4):
        for j, (k, _) in enumerate(KOLOM, start=1):
            v = _nilai(b, k)
            if isinstance(v, str):
                isi_teks(ws.cell(i, j), v)
            elif isinstance(v, bool):
                isi_teks(ws.cell(i, j), "ya" if v else "belum")
            elif v is not None:
                ws.cell(i, j).value = v
                if k in ("rata_rata_capaian", "serapan"):
                    ws.cell(i, j).number_format = "0.00"
    ws.freeze_panes = "C4"
    return simpan(wb)


def ke_html(baris: list[BarisRekap], judul: str, tahun: int) -> str:
    """The rekap page: the table, the findings per category, and a chart of the averages across OPDs."""
    from ..tampil.charts import capaian_per_indikator

    ada = [b for b in baris if b.rata_rata_capaian is not None]
    grafik = (
        capaian_per_indikator([b.instansi for b in ada], [b.rata_rata_capaian for b in ada], 2, "").svg if ada else ""
    )
    e = html.escape
    kepala = "".join(f"<th>{e(label)}</th>" for k, label in KOLOM if k not in ("proyek", "laporan", "galat"))
    isi = []
    for b in baris:
        if b.galat:
            isi.append(f'<tr class="gagal"><td>{e(b.instansi or b.proyek)}</td>'
                       f'<td colspan="{len(KOLOM) - 4}">Gagal dibangun: {e(b.galat)}</td></tr>')  # fmt: skip
            continue
        sel = [f'<td><a href="{e(b.laporan)}">{e(b.instansi)}</a></td>', f"<td>{b.jumlah_indikator}</td>"]
        sel += [f"<td>{fmt.persen(b.rata_rata_capaian, 2)}</td>", f"<td>{e(b.predikat or fmt.KOSONG)}</td>"]
        sel += [f"<td>{b.di_bawah_target}</td>", f"<td>{b.tanpa_capaian}</td>", f"<td>{fmt.persen(b.serapan, 2)}</td>"]
        sel += [f"<td>{(b.temuan or {}).get(k, 0)}</td>" for k in KATEGORI]
        sel += [f"<td>{'ya' if b.final_siap else 'belum'}</td>", f"<td>{e(b.final_kurang) or fmt.KOSONG}</td>"]
        isi.append(f"<tr{'' if b.final_siap else ' class=belum'}>{''.join(sel)}</tr>")
    return f"""<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8"><title>{e(judul)}</title>
<style>
body {{ font-family: "Liberation Sans", Arial, sans-serif; margin: 2em; }}
table {{ border-collapse: collapse; font-size: 0.85em; }}
th, td {{ border: 1px solid #999; padding: 0.25em 0.5em; vertical-align: top; }}
th {{ background: #e8eef5; }} tr.gagal td {{ background: #fde2e2; }} tr.belum td:nth-last-child(2) {{ color: #a00; }}
</style></head><body>
<h1>{e(judul)}</h1>
<p>Satu baris per OPD, dihitung dari data yang dipakai laporannya. Temuan per kategori dari reviu-{tahun}.csv
masing-masing OPD. Siap FINAL=1: seluruh narasi, blok tanda tangan dan bagan organisasi sudah diisi.</p>
<table><thead><tr>{kepala}</tr></thead><tbody>
{chr(10).join(isi)}
</tbody></table>
<h2>Rata-rata capaian per OPD</h2>
{grafik}
</body></html>
"""


def tulis_rekap(ruang: Ruang, tahun: int, galat: dict[str, str | None]) -> list[Path]:
    """Write the three rekap files; unchanged when the projects' outputs and failures are unchanged."""
    from ..pipeline.fingerprint import file_hash, hash_files, kode

    keluar = [ruang.rekap(tahun, a) for a in ("html", "xlsx", "csv")]
    sidik_path = ruang.root / "build" / f"rekap-{tahun}.sidik"

    def jejak(n: str) -> list:  # what a row reads: the failure, the model, the reviu
        proyek = Proyek(ruang.folder(n))
        model, reviu = proyek.build(tahun) / "masukan.pickle", proyek.reports(tahun) / f"reviu-{tahun}.csv"
        return [galat.get(n), file_hash(model), file_hash(reviu)]

    masukan = [ruang.nama, ruang.sintetis, {n: jejak(n) for n in ruang.opd}, hash_files(kode())]
    sidik = hashlib.sha256(json.dumps([masukan, *(file_hash(p) for p in keluar)]).encode()).hexdigest()
    if sidik_path.is_file() and sidik_path.read_text(encoding="utf-8") == sidik:
        return keluar
    baris = []
    for nama in ruang.opd:
        try:
            gagal = galat.get(nama)
            b = BarisRekap(nama, galat=gagal) if gagal else baris_proyek(ruang, nama, tahun)
        except DataError as e:
            b = BarisRekap(nama, galat=str(e).splitlines()[0])
        baris.append(b)
    judul = f"Rekap Laporan Kinerja OPD {tahun}: {ruang.nama}" + (" (DATA SINTETIS)" if ruang.sintetis else "")
    isi: tuple[str | bytes, ...] = (ke_html(baris, judul, tahun), ke_xlsx(baris, judul), ke_csv(baris))
    for path, data in zip(keluar, isi):
        tulis_atomik(path, data)
    sidik = hashlib.sha256(json.dumps([masukan, *(file_hash(p) for p in keluar)]).encode()).hexdigest()
    tulis_atomik(sidik_path, sidik)
    return keluar
