"""The audit package's working papers, made after the PDF (their locations name its pages): the Lembar
Reviu (xlsx, HTML) and the audit trail with the LKE pre-check (HTML)."""

from __future__ import annotations

from pathlib import Path

from ..masukan.model import Masukan


def keluaran_paket(r: Path, tahun: int) -> list[Path]:
    return [r / f"lembar-reviu-{tahun}.xlsx", r / f"lembar-reviu-{tahun}.html", r / f"jejak-audit-{tahun}.html"]


def paket_audit(m: Masukan, pdf: bytes, berkas: list[Path]) -> tuple[bytes, str, str]:
    from ..excel.lembar_reviu import tulis_lembar_reviu
    from ..hitung.pengukuran import hitung
    from ..reviu import periksa
    from ..reviu.jejak import html_jejak
    from ..reviu.lembar import html_lembar, jumlah_halaman, lembar_reviu, tabel_pdf
    from ..reviu.lke import Data, periksa_lke
    from . import provenance
    from .fingerprint import kode
    from .notebook import BuildError
    from .rakit import masalah_html

    p, lalu = hitung(m)
    temuan = periksa(m)
    tabel = tabel_pdf(pdf)
    baris = lembar_reviu(m, p, lalu, temuan, tabel)
    lke = periksa_lke(Data(m, p, lalu, temuan, tabel, jumlah_halaman(pdf)))
    asal = provenance.catat(m.proyek, [*berkas, *kode()])
    jejak = html_jejak(m, p, temuan, tabel, lke, (asal.berkas, asal.commit, asal.versi))
    lembar = html_lembar(m, baris)
    for nama, teks in (("Lembar Reviu", lembar), ("jejak audit", jejak)):
        masalah = masalah_html(teks)  # the one check every page of the build passes
        if masalah:
            raise BuildError(f"HTML {nama} tidak aman: {'; '.join(sorted(set(masalah))[:5])}")
    return tulis_lembar_reviu(m, baris), lembar, jejak
