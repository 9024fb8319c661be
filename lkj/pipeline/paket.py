"""The audit package's working papers, made after the PDF (their locations name its pages, from its
layout): the Lembar Reviu (xlsx, HTML) and the audit trail with the LKE pre-check (HTML)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # not at import: the build's "nothing changed" path imports no pandas
    from ..dokumen.model import Dokumen
    from ..masukan.model import Masukan
    from .pdf import HasilPdf
    from .provenance import Provenance


def keluaran_paket(r: Path, tahun: int) -> list[Path]:
    return [r / f"lembar-reviu-{tahun}.xlsx", r / f"lembar-reviu-{tahun}.html", r / f"jejak-audit-{tahun}.html"]


def paket_audit(m: Masukan, dok: Dokumen, pdf: HasilPdf, temuan: list, asal: Provenance) -> tuple[bytes, str, str]:
    """`temuan`, `asal`: the reviu's findings and the provenance, as the audit HTML shows them."""
    from ..excel.lembar_reviu import tulis_lembar_reviu
    from ..hitung.pengukuran import hitung
    from ..reviu.jejak import html_jejak
    from ..reviu.lembar import html_lembar, lembar_reviu, tabel_laporan
    from ..reviu.lke import Data, periksa_lke
    from .notebook import BuildError
    from .rakit import masalah_html

    p, lalu = hitung(m)
    tabel = tabel_laporan(dok, pdf.label)
    baris = lembar_reviu(m, p, lalu, temuan, tabel)
    lke = periksa_lke(Data(m, p, lalu, temuan, tabel, pdf.jumlah))
    jejak = html_jejak(m, p, temuan, tabel, lke, (asal.berkas, asal.commit, asal.versi))
    lembar = html_lembar(m, baris)
    for nama, teks in (("Lembar Reviu", lembar), ("jejak audit", jejak)):
        masalah = masalah_html(teks)  # the one check every page of the build passes
        if masalah:
            raise BuildError(f"HTML {nama} tidak aman: {'; '.join(sorted(set(masalah))[:5])}")
    return tulis_lembar_reviu(m, baris), lembar, jejak
