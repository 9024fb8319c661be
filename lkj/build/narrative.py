"""A narrative edit without a kernel: refill the narrative of an executed notebook in-process.

When only a part's narrative files changed, its executed notebook is loaded, the narrative HTML is
recomputed with the function the notebook calls (`Laporan.narasi`), and the narrative's
`<div class="narasi…" data-sumber="…">…</div>` in the stored outputs is replaced by it.
Anything unexpected (a div not found, an error filling placeholders) returns False: the caller then
runs the notebook, which reports the error as usual.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..tampil.html import e
from ..tampil.laporan import Laporan

_DIV = re.compile(r"<div\b|</div>")


def _replace_div(html: str, sumber: str, baru: str) -> tuple[str, int]:
    """Replace every narrative div of `sumber` (filled or the empty marker) in `html`; (result, count)."""
    buka = re.compile(rf'<div class="narasi(?:-kosong)?" data-sumber="{re.escape(e(sumber))}">')
    out, pos, n = [], 0, 0
    while (m := buka.search(html, pos)) is not None:
        depth, akhir = 1, None
        for t in _DIV.finditer(html, m.end()):
            depth += 1 if t.group() != "</div>" else -1
            if depth == 0:
                akhir = t.end()
                break
        if akhir is None:
            return html, 0  # unbalanced: not ours to touch
        out += [html[pos : m.start()], baru]
        pos, n = akhir, n + 1
    return "".join(out) + html[pos:], n


def patch_narrative(notebook: Path, lap: Laporan, nama: list[str]) -> bool:
    """Refill the narrative files `nama` of `lap.bagian` in the executed `notebook`; False if it cannot."""
    import nbformat

    try:
        nb = nbformat.read(notebook, as_version=4)
        sasaran_no = lap.bagian.params.get("sasaran_no") if lap.bagian else None
        for n in nama:
            sumber = lap.m.proyek.relatif(lap.m.narasi_path(n))
            baru = lap.narasi(n, None if sasaran_no is None else int(sasaran_no))
            ganti = 0
            for cell in nb.cells:
                for o in cell.get("outputs", []):
                    html = o.get("data", {}).get("text/html") if o.output_type != "stream" else None
                    if isinstance(html, str):
                        o.data["text/html"], k = _replace_div(html, sumber, baru)
                        ganti += k
            if ganti == 0:
                return False
    except Exception:  # noqa: BLE001 (any doubt: run the notebook, which reports errors properly)
        return False
    from ..files import tulis_atomik

    tulis_atomik(notebook, nbformat.writes(nb))  # as papermill writes it
    return True
