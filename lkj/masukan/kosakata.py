"""The vocabulary of the input: polarities, formula types, component roles, and the predikat scale.

Validation (lkj.masukan) accepts exactly these; the formulas (lkj.hitung) give them their meaning.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing_extensions import TypeIs

POLARITAS = {
    "positif": "semakin tinggi realisasi semakin baik: capaian = realisasi / target × 100%",
    "negatif": "semakin rendah realisasi semakin baik: capaian = (2 × target − realisasi) / target × 100%",
}

JENIS_RUMUS = {
    "rasio": "pembilang / penyebut × 100%",
    "rata_rasio": "rata-rata rasio (realisasi / target × 100%) tiap kelompok",
    "pertumbuhan": "(nilai tahun n − nilai tahun n−1) / nilai tahun n−1 × 100%",
    "langsung": "nilai realisasi dilaporkan langsung",
    "jumlah": "jumlah realisasi komponen berperan bagian, dalam satuan indikator",
    "nilai": "realisasi satu komponen berperan nilai (mis. skor indeks), dalam satuan indikator",
}
# Formula types whose realisasi is a percentage (the indicator's satuan must be %).
RUMUS_PERSEN = ("rasio", "rata_rasio", "pertumbuhan")

# Roles a component row may play (komponen.csv, column `peran`).
PERAN = {
    "pembilang": "pembilang rasio; nilainya kolom realisasi",
    "penyebut": "penyebut rasio; nilainya kolom realisasi",
    "populasi": "penyebut rasio berupa populasi; nilainya kolom target, realisasi dikosongkan",
    "kelompok": "satu kelompok rata_rasio; rasionya realisasi / target baris itu",
    "rincian": "sub-butir sebuah kelompok (ditampilkan dan diperiksa reviu, tidak dihitung)",
    "tahun_n": "nilai tahun berjalan untuk rumus pertumbuhan; nilainya kolom realisasi",
    "tahun_sebelumnya": "nilai tahun n−1 untuk rumus pertumbuhan; nilainya kolom realisasi",
    "bagian": "satu bagian rumus jumlah; nilainya kolom realisasi",
    "nilai": "nilai rumus nilai (mis. skor indeks); nilainya kolom realisasi",
    "info": "data pendukung yang ditampilkan, tidak dihitung",
}


def kosong(x: object) -> TypeIs[None]:
    """True for a value that does not exist (None or NaN). For mypy: False means a number."""
    return x is None or (isinstance(x, float) and math.isnan(x))


# --- predikat scale -----------------------------------------------------------


@dataclass(frozen=True)
class Kelas:
    predikat: str
    dari: float | None  # inclusive lower bound; None = unbounded
    sampai: float | None  # exclusive upper bound; None = unbounded


class SkalaError(ValueError):
    pass


class SkalaPredikat:
    """A predikat scale: contiguous half-open classes dari <= x < sampai."""

    def __init__(self, kelas: Sequence[Kelas]):
        if not kelas:
            raise SkalaError("skala predikat kosong")
        for k in kelas:
            if k.dari is not None and k.sampai is not None and k.dari >= k.sampai:
                raise SkalaError(
                    f"kelas {k.predikat!r}: 'dari' ({k.dari}) harus lebih kecil dari 'sampai' ({k.sampai})"
                )
        urut = sorted(kelas, key=lambda k: -math.inf if k.dari is None else k.dari)
        terbuka = [k for k in urut if k.sampai is None]
        if terbuka and terbuka[0] is not urut[-1]:
            raise SkalaError(
                f"kelas {terbuka[0].predikat!r} tanpa batas atas (sampai: null) bukan kelas tertinggi: "
                f"kelas {urut[-1].predikat!r} mulai dari {urut[-1].dari}"
            )
        if urut[0].dari is not None:
            raise SkalaError(f"skala tidak mencakup nilai di bawah {urut[0].dari}: kelas terendah harus 'dari: null'")
        if urut[-1].sampai is not None:
            raise SkalaError(
                f"skala tidak mencakup nilai {urut[-1].sampai} ke atas: kelas tertinggi harus 'sampai: null'"
            )
        for bawah, atas in itertools.pairwise(urut):
            if bawah.sampai is None or atas.dari is None:
                raise SkalaError(f"kelas {bawah.predikat!r} dan {atas.predikat!r} tumpang tindih")
            if bawah.sampai < atas.dari:
                raise SkalaError(
                    f"celah antara {bawah.predikat!r} (sampai {bawah.sampai}) dan {atas.predikat!r} (dari {atas.dari})"
                )
            if bawah.sampai > atas.dari:
                raise SkalaError(
                    f"kelas {bawah.predikat!r} (sampai {bawah.sampai}) tumpang tindih "
                    f"dengan {atas.predikat!r} (dari {atas.dari})"
                )
        self.kelas = tuple(urut)

    @classmethod
    def dari_daftar(cls, daftar: Sequence[dict]) -> SkalaPredikat:
        return cls([Kelas(d["predikat"], d.get("dari"), d.get("sampai")) for d in daftar])

    def predikat(self, nilai: float | None) -> str | None:
        if kosong(nilai):
            return None
        for k in self.kelas:
            if (k.dari is None or nilai >= k.dari) and (k.sampai is None or nilai < k.sampai):
                return k.predikat
        raise AssertionError("unreachable: the scale is contiguous")
