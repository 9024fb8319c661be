"""Where a project's files live, and the one safe way to read them.

Every input is read through `Proyek.baca`: it refuses paths that leave the
project (also through a symlink), folders where a file is expected, and text
that is not UTF-8, each with one line naming the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import DataError

KODE = Path(__file__).resolve().parent.parent  # the lkj package
# The report plan and its notebooks ship with lkj: lkj/notebooks/ once installed from a wheel (package data,
# see pyproject.toml), notebooks/ beside the package in the source checkout (an editable install).
NOTEBOOKS = KODE / "notebooks" if (KODE / "notebooks" / "laporan.yml").is_file() else KODE.parent / "notebooks"
BINER = {  # leading bytes of files people save by mistake in place of a text file
    b"PK\x03\x04": "buku kerja Excel (.xlsx) atau arsip zip",
    b"\xd0\xcf\x11\xe0": "buku kerja Excel lama (.xls)",
    b"%PDF": "PDF",
    b"\x89PNG": "gambar PNG",
    b"\xff\xd8\xff": "gambar JPEG",
    b"\xff\xfe": "teks UTF-16",
    b"\xfe\xff": "teks UTF-16",
}


@dataclass(frozen=True)
class Proyek:
    """A project folder: data/raw, params, notebooks (the repository by default)."""

    root: Path

    @classmethod
    def di(cls, root: str | Path | None = None) -> Proyek:
        akar = Path(root) if root else KODE.parent
        if not akar.is_dir():
            raise DataError(akar, "folder proyek tidak ditemukan", "Periksa --root (folder berisi data/ dan params/).")
        return cls(akar.resolve())

    @property
    def raw(self) -> Path:
        return self.root / "data" / "raw"

    def tahun(self, tahun: int) -> Path:
        return self.raw / str(tahun)

    def params(self, tahun: int) -> Path:
        return self.root / "params" / f"{tahun}.yaml"

    def narasi(self, tahun: int, nama: str) -> Path:
        return self.tahun(tahun) / "narasi" / f"{nama}.md"

    @property
    def notebooks(self) -> Path:
        """The project's notebooks/ (plan + templates); a project without one (e.g. an OPD folder
        given with --root that holds only data/ and params/) uses the ones lkj ships (`NOTEBOOKS`)."""
        sendiri = self.root / "notebooks"
        return sendiri if sendiri.is_dir() or sendiri.is_symlink() else NOTEBOOKS

    @property
    def rencana(self) -> Path:
        return self.notebooks / "laporan.yml"

    def processed(self, tahun: int) -> Path:
        return self.root / "data" / "processed" / str(tahun)

    def build(self, tahun: int) -> Path:
        return self.root / "build" / str(tahun)

    def reports(self, tahun: int) -> Path:
        return self.root / "reports" / str(tahun)

    def relatif(self, path: Path | str) -> str:
        """The path as shown to people: relative to the project (or to the lkj package)."""
        p = Path(path)
        for akar in (self.root, NOTEBOOKS.parent, KODE.parent):
            try:
                return p.resolve().relative_to(akar).as_posix() if p.is_absolute() else p.as_posix()
            except ValueError:
                continue
        if p.is_absolute() and p.resolve().is_relative_to(self.root.parent):  # a project beside it (lkj.pemda)
            return "../" + p.resolve().relative_to(self.root.parent).as_posix()
        return p.as_posix()

    def di_dalam(self, path: Path, apa: str = "berkas") -> Path:
        """`path` if it lies inside the project once links are followed; else a DataError."""
        akar = [self.root]
        if self.notebooks != self.root / "notebooks":  # the notebooks lkj ships, used by this project
            akar.append(self.notebooks.resolve())
        try:
            if not any(path.resolve().is_relative_to(a) for a in akar):
                raise ValueError(path)
        except ValueError:
            tautan = (
                " (lewat tautan simbolik)"
                if path.is_symlink() or any(q.is_symlink() for q in path.parents if q != q.parent)
                else ""
            )
            raise DataError(
                path,
                f"{apa} berada di luar folder proyek{tautan}",
                "Letakkan berkasnya di dalam folder proyek; tautan ke luar proyek tidak diikuti.",
            ) from None
        return path

    def baca(self, path: Path) -> bytes:
        """The bytes of an input file inside the project."""
        self.di_dalam(path)
        if path.is_dir():
            raise DataError(path, "berupa folder, bukan berkas", "Ganti dengan berkas teks (atau hapus folder ini).")
        if not path.is_file():
            raise DataError(path, "berkas tidak ditemukan", "Buat berkas ini (lihat data/raw/README.md).")
        return path.read_bytes()

    def baca_teks(self, path: Path) -> str:
        """An input text file as UTF-8 (a BOM from Excel is accepted)."""
        raw = self.baca(path)
        jenis = next((nama for sig, nama in BINER.items() if raw.startswith(sig)), None)
        if jenis is None and b"\x00" in raw[:65536]:
            jenis = "berkas biner"
        if jenis is not None:
            raise DataError(
                path,
                f"berkas ini bukan teks, melainkan {jenis}",
                "Simpan ulang sebagai teks UTF-8 (untuk tabel: Excel 'CSV UTF-8 (Comma delimited)').",
            )
        try:
            return raw.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            row = raw[: e.start].count(b"\n") + 1
            raise DataError(
                path,
                "berkas tidak berenkode UTF-8",
                "Simpan ulang sebagai UTF-8 (Excel: 'CSV UTF-8 (Comma delimited)').",
                row,
            ) from None
