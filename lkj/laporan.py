"""What a report notebook needs, loaded once: `lap = Laporan.muat(tahun, root)`."""
from __future__ import annotations

import hashlib
import platform
import subprocess
from dataclasses import dataclass
from functools import cached_property
from importlib import metadata
from pathlib import Path

import pandas as pd

from . import narasi, tampil
from .compute import ROOT, Pengukuran, Proyek, hitung, tabel_anggaran, tabel_pembanding, tabel_renstra


PAKET = ("pandas", "matplotlib", "babel", "markdown-it-py", "papermill", "nbconvert", "weasyprint")


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

    # --- provenance -------------------------------------------------------------------

    def berkas_masukan(self) -> list[Path]:
        """Every input the figures depend on: raw data, narrative, params."""
        proyek = Proyek(self.root)
        files = list(self.p.data.berkas)
        if self.lalu:
            files += [f for f in self.lalu.data.berkas if f not in files]
        files += sorted((proyek.raw / str(self.tahun) / "narasi").glob("*.md"))
        files.append(proyek.params(self.tahun))
        return files

    def provenance(self) -> dict[str, object]:
        files = []
        for f in self.berkas_masukan():
            files.append({"berkas": str(f.relative_to(self.root)),
                          "sha256": hashlib.sha256(f.read_bytes()).hexdigest()})
        return {"berkas": files, "git": _git(self.root), "python": platform.python_version(),
                "paket": {n: _versi(n) for n in PAKET}}


def _versi(nama: str) -> str:
    try:
        return metadata.version(nama)
    except metadata.PackageNotFoundError:
        return "tidak terpasang"


def _git(root: Path) -> str:
    try:
        commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True,
                                check=True).stdout.strip()
        kotor = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=root,
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "tidak diketahui (bukan repositori git)"
    return commit + (" (ada perubahan yang belum di-commit)" if kotor else "")
