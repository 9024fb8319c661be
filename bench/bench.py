"""Benchmark of the report build (`make bench`). Prints figures measured in one run.

Every build is a new `python -m lkj report` process, as `make report` runs it, except in the preview:
- cold: full build (data, notebooks, HTML, audit HTML, PDF, reviu, kertas kerja) from an empty build/,
  with the warm kernel pool (the default) and, in another folder, a fresh kernel per notebook;
- no-op: the same command again with nothing changed;
- narrative edit: one sasaran's narrative changed (refilled without a kernel);
- data-only edit: one realisasi changed in komponen.csv (every notebook reruns);
- preview (`make pratinjau`, one long-lived process): from saving a narrative edit (five edits) or a
  data edit to the line saying the report was updated, polling included;
- floor: the same number of trivial notebooks (import pandas and matplotlib) through papermill, a
  fresh kernel each, with the same parallelism, plus one WeasyPrint render of the same page count;
- scaling: cold builds of synthetic projects with 10, 20, 40 and 80 indicators.

Times depend on the machine and its load: compare the ratios, measured in the same run.
"""

from __future__ import annotations

import argparse
import functools
import os
import queue
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat
import yaml
from pypdf import PdfReader
from weasyprint import HTML

from lkj.build.notebook import jalankan
from lkj.files import tulis_atomik  # saves as JupyterLab does: the preview never sees half a file
from lkj.masukan.model import baca_masukan
from lkj.masukan.proyek import Proyek

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


def bangun(root: Path, kernel: str = "hangat") -> None:
    """`python -m lkj report` in a new process; its phases (notebooks, assembly) read from its log."""
    FASE.clear()
    mulai = time.perf_counter()
    hasil = subprocess.run(
        [sys.executable, "-m", "lkj", "report", str(TAHUN), "--root", str(root), "--kernel", kernel],
        check=True,
        capture_output=True,
        text=True,
    )
    total = time.perf_counter() - mulai
    for nama, pola in (("notebook", r"notebook selesai \(([\d.]+) s\)"), ("rakit", r"rakit selesai \(([\d.]+) s\)")):
        m = re.search(pola, hasil.stderr)
        FASE[nama] = float(m[1]) if m else 0.0
    FASE["lain"] = total - FASE["notebook"] - FASE["rakit"]  # process start, imports, validation, writing


def noop(root: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "lkj", "report", str(TAHUN), "--root", str(root)], check=True, capture_output=True
    )


def tambah_kalimat(root: Path, i: int = 0) -> None:
    narasi = root / f"data/raw/{TAHUN}/narasi/sasaran-02.md"
    tulis_atomik(narasi, narasi.read_text(encoding="utf-8") + f"\nKalimat tambahan {i} untuk uji kecepatan.\n")


