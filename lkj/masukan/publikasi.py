"""Figures of a published report, as printed (data/raw/<YEAR>/publikasi.csv)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

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


def baca_publikasi(proyek: Proyek, path: Path) -> tuple[Angka, ...] | None:
    if not path.exists() and not path.is_symlink():
        return None
    out = []
    for r in baca_csv(proyek, path, SKEMA, nomor_baris="baris_csv").itertuples(index=False):
        nilai, digit = baca_tertulis(r.tertulis) if r.besaran not in TEKS else (None, 0)
        out.append(
            Angka(
                r.baris_csv, r.lokasi, r.tabel, r.baris, r.kolom, r.tahun, r.subjek, r.besaran, r.tertulis, nilai, digit
            )
        )
    return tuple(out)
