"""Assemble executed notebooks into the report HTML, the audit HTML and the A4 PDF."""
from __future__ import annotations

import copy
import html as htmllib
import re
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter
from traitlets.config import Config

TEMPLATES = Path(__file__).resolve().parent / "templates"
JUDUL = re.compile(r'<h([123]) id="([^"]+)"[^>]*>(.*?)</h\1>', re.S)
TANPA_DAFTAR = {"sampul", "daftar-isi-judul"}
# Anything that would make a browser fetch from elsewhere (a link to click is not a load).
REMOTE = re.compile(r"""(?:\bsrc\s*=\s*["']?|<link[^>]*href\s*=\s*["']?|url\(\s*["']?|@import\s+["']?)(?:https?:)?//""", re.I)


def sel_html(nama: str, html: str, asal: str) -> nbformat.NotebookNode:
    """A cell made at assembly time (reviu, provenance): its HTML as output, its origin as source."""
    sel = nbformat.v4.new_code_cell(f"# {asal}", id=f"{nama}-000")
    sel.outputs = [nbformat.v4.new_output("display_data", data={"text/html": html})]
    return sel


def gabung(paths: list[Path], tahun: int, tambahan: list | None = None) -> nbformat.NotebookNode:
    """One notebook of all cells, with stable cell ids (nbformat would invent random ones)."""
    nbs = [nbformat.read(p, as_version=4) for p in paths]
    gabungan = nbformat.v4.new_notebook(metadata=copy.deepcopy(nbs[0].metadata))
    gabungan.metadata.pop("papermill", None)
    gabungan.metadata["title"] = f"Laporan Kinerja {tahun}"
    for p, nb in zip(paths, nbs):
        for j, cell in enumerate(nb.cells):
            cell = copy.deepcopy(cell)
            cell.id = f"{p.stem}-{j:03d}"[:64]
            cell.metadata.pop("papermill", None)
            cell.metadata.pop("execution", None)
            gabungan.cells.append(cell)
    gabungan.cells += tambahan or []
    return gabungan


def _untuk_laporan(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop what only an auditor needs: code, markdown notes, audit cells, stderr."""
    nb = copy.deepcopy(nb)
    sel = []
    for cell in nb.cells:
        tags = set(cell.metadata.get("tags", []))
        if cell.cell_type != "code" or "audit" in tags or {"parameters", "injected-parameters"} & tags:
            continue
        cell.outputs = [o for o in cell.outputs if o.output_type != "stream" and o.output_type != "error"]
        if cell.outputs:
            sel.append(cell)
    nb.cells = sel
    return nb


def _ekspor(nb: nbformat.NotebookNode, audit: bool) -> str:
    c = Config()
    c.HTMLExporter.extra_template_basedirs = [str(TEMPLATES)]
    c.HTMLExporter.template_name = "lkj"
    c.HTMLExporter.exclude_input = not audit
    c.HTMLExporter.exclude_input_prompt = not audit
    c.HTMLExporter.exclude_output_prompt = True
    c.HTMLExporter.embed_images = True
    c.HTMLExporter.language_code = "id"
    body, _ = HTMLExporter(config=c).from_notebook_node(nb, resources={"lkj": {"audit": audit}})
    return body.replace('alt="No description has been provided for this image"', 'alt="Grafik"')


def daftar_isi(html: str) -> str:
    """Fill <nav id="daftar-isi"> with links to every h1-h3 (page numbers come from CSS in the PDF)."""
    baris = []
    for tingkat, id_, isi in JUDUL.findall(html):
        if id_ in TANPA_DAFTAR:
            continue
        teks = htmllib.unescape(re.sub(r"<[^>]+>", "", isi)).strip()
        baris.append(f'<li class="toc-{tingkat}"><a href="#{id_}">{htmllib.escape(teks)}</a></li>')
    return html.replace('<h1 id="daftar-isi-judul">Daftar Isi</h1></nav>',
                        f'<h1 id="daftar-isi-judul">Daftar Isi</h1><ol>{"".join(baris)}</ol></nav>', 1)


def _periksa_lokal(nama: str, teks: str) -> str:
    m = REMOTE.search(teks)
    if m:
        raise ValueError(f"HTML {nama} memuat sumber jarak jauh: {teks[m.start():m.start() + 80]!r}")
    return teks


def html_laporan(paths: list[Path], tahun: int, tambahan: list | None = None) -> str:
    """The report: outputs only, code hidden."""
    return _periksa_lokal("laporan", daftar_isi(_ekspor(_untuk_laporan(gabung(paths, tahun, tambahan)), audit=False)))


def html_audit(paths: list[Path], tahun: int, tambahan: list | None = None) -> str:
    """The audit version: every cell, code and intermediate table."""
    return _periksa_lokal("audit", daftar_isi(_ekspor(gabung(paths, tahun, tambahan), audit=True)))