def pratinjau(root: Path, n_narasi: int) -> tuple[list[float], float]:
    """Seconds from saving an edit to the preview's "laporan diperbarui" line: n narrative edits, then two
    data edits (the second is timed: the first starts the kernels the preview then keeps). The project
    is built already."""
    proses = subprocess.Popen(
        [sys.executable, "-m", "lkj", "pratinjau", str(TAHUN), "--root", str(root)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    baris: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [baris.put(b) for b in proses.stdout], daemon=True).start()

    def tunggu(teks: str) -> None:
        batas = time.monotonic() + 300
        while time.monotonic() < batas:
            try:
                if teks in baris.get(timeout=1):
                    return
            except queue.Empty:
                if proses.poll() is not None:
                    break
        raise RuntimeError(f"pratinjau tidak menulis '{teks}'")

    try:
        tunggu("sudah mutakhir")
        narasi = []
        for i in range(n_narasi):
            time.sleep(0.5)
            mulai = time.perf_counter()
            tambah_kalimat(root, 100 + i)
            tunggu("laporan diperbarui")
            narasi.append(time.perf_counter() - mulai)
        for _ in range(2):
            time.sleep(0.5)
            mulai = time.perf_counter()
            ubah_realisasi(root)
            tunggu("laporan diperbarui")
        return narasi, time.perf_counter() - mulai
    finally:
        proses.terminate()
        try:
            proses.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proses.kill()


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
                functools.partial(jalankan, kernel="segar"),
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
            f"IK{i:02d},K01,,pembilang,Jumlah A,unit,{10 + i},{5 + i}\n"
            f"IK{i:02d},K02,,populasi,Jumlah B,unit,{20 + i},\n"
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


def ubah_realisasi(root: Path) -> None:
    """One realisasi of komponen.csv one higher (a data-only edit)."""
    path = root / f"data/raw/{TAHUN}/komponen.csv"
    pola = re.compile(r"^(IK02,K01,.*,)(\d+)$", re.M)
    teks, n = pola.subn(lambda m: f"{m[1]}{int(m[2]) + 1}", path.read_text(), count=1)
    assert n == 1, "komponen.csv: baris IK02,K01 tidak ditemukan"
    tulis_atomik(path, teks)


def koma(x: float, digit: int = 1) -> str:
    return f"{x:.{digit}f}".replace(".", ",")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--skala", default="10,20,40,80", help="indicator counts for the scaling runs ('' to skip)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="lkj-bench-") as tmp:
        tmp = Path(tmp)
        root = salin_proyek(tmp / "proyek")
        t_cold = waktu(bangun, root)
        fase = dict(FASE)
        t_segar = waktu(bangun, salin_proyek(tmp / "proyek-segar"), "segar")
        fase_segar = dict(FASE)
        n_nb = n_bagian(root)
        n_hal = len(PdfReader(root / f"reports/{TAHUN}/laporan-kinerja-{TAHUN}.pdf").pages)
        t_noop = min(waktu(noop, root) for _ in range(3))
        tambah_kalimat(root)
        t_edit = waktu(bangun, root)
        fase_edit = dict(FASE)
        ubah_realisasi(root)
        t_data = waktu(bangun, root)
        t_pratinjau, t_pratinjau_data = pratinjau(root, 5)
        (tmp / "floor").mkdir()
        t_floor_nb, t_floor_pdf = floor(n_nb, n_hal, tmp / "floor")
        t_floor = t_floor_nb + t_floor_pdf
        skala = []
        for n in [int(x) for x in args.skala.split(",") if x.strip()]:
            proyek = sintetis(tmp / f"sintetis-{n}", n)
            skala.append((n, waktu(bangun, proyek), n_bagian(proyek)))

    def fase_teks(f: dict[str, float]) -> str:
        lain = f"rest (start, imports, data, writing) {koma(f['lain'])}"
        return f"notebooks {koma(f['notebook'])}; assembly {koma(f['rakit'])}; {lain}"

    def tercapai(ok: bool) -> str:
        return "met" if ok else "**not met**"

    print(f"lkj build benchmark ({os.cpu_count()} cores; {n_nb} notebooks, {n_hal} PDF pages)\n")
    print("| | time (s) | ratio / goal |\n|---|---|---|")
    print(f"| cold build, warm kernel pool | {koma(t_cold)} ({fase_teks(fase)}) | |")
    print(
        f"| cold build, fresh kernel per notebook (`KERNEL=segar`) | {koma(t_segar)} ({fase_teks(fase_segar)}) "
        f"| warm pool saves {koma(t_segar - t_cold)} s |"
    )
    print(f"| no-op rebuild (best of 3) | {koma(t_noop, 2)} | goal ≤ 0,3 s: {tercapai(t_noop <= 0.3)} |")
    print(f"| one narrative edit, `make report` (no kernel) | {koma(t_edit, 2)} ({fase_teks(fase_edit)}) | |")
    median, terlama = statistics.median(t_pratinjau), max(t_pratinjau)
    print(
        f"| one narrative edit, `make pratinjau` running: save to report updated (median, max of "
        f"{len(t_pratinjau)}) | {koma(median, 2)}, {koma(terlama, 2)} | goal ≤ 1 s: {tercapai(median <= 1.0)} |"
    )
    print(f"| one realisasi edit (all notebooks rerun) | {koma(t_data)} | {koma(t_data / t_cold, 2)} × cold |")
    print(
        f"| one realisasi edit, `make pratinjau` running (its kernels warm from the edit before) "
        f"| {koma(t_pratinjau_data)} "
        f"| {koma(t_pratinjau_data / t_cold, 2)} × cold |"
    )
    print(
        f"| floor: {n_nb} trivial notebooks (papermill, fresh kernels) + one PDF of {n_hal} pages "
        f"| {koma(t_floor)} (notebooks {koma(t_floor_nb)}; PDF {koma(t_floor_pdf)}) | |"
    )
    print(f"| cold / floor, warm pool | | {koma(t_cold / t_floor, 2)}; goal ≤ 1,0: {tercapai(t_cold <= t_floor)} |")
    print(f"| cold / floor, fresh kernels | | {koma(t_segar / t_floor, 2)} |")
    for n, t, nb in skala:
        print(f"| synthetic, {n} indicators ({nb} notebooks) | {koma(t)} | {koma(t / n, 2)} s per indicator |")


if __name__ == "__main__":
    main()
