"""Check that the jupytext notebooks parse as the build will run them.

    python tools/check_notebooks.py [notebooks/*.py ...]

For each file: jupytext reads it as a percent-format notebook (the header says so), it has exactly
one cell tagged `parameters` (papermill injects the year there), and every code cell compiles
(after IPython's transformations, so `%magic` lines are allowed). One line per problem on stderr,
exit 1 if any. Used by `make lint` and the pre-commit hook.
"""

from __future__ import annotations

import sys
from pathlib import Path

import jupytext
from IPython.core.inputtransformer2 import TransformerManager

ROOT = Path(__file__).resolve().parent.parent


def masalah(path: Path) -> list[str]:
    try:
        teks = path.read_text(encoding="utf-8")
        nb = jupytext.reads(teks, fmt="py:percent")
    except Exception as e:  # any parse failure is the finding
        return [f"{path}: not a jupytext notebook: {e}"]
    out = []
    formats = nb.metadata.get("jupytext", {}).get("formats", "")
    if "py:percent" not in formats.split(","):
        out.append(f"{path}: header must declare `formats: py:percent` (found {formats!r})")
    params = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    if len(params) != 1:
        out.append(f"{path}: needs exactly one cell tagged parameters (found {len(params)})")
    ubah = TransformerManager()
    for i, cell in enumerate(nb.cells, start=1):
        if cell.cell_type != "code":
            continue
        try:
            compile(ubah.transform_cell(cell.source), f"{path} cell {i}", "exec")
        except SyntaxError as e:
            out.append(f"{path}: cell {i}, line {e.lineno}: {e.msg}")
    return out


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or sorted((ROOT / "notebooks").glob("*.py"))
    semua = [m for p in paths for m in masalah(p)]
    for m in semua:
        print(m, file=sys.stderr)
    print(f"{len(paths)} notebook(s) checked, {len(semua)} problem(s)")
    return 1 if semua else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
