"""What both workbooks share: the raw files as sheets, safe text cells, byte-reproducible saving."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

from openpyxl import Workbook
from openpyxl.cell.cell import Cell

from ..masukan import publikasi
from ..masukan.skema import SKEMA, Kolom, jumlah_target, skema_indikator
from ..reviu.keluaran import teks_aman

# Workbook metadata and zip entry dates: fixed, so the same inputs give the same bytes.
WAKTU = dt.datetime(2000, 1, 1)

BERKAS_RENSTRA = ("tujuan.csv", "sasaran.csv", "indikator.csv")
BERKAS_TAHUN = (*tuple(n for n in SKEMA if n not in BERKAS_RENSTRA), "publikasi.csv")


def skema(nama: str, header: list[str] | None = None) -> tuple[Kolom, ...]:
    """The columns of a raw file: the one schema the CSV reader uses. indikator.csv has as many
    target columns as its header (`header`: the file's or the sheet's) has, else five."""
    if nama == "indikator.csv" and header and jumlah_target(header):
        return skema_indikator(jumlah_target(header))
    return (*publikasi.SKEMA, publikasi.KOLOM_PERAN) if nama == "publikasi.csv" else SKEMA[nama]


def lembar(nama: str) -> str:
    """Sheet name of a raw file: its name without .csv."""
    return nama.removesuffix(".csv")


def isi_teks(cell: Cell, teks: str) -> None:
    """A text cell that Excel never reads as a formula, whatever the text starts with.

    The cell is typed as a string; text that `teks_aman` (the one rule) would guard also gets
    Excel's quote prefix, so editing the cell keeps it text. The value itself is unchanged."""
    cell.value = teks
    cell.data_type = "s"
    if teks_aman(teks) != teks:
        cell.quotePrefix = True


def tulis_petunjuk(ws, baris: list[str]) -> None:
    """An instruction sheet: one line of text per row, the first as its title."""
    from openpyxl.styles import Font

    for i, teks in enumerate(baris, start=1):
        isi_teks(ws.cell(i, 1), teks)
    ws.cell(1, 1).font = Font(bold=True, size=14)


def simpan(wb: Workbook) -> bytes:
    """The workbook as bytes that depend only on its content (fixed dates, fixed zip entries)."""
    wb.properties.creator = "lkj"
    wb.properties.lastModifiedBy = "lkj"
    wb.properties.created = wb.properties.modified = WAKTU
    buf = io.BytesIO()
    wb.save(buf)  # openpyxl stamps 'modified' with now and each zip entry with the time: redone below
    stamp = WAKTU.strftime("%Y-%m-%dT%H:%M:%SZ")
    keluar = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(
                    rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)",
                    lambda m: m[1] + stamp.encode() + m[3],
                    data,
                )
            z = zipfile.ZipInfo(info.filename, date_time=WAKTU.timetuple()[:6])
            z.compress_type = zipfile.ZIP_DEFLATED
            z.external_attr = 0o644 << 16
            dst.writestr(z, data)
    return keluar.getvalue()
