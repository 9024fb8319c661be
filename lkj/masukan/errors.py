"""The one error type for bad input (kept free of heavy imports)."""

from __future__ import annotations

from pathlib import Path


class DataError(Exception):
    """Bad input: where it is and how to fix it."""

    def __init__(self, file, problem: str, fix: str = "", row: int | None = None, column: str | None = None):
        self.file, self.row, self.column = str(file), row, column
        self.problem, self.fix = problem, fix
        super().__init__(str(self))

    def __str__(self) -> str:
        where = _tampil(self.file)
        if self.row is not None:
            where += f", baris {self.row}"
        if self.column:
            where += f", kolom '{self.column}'"
        return f"{where}: {self.problem}." + (f" {self.fix}" if self.fix else "")


def _tampil(file: str) -> str:
    """A path relative to the working folder when it lies inside it."""
    p = Path(file)
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve())) if p.is_absolute() else file
    except ValueError:
        return file


class Peringatan(str):
    """A warning as a value: shown to the analyst, never scraped from a log."""

    pesan: str
    sumber: str

    def __new__(cls, pesan: str, sumber: str = "") -> Peringatan:
        obj = super().__new__(cls, "PERINGATAN: " + pesan + (f": {sumber}" if sumber else ""))
        obj.pesan, obj.sumber = pesan, sumber
        return obj
