"""Figures of a published report, as printed (data/raw/<YEAR>/publikasi.csv)."""

from __future__ import annotations

import collections
import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import DataError
from .proyek import Proyek
from .skema import Kolom, baca_csv

BESARAN = (
    "target",
    "target_renstra",
    "realisasi",
    "capaian",
    "rata_rata",
    "pagu",
    "realisasi_anggaran",
    "serapan",
    "efisiensi",
    "efisiensi_serapan",
    "efisiensi_capaian",
    "pasangan_indikator",
    "penyebut",
    "skala_dari",
    "skala_sampai",
)
TEKS = ("penyebut", "pasangan_indikator")  # printed words, not numbers
# The role of the table a figure is printed in: what the reviu rules key on (never the title).
PERAN = (
    "renstra",  # targets of the Renstra period (tahun ke-1..5)
    "pk",  # the Perjanjian Kinerja
    "iku",  # the IKU definitions (target, formula)
    "skala",  # the predikat scale
    "pengukuran",  # target, realisasi, capaian of every indicator of the year
    "sasaran",  # one sasaran's own table or text in its analysis section
    "perbandingan_tahun",  # this year against an earlier year
    "perbandingan_renstra",  # realisasi against the Renstra targets
    "anggaran",  # pagu, realisasi, serapan per program
    "efisiensi",  # the efficiency per program and its inputs
    "anggaran_kinerja",  # program beside its indicator: capaian and serapan
    "teks",  # a sentence outside any table (e.g. the stated average)
)
# Old files without the column: the role from the words of the title (read once, here).
PERAN_DARI_JUDUL = (
    ("efisiensi", "efisiensi"),
    ("skala", "skala"),
    ("utama", "iku"),
    ("iku", "iku"),
    ("perjanjian", "pk"),
    ("perbandingan", "perbandingan_tahun"),
    ("renstra", "renstra"),
    ("iii.b", "anggaran_kinerja"),
    ("anggaran", "anggaran"),
    ("dpa", "anggaran"),
    ("pengukuran", "pengukuran"),
    ("capaian kinerja sasaran", "sasaran"),
    ("teks", "teks"),
)
SKEMA = (
    Kolom("lokasi"),
    Kolom("tabel"),
    Kolom("baris"),
    Kolom("kolom"),
    Kolom("tahun", "bulat"),
    Kolom("subjek"),
    Kolom("besaran", "pilihan", pilihan=BESARAN),
    Kolom("tertulis", wajib=False),
)
# Optional columns: 'peran' (else derived from the title), and those a read document adds
# (reports/<YEAR>/publikasi-terbaca-<YEAR>.csv kept as publikasi.csv after correction): the page, how
# the figure was attributed, and the document it was read from (file name and sha256).
KOLOM_PERAN = Kolom("peran", "pilihan", wajib=False, pilihan=PERAN)
OPSIONAL = (
    KOLOM_PERAN,
    Kolom("halaman", "bulat", wajib=False),
    Kolom("cara", wajib=False),
    Kolom("dokumen", wajib=False),
    Kolom("dokumen_sha256", wajib=False),
)
SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class Angka:
    """One figure as printed in the published report."""

    baris_csv: int
    lokasi: str
    tabel: str
    baris: str
    kolom: str
    tahun: int
    subjek: str
    besaran: str
    tertulis: str
    nilai: float | None
    digit: int
    peran: str = ""
    dokumen: str = ""  # the file the figure was read from ('' when typed from a document not recorded)
    dokumen_sha256: str = ""

    @property
    def tempat(self) -> str:
        return f"{self.lokasi}, {self.tabel}, baris {self.baris}, kolom {self.kolom}"


def baca_tertulis(teks: str) -> tuple[float | None, int]:
    """A number as printed in an Indonesian document: '1.004' -> 1004, '58,86 %' -> 58.86."""
    s = teks.strip().replace(" ", "").rstrip("%").removesuffix(",-")
    if not re.fullmatch(r"-?[0-9]{1,3}(\.[0-9]{3})*(,[0-9]+)?|-?[0-9]+(,[0-9]+)?", s):
        return None, 0
    bulat, _, pecahan = s.replace(".", "").partition(",")
    return float(f"{bulat}.{pecahan}" if pecahan else bulat), len(pecahan)


def peran_dari_judul(tabel: str) -> str:
    """The role of a table named only by its title (publikasi.csv without a 'peran' column)."""
    t = tabel.casefold()
    if "renstra" in t and ("realisasi" in t or "perbandingan" in t):
        return "perbandingan_renstra"
    return next((peran for kata, peran in PERAN_DARI_JUDUL if kata in t), "")


def baca_publikasi(proyek: Proyek, path: Path) -> tuple[Angka, ...] | None:
    if not path.exists() and not path.is_symlink():
        return None
    kepala = next(csv.reader(io.StringIO(proyek.baca_teks(path).lstrip("\ufeff"))), [])
    skema = SKEMA + tuple(k for k in OPSIONAL if k.nama in (h.strip() for h in kepala))
    out = []
    for r in baca_csv(proyek, path, skema, nomor_baris="baris_csv").itertuples(index=False):
        nilai, digit = baca_tertulis(r.tertulis) if r.besaran not in TEKS else (None, 0)
        peran = getattr(r, "peran", "") or peran_dari_judul(r.tabel)
        dokumen, sha = _dokumen(path, r)
        out.append(
            Angka(
                r.baris_csv,
                r.lokasi,
                r.tabel,
                r.baris,
                r.kolom,
                r.tahun,
                r.subjek,
                r.besaran,
                r.tertulis,
                nilai,
                digit,
                peran,
                dokumen,
                sha,
            )
        )
    return tuple(out)


def _dokumen(path: Path, r) -> tuple[str, str]:
    """A row's source document (name, sha256): both or neither, the sha256 as `make reviu DOKUMEN=` wrote it."""
    nama, sha = (getattr(r, "dokumen", "") or "").strip(), (getattr(r, "dokumen_sha256", "") or "").strip().lower()
    if nama and not SHA256.fullmatch(sha):
        raise DataError(
            path,
            f"sidik dokumen '{sha[:70]}' bukan sha256 (64 angka heksadesimal)" if sha else "sidik dokumen kosong",
            f"Salin sha256 dokumen {nama} dari publikasi-terbaca, atau kosongkan kolom dokumen bila angka ini diketik.",
            r.baris_csv,
            "dokumen_sha256",
        )
    if sha and not nama:
        raise DataError(
            path,
            "sidik dokumen tanpa nama dokumen",
            "Isi nama berkas dokumen sumbernya, atau kosongkan kolom dokumen_sha256.",
            r.baris_csv,
            "dokumen",
        )
    return nama, sha


def dokumen_sumber(publikasi: tuple[Angka, ...]) -> list[tuple[str, str, int]]:
    """The documents the figures were read from, in order of first use: (name, sha256, how many figures);
    ('', '', n) counts the figures without a recorded document (typed)."""
    n = collections.Counter((a.dokumen, a.dokumen_sha256) for a in publikasi)
    return sorted(((nama, sha, k) for (nama, sha), k in n.items()), key=lambda d: not d[0])
