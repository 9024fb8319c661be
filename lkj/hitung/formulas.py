"""LKj formulas as pure functions (no I/O, no rounding).

Every function returns a `Hasil`: the unrounded value, or None with the reason
in `catatan`. Nothing silently becomes 0.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from ..masukan.kosakata import (
    JENIS_RUMUS,
    PERAN,
    POLARITAS,
    RUMUS_PERSEN,
    Kelas,
    SkalaError,
    SkalaPredikat,
    kosong,
)

__all__ = ["JENIS_RUMUS", "PERAN", "POLARITAS", "RUMUS_PERSEN", "Kelas", "SkalaError", "SkalaPredikat", "kosong"]


class Hasil(NamedTuple):
    nilai: float | None
    catatan: str | None = None


def capaian(target, realisasi, polaritas: str) -> Hasil:
    """Capaian in percent. Target 0 or missing realisasi gives None with a reason."""
    if polaritas not in POLARITAS:
        raise ValueError(f"polaritas tidak dikenal: {polaritas!r}")
    if kosong(realisasi):
        return Hasil(None, "realisasi tidak tersedia: capaian tidak dihitung")
    if kosong(target):
        return Hasil(None, "target tidak tersedia: capaian tidak dihitung")
    if target == 0:
        return Hasil(None, "target 0: capaian tidak terdefinisi (pembagian dengan nol)")
    if polaritas == "positif":
        return Hasil(realisasi / target * 100)
    return Hasil((2 * target - realisasi) / target * 100)


def rasio(pembilang, penyebut) -> Hasil:
    """pembilang / penyebut × 100."""
    if kosong(pembilang) or kosong(penyebut):
        return Hasil(None, "komponen rasio tidak lengkap")
    if penyebut == 0:
        return Hasil(None, "penyebut 0: rasio tidak terdefinisi")
    return Hasil(pembilang / penyebut * 100)


def pertumbuhan(nilai_n, nilai_sebelumnya) -> Hasil:
    """Growth in percent between year n and year n-1."""
    if kosong(nilai_n) or kosong(nilai_sebelumnya):
        return Hasil(None, "nilai tahun n atau n−1 tidak tersedia")
    if nilai_sebelumnya == 0:
        return Hasil(None, "nilai tahun n−1 adalah 0: pertumbuhan tidak terdefinisi")
    return Hasil((nilai_n - nilai_sebelumnya) / nilai_sebelumnya * 100)


def rata_rata(nilai: Iterable[float | None]) -> Hasil:
    """Mean of the values present; says how many were left out."""
    nilai = list(nilai)
    ada = [x for x in nilai if not kosong(x)]
    if not ada:
        return Hasil(None, "tidak ada nilai untuk dirata-ratakan")
    catatan = None
    if len(ada) < len(nilai):
        catatan = f"{len(nilai) - len(ada)} dari {len(nilai)} nilai kosong tidak ikut dirata-ratakan"
    return Hasil(sum(ada) / len(ada), catatan)


def jumlah(nilai: Iterable[float | None]) -> Hasil:
    """Sum of the parts; one missing part leaves the sum undefined (never a partial sum)."""
    nilai = list(nilai)
    kurang = sum(1 for x in nilai if kosong(x))
    if kurang:
        return Hasil(None, f"{kurang} dari {len(nilai)} komponen bagian belum berisi realisasi: jumlah tidak dihitung")
    return Hasil(sum(x for x in nilai if x is not None))


def batasi(nilai: float | None, batas: float | None) -> float | None:
    """Cap a capaian at `batas` (None = no cap)."""
    if nilai is None or batas is None:
        return nilai
    return min(nilai, batas)


def serapan(pagu, realisasi) -> Hasil:
    """Budget absorption in percent."""
    return rasio(realisasi, pagu)


def efisiensi(serapan_persen, capaian_persen) -> Hasil:
    """1 − (% serapan / % capaian), as a fraction (the sample prints 0,079)."""
    if kosong(serapan_persen):
        return Hasil(None, "serapan anggaran tidak tersedia")
    if kosong(capaian_persen):
        return Hasil(None, "program tanpa capaian indikator: efisiensi tidak dihitung")
    if capaian_persen == 0:
        return Hasil(None, "capaian 0%: efisiensi tidak terdefinisi")
    return Hasil(1 - serapan_persen / capaian_persen)


# --- realisasi from component data -------------------------------------------


@dataclass(frozen=True)
class Komponen:
    peran: str
    uraian: str
    satuan: str = ""
    target: float | None = None
    realisasi: float | None = None
    kelompok: str = ""
    baris: int = 0  # row number in komponen.csv, for provenance
    kode: str = ""  # komponen_id

    @property
    def nilai(self) -> float | None:
        """The value this row contributes (see PERAN)."""
        return self.target if self.peran == "populasi" else self.realisasi


@dataclass(frozen=True)
class Langkah:
    """One substituted step: pembilang / penyebut × 100% = hasil."""

    label: str
    pembilang: Komponen
    pembilang_nilai: float | None
    penyebut: Komponen
    penyebut_nilai: float | None
    hasil: Hasil


@dataclass(frozen=True)
class Realisasi:
    nilai: float | None
    sumber: str  # "komponen", "dilaporkan", "kosong"
    langkah: tuple[Langkah, ...] = ()
    catatan: tuple[str, ...] = field(default=())


class RumusError(ValueError):
    """Component data that does not fit the indicator's formula type."""


