"""A workspace: a folder whose pemda.yml names the OPD projects and the Pemda's own project.

    nama: Pemerintah Kabupaten Contoh
    pemda: pemda                 # the Pemda's project folder (its LKjIP)
    opd: [dinas-pendidikan, …]   # one project folder per OPD

Folders are relative to the workspace and stay inside it; each is a project as `make report ROOT=` takes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from ..masukan.errors import DataError

BERKAS_RUANG = "pemda.yml"


@dataclass(frozen=True)
class Ruang:
    root: Path
    nama: str
    pemda: str | None  # the Pemda's project folder, built after every OPD
    opd: tuple[str, ...]
    sintetis: bool = False

    @property
    def berkas(self) -> Path:
        return self.root / BERKAS_RUANG

    def folder(self, nama: str) -> Path:
        return self.root / nama

    @property
    def proyek(self) -> tuple[str, ...]:
        """Every project, the OPDs first, then the Pemda."""
        return (*self.opd, *([self.pemda] if self.pemda else []))

    def rekap(self, tahun: int, akhiran: str) -> Path:
        return self.root / "reports" / f"rekap-{tahun}.{akhiran}"


def baca_ruang(root: Path | str) -> Ruang:
    """The workspace at root, checked: each problem named with the file and what to do."""
    root = Path(root).resolve()
    berkas = root / BERKAS_RUANG
    if not berkas.is_file():
        raise DataError(berkas, "berkas ruang kerja tidak ditemukan", "Buat pemda.yml (lihat data/raw/README.md).")
    try:
        isi = yaml.safe_load(berkas.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as e:
        baris = getattr(getattr(e, "problem_mark", None), "line", None)
        raise DataError(
            berkas, "bukan YAML yang sah", "Periksa indentasi dan tanda ':'.", None if baris is None else baris + 1
        ) from None
    if not isinstance(isi, dict):
        raise DataError(berkas, "isinya harus berupa pasangan kunci: nilai", "Lihat contoh di data/raw/README.md.")
    opd = isi.get("opd")
    if not isinstance(opd, list) or not opd or not all(isinstance(o, str) and o.strip() for o in opd):
        raise DataError(
            berkas, "kunci 'opd' harus berupa daftar folder proyek OPD", "Tulis mis. opd: [dinas-a, dinas-b]."
        )
    pemda = isi.get("pemda")
    if pemda is not None and not (isinstance(pemda, str) and pemda.strip()):
        raise DataError(
            berkas, "kunci 'pemda' harus berupa nama folder", "Tulis mis. pemda: pemda, atau hapus kuncinya."
        )
    semua = [*opd, *([pemda] if pemda else [])]
    ganda = sorted({o for o in semua if semua.count(o) > 1})
    if ganda:
        raise DataError(berkas, f"folder disebut lebih dari sekali: {', '.join(ganda)}", "Sebut setiap folder sekali.")
    for nama in semua:
        folder = (root / nama).resolve()
        if not folder.is_relative_to(root) or folder == root:
            raise DataError(
                berkas, f"folder '{nama}' berada di luar ruang kerja", "Letakkan proyek di dalam folder ini."
            )
        if not folder.is_dir():
            raise DataError(berkas, f"folder proyek '{nama}' tidak ditemukan", "Periksa namanya atau buat foldernya.")
    return Ruang(root, str(isi.get("nama") or root.name), pemda, tuple(opd), bool(isi.get("sintetis", False)))
