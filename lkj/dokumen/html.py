"""The HTML renderer: blocks of the document model to HTML through Jinja2 templates (autoescaped).

The same templates render one notebook display (for JupyterLab) and the whole report, whose page
carries a Content-Security-Policy that allows no script and nothing remote.
"""

from __future__ import annotations

import base64
import functools
import re
from collections.abc import Iterable
from pathlib import Path

from .halaman import ukuran_gambar
from .lebar import lebar_kolom, rapat
from .model import Blok, Citra, Dokumen, Kolom

TEMPLATES = Path(__file__).parent / "templates"


def data_url(data: bytes, mime: str) -> str:
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def _svg(citra: Citra) -> str:
    return data_url(citra.svg.encode("utf-8"), "image/svg+xml")


def jangkar_citra(id_gambar: str) -> str:
    """The anchor of a figure's image (where the PDF draws the chart laid out apart)."""
    return f"citra-{id_gambar}"


def _lebar_gambar(citra: Citra) -> str:
    """A chart's width on the page in cm (its height follows): `ukuran_gambar`, as in the Word file."""
    return f"{ukuran_gambar(citra.lebar_cm, citra.tinggi_cm)[0]:g}"


def _kelas(k: Kolom):
    from markupsafe import Markup

    nama = " ".join(
        n for n, ya in (("angka", k.rata == "kanan"), ("tengah", k.rata == "tengah"), ("utuh", k.utuh)) if ya
    )
    return Markup(f' class="{nama}"') if nama else ""


def nomor_id(label: str) -> str:
    """The anchor of a numbered caption: "Tabel 3.1" -> "no-tabel-3-1"."""
    return "no-" + re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")


@functools.cache
def _env():
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=False, keep_trailing_newline=False
    )
    env.globals.update(
        jenis=lambda b: type(b).__name__,
        kelas=_kelas,
        lebar_kolom=lebar_kolom,
        rapat=rapat,
        svg=_svg,
        lebar_gambar=_lebar_gambar,
        jangkar_citra=jangkar_citra,
        data_url=data_url,
    )
    env.globals["nomor_id"] = nomor_id
    return env


def _makro():
    return _env().get_template("blok.html.j2").module


def blok_html(blok: Iterable[Blok], draf: bool = True) -> str:
    """Blocks as an HTML fragment (a notebook's display, a cell of the audit HTML)."""
    m = _makro()
    return "".join(str(m.blok(b, draf)) for b in blok)


def dokumen_html(dok: Dokumen, judul: str, css: str, halaman: dict[str, str] | None = None) -> str:
    """The whole report as one HTML page (styles inline, nothing remote, no script), or a piece of it for the
    PDF: `halaman`, the printed page of every target, which the lists of contents show."""
    m = _makro()
    return (
        _env()
        .get_template("laporan.html.j2")
        .render(
            blok=dok.blok,
            draf=not dok.final,
            judul=judul,
            css=css,
            blok_html=m.blok,
            halaman=halaman,
        )
    )


def siapkan() -> None:
    """Compile the templates now (the preview does it once)."""
    _makro()
    _env().get_template("laporan.html.j2")
