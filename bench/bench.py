"""Benchmark of the report build (`make bench`). Prints figures measured in one run.

- cold: full build (data, notebooks, HTML, audit HTML, PDF) from an empty build/;
- no-op: `python -m lkj report` again with nothing changed (a fresh process, as a user runs it);
- narrative edit: one sasaran's narrative changed;
- floor: the same number of trivial notebooks (import pandas and matplotlib) through papermill
  with the same parallelism, plus one WeasyPrint render of the same page count;
- scaling: cold builds of synthetic projects with 10, 20 and 40 indicators.

Times depend on the machine and its load: compare the ratios, measured in the same run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat
import yaml
from pypdf import PdfReader

from lkj.build import build
from lkj.build.notebook import jalankan
from lkj.masukan.model import baca_masukan
from lkj.masukan.proyek import Proyek
from weasyprint import HTML

ROOT = Path(__file__).resolve().parent.parent
TAHUN = 2023


def salin_proyek(tujuan: Path) -> Path:
    for folder in ("data/raw", "params", "notebooks"):
        shutil.copytree(ROOT / folder, tujuan / folder)
    return tujuan


def waktu(f, *args) -> float:
    mulai = time.perf_counter()
    f(*args)
    return time.perf_counter() - mulai


FASE: dict[str, float] = {}


def bangun(root: Path) -> None:
    FASE.clear()
    FASE.update(build(TAHUN, root, log=lambda s: None).waktu)


def noop(root: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "lkj", "report", str(TAHUN), "--root", str(root)], check=True, capture_output=True
    )


def n_bagian(root: Path) -> int:
    return len(baca_masukan(Proyek.di(root), TAHUN).rencana.bagian)


def floor(n_notebook: int, n_halaman: int, kerja: Path) -> tuple[float, float]:
    """n trivial notebooks through papermill (same pool as the build) + one PDF of n pages:
    seconds for the notebooks and for the PDF."""
    nb = nbformat.v4.new_notebook(
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
    )
    nb.cells = [
        nbformat.v4.new_code_cell("tahun = 2023", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("import pandas\nimport matplotlib\nprint(tahun)"),
    ]
    sumber = kerja / "trivial.py"
    import jupytext

    jupytext.write(nb, sumber, fmt="py:percent")
    halaman = "".join(
        f'<h1 style="break-before: page">Halaman {i}</h1><p>{"Teks laporan. " * 200}</p>' for i in range(n_halaman)
    )
    html = f"<html><head><style>@page {{ size: A4; margin: 2cm }}</style></head><body>{halaman}</body></html>"
    mulai = time.perf_counter()
    with ProcessPoolExecutor(max_workers=min(os.cpu_count() or 1, n_notebook)) as pool:
        list(
            pool.map(
                jalankan,
                [sumber] * n_notebook,
                [kerja / f"nb-{i}.ipynb" for i in range(n_notebook)],
                [{"tahun": TAHUN}] * n_notebook,
                [kerja] * n_notebook,
            )
        )
    t_nb = time.perf_counter() - mulai
    HTML(string=html).write_pdf()
    return t_nb, time.perf_counter() - mulai - t_nb


def sintetis(root: Path, n: int) -> Path:
    """A project with n sasaran of one ratio indicator each, n programs, no narrative."""
    raw = root / "data/raw"
    renstra = raw / "renstra-2021-2026"
    tahun = raw / str(TAHUN)
    for d in (renstra, tahun, root / "params"):
        d.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "notebooks", root / "notebooks")
    (renstra / "tujuan.csv").write_text("tujuan_id,tujuan\nT1,Tujuan uji\n")
    (renstra / "sasaran.csv").write_text(
        "sasaran_no,tujuan_id,sasaran\n" + "".join(f"{i},T1,Sasaran uji {i}\n" for i in range(1, n + 1))
    )
    (renstra / "indikator.csv").write_text(
        "indikator_id,sasaran_no,indikator,satuan,polaritas,jenis_rumus,rumus,target_1,target_2,target_3,target_4,target_5\n"
        + "".join(
            f"IK{i:02d},{i},Persentase uji {i},%,positif,rasio,A / B × 100%,40,45,50,55,60\n" for i in range(1, n + 1)
        )
    )
    (tahun / "pk.csv").write_text(
        "sasaran_no,indikator_id,sasaran,indikator,target\n"
        + "".join(f"{i},IK{i:02d},Sasaran uji {i},Persentase uji {i},50\n" for i in range(1, n + 1))
    )
    (tahun / "komponen.csv").write_text(
        "indikator_id,komponen_id,kelompok,peran,uraian,satuan,target,realisasi\n"
        + "".join(
            f"IK{i:02d},K01,,pembilang,Jumlah A,unit,{10 + i},{5 + i}\nIK{i:02d},K02,,populasi,Jumlah B,unit,{20 + i},\n"
            for i in range(1, n + 1)
        )
    )
    (tahun / "anggaran.csv").write_text(
        "program_kode,program,pagu,realisasi\n"
        + "".join(f"P{i:02d},Program uji {i},{1000000 * i},{800000 * i}\n" for i in range(1, n + 1))
    )
    (tahun / "program_indikator.csv").write_text(
        "program_kode,indikator_id\n" + "".join(f"P{i:02d},IK{i:02d}\n" for i in range(1, n + 1))
    )
    params = yaml.safe_load((ROOT / f"params/{TAHUN}.yaml").read_text())
    params["tahun_pembanding"] = None
    (root / f"params/{TAHUN}.yaml").write_text(yaml.safe_dump(params, allow_unicode=True, sort_keys=False))
    return root


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--skala", default="10,20,40", help="indicator counts for the scaling runs ('' to skip)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="lkj-bench-") as tmp:
        tmp = Path(tmp)
        root = salin_proyek(tmp / "proyek")
        t_cold = waktu(bangun, root)
        fase = dict(FASE)
        n_nb = n_bagian(root)
        n_hal = len(PdfReader(root / f"reports/{TAHUN}/laporan-kinerja-{TAHUN}.pdf").pages)
        t_noop = waktu(noop, root)
        narasi = root / f"data/raw/{TAHUN}/narasi/sasaran-02.md"
        narasi.write_text(
            narasi.read_text(encoding="utf-8") + "\nKalimat tambahan untuk uji kecepatan.\n", encoding="utf-8"
        )
        t_edit = waktu(bangun, root)
        (tmp / "floor").mkdir()
        t_floor_nb, t_floor_pdf = floor(n_nb, n_hal, tmp / "floor")
        t_floor = t_floor_nb + t_floor_pdf
        skala = []
        for n in [int(x) for x in args.skala.split(",") if x.strip()]:
            proyek = sintetis(tmp / f"sintetis-{n}", n)
            skala.append((n, waktu(bangun, proyek), n_bagian(proyek)))

    print(f"lkj build benchmark ({os.cpu_count()} cores; {n_nb} notebooks, {n_hal} PDF pages)")
    print(
        f"  cold full build (HTML + audit + PDF) {t_cold:7.1f} s   (data {fase['data']:.1f} s, notebooks "
        f"{fase['notebook']:.1f} s, HTML + audit + PDF + reviu {fase['rakit']:.1f} s)"
    )
    print(f"  no-op rebuild (new process)          {t_noop:7.2f} s   goal < 1 s")
    print(f"  one narrative edit                   {t_edit:7.1f} s   = {t_edit / t_cold:.2f} × cold   goal < 0.25")
    print(
        f"  floor: {n_nb} trivial notebooks + PDF   {t_floor:7.1f} s   (notebooks {t_floor_nb:.1f} s, "
        f"PDF of {n_hal} pages {t_floor_pdf:.1f} s)"
    )
    print(f"  cold / floor                         {t_cold / t_floor:7.2f}     goal ≤ 1.5")
    for n, t, nb in skala:
        print(f"  synthetic, {n:>2} indicators ({nb:>2} notebooks)  {t:7.1f} s   = {t / t_cold:.2f} × cold 2023")


if __name__ == "__main__":
    main()
