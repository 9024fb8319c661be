"""Benchmark of reviewing a received report (issue 18): a 70-page PDF read and reviewed.

The document is lkj's own 2023 report (built first if missing) followed by its first pages again,
70 pages in all: real tables, charts and text on every page. Timed as `make reviu DOKUMEN=...`
runs it: a new `python -m lkj reviu 2023 --dokumen FILE` process (Python start, imports, the
inputs, reading the PDF, attribution, the reviu, both CSV files). Goal: at most 10 s on 2 cores.
Times depend on the machine's load: the best of three runs is printed with the others, and the
CPU time of the process and its page workers (which load does not inflate).
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader, PdfWriter

ROOT = Path(__file__).resolve().parent.parent
HALAMAN = 70


def dokumen_70(folder: Path) -> Path:
    laporan = ROOT / "reports/2023/laporan-kinerja-2023.pdf"
    if not laporan.exists():
        subprocess.run([sys.executable, "-m", "lkj", "report", "2023"], cwd=ROOT, check=True)
    r = PdfReader(laporan)
    w = PdfWriter()
    for i in range(HALAMAN):
        w.add_page(r.pages[i % len(r.pages)])
    path = folder / f"lkj-{HALAMAN}-halaman.pdf"
    with path.open("wb") as f:
        w.write(f)
    return path


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        pdf = dokumen_70(Path(tmp))
        waktu, cpu = [], []
        for _ in range(3):
            r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            out = subprocess.run(
                [sys.executable, "-m", "lkj", "reviu", "2023", "--dokumen", str(pdf)],
                cwd=ROOT,
                check=True,
                capture_output=True,
                text=True,
            )
            waktu.append(time.perf_counter() - t0)
            r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu.append(r1.ru_utime + r1.ru_stime - r0.ru_utime - r0.ru_stime)
        t0 = time.perf_counter()
        from lkj.baca.dokumen import baca_dokumen

        baca_dokumen(pdf)
        baca = time.perf_counter() - t0
    ringkas = out.stdout.splitlines()[0].split(": ", 1)[-1]
    print(f"reviu dokumen PDF {HALAMAN} halaman ({ringkas})")
    print(f"  proses baru (python -m lkj reviu --dokumen): {', '.join(f'{x:.2f}'.replace('.', ',') for x in waktu)} s")
    terbaik = min(waktu)
    print(
        f"  terbaik {terbaik:.2f} s".replace(".", ",") + f"; tujuan <= 10 s: {'tercapai' if terbaik <= 10 else 'TIDAK'}"
    )
    print(
        f"  waktu CPU (semua proses): {min(cpu):.2f} s".replace(".", ",")
        + f"; di 2 inti kosong sekitar {min(cpu) / 2:.1f} s ditambah bagian serial".replace(".", ",")
    )
    print(f"  membaca PDF saja (dalam proses): {baca:.2f} s".replace(".", ","))


if __name__ == "__main__":
    main()
