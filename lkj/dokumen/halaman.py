"""Page geometry and type of the printed report, shared by the PDF (CSS @page) and Word renderers and
the charts, so that all three paginate and size text alike. Lengths in cm, sizes in pt."""

from __future__ import annotations

# A4 portrait and the margins of the report (top, right, bottom, left), as in the CSS @page rule.
KERTAS_LEBAR_CM = 21.0
KERTAS_TINGGI_CM = 29.7
MARGIN_ATAS_CM = 2.2
MARGIN_KANAN_CM = 2.0
MARGIN_BAWAH_CM = 2.2
MARGIN_KIRI_CM = 2.5
LEBAR_TEKS_CM = round(KERTAS_LEBAR_CM - MARGIN_KIRI_CM - MARGIN_KANAN_CM, 2)  # 16,5 cm
TINGGI_TEKS_CM = round(KERTAS_TINGGI_CM - MARGIN_ATAS_CM - MARGIN_BAWAH_CM, 2)  # 25,3 cm
LEBAR_GAMBAR_CM = 16.0  # a chart's own width: placed at this size, nothing is scaled down
TINGGI_GAMBAR_MAKS_CM = 15.0  # a taller chart is shrunk to this height (PDF and Word: `ukuran_gambar`)

# Type. The PDF uses Liberation Sans (Debian fonts-liberation2); Word files name Arial, which it is
# metric-compatible with (LibreOffice substitutes one for the other), so both break lines alike.
HURUF_PDF = "Liberation Sans"
HURUF_DOCX = "Arial"
UKURAN_ISI_PT = 11.0  # body text
SPASI_BARIS = 1.3  # line height as a multiple of the font size
UKURAN_TABEL_PT = 9.0  # table cells
PADDING_SEL_CM = round(4 / 72 * 2.54, 3)  # a table cell's left and right padding: laporan.css's .4rem at 10 pt
UKURAN_TABEL_RAPAT_PT = 8.0  # the cells of a table whose figures and words do not fit at 9 pt
UKURAN_KETERANGAN_PT = 10.0  # captions (the label bold)
UKURAN_CATATAN_PT = 9.0  # notes under tables and figures
UKURAN_KAKI_PT = 8.5  # page number in the footer, the running head
UKURAN_JUDUL_PT = {1: 16.0, 2: 13.0, 3: 11.5, 4: 11.0}  # headings by level
UKURAN_GAMBAR_MIN_PT = 8.0  # the smallest text in a chart at its placed size

WARNA_BIRU = "1F4E79"  # headings, table header rows
WARNA_LATAR = "EEF3F8"  # total rows
WARNA_MERAH = "C00000"  # draft marks


def ukuran_gambar(lebar_cm: float, tinggi_cm: float) -> tuple[float, float]:
    """A chart's size on the page (PDF and Word): its own, shrunk to the text width and to
    TINGGI_GAMBAR_MAKS_CM, the ratio kept."""
    skala = min(1.0, LEBAR_TEKS_CM / lebar_cm, TINGGI_GAMBAR_MAKS_CM / tinggi_cm) if lebar_cm and tinggi_cm else 1.0
    return round(lebar_cm * skala, 3), round(tinggi_cm * skala, 3)


def css_halaman() -> str:
    """The CSS @page size and margins of the PDF, from the constants above (the Word renderer uses them too)."""
    return (
        f"@media print {{ @page {{ size: A4; margin: {MARGIN_ATAS_CM}cm {MARGIN_KANAN_CM}cm "
        f"{MARGIN_BAWAH_CM}cm {MARGIN_KIRI_CM}cm; }} }}\n"
    )
