"""Provenance of a build: which inputs, code and packages produced the report (as data)."""

from __future__ import annotations

import hashlib
import platform
import subprocess
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from ..masukan.proyek import Proyek

PAKET = ("pandas", "matplotlib", "babel", "markdown-it-py", "papermill", "nbconvert", "weasyprint", "pypdf")


@dataclass(frozen=True)
class Provenance:
    berkas: list[tuple[str, str]]  # (path as shown, sha256)
    commit: str
    versi: str


def git(root: Path) -> str:
    """The commit, and whether tracked files differ from it."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, check=True
        ).stdout.strip()
        kotor = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "tidak diketahui (bukan repositori git)"
    return commit + (" (ada perubahan yang belum di-commit)" if kotor else "")


def _versi(nama: str) -> str:
    try:
        return metadata.version(nama)
    except metadata.PackageNotFoundError:
        return "tidak terpasang"


# The names WeasyPrint's own loader tries (weasyprint/text/ffi.py), in its order; dlopen-ing them here
# spares the main process WeasyPrint's import (0,6 s), which only the PDF workers need.
HARFBUZZ_SUBSET = (
    "libharfbuzz-subset-0",
    "harfbuzz-subset",
    "harfbuzz-subset-0.0",
    "libharfbuzz-subset.so.0",
    "libharfbuzz-subset.0.dylib",
    "libharfbuzz-subset-0.dll",
)


def _subset_font() -> str:
    """Which font subsetter WeasyPrint uses (the PDF bytes depend on it): HarfBuzz when its subset
    library loads, else fontTools."""
    import ctypes

    for nama in HARFBUZZ_SUBSET:
        try:
            ctypes.CDLL(nama)
        except OSError:
            continue
        return "HarfBuzz"
    return "fontTools"


def catat(proyek: Proyek, berkas: list[Path]) -> Provenance:
    baris = [(proyek.relatif(f), hashlib.sha256(f.read_bytes()).hexdigest()) for f in berkas if f.is_file()]
    paket = ", ".join(f"{n} {_versi(n)}" for n in PAKET) + f"; subset font PDF: {_subset_font()}"
    return Provenance(baris, git(proyek.root), f"Python {platform.python_version()}; {paket}")
