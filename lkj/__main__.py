"""Command line: python -m lkj {data,report,reviu} YEAR [--root DIR].

Bad input ends with one line on stderr (file, row, column, what to do) and exit 2.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from .build import BuildError, main_report
from .errors import DataError
from .files import tulis_atomik


def _tahun(teks: str) -> int:
    if not re.fullmatch(r"\d{4}", teks):
        raise DataError("YEAR", f"'{teks}' bukan tahun", "Tulis tahun empat angka, mis. YEAR=2023.")
    return int(teks)


def cmd_data(tahun: int, root: Path, log=print) -> None:
    """Write the computed tables to data/processed/<YEAR>/."""
    from .compute import Proyek, hitung, tabel_anggaran, tabel_pembanding, tabel_renstra
    p, lalu = hitung(tahun, root)
    out = Proyek(root).processed(tahun)
    tabel = {"capaian.csv": p.tabel(), "pembanding.csv": tabel_pembanding(p, lalu),
             "renstra.csv": tabel_renstra(p), "anggaran.csv": tabel_anggaran(p)}
    for nama, df in tabel.items():
        if df is not None:
            tulis_atomik(out / nama, df.to_csv(index=False, lineterminator="\n"))
    log(f"{out}: {', '.join(n for n, df in tabel.items() if df is not None)}")


def cmd_reviu(tahun: int, root: Path, strict: bool) -> int:
    """Write reports/<YEAR>/reviu-<YEAR>.csv and print a summary; exit 1 under --strict if it matters."""
    from .reviu import ke_csv, periksa, ringkasan
    temuan, publikasi = periksa(tahun, root)
    path = Path(root) / "reports" / str(tahun) / f"reviu-{tahun}.csv"
    tulis_atomik(path, ke_csv(temuan))
    sumber = "angka publikasi (publikasi.csv) dan data" if publikasi else "data dan narasi (tanpa angka publikasi)"
    print(f"Reviu {tahun} atas {sumber}: {ringkasan(temuan)}\n→ {path.relative_to(Path(root).resolve()) if path.is_absolute() else path}")
    berat = [t for t in temuan if t.kategori in ("salah hitung", "tidak konsisten")]
    if strict and berat:
        print(f"STRICT: {len(berat)} temuan 'salah hitung' atau 'tidak konsisten': laporan belum layak ditandatangani.",
              file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m lkj", description=__doc__)
    ap.add_argument("perintah", choices=["data", "report", "reviu"])
    ap.add_argument("tahun")
    ap.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent, help="project folder (data/, params/)")
    ap.add_argument("--strict", action="store_true",
                    help="reviu: exit 1 if any 'salah hitung' or 'tidak konsisten' finding exists")
    ap.add_argument("-j", "--jobs", type=int, default=None, help="notebooks run in parallel (default: cores)")
    args = ap.parse_args(argv)
    try:
        tahun = _tahun(args.tahun)
        if args.perintah == "data":
            cmd_data(tahun, args.root)
        elif args.perintah == "reviu":
            return cmd_reviu(tahun, args.root, args.strict)
        else:
            main_report(tahun, args.root, args.jobs)
    except DataError as e:
        print(f"GALAT: {e}", file=sys.stderr)
        return 2
    except BuildError as e:
        print(f"GALAT: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
