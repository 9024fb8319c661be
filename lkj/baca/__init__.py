"""Reading a received report (PDF, Word or text) into the figures the reviu checks.

`reviu_dokumen(proyek, tahun, path)` reads the document, attributes every figure
(`atribusi.py`), writes reports/<YEAR>/publikasi-terbaca-<YEAR>.csv and runs the reviu
on those figures instead of data/raw/<YEAR>/publikasi.csv.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, replace
from pathlib import Path

from ..masukan.errors import DataError
from ..masukan.model import Masukan, baca_masukan
from ..masukan.proyek import Proyek
from ..masukan.publikasi import Angka, baca_tertulis
from .atribusi import KOLOM_TERBACA, AngkaTerbaca, atribusikan
from .dokumen import Dokumen, baca_dokumen

__all__ = ["HasilBaca", "baca_dokumen", "baca_figur", "ke_angka", "ke_csv_terbaca", "reviu_dokumen"]


@dataclass
class HasilBaca:
    dokumen: Dokumen
    angka: list[AngkaTerbaca]

    @property
    def teratribusi(self) -> list[AngkaTerbaca]:
        return [a for a in self.angka if a.subjek and a.tahun is not None]

    @property
    def tak_teratribusi(self) -> list[AngkaTerbaca]:
        return [a for a in self.angka if not (a.subjek and a.tahun is not None)]


def baca_figur(m: Masukan, path: Path) -> HasilBaca:
    d = baca_dokumen(path)
    return HasilBaca(d, atribusikan(d, m))


def ke_csv_terbaca(angka: list[AngkaTerbaca], dokumen: Dokumen) -> str:
    """The figures as publikasi.csv has them (plus peran, halaman, cara and the document they were read
    from: its file name and sha256, on every row so that a kept subset still names it), cells safe for Excel."""
    from ..reviu.keluaran import teks_aman

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([*KOLOM_TERBACA, "dokumen", "dokumen_sha256"])
    for a in angka:
        sel = [str(getattr(a, k)) if getattr(a, k) is not None else "" for k in KOLOM_TERBACA]
        w.writerow([teks_aman(x) for x in (*sel, dokumen.path.name, dokumen.sha256)])
    return buf.getvalue()


SATUAN = re.compile(r"^(Rp\.?\s*)?(-?\d[\d.]*(?:,\d+)?)(?:,-)?\s?(‰|[^\W\d_]{1,12}(/[^\W\d_]{1,12})?)?$")


def tanpa_satuan(teks: str) -> str:
    """The number of a figure printed with its currency or unit: 'Rp430.000.000', '905 orang', '7,72‰' (the
    unit itself is not compared with the indicator's); a percentage keeps its sign."""
    m = SATUAN.match(teks)
    return m.group(2) if m and (m.group(1) or m.group(3)) else teks


def ke_angka(angka: list[AngkaTerbaca], dokumen: Dokumen | None = None) -> tuple[Angka, ...]:
    """The attributed figures as the reviu reads them (the row number is the CSV row), each naming the
    document it was read from."""
    nama, sha = (dokumen.path.name, dokumen.sha256) if dokumen else ("", "")
    out = []
    for i, a in enumerate(angka, start=2):
        if not (a.subjek and a.tahun is not None):
            continue
        teks = tanpa_satuan(re.sub(r"\s*[*†‡¹²³]+$", "", a.tertulis.strip()))  # a footnote mark after the figure
        nilai, digit = baca_tertulis(teks) if a.besaran not in ("penyebut", "pasangan_indikator") else (None, 0)
        out.append(
            Angka(
                i,
                a.lokasi,
                a.tabel,
                a.baris,
                a.kolom,
                a.tahun,
                a.subjek,
                a.besaran,
                a.tertulis,
                nilai,
                digit,
                a.peran,
                nama,
                sha,
            )
        )
    return tuple(out)


def reviu_dokumen(proyek: Proyek, tahun: int, path: Path) -> dict:
    """Read the document, write publikasi-terbaca-<YEAR>.csv and reviu-<YEAR>.csv; what was written."""
    from ..files import tulis_atomik
    from ..reviu import periksa
    from ..reviu.keluaran import ke_csv

    m = baca_masukan(proyek, tahun)
    hasil = baca_figur(m, Path(path))
    if not hasil.teratribusi:
        raise DataError(
            path,
            "tidak ada angka LKj yang terbaca (tabel pengukuran, Perjanjian Kinerja, anggaran) dengan nama "
            "indikator atau program dari Renstra, PK dan anggaran.csv tahun ini",
            "Periksa bahwa berkas ini Laporan Kinerja tahun dan OPD yang dimaksud (YEAR, ROOT).",
        )
    temuan = periksa(replace(m, publikasi=ke_angka(hasil.angka, hasil.dokumen)))
    folder = proyek.reports(tahun)
    terbaca = folder / f"publikasi-terbaca-{tahun}.csv"
    reviu = folder / f"reviu-{tahun}.csv"
    tulis_atomik(terbaca, ke_csv_terbaca(hasil.angka, hasil.dokumen))
    tulis_atomik(reviu, ke_csv(temuan))
    return {
        "dokumen": hasil.dokumen,
        "sha256": hasil.dokumen.sha256,
        "angka": hasil.angka,
        "temuan": temuan,
        "terbaca": terbaca,
        "reviu": reviu,
    }
