"""A Word report (.docx) with python-docx: paragraphs and tables in document order."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from .dokumen import Baris, Kalimat, Tabel, bersih, galat, kalimat_dari, susun_tabel
from .teks import _judul

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def baca_docx(path: Path, data: bytes) -> tuple[list[Tabel], list[Kalimat], int]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            if "word/document.xml" not in z.namelist():
                raise galat(
                    path,
                    "berkas .docx ini bukan dokumen Word (arsip zip tanpa word/document.xml)",
                    "Berikan laporan sebagai .docx yang disimpan dari Word, atau sebagai PDF.",
                )
    except zipfile.BadZipFile:
        raise galat(
            path, "berkas .docx rusak (bukan arsip Word)", "Simpan ulang dari Word, atau berikan PDF-nya."
        ) from None
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        doc = docx.Document(io.BytesIO(data))
    except Exception as e:  # noqa: BLE001 (python-docx raises many kinds for a broken package)
        raise galat(path, f"berkas .docx tidak dapat dibuka ({type(e).__name__})", "Simpan ulang dari Word.") from None
    tabel: list[Tabel] = []
    kalimat: list[Kalimat] = []
    bagian, halaman = "", 1
    sebelum: list[str] = []
    for el in doc.element.body.iterchildren():
        if el.tag == W + "p":
            p = Paragraph(el, doc)
            teks = bersih(p.text)
            gaya = (p.style.name if p.style is not None else "").lower()
            if teks and gaya.startswith(("heading", "judul", "title")):
                bagian, sebelum = teks, []
            elif teks:
                sebelum.append(teks)
                kalimat += kalimat_dari(teks, bagian, halaman)
            halaman += len(el.findall(f".//{W}br[@{W}type='page']")) + (
                1 if el.find(f"{W}pPr/{W}pageBreakBefore") is not None else 0
            )
        elif el.tag == W + "tbl":
            t = Table(el, doc)
            rows = []
            for r in t.rows:
                rows.append(Baris([c.text for c in r.cells], halaman))
            tb = susun_tabel(_judul(sebelum), bagian, rows)
            if tb is not None:
                tabel.append(tb)
            sebelum = []
    return tabel, kalimat, halaman
