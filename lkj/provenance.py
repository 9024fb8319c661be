"""Provenance of a build: which inputs, code and packages produced the report."""
from __future__ import annotations

import hashlib
import platform
import subprocess
from importlib import metadata
from pathlib import Path

PAKET = ("pandas", "matplotlib", "babel", "markdown-it-py", "papermill", "nbconvert", "weasyprint", "pypdf")


def git(root: Path) -> str:
    """The commit, and whether tracked files differ from it."""
    try:
        commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True,
                                check=True).stdout.strip()
        kotor = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=root,
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "tidak diketahui (bukan repositori git)"
    return commit + (" (ada perubahan yang belum di-commit)" if kotor else "")


def _versi(nama: str) -> str:
    try:
        return metadata.version(nama)
    except metadata.PackageNotFoundError:
        return "tidak terpasang"


def _nama(f: Path, root: Path) -> str:
    for akar in (root, Path(__file__).resolve().parent.parent):  # the project, or the lkj package
        try:
            return str(f.resolve().relative_to(akar.resolve()))
        except ValueError:
            continue
    return str(f)


def _subset_font() -> str:
    """Which font subsetter WeasyPrint uses (the PDF bytes depend on it)."""
    try:
        from weasyprint.text.ffi import harfbuzz_subset
    except ImportError:
        return "tidak diketahui"
    return "HarfBuzz" if harfbuzz_subset else "fontTools"


def html(root: Path, berkas: list[Path], judul_id: str, judul: str) -> str:
    """The provenance section: sha256 of every input, the commit, Python and package versions."""
    from . import tampil
    baris = [(_nama(f, root), hashlib.sha256(f.read_bytes()).hexdigest()) for f in berkas if f.is_file()]
    paket = ", ".join(f"{n} {_versi(n)}" for n in PAKET) + f"; subset font PDF: {_subset_font()}"
    return (tampil.judul(judul, 2, judul_id)
            + f"<p>Commit git: <code>{tampil.e(git(root))}</code>. Python {platform.python_version()}; "
              f"{tampil.e(paket)}. Aturan perhitungan: Lampiran 4.</p>"
            + tampil.tabel(baris, [tampil.Kol("Berkas", lambda r: r[0]), tampil.Kol("sha256", lambda r: r[1])],
                           "Berkas masukan dan sidiknya", "provenance"))
