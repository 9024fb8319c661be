"""Benchmark of a whole Pemda (issue 20): N synthetic OPDs plus the Pemda built cold by `lkj semua`.

In one run: one OPD built cold alone (`lkj report`, its own workspace copy), then the whole workspace cold
(`lkj semua`), then the same again unchanged (the no-op). Goals on 2 cores: all N+1 in at most 12 × one
OPD for N = 40, peak memory at most 4 GB, the no-op in about a second. Memory is the peak of the summed
resident size of `lkj semua` and every process under it (builders, workers, kernels), sampled every 0.2 s.
Usage: python bench/bench_pemda.py [N] (default 40). Times depend on the machine's load: compare the
ratios of one run.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil


def jalankan(argv: list[str]) -> tuple[float, float]:
    """(seconds, peak GB of the process tree) of one command."""
    mulai = time.perf_counter()
    p = psutil.Popen([sys.executable, "-m", "lkj", *argv], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    puncak = [0]

    def ukur() -> None:
        while p.poll() is None:
            try:
                rss = sum(q.memory_info().rss for q in [p, *p.children(recursive=True)])
            except psutil.Error:
                continue
            puncak[0] = max(puncak[0], rss)
            time.sleep(0.2)

    t = threading.Thread(target=ukur)
    t.start()
    _, galat = p.communicate()
    t.join()
    if p.returncode:
        raise SystemExit(f"{' '.join(argv)} gagal:\n{galat.decode()[-2000:]}")
    return time.perf_counter() - mulai, puncak[0] / 1e9


def main(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        satu, ruang = Path(tmp) / "satu", Path(tmp) / "ruang"
        subprocess.run([sys.executable, "-m", "lkj", "contoh-pemda", "2023", "-n", "1", "--root", satu], check=True)
        subprocess.run([sys.executable, "-m", "lkj", "contoh-pemda", "2023", "-n", str(n), "--root", ruang], check=True)
        t1, m1 = jalankan(["report", "2023", "--root", str(next(satu.glob("opd-01-*")))])
        tn, mn = jalankan(["semua", "2023", "--root", str(ruang)])
        t0, _ = jalankan(["semua", "2023", "--root", str(ruang)])
    print(f"one OPD cold (lkj report):         {t1:6.1f} s   peak {m1:.2f} GB")
    print(f"{n} OPDs + Pemda cold (lkj semua): {tn:6.1f} s   peak {mn:.2f} GB   = {tn / t1:.1f} × one OPD")
    print(f"unchanged workspace (no-op):       {t0:6.1f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 40)
