"""Command line: python -m lkj {data,report,reviu} YEAR [--root DIR].

Bad input ends with one line on stderr (file, row, column, what to do) and exit 2.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from .compute import ROOT, Proyek, hitung, tabel_anggaran, tabel_pembanding, tabel_renstra
from .data import DataError
from .files import tulis_atomik


def _tahun(teks: str) -> int:
    if not re.fullmatch(r"\d{4}", teks):
        raise DataError("YEAR", f"'{teks}' bukan tahun", "Tulis tahun empat angka, mis. YEAR=2023.")
    return int(teks)


def cmd_data(tahun: int, root: Path) -> None:
    """Write the computed tables to data/processed/<YEAR>/."""
    p, lalu = hitung(tahun, root)
    out = Proyek(root).processed(tahun)
    tabel = {"capaian.csv": p.tabel(), "pembanding.csv": tabel_pembanding(p, lalu),
             "renstra.csv": tabel_renstra(p), "anggaran.csv": tabel_anggaran(p)}
    for nama, df in tabel.items():
        if df is not None:
            tulis_atomik(out / nama, df.to_csv(index=False, lineterminator="\n"))
    print(f"{out}: {', '.join(n for n, df in tabel.items() if df is not None)}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m lkj", description=__doc__)
    ap.add_argument("perintah", choices=["data"])
    ap.add_argument("tahun")
    ap.add_argument("--root", type=Path, default=ROOT, help="project folder (data/, params/)")
    args = ap.parse_args(argv)
    try:
        tahun = _tahun(args.tahun)
        {"data": cmd_data}[args.perintah](tahun, args.root)
    except DataError as e:
        print(f"GALAT: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
