"""Which files a year's report reads, found without reading them (no pandas: the "nothing changed"
check of a build imports only this)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from .errors import DataError
from .params import RENSTRA, baca_aturan
from .proyek import Proyek


def tersembunyi(path: Path, folder: Path) -> bool:
    """A name starting with "." on the way from `folder`: an editor's or JupyterLab's own file
    (.ipynb_checkpoints/, .x.swp, .#x lock), never an input, so never fingerprinted nor warned about."""
    return any(bagian.startswith(".") for bagian in path.relative_to(folder).parts)


def tahun_tersedia(proyek: Proyek) -> list[str]:
    return sorted(p.name for p in proyek.raw.iterdir() if p.name.isdigit()) if proyek.raw.is_dir() else []


def folder_tahun(proyek: Proyek, tahun: int) -> Path:
    folder = proyek.di_dalam(proyek.tahun(tahun), "folder tahun")
    if not folder.is_dir():
        raise DataError(
            folder,
            f"tidak ada data untuk tahun {tahun}",
            f"Tahun yang tersedia: {', '.join(tahun_tersedia(proyek)) or 'tidak ada'}. "
            "Buat folder ini (lihat data/raw/README.md, 'Menambah tahun baru').",
        )
    return folder


def proyek_opd(proyek: Proyek, opd: str) -> Proyek:
    """An OPD's project named by a Pemda's `sumber`: a folder beside the Pemda's, in the same workspace."""
    return Proyek(proyek.root.parent / opd)


def berkas_masukan(proyek: Proyek, tahun: int) -> list[Path]:
    """Every file a year's report may read: the year, its comparison year, the earlier years of its Renstra
    period (the per-indicator comparison reads each that has data), its Renstra, its params.

    A superset of what `baca_masukan` opens (whole folders), so a fingerprint over it cannot go
    stale. Reads only params (YAML), never the CSVs."""
    aturan = baca_aturan(proyek, tahun)
    folders = [proyek.tahun(tahun), proyek.raw / aturan.renstra]
    if aturan.tahun_pembanding is not None:
        folders.append(proyek.tahun(aturan.tahun_pembanding))
    if m := RENSTRA.fullmatch(aturan.renstra):  # a year folder absent today is hashed as absent
        folders += [proyek.tahun(y) for y in range(int(m[1]), tahun) if y != aturan.tahun_pembanding]
    files = [proyek.params(tahun), proyek.rencana, *([aturan.logo] if aturan.logo else [])]
    for _, opd, _ in aturan.sumber:  # a Pemda's IKU taken from an OPD: its computed indicators, its name,
        asal = proyek_opd(proyek, opd)  # and its data (were those numbers computed from it?)
        files += [asal.processed(tahun) / "capaian.csv", asal.processed(tahun) / ASAL, *berkas_data(asal, tahun)]
    for f in folders:
        if f.is_dir():
            files += sorted(p for p in f.rglob("*") if (p.is_file() or p.is_symlink()) and not tersembunyi(p, f))
        else:
            files.append(f)
    return files


ASAL = "asal.json"  # in data/processed/<YEAR>/: the fingerprint of the data its tables were computed from


def berkas_data(proyek: Proyek, tahun: int) -> list[Path]:
    """The inputs a year's computed tables depend on: `berkas_masukan` without the narrative."""
    narasi = proyek.tahun(tahun) / "narasi"
    return [p for p in berkas_masukan(proyek, tahun) if narasi not in p.parents]


def sidik_data(proyek: Proyek, tahun: int) -> str:
    """sha256 over the data files (names relative to the project, and contents): the same in any folder."""
    h = hashlib.sha256()
    for p in berkas_data(proyek, tahun):
        nama = p.relative_to(proyek.root).as_posix() if p.is_relative_to(proyek.root) else p.as_posix()
        h.update(nama.encode() + b"\0")
        h.update(p.read_bytes() if p.is_file() else b"<tidak ada>")
    return h.hexdigest()
