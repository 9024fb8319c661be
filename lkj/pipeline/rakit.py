"""Assemble executed notebooks into the report (one resolved `Dokumen`: its HTML and PDF) and the audit HTML.

The notebooks display blocks of the document model (lkj.dokumen.model) as JSON beside their HTML; the
assembly reads those blocks back, never the HTML. The audit HTML is nbconvert's export of the executed
notebooks (every code cell), each display's HTML made again from its resolved blocks.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import itertools
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

import nbformat
from nbconvert import HTMLExporter, TemplateExporter
from nbconvert.filters.highlight import Highlight2HTML
from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter
from traitlets.config import Config

from ..dokumen import susun as S
from ..dokumen.html import blok_html, dokumen_html
from ..dokumen.model import MIME, Dokumen, Narasi, dari_json
from ..files import tulis_atomik
from ..masukan.errors import DataError
from .css import css_laporan
from .fingerprint import TEMPLATES
from .notebook import BuildError

if TYPE_CHECKING:
    from ..masukan.model import Masukan

# What a cached part's HTML depends on besides its cells: the templates and this module.
KODE_EKSPOR = hashlib.sha256(
    b"".join(p.read_bytes() for p in sorted(TEMPLATES.rglob("*")) if p.is_file()) + Path(__file__).read_bytes()
).hexdigest()


def sel_html(nama: str, html: str, asal: str) -> nbformat.NotebookNode:
    """A cell made at assembly time (reviu, provenance): its HTML as output, its origin as source."""
    sel = nbformat.v4.new_code_cell(f"# {asal}", id=f"{nama}-000")
    sel.outputs = [nbformat.v4.new_output("display_data", data={"text/html": html})]
    return sel


def _laporan_saja(cell) -> bool:
    tags = set(cell.metadata.get("tags", []))
    return cell.cell_type == "code" and "audit" not in tags and not {"parameters", "injected-parameters"} & tags


def baca_bagian(paths: list[Path]) -> list[S.Bagian]:
    """The blocks every executed notebook displayed, part by part, display by display."""
    out = []
    for p in paths:
        nb = json.loads(p.read_text(encoding="utf-8"))
        bagian = S.Bagian(p.stem)
        for cell in nb["cells"]:
            for o in cell.get("outputs", []):
                if MIME in o.get("data", {}):
                    tags = cell.get("metadata", {}).get("tags", [])
                    bagian.tampilan.append(S.Tampilan(list(dari_json(o["data"][MIME])), "audit" in tags))
        out.append(bagian)
    return out


def dokumen_laporan(paths: list[Path], m: Masukan, final: bool) -> tuple[Dokumen, list[S.Bagian]]:
    """THE resolved report (numbered, references resolved, lists filled, narrative as the files are now)
    that every renderer takes (HTML, PDF, Word), and the parts resolved alike for the audit HTML."""
    from ..tampil.narasi import isi_ulang, tak_terisi

    teks = {m.proyek.relatif(m.narasi_path(n)): t for n, t in m.narasi.items()}
    disalin = {m.proyek.relatif(m.narasi_path(n)) for n in m.narasi_disalin}
    tak: list[str] = []

    def narasi(n: Narasi) -> Narasi:
        if n.sumber not in teks:
            return n
        tak.extend(b for b in tak_terisi(teks[n.sumber] or "", dict(n.nilai), n.sumber) if b not in tak)
        return isi_ulang(n, teks[n.sumber], n.sumber in disalin)

    try:
        hasil = S.susun(baca_bagian(paths), final, narasi)
    except (S.RujukanHilang, DataError) as e:  # a reference to nothing; a malformed placeholder (file, line)
        raise BuildError(str(e)) from None
    if final and tak:
        from . import BelumFinal

        raise BelumFinal(tak)
    return hasil


def html_laporan(dok: Dokumen, tahun: int) -> str:
    """The LKj as one HTML page: what a reader of a government report expects; code and audit left out."""
    return _periksa_lokal("laporan", dokumen_html(dok, f"Laporan Kinerja {tahun}", css_laporan()))


def merge_notebooks(paths: list[Path], tahun: int, bagian: list[S.Bagian], draf: bool) -> nbformat.NotebookNode:
    """One notebook of all cells, with stable cell ids (nbformat would invent random ones), every display
    of blocks shown as its resolved blocks."""
    nbs = [nbformat.read(p, as_version=4) for p in paths]
    gabungan = nbformat.v4.new_notebook(metadata=copy.deepcopy(nbs[0].metadata))
    gabungan.metadata.pop("papermill", None)
    gabungan.metadata["title"] = f"Laporan Kinerja {tahun}"
    for p, nb, b in zip(paths, nbs, bagian, strict=True):
        tampilan = iter(b.tampilan)
        for j, cell in enumerate(nb.cells):
            cell.id = f"{p.stem}-{j:03d}"[:64]
            cell.metadata.pop("papermill", None)
            cell.metadata.pop("execution", None)
            for o in cell.get("outputs", []):
                if MIME in o.get("data", {}):
                    o.data = {"text/html": blok_html(next(tampilan).blok, draf)}
            gabungan.cells.append(cell)
    return gabungan


def _ekspor(nb: nbformat.NotebookNode, audit: bool, draf: bool = False, simpanan: Path | None = None) -> str:
    """The notebook as one HTML document. With `simpanan` (a cache folder) each part's cells are exported on
    their own and reused while unchanged, so a narrative edit re-exports one part; the document is the
    same either way for the same cells (a clean and an incremental build give the same bytes)."""
    if simpanan is None:
        return _ekspor_utuh(nb, audit, draf)
    kerangka = _ekspor_utuh(nbformat.v4.new_notebook(metadata=nb.metadata), audit, draf)
    awal, akhir = kerangka.index("<main>") + len("<main>"), kerangka.rindex("</main>")
    simpanan.mkdir(parents=True, exist_ok=True)
    dipakai, potongan = set(), []
    for _, kelompok in itertools.groupby(nb.cells, key=lambda c: c.id.rsplit("-", 1)[0]):
        sel = list(kelompok)
        kunci = hashlib.sha256(
            json.dumps([KODE_EKSPOR, audit, draf, nb.metadata, sel], sort_keys=True, default=str).encode()
        ).hexdigest()
        path = simpanan / f"{kunci}.html"
        dipakai.add(path.name)
        if path.is_file():
            potongan.append(path.read_text(encoding="utf-8"))
            continue
        bagian = nbformat.v4.new_notebook(metadata=nb.metadata)
        bagian.cells = sel
        html = _ekspor_utuh(bagian, audit, draf)
        isi = html[html.index("<main>") + len("<main>") : html.rindex("</main>")].strip("\n") + "\n"
        tulis_atomik(path, isi)
        potongan.append(isi)
    for p in simpanan.glob("*.html"):
        if p.name not in dipakai:
            p.unlink(missing_ok=True)
    return kerangka[:awal] + "\n" + "".join(potongan) + kerangka[akhir:]


def _ekspor_utuh(nb: nbformat.NotebookNode, audit: bool, draf: bool) -> str:
    return _exporter(audit).from_notebook_node(nb, resources={"lkj": {"audit": audit, "draf": draf}})[0]


def siapkan_ekspor() -> None:
    """Compile the exporter's and the report's templates now (0,2 s each), not at the first export."""
    from ..dokumen.html import siapkan

    _ekspor_utuh(nbformat.v4.new_notebook(), True, draf=False)
    siapkan()


class _Ekspor(HTMLExporter):
    """nbconvert's HTML exporter without its closing pass, which parses the finished page with BeautifulSoup
    and writes it out again (three quarters of an audit export's time) to give each image without one an
    alt text, and tabindex to cells under `.jp-Notebook` (the class our template's <body> does not have).
    `_beri_alt` gives the alt text; tests/test_report.py compares the page with the stock exporter's."""

    def from_notebook_node(self, nb, resources=None, **kw):
        # HTMLExporter.from_notebook_node (nbconvert 7) up to its closing pass
        bahasa = nb.metadata.get("language_info", {})
        lexer = bahasa.get("pygments_lexer", bahasa.get("name", None))
        self.register_filter(
            "highlight_code", self.filters.get("highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self))
        )
        resources = self._init_resources(resources)
        self.register_filter(
            "filter_data_type",
            WidgetsDataTypeFilter(notebook_metadata=self._nb_metadata, parent=self, resources=resources),
        )
        html, resources = TemplateExporter.from_notebook_node(self, nb, resources, **kw)
        return _beri_alt(html), resources


class _TanpaAlt(HTMLParser):
    """Where each <img> without alt closes its tag (an offset in the text)."""

    def __init__(self, teks: str) -> None:
        super().__init__(convert_charrefs=True)
        # where each line starts, lines as HTMLParser.getpos counts them (at "\n" only)
        self.awal_baris = [0, *itertools.accumulate(len(b) + 1 for b in teks.split("\n"))]
        self.sisip: list[int] = []
        self.feed(teks)
        self.close()

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self._tanpa_alt(tag, attrs, 1)  # before the tag's '>' (an unquoted value may end in '/': <img src=x/>)

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self._tanpa_alt(tag, attrs, 2)  # before its '/>'

    def _tanpa_alt(self, tag: str, attrs: list, penutup: int) -> None:
        if tag == "img" and not any(k == "alt" for k, _ in attrs):
            baris, kolom = self.getpos()
            teks = self.get_starttag_text() or ""
            self.sisip.append(self.awal_baris[baris - 1] + kolom + len(teks) - penutup)


def _beri_alt(html: str) -> str:
    """Every image without alt text gets "Grafik" (a notebook's own chart output)."""
    potongan, awal = [], 0
    for i in _TanpaAlt(html).sisip:
        potongan += [html[awal:i], ' alt="Grafik"']
        awal = i
    return "".join(potongan) + html[awal:]


@functools.cache
def _exporter(audit: bool) -> HTMLExporter:
    """One exporter per kind, kept for the process: it compiles its Jinja templates once (0,2 s)."""
    c = Config()
    c.HTMLExporter.extra_template_basedirs = [str(TEMPLATES)]
    c.HTMLExporter.template_name = "lkj"
    c.HTMLExporter.exclude_input = not audit
    c.HTMLExporter.exclude_input_prompt = not audit
    c.HTMLExporter.exclude_output_prompt = True
    c.HTMLExporter.embed_images = True
    c.HTMLExporter.language_code = "id"
    return _Ekspor(config=c)


# Anything that would make a browser fetch from elsewhere, run script, or follow a javascript: URL.
REMOTE_CSS = re.compile(r"""(?:url\(\s*["']?\s*|@import\s+["']?\s*)(?:[a-z][a-z0-9+.-]*:)?//""", re.I)
MEMUAT = {"src", "srcset", "imagesrcset", "poster", "data", "background", "action", "formaction", "codebase"}
URL = MEMUAT | {"href", "xlink:href"}
TAUTAN = {"a", "area"}  # href on these is a link the reader may follow; on any other tag it loads


def _jauh(url: str) -> bool:
    return re.match(r"([a-z][a-z0-9+.-]*:)?//", url) is not None


class _Pemeriksa(HTMLParser):
    """Reads the HTML as a browser would (tags, attributes, style text) and records what is unsafe."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.masalah: list[str] = []
        self._style = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "script":
            self.masalah.append("<script>")
        if tag == "style":
            self._style = True
        if tag == "base":
            self.masalah.append("<base> (mengubah tujuan semua tautan)")
        if tag == "meta" and any(n == "http-equiv" and (v or "").strip().lower() == "refresh" for n, v in attrs):
            self.masalah.append("<meta http-equiv=refresh>")
        for nama, nilai in attrs:
            nilai = nilai or ""
            url = re.sub(r"[\x00-\x20]", "", nilai).lower()  # browsers ignore these inside a URL
            memuat = nama in MEMUAT or (nama in ("href", "xlink:href") and tag not in TAUTAN)
            if nama.startswith("on"):
                self.masalah.append(f"atribut {nama} pada <{tag}>")
            elif nama in URL and url.startswith(("javascript:", "vbscript:", "data:text/html")):
                self.masalah.append(f"URL {url[:40]!r} pada <{tag} {nama}>")
            elif (
                nama in ("srcset", "imagesrcset")
                and any(_jauh(re.sub(r"[\x00-\x20]", "", c.split()[0]).lower()) for c in nilai.split(",") if c.split())
            ) or (memuat and _jauh(url)):
                self.masalah.append(f"sumber jarak jauh {nilai[:60]!r} pada <{tag} {nama}>")
            elif nama == "style" and REMOTE_CSS.search(nilai):
                self.masalah.append(f"sumber jarak jauh di atribut style pada <{tag}>")
            elif nama == "srcdoc":
                self.masalah += [f"{m} di dalam <{tag} srcdoc>" for m in masalah_html(nilai)]
            elif url.startswith("data:image/svg+xml"):  # an embedded SVG is a document of its own
                self.masalah += [f"{m} di dalam gambar SVG <{tag} {nama}>" for m in masalah_html(_svg(nilai))]

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "style":
            self._style = False

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._style = False

    def handle_data(self, data: str) -> None:
        if self._style and REMOTE_CSS.search(data):
            self.masalah.append("sumber jarak jauh di CSS (url() atau @import)")


def _svg(data_url: str) -> str:
    """The text of a data:image/svg+xml URL (base64 or percent-encoded)."""
    import base64
    import urllib.parse

    kepala, _, isi = data_url.partition(",")
    if kepala.endswith(";base64"):
        return base64.b64decode(isi + "=" * (-len(isi) % 4), validate=False).decode("utf-8", "replace")
    return urllib.parse.unquote(isi)


def masalah_html(teks: str) -> list[str]:
    """What in this HTML would load from elsewhere or run script (text that merely mentions it is fine)."""
    p = _Pemeriksa()
    p.feed(teks)
    p.close()
    # a comment a browser closes at once ("<!-->", "<!--->") and HTMLParser reads on to the next "-->":
    # what lies between would be checked as a comment and loaded as markup
    return p.masalah + ["komentar <!--> atau <!--->"] * bool(re.search(r"<!---?>", teks))


def _periksa_lokal(nama: str, teks: str) -> str:
    masalah = masalah_html(teks)
    if masalah:
        raise BuildError(f"HTML {nama} tidak aman: {'; '.join(sorted(set(masalah))[:5])}")
    return teks


def html_audit(
    paths: list[Path],
    tahun: int,
    bagian: list[S.Bagian],
    tambahan: list | None = None,
    final: bool = True,
    simpanan: Path | None = None,
) -> str:
    """The audit version: every cell, code, source row and intermediate table, plus the sections made at
    assembly (Catatan Reviu, provenance)."""
    nb = merge_notebooks(paths, tahun, bagian, draf=not final)
    nb.cells += tambahan or []
    return _periksa_lokal("audit", _ekspor(nb, audit=True, simpanan=simpanan))
