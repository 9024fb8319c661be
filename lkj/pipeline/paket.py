"""The audit package's working papers, made after the PDF (their locations name its pages): the Lembar
Reviu (xlsx, HTML) and the audit trail with the LKE pre-check (HTML)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from ..files import tulis_atomik

if TYPE_CHECKING:  # not at import: the build's "nothing changed" path imports no pandas
    from ..masukan.model import Masukan


class _Catat(dict):
    """A page-caption cache that remembers which entries this build used (only those are kept)."""

    def __init__(self, lama: dict, dipakai: dict):
        super().__init__(lama)
        self.dipakai = dipakai

    def __getitem__(self, k):
        self.dipakai[k] = v = super().__getitem__(k)
        return v

    def __setitem__(self, k, v):
        super().__setitem__(k, v)
        self.dipakai[k] = v


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
    simpanan_path = m.proyek.build(m.tahun) / "tabel-pdf.json"  # caption lines per page already read
    try:
        simpanan = json.loads(simpanan_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        simpanan = {}
    simpanan = simpanan if isinstance(simpanan, dict) else {}
    dipakai: dict[str, list[str]] = {}
    tabel = tabel_pdf(pdf, _Catat(simpanan, dipakai))
    tulis_atomik(simpanan_path, json.dumps(dipakai, sort_keys=True))
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
