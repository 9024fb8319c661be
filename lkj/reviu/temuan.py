"""A reviu finding, the context the rules read, and the comparison at printed precision."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from .. import fmt
from ..hitung.pengukuran import Pengukuran, hitung_anggaran
from ..masukan.publikasi import Angka
from ..masukan.rencana import Rencana

KATEGORI = ("salah hitung", "tidak konsisten", "pembulatan", "data dukung tidak ada", "metodologi")
TINGKAT = ("tinggi", "sedang", "rendah")


# --- comparison at printed precision ---------------------------------------------------------


def banding(dilaporkan: float | None, digit: int, hitung: float | None) -> str:
    """'sesuai' if the printed value is the computed one rounded half up to the printed digits;
    'pembulatan' if it is off by at most one unit in the last printed digit (truncation or
    rounding of an intermediate value); else 'beda' (also when either value is missing)."""
    if dilaporkan is None or hitung is None:
        return "beda"
    if fmt.bulat(hitung, digit) == dilaporkan:
        return "sesuai"
    if abs(dilaporkan - hitung) <= 10**-digit + 1e-9:
        return "pembulatan"
    return "beda"


# --- findings ----------------------------------------------------------------------------------


@dataclass(kw_only=True)
class Temuan:
    """One finding: which rule, where, what, and the two values (as printed, as computed)."""

    aturan: str
    kategori: str
    lokasi: str
    uraian: str
    indikator_id: str = ""
    nilai_dilaporkan: float | None = None
    nilai_hitung: float | None = None
    ubah_predikat: bool = False
    tautan: str = ""  # id of the report section with the calculation step
    kode: str = ""

    @property
    def tingkat(self) -> str:
        if self.kategori == "pembulatan":
            return "rendah"
        if self.kategori in ("salah hitung", "tidak konsisten"):
            return "tinggi" if self.ubah_predikat else "sedang"
        return "sedang"

    @property
    def selisih(self) -> float | None:
        if self.nilai_dilaporkan is None or self.nilai_hitung is None:
            return None
        return self.nilai_dilaporkan - self.nilai_hitung


@dataclass
class Konteks:
    """What every rule reads: the measured years, the published figures, the narrative, the plan."""

    p: Pengukuran
    lalu: Pengukuran | None
    publikasi: tuple[Angka, ...] | None
    narasi: dict[str, str | None]
    rencana: Rencana
    anggaran: pd.DataFrame | None = field(init=False)

    def __post_init__(self) -> None:
        self.anggaran = hitung_anggaran(self.p)

    def ukur(self, tahun: int) -> Pengukuran | None:
        return self.p if tahun == self.p.tahun else self.lalu if self.lalu and tahun == self.lalu.tahun else None

    def angka(self, *besaran: str) -> list[Angka]:
        return [a for a in self.publikasi or [] if a.besaran in besaran]

    def program(self, kode: str):
        if self.anggaran is None:
            return None
        rows = self.anggaran[self.anggaran.program_kode == kode]
        return rows.iloc[0] if len(rows) else None

    def tautan(self, subjek: str) -> str:
        """The report section where an indicator's or a program's figure is computed."""
        if self.p.cari(subjek):
            return self.rencana.jangkar("langkah", indikator_id=subjek)
        return self.rencana.jangkar("efisiensi" if self.program(subjek) is not None else "pengukuran")


NAMA_BESARAN = {
    "target": "Target",
    "target_renstra": "Target Renstra",
    "realisasi": "Realisasi",
    "capaian": "Capaian",
    "rata_rata": "Rata-rata capaian",
    "pagu": "Pagu",
    "realisasi_anggaran": "Realisasi anggaran",
    "serapan": "Serapan",
    "efisiensi": "Efisiensi",
}


def nama_angka(a: Angka) -> str:
    """'Capaian IK05 2023', 'Rata-rata capaian 2023'."""
    subjek = "" if a.subjek == "semua" else f" {a.subjek}"
    return f"{NAMA_BESARAN.get(a.besaran, a.besaran)}{subjek} {a.tahun}"


def pct(x: float | None, digit: int = 2) -> str:
    return fmt.persen(x, digit)