def _satu(komponen: Sequence[Komponen], peran: Sequence[str], jenis: str) -> Komponen:
    cocok = [k for k in komponen if k.peran in peran]
    if len(cocok) != 1:
        raise RumusError(
            f"rumus {jenis} butuh tepat satu komponen berperan {' atau '.join(peran)}, ditemukan {len(cocok)}"
        )
    return cocok[0]


def _langkah(label: str, atas: Komponen, bawah: Komponen, atas_nilai, bawah_nilai) -> Langkah:
    return Langkah(label, atas, atas_nilai, bawah, bawah_nilai, rasio(atas_nilai, bawah_nilai))


def realisasi_dari_komponen(jenis_rumus: str, komponen: Sequence[Komponen]) -> Realisasi:
    """Realisasi of one indicator from its component rows: percent for RUMUS_PERSEN, else in the
    indicator's own unit (jumlah, nilai)."""
    if jenis_rumus == "rasio":
        atas = _satu(komponen, ["pembilang"], jenis_rumus)
        bawah = _satu(komponen, ["penyebut", "populasi"], jenis_rumus)
        step = _langkah("", atas, bawah, atas.nilai, bawah.nilai)
        return Realisasi(step.hasil.nilai, "komponen", (step,), _notes([step.hasil]))
    if jenis_rumus == "rata_rasio":
        kelompok = [k for k in komponen if k.peran == "kelompok"]
        if not kelompok:
            raise RumusError("rumus rata_rasio butuh minimal satu komponen berperan kelompok")
        steps = tuple(_langkah(k.kelompok or k.uraian, k, k, k.realisasi, k.target) for k in kelompok)
        mean = rata_rata(s.hasil.nilai for s in steps)
        return Realisasi(mean.nilai, "komponen", steps, _notes([s.hasil for s in steps] + [mean]))
    if jenis_rumus == "pertumbuhan":
        kini = _satu(komponen, ["tahun_n"], jenis_rumus)
        lalu = _satu(komponen, ["tahun_sebelumnya"], jenis_rumus)
        hasil = pertumbuhan(kini.nilai, lalu.nilai)
        # Shown as (n − (n−1)) / (n−1): the numerator is the difference.
        selisih = Komponen(
            "pembilang",
            f"{kini.uraian} − {lalu.uraian}",
            kini.satuan,
            realisasi=None if hasil.nilai is None else kini.nilai - lalu.nilai,  # type: ignore[operator]
        )
        step = Langkah("", selisih, selisih.realisasi, lalu, lalu.nilai, hasil)
        return Realisasi(hasil.nilai, "komponen", (step,), _notes([hasil]))
    if jenis_rumus == "jumlah":
        bagian = [k for k in komponen if k.peran == "bagian"]
        if not bagian:
            raise RumusError("rumus jumlah butuh minimal satu komponen berperan bagian")
        hasil = jumlah(k.nilai for k in bagian)
        return Realisasi(hasil.nilai, "komponen", (), _notes([hasil]))
    if jenis_rumus == "nilai":
        satu = _satu(komponen, ["nilai"], jenis_rumus)
        hasil = Hasil(satu.nilai, None if not kosong(satu.nilai) else "nilai komponen tidak tersedia")
        return Realisasi(hasil.nilai, "komponen", (), _notes([hasil]))
    if jenis_rumus == "langsung":
        raise RumusError("rumus langsung tidak memakai komponen: isi realisasi_langsung.csv")
    raise RumusError(f"jenis_rumus tidak dikenal: {jenis_rumus!r}")


def _notes(hasil: Iterable[Hasil]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(h.catatan for h in hasil if h.catatan))
