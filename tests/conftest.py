import hashlib
import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def checksums(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def salin(root: Path) -> Path:
    """A copy of the project's inputs (data/raw, params, notebooks) under root."""
    for folder in ("data/raw", "params", "notebooks"):
        shutil.copytree(ROOT / folder, root / folder, ignore=shutil.ignore_patterns("*.ipynb"))
    return root


@pytest.fixture(scope="session")
def laporan(tmp_path_factory):
    """The 2023 draft report built once in a scratch copy (root, BuildResult); tests that change an input
    put it back and rebuild."""
    from lkj.pipeline import build

    root = salin(tmp_path_factory.mktemp("proyek"))
    return root, build(2023, root, log=lambda s: None)


@pytest.fixture
def proyek(tmp_path) -> Path:
    """A scratch copy of the project's inputs (data/raw, params, the report plan) to break at will."""
    shutil.copytree(ROOT / "data" / "raw", tmp_path / "data" / "raw")
    shutil.copytree(ROOT / "params", tmp_path / "params")
    shutil.copytree(ROOT / "notebooks", tmp_path / "notebooks", ignore=shutil.ignore_patterns("*.ipynb"))
    return tmp_path


def masukan(tahun: int, root: Path = ROOT):
    """The validated inputs of a year (the one model every stage uses)."""
    from lkj.masukan.model import baca_masukan
    from lkj.masukan.proyek import Proyek

    return baca_masukan(Proyek.di(root), tahun)


def hitung(tahun: int, root: Path = ROOT):
    """(this year's measurement, the comparison year's) from the raw data under root."""
    from lkj.hitung.pengukuran import hitung as hitung_masukan

    return hitung_masukan(masukan(tahun, root))


def periksa(tahun: int, root: Path = ROOT):
    """The reviu findings of a year."""
    from lkj.reviu import periksa as periksa_masukan

    return periksa_masukan(masukan(tahun, root))


# Hypothesis profiles for tests/test_properti.py: "ci" (default) is small and derandomized, so a
# CI run is repeatable; "luas" (make test-luas, LKJ_HYPOTHESIS=luas) explores many more examples.
try:
    from hypothesis import settings as _hyp

    _hyp.register_profile("ci", max_examples=40, derandomize=True, deadline=None, print_blob=True)
    _hyp.register_profile("luas", max_examples=600, deadline=None, print_blob=True)
    _hyp.load_profile(os.environ.get("LKJ_HYPOTHESIS", "ci"))
except ImportError:  # the environment predates hypothesis: test_properti.py is then skipped
    pass


def hasil_tersimpan(path: Path) -> dict[str, object]:
    """Every formula cell's cached result, as a reader that does not recalculate sees it ('SHEET!A1': value)."""
    import openpyxl

    rumus, nilai = openpyxl.load_workbook(path), openpyxl.load_workbook(path, data_only=True)
    return {
        f"{ws.title.upper()}!{c.coordinate}": nilai[ws.title][c.coordinate].value
        for ws in rumus.worksheets
        for row in ws.iter_rows()
        for c in row
        if c.data_type == "f"
    }


def sama_nilai(a, b) -> bool:
    """Two cell values agree: both empty (None or ""), the same boolean or text, numbers within 1e-9 relative."""
    kosong = lambda x: x is None or (isinstance(x, str) and x == "")  # noqa: E731
    if kosong(a) or kosong(b):
        return kosong(a) and kosong(b)
    if isinstance(a, bool | str) or isinstance(b, bool | str):
        return type(a) is type(b) and a == b
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b))
