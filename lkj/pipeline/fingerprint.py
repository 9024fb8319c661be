"""Fingerprints (sha256) of what a step reads, and the stamps that remember them (build/<YEAR>/sidik/)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..files import tulis_atomik
from ..masukan.berkas import tersembunyi
from ..masukan.proyek import KODE

TEMPLATES = Path(__file__).resolve().parent / "templates"


def kode(notebook: bool = False) -> list[Path]:
    """The lkj package: every module in every subpackage, and the templates. With `notebook`, only what a
    notebook can import: not the build stage (assembly, PDF) nor the command line."""
    semua = sorted(
        p for p in KODE.rglob("*") if p.is_file() and "__pycache__" not in p.parts and not tersembunyi(p, KODE)
    )
    if notebook:
        return [p for p in semua if p.relative_to(KODE).parts[0] not in ("pipeline", "__main__.py")]
    return semua


def hash_files(paths: list[Path], extra: object = None) -> str:
    """sha256 over the files' names and contents (a missing file counts as such) and `extra`."""
    h = hashlib.sha256(json.dumps(extra, sort_keys=True, default=str).encode())
    for p in paths:
        h.update(str(p).encode() + b"\0")
        h.update(p.read_bytes() if p.is_file() else b"<tidak ada>")
    return h.hexdigest()


def file_hash(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


class Stamps:
    """build/<YEAR>/sidik/<name>: the fingerprint a step's outputs were made from."""

    def __init__(self, folder: Path):
        self.folder = folder

    def fresh(self, nama: str, nilai: str, *keluaran: Path) -> bool:
        p = self.folder / nama
        return p.is_file() and p.read_text() == nilai and all(k.is_file() for k in keluaran)

    def read(self, nama: str) -> str | None:
        p = self.folder / nama
        return p.read_text() if p.is_file() else None

    def write(self, nama: str, nilai: str) -> None:
        tulis_atomik(self.folder / nama, nilai)

    def hapus(self, nama: str) -> None:
        (self.folder / nama).unlink(missing_ok=True)

    def fresh_set(self, nama: str, masukan: str, keluaran: list[Path]) -> bool:
        """True when the outputs were made from `masukan` and are still, as a set, the files written then."""
        p = self.folder / nama
        if not p.is_file():
            return False
        try:
            catatan = json.loads(p.read_text())
        except ValueError:
            return False
        return catatan == {"masukan": masukan, "keluaran": {k.name: file_hash(k) for k in keluaran}}

    def write_set(self, nama: str, masukan: str, keluaran: list[Path]) -> None:
        self.write(nama, json.dumps({"masukan": masukan, "keluaran": {k.name: file_hash(k) for k in keluaran}}))
