"""The Excel commands of `python -m lkj` (excel-isian, excel-impor, kertas-kerja)."""

from __future__ import annotations

from pathlib import Path

from ..files import tulis_atomik
from ..masukan.errors import DataError
from ..masukan.proyek import Proyek


def cmd_excel_isian(tahun: int, root: Path | None, paksa: bool) -> None:
    """Write isian-<YEAR>.xlsx in the project folder; never over a workbook someone may be filling."""
    from .isian import buat_isian, path_isian

    proyek = Proyek.di(root)
    path = path_isian(proyek, tahun)
    isi = buat_isian(proyek, tahun)
    if (path.exists() or path.is_symlink()) and not paksa:
        import datetime as dt

        waktu = dt.datetime.fromtimestamp(path.lstat().st_mtime).strftime("%d-%m-%Y %H:%M")
        raise DataError(
            path,
            f"buku kerja sudah ada (terakhir diubah {waktu}); membuatnya ulang menghapus isian yang belum diimpor",
            f"Untuk memakai isiannya: make excel-impor YEAR={tahun} FILE={proyek.relatif(path)} (boleh diulang "
            "setelah diubah lagi). Untuk mulai dari data sekarang: pindahkan atau hapus berkas itu, atau timpa "
            f"dengan make excel-isian YEAR={tahun} PAKSA=1.",
        )
    tulis_atomik(path, isi)
    print(
        f"Isian {tahun} → {proyek.relatif(path)}\nIsi di Excel, simpan, lalu: make excel-impor YEAR={tahun} "
        f"FILE={proyek.relatif(path)}"
    )


def cmd_excel_impor(tahun: int, root: Path | None, berkas: str | None, paksa: bool) -> None:
    from .impor import impor

    if not berkas:
        raise DataError("FILE", "berkas buku kerja tidak disebut", f"Tulis mis. FILE=isian-{tahun}.xlsx.")
    proyek = Proyek.di(root)
    path = Path(berkas)
    if not path.is_absolute() and not path.exists():
        path = proyek.root / path
    print("\n".join(impor(proyek, tahun, path, paksa)))


def cmd_kertas_kerja(tahun: int, root: Path | None) -> None:
    from ..masukan.model import baca_masukan
    from .kertas_kerja import path_kertas_kerja, tulis_kertas_kerja

    m = baca_masukan(Proyek.di(root), tahun)
    path = path_kertas_kerja(m)
    tulis_atomik(path, tulis_kertas_kerja(m))
    print(f"Kertas kerja {tahun} → {m.proyek.relatif(path)}")
