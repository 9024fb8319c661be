"""Evidence (data dukung): data/raw/<YEAR>/bukti.csv maps an indicator, or one of its component rows,
to a document (a file inside the project or an http(s) address), its type and the bidang that holds it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import DataError, Peringatan
from .proyek import Proyek
from .skema import Kolom, baca_csv

if TYPE_CHECKING:
    import pandas as pd

    from .model import Masukan

URL = re.compile(r"https?://\S+")
SKEMA = (
    Kolom("indikator_id", "kode"),
    Kolom("komponen_id", "kode", wajib=False),
    Kolom("berkas"),
    Kolom("jenis_dokumen"),
    Kolom("bidang"),
    Kolom("keterangan", wajib=False),
)


def adalah_url(berkas: str) -> bool:
    return bool(URL.fullmatch(berkas))


def baca_bukti(proyek: Proyek, path: Path, pk_ids: set[str], komponen: pd.DataFrame | None) -> pd.DataFrame | None:
    """bukti.csv of a year, validated (None when the year has none)."""
    if not path.exists() and not path.is_symlink():
        return None
    df = baca_csv(proyek, path, SKEMA)
    cek_bukti(proyek, df, path, pk_ids, komponen)
    return df


def cek_bukti(proyek: Proyek, df: pd.DataFrame, path: Path, pk_ids: set[str], komponen: pd.DataFrame | None) -> None:
    """Every row names a PK indicator, a component row of it (when given), and a file inside the project
    or an http(s) address."""
    ada = set() if komponen is None else set(zip(komponen.indikator_id, komponen.komponen_id))
    for r in df.itertuples(index=False):
        if r.indikator_id not in pk_ids:
            raise DataError(
                path,
                f"indikator_id '{r.indikator_id}' tidak ada di pk.csv",
                "Perbaiki kodenya.",
                r.baris,
                "indikator_id",
            )
        if r.komponen_id and (r.indikator_id, r.komponen_id) not in ada:
            raise DataError(
                path,
                f"komponen {r.indikator_id} {r.komponen_id} tidak ada di komponen.csv",
                "Perbaiki kodenya, atau kosongkan komponen_id bila bukti berlaku untuk seluruh indikator.",
                r.baris,
                "komponen_id",
            )
        if re.match(r"[a-z]+:", r.berkas, re.IGNORECASE) and not adalah_url(r.berkas):
            raise DataError(
                path,
                f"alamat '{r.berkas[:40]}' bukan berkas di dalam proyek maupun alamat http(s)",
                "Tulis jalur berkas relatif terhadap folder proyek (mis. data/bukti/2023/daftar-hadir.pdf) "
                "atau alamat https://.",
                r.baris,
                "berkas",
            )
        if not adalah_url(r.berkas):
            try:
                proyek.di_dalam(proyek.root / r.berkas, "berkas bukti")
            except DataError as e:
                raise DataError(path, f"'{r.berkas[:60]}': {e.problem}", e.fix, r.baris, "berkas") from None


def bukti_hilang(proyek: Proyek, df: pd.DataFrame | None, path: Path) -> list[Peringatan]:
    """One warning per row whose file does not exist (a dangling path)."""
    if df is None:
        return []
    return [
        Peringatan(
            f"berkas bukti '{r.berkas}' tidak ditemukan; periksa jalurnya (relatif terhadap folder proyek)",
            f"{proyek.relatif(path)}, baris {r.baris}, kolom 'berkas'",
        )
        for r in df.itertuples(index=False)
        if not adalah_url(r.berkas) and not (proyek.root / r.berkas).is_file()
    ]


def berkas_bukti(df: pd.DataFrame | None) -> list[str]:
    """The evidence files bukti.csv names (not its http(s) addresses), as written: relative to the project."""
    return [] if df is None else sorted({b for b in df.berkas if not adalah_url(b)})


def tanpa_bukti(m: Masukan) -> list[Peringatan]:
    """For a final report: indicators with no evidence at all (one line when bukti.csv is absent)."""
    path = m.data.folder / "bukti.csv"
    if m.data.bukti is None:
        return [
            Peringatan(
                f"data dukung belum dipetakan: bukti.csv tidak ada, {len(m.data.pk)} indikator tanpa bukti "
                "(lihat data/raw/README.md, bagian bukti.csv)",
                m.proyek.relatif(path),
            )
        ]
    ada = set(m.data.bukti.indikator_id)
    return [
        Peringatan(f"indikator {i} tidak mempunyai bukti (data dukung) sama sekali", m.proyek.relatif(path))
        for i in m.data.pk.indikator_id
        if i not in ada
    ]
