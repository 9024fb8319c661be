"""What both workbooks share: the raw files as sheets, safe text cells, byte-reproducible saving."""

from __future__ import annotations

import datetime as dt
import io
import math
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


def simpan(wb: Workbook, hasil: dict[str, dict[str, object]] | None = None) -> bytes:
    """The workbook as bytes that depend only on its content (fixed dates, fixed zip entries).

    `hasil`: per sheet title, the cached result of formula cells ({'J2': True}), written beside their
    formulas (openpyxl cannot), so viewers that do not recalculate show them."""
    wb.properties.creator = "lkj"
    wb.properties.lastModifiedBy = "lkj"
    wb.properties.created = wb.properties.modified = WAKTU
    buf = io.BytesIO()
    wb.save(buf)  # openpyxl stamps 'modified' with now and each zip entry with the time: redone below
    stamp = WAKTU.strftime("%Y-%m-%dT%H:%M:%SZ")
    keluar = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as dst:
        lembar_zip = _bagian_lembar(src) if hasil else {}
        if hasil and set(hasil) - set(lembar_zip):
            raise ValueError(f"lembar tidak ada: {', '.join(sorted(set(hasil) - set(lembar_zip)))}")
        bagian = {v: k for k, v in lembar_zip.items() if k in (hasil or {})}
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename in bagian:
                data = tulis_hasil(data, (hasil or {})[bagian[info.filename]])
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


def _bagian_lembar(z: zipfile.ZipFile) -> dict[str, str]:
    """Sheet title -> its part in the zip, from xl/workbook.xml and its relationships."""
    from xml.etree import ElementTree as ET

    ns = {
        "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
        "p": "http://schemas.openxmlformats.org/package/2006/relationships",
    }
    rid = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    target = {
        r.get("Id"): r.get("Target", "")
        for r in ET.fromstring(z.read("xl/_rels/workbook.xml.rels")).iterfind("p:Relationship", ns)
    }
    out = {}
    for s in ET.fromstring(z.read("xl/workbook.xml")).iterfind("m:sheets/m:sheet", ns):
        t = target[s.get(rid)]
        out[s.get("name", "")] = t.lstrip("/") if t.startswith("/") else f"xl/{t}"
    return out


# a formula cell as openpyxl writes it: <c r="J2" s="3"><f>...</f><v></v></c>
SEL_RUMUS = re.compile(
    rb'<c r="([A-Z]+[0-9]+)"((?: s="[0-9]+")?)(?: t="[a-z]+")?><f>([^<]*)</f>(?:<v/>|<v>[^<]*</v>)?</c>'
)


def tulis_hasil(xml: bytes, hasil: dict[str, object]) -> bytes:
    """A sheet's XML with the cached result of the formula cells named in `hasil` (by reference); every
    other byte unchanged. A named cell that is not a formula cell is an error."""
    sisa = dict(hasil)

    def ganti(m: re.Match[bytes]) -> bytes:
        ref = m[1].decode()
        if ref not in sisa:
            return m[0]
        xml_ = nilai_xml(sisa.pop(ref))
        if xml_ is None:  # no cell value can hold it: the cell is left without a result, as openpyxl wrote it
            return m[0]
        jenis, teks = xml_
        t = f' t="{jenis}"'.encode() if jenis else b""
        return b'<c r="%s"%s%s><f>%s</f><v>%s</v></c>' % (m[1], m[2], t, m[3], teks.encode())

    out = SEL_RUMUS.sub(ganti, xml)
    if sisa:
        raise ValueError(f"sel rumus tidak ditemukan: {', '.join(sorted(sisa))}")
    return out


def nilai_xml(x: object) -> tuple[str, str] | None:
    """A formula's result as the cell type (t=) and the text of <v>: a number plain (shortest exact
    decimal), a boolean 'b' 1/0, text 'str'; None and NaN are the empty text a formula's "" gives; an
    infinity, which no cell holds, is None."""
    from xml.sax.saxutils import escape

    if isinstance(x, bool) or type(x).__name__ == "bool_":
        return "b", "1" if x else "0"
    if x is None or isinstance(x, str):
        return "str", escape(x or "")
    if isinstance(x, int) or type(x).__name__.startswith("int"):
        return "", str(int(x))  # type: ignore[call-overload]
    f = float(x)  # type: ignore[arg-type]
    if math.isnan(f):
        return "str", ""
    return None if math.isinf(f) else ("", repr(f))
