"""A national or provincial standard per indicator and year (optional): renstra-<period>/standar.csv.

Printed only where the data give one: a column in the per-indicator comparison table of Bab III, its source
in a note under the table. The file is the OPD's; lkj never invents a standard."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .errors import DataError
from .proyek import Proyek
from .skema import Kolom, baca_csv

if TYPE_CHECKING:
    import pandas as pd

BERKAS = "standar.csv"
TINGKAT = ("nasional", "provinsi")
SKEMA = (
    Kolom("indikator_id", "kode"),
    Kolom("tahun", "bulat"),
    Kolom("tingkat", "pilihan", pilihan=TINGKAT),
    Kolom("nilai", "bilangan", minimum=None),
    Kolom("sumber", kata_maks=None),  # the document that sets it (may hold an address)
)


def baca_standar(proyek: Proyek, folder: Path, indikator_ids: set[str], awal: int, akhir: int) -> pd.DataFrame | None:
    """standar.csv of a Renstra folder, validated (None when the period has none). Duplicates
    (indikator_id, tahun, tingkat) are refused by the one CSV reader (skema.KUNCI)."""
    path = folder / BERKAS
    if not path.exists() and not path.is_symlink():
        return None
    df = baca_csv(proyek, path, SKEMA)
    for r in df.itertuples(index=False):
        if r.indikator_id not in indikator_ids:
            raise DataError(
                path,
                f"indikator_id '{r.indikator_id}' tidak ada di indikator.csv",
                "Perbaiki kodenya, atau tambahkan indikatornya ke indikator.csv Renstra ini.",
                r.baris,
                "indikator_id",
            )
        if not awal <= r.tahun <= akhir:
            raise DataError(
                path,
                f"tahun {r.tahun} di luar periode Renstra {folder.name} ({awal}–{akhir})",
                "Tulis tahun di dalam periode, atau pindahkan baris ini ke folder Renstra periode itu.",
                r.baris,
                "tahun",
            )
    return df
