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
        # the folder resolved, not the file: a symlink is named where it lies, not where it points
        return str((p.parent.resolve() / p.name).relative_to(Path.cwd().resolve())) if p.is_absolute() else file
    except ValueError:
        return file


class DataErrors(DataError):  # noqa: N818 (several DataError, reported one line each)
    """Several problems of one kind at once (e.g. every empty required cell of a file), one line each."""

    MAKS = 50  # lines shown; the rest are counted

    def __init__(self, daftar: list[DataError]):
        self.daftar = list(daftar)
        pertama = self.daftar[0]
        super().__init__(pertama.file, pertama.problem, pertama.fix, pertama.row, pertama.column)

    def __str__(self) -> str:
        baris = [DataError.__str__(d) for d in self.daftar[: self.MAKS]]
        if len(self.daftar) > self.MAKS:
            baris.append(f"… dan {len(self.daftar) - self.MAKS} masalah lain yang sejenis.")
        return "\n".join(baris)


class Peringatan(str):
    """A warning as a value: shown to the analyst, never scraped from a log."""

    pesan: str
    sumber: str

    def __new__(cls, pesan: str, sumber: str = "") -> Peringatan:
        obj = super().__new__(cls, "PERINGATAN: " + pesan + (f": {sumber}" if sumber else ""))
        obj.pesan, obj.sumber = pesan, sumber
        return obj

    def __getnewargs__(self) -> tuple[str, str]:  # type: ignore[override]  # unpickled as made, not prefixed twice
        return (self.pesan, self.sumber)
