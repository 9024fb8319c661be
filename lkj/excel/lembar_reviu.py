"""The Lembar Reviu as a workbook: one block of rows per finding (its columns merged down the block),
one row per wrong figure: the values as printed and as they should be (text, in Indonesian format), and
the same as numbers (cells a spreadsheet shows in its own locale, sums and sorts)."""

from __future__ import annotations

import math

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ..masukan.model import Masukan
from ..reviu.keluaran import sumber_angka
from ..reviu.lembar import BarisLembar
from .xlsx import isi_teks, simpan

KOLOM_TEMUAN = (
    ("Kode", "kode", 10),
    ("Kategori", "kategori", 14),
    ("Tingkat", "tingkat", 9),
    ("Kondisi", "kondisi", 45),
    ("Kriteria", "kriteria", 40),
    ("Sebab", "sebab", 35),
    ("Akibat", "akibat", 45),
    ("Rekomendasi", "rekomendasi", 40),
    ("Tanggapan OPD", "tanggapan", 30),
    ("Status", "status", 11),
)
KOLOM_ANGKA = (
    ("No. angka", "kode", 12),
    ("Angka", "angka", 22),
    ("Lokasi (dokumen yang direviu atau data)", "lokasi", 45),
    ("Lokasi di laporan lkj", "lokasi_lkj", 40),
    ("Tercetak", "tertulis", 16),
    ("Seharusnya", "benar", 16),
    ("Sumber data", "sumber_data", 30),
)
KOLOM_NILAI = (  # numbers, shown in the reader's locale (58,56 in id-ID)
    ("Nilai tercetak (angka)", "nilai_tertulis", 14),
    ("Nilai seharusnya (angka)", "nilai_benar", 14),
)
FORMAT_NILAI = {"pagu": "#,##0", "realisasi_anggaran": "#,##0", "efisiensi": "0.0000"}  # else 2 decimals


def tulis_lembar_reviu(m: Masukan, baris: list[BarisLembar]) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Lembar Reviu"
    isi_teks(ws.cell(1, 1), f"Lembar Reviu Laporan Kinerja Tahun {m.tahun}: {m.aturan.instansi}")
    ws.cell(1, 1).font = Font(bold=True, size=14)
    isi_teks(ws.cell(2, 1), sumber_angka(m.publikasi))
    kolom = KOLOM_TEMUAN + KOLOM_ANGKA + KOLOM_NILAI
    atas = 3
    for j, (judul, _, lebar) in enumerate(kolom, start=1):
        c = ws.cell(atas, j)
        isi_teks(c, judul)
        c.font = Font(bold=True)
        c.fill = PatternFill("solid", fgColor="DCE6F1")
        ws.column_dimensions[get_column_letter(j)].width = lebar
    bungkus = Alignment(wrap_text=True, vertical="top")
    r = atas + 1
    for t in baris:
        angka = t.angka or ()
        tinggi = max(len(angka), 1)
        for j, (_, attr, _) in enumerate(KOLOM_TEMUAN, start=1):
            isi_teks(ws.cell(r, j), getattr(t, attr))
            if tinggi > 1:
                ws.merge_cells(start_row=r, start_column=j, end_row=r + tinggi - 1, end_column=j)
        for i, a in enumerate(angka):
            for j, (_, attr, _) in enumerate(KOLOM_ANGKA, start=len(KOLOM_TEMUAN) + 1):
                isi_teks(ws.cell(r + i, j), getattr(a, attr))
            for j, (_, attr, _) in enumerate(KOLOM_NILAI, start=len(KOLOM_TEMUAN) + len(KOLOM_ANGKA) + 1):
                nilai = getattr(a, attr)
                if nilai is not None and math.isfinite(nilai):
                    c = ws.cell(r + i, j, float(nilai))
                    c.number_format = FORMAT_NILAI.get(a.besaran, "#,##0.00")
        for rr in range(r, r + tinggi):
            for j in range(1, len(kolom) + 1):
                ws.cell(rr, j).alignment = bungkus
        r += tinggi
    ws.freeze_panes = ws.cell(atas + 1, 2)
    ws.auto_filter.ref = f"A{atas}:{get_column_letter(len(kolom))}{max(r - 1, atas + 1)}"
    return simpan(wb)
