"""The report's stylesheet, shared by the HTML and PDF renderers (no nbconvert here: the PDF needs none)."""

from __future__ import annotations

from ..dokumen.halaman import css_halaman
from .fingerprint import TEMPLATES

CSS = TEMPLATES / "lkj" / "laporan.css"


def css_laporan() -> str:
    """The report's stylesheet: the page geometry shared with the Word file, then laporan.css."""
    return css_halaman() + CSS.read_text(encoding="utf-8")
