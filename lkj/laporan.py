"""What a report notebook needs, loaded once: `lap = Laporan.muat(tahun, root)`."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd

from . import narasi, tampil
from .compute import ROOT, Pengukuran, Proyek, hitung, tabel_anggaran, tabel_pembanding, tabel_renstra


@dataclass
class Laporan:
    root: Path
    p: Pengukuran
    lalu: Pengukuran | None

    @classmethod
    def muat(cls, tahun: int, root: str | Path | None = None) -> "Laporan":
        root = Path(root) if root else ROOT
        p, lalu = hitung(int(tahun), root)
        return cls(root, p, lalu)

    @property
    def tahun(self) -> int:
        return self.p.tahun

    @property
    def digit(self) -> int:
        return self.p.aturan.digit_desimal

    @cached_property
    def anggaran(self) -> pd.DataFrame | None:
        return tabel_anggaran(self.p)

    @cached_property
    def renstra(self) -> pd.DataFrame:
        return tabel_renstra(self.p)

    @cached_property
    def pembanding(self) -> pd.DataFrame:
        return tabel_pembanding(self.p, self.lalu)

    def narasi_path(self, nama: str) -> Path:
        return Proyek(self.root).raw / str(self.tahun) / "narasi" / f"{nama}.md"

    def narasi(self, nama: str, sasaran_no: int | None = None) -> str:
        """The narrative file `narasi/<nama>.md` as HTML, placeholders filled."""
        konteks = tampil.konteks(self.p, self.lalu, self.anggaran, sasaran_no)
        return narasi.tampilkan(self.narasi_path(nama), konteks)
