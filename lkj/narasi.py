"""Narrative files: Markdown written by people, numbers filled from the computation.

A placeholder `{{ capaian }}` is replaced by the formatted computed value; an
unknown placeholder is an error naming the file and line. Markdown is rendered
with raw HTML and images disabled, so narrative cannot inject script or load
anything remote. The build only reads these files.
"""
from __future__ import annotations

import html
import re
import sys
from pathlib import Path

from markdown_it import MarkdownIt

from .errors import DataError

PLACEHOLDER = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")
NAMA_SAH = re.compile(r"[a-z][a-z0-9_]*")

_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_md.enable("table")
_md.disable("image")
_aman_link = _md.validateLink
_md.validateLink = lambda url: url.startswith("#") or (_aman_link(url) and url.startswith(("http://", "https://")))


def isi(teks: str, konteks: dict[str, str], file: Path | str) -> str:
    """Replace every {{ name }} by konteks[name]; unknown names are an error."""
    keluar = []
    for nomor, baris in enumerate(teks.splitlines(keepends=True), start=1):
        def ganti(m: re.Match) -> str:
            nama = m.group(1)
            if not NAMA_SAH.fullmatch(nama) or nama not in konteks:
                mirip = sorted(k for k in konteks if k.split("_")[0] == nama.split("_")[0])[:6]
                raise DataError(file, f"placeholder '{{{{ {nama} }}}}' tidak dikenal", (
                    "Yang tersedia di bagian ini: " + ", ".join(mirip or sorted(konteks)[:12])
                    + (", …" if len(konteks) > 12 and not mirip else "") + "."), nomor)
            return konteks[nama]
        keluar.append(PLACEHOLDER.sub(ganti, baris))
    return "".join(keluar)


def ke_html(teks: str) -> str:
    """Markdown to HTML with raw HTML shown as text and images disabled."""
    return _md.render(teks)


def penanda_kosong(path: Path) -> str:
    return ('<div class="narasi-kosong"><strong>Narasi belum diisi.</strong> '
            f'Tulis di <code>{html.escape(_relatif(path))}</code>.</div>')


def tampilkan(path: Path, konteks: dict[str, str]) -> str:
    """The narrative file as HTML, or a visible marker (and a warning) if it is missing."""
    path = Path(path)
    if not path.is_file() or not path.read_text(encoding="utf-8").strip():
        print(f"PERINGATAN: narasi belum diisi: {_relatif(path)}", file=sys.stderr)
        return penanda_kosong(path)
    teks = path.read_text(encoding="utf-8")
    return f'<div class="narasi" data-sumber="{html.escape(_relatif(path))}">{ke_html(isi(teks, konteks, path))}</div>'


def _relatif(path: Path) -> str:
    p = Path(path).resolve()
    for akar in (Path.cwd().resolve(), Path(__file__).resolve().parent.parent):
        try:
            return str(p.relative_to(akar))
        except ValueError:
            continue
    return str(path)
