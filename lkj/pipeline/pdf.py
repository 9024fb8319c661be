"""The A4 PDF of the report, from the resolved document, with WeasyPrint's public API.

The document is cut where its page numbering restarts (`AwalBagian`: the front matter in roman
numerals, the body from Bab I as "Halaman X dari Y"); each such part is laid out on its own, so that its
own page counters count its pages, and the parts' pages are joined with `Document.copy`. Links, the
bookmarks (h1-h3) and the page labels span the whole file. The Daftar Isi, Tabel and Gambar take their
page numbers from `target-counter` within their part and from the other parts' layouts (their anchors).
"""

from __future__ import annotations

import hashlib
import io
import itertools
import logging
import os
from pathlib import Path

from ..dokumen.halaman import MARGIN_ATAS_CM, MARGIN_BAWAH_CM
from ..dokumen.html import dokumen_html
from ..dokumen.model import (
    AwalBagian,
    Blok,
    DaftarOtomatis,
    Dokumen,
    Gambar,
    Judul,
    Narasi,
    PindahHalaman,
    Tabel,
)
from ..masukan.errors import Peringatan
from .css import css_laporan

BASE = str(Path(__file__).parent / "templates")
SETENGAH = 0.5  # a page whose content ends above this share of its text area is "half empty"
UTUH_DI_ATAS_CM = 3.0  # an unsplit block within this of the text area's top (heading, caption) begins its page


def hanya_data():
    """The PDF's fetcher: it loads nothing but what the HTML embeds (data: URLs), no file, no network."""
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols=("data",))


_TATA: dict[str, object] = {}  # layouts by their HTML's sha256, kept by a long-lived process (the preview)


def _tata(isi: str, simpan: dict | None = None):
    """The layout (a WeasyPrint Document) of an HTML page; reused from `_TATA` when unchanged, and kept in
    `simpan` for the next render."""
    from weasyprint import HTML

    kunci = hashlib.sha256(isi.encode()).hexdigest()
    if kunci in _TATA:
        if simpan is not None:
            simpan[kunci] = _TATA[kunci]
        return _TATA[kunci]

    logging.getLogger("weasyprint").setLevel(logging.ERROR)  # links to the other parts are joined later
    os.environ.setdefault("SOURCE_DATE_EPOCH", "0")  # fontTools stamps font subsets with 'now'
    doc = HTML(string=isi, base_url=BASE, url_fetcher=hanya_data()).render()
    if simpan is not None:
        simpan[kunci] = doc
    return doc


def siapkan_pdf() -> None:
    """Load the fonts and the report's stylesheet now: a process's first render pays 0,3 s for them."""
    _tata(f"<html><head><style>{css_laporan()}</style></head><body><p>lkj</p></body></html>")


def _bagian(dok: Dokumen) -> list[tuple[str, list[Blok]]]:
    """The document cut where page numbering restarts: [(numbering, blocks)]."""
    out: list[tuple[str, list[Blok]]] = []
    for b in dok.blok:
        if isinstance(b, AwalBagian) and (b.penomoran != "lanjut" or not out):
            out.append((b.penomoran, []))
        out[-1][1].append(b)
    return out


def _romawi(n: int) -> str:
    angka = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl")]
    angka += [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    out = ""
    for nilai, huruf in angka:
        while n >= nilai:
            out, n = out + huruf, n - nilai
    return out


def label_halaman(halaman: int, awal_isi: int) -> str:
    """The printed number of a PDF page (1-based): none on the cover, i, ii, … in the front matter,
    1, 2, … from the first page of Bab I."""
    if halaman == 1:
        return ""
    return str(halaman - awal_isi + 1) if halaman >= awal_isi else _romawi(halaman - 1)


def render(dok: Dokumen, judul: str) -> tuple[bytes, set[int]]:
    """The report's PDF and the (0-based) pages that may end half empty: `periksa_halaman` takes both."""
    import pydyf  # type: ignore[import-untyped]

    css = css_laporan()
    bagian = _bagian(dok)

    def html(jenis: str, blok: list[Blok], halaman: dict[str, str] | None) -> str:
        return dokumen_html(Dokumen(blok, dok.final), judul, css, penomoran=jenis, halaman=halaman)

    # the parts after the first lay out on their own; the first (with the lists) then knows their pages
    dipakai: dict = {}
    tata = {i: _tata(html(j, b, None), dipakai) for i, (j, b) in enumerate(bagian) if i > 0}
    halaman: dict[str, str] = {}  # an anchor's first page: a table split over pages lists its id on each
    for d in tata.values():
        for n, p in enumerate(d.pages):
            for k in p.anchors:
                halaman.setdefault(k, str(n + 1))
    tata[0] = _tata(html(bagian[0][0], bagian[0][1], halaman), dipakai)
    _TATA.clear()
    _TATA.update(dipakai)  # a narrative edit in one numbering part lays out that part only
    urut = [tata[i] for i in range(len(bagian))]
    semua = [p for d in urut for p in d.pages]
    awal = [sum(len(d.pages) for d in urut[:i]) for i in range(len(urut))]

    def label(document, pdf) -> None:  # write_pdf's documented finisher: page labels on the pydyf PDF
        nums = pydyf.Array()
        for i, (jenis, _) in enumerate(bagian):
            if jenis == "romawi":
                nums += [awal[i], pydyf.Dictionary({"P": pydyf.String("Sampul")}), awal[i] + 1]
                nums.append(pydyf.Dictionary({"S": "/r"}))
            else:
                nums += [awal[i], pydyf.Dictionary({"S": "/D"})]
        pdf.catalog["PageLabels"] = pydyf.Dictionary({"Nums": nums})
        pdf.info["Title"] = pydyf.String(judul)
        pdf.info["Producer"] = pydyf.String("lkj (WeasyPrint)")

    data = urut[0].copy(semua).write_pdf(finisher=label)
    return data, halaman_boleh_kosong(dok, semua)


def halaman_boleh_kosong(dok: Dokumen, halaman: list) -> set[int]:
    """The (0-based) pages whose lower part may stay empty: the last page before a chapter, a list's title
    or a page break, and a page followed by a block too tall for its rest that is never split (a figure,
    a short table), with the heading and caption kept with it. Read from the layout's anchors
    (WeasyPrint's `Page.anchors`: id -> position in CSS px from the page's top)."""
    semua = list(_semua_blok(dok.blok))
    halaman_baru = {b.id for b in semua if isinstance(b, Judul) and b.tingkat == 1}
    halaman_baru |= {f"daftar-{b.jenis}" for b in semua if isinstance(b, DaftarOtomatis)}  # the lists' titles
    halaman_baru |= {getattr(b, "id", "") for a, b in itertools.pairwise(semua) if isinstance(a, PindahHalaman)}
    utuh = {b.id for b in semua if isinstance(b, Gambar) or (isinstance(b, Tabel) and b.pendek)}
    atas = (MARGIN_ATAS_CM + UTUH_DI_ATAS_CM) / 2.54 * 96  # such a block this close to the top starts its page
    out = set()
    for i in range(len(halaman)):
        berikut = halaman[i + 1].anchors if i + 1 < len(halaman) else None
        if berikut is None or halaman_baru & set(berikut) or any(berikut[g][1] <= atas for g in utuh & set(berikut)):
            out.add(i)
    return out


def periksa_halaman(pdf: bytes, boleh_kosong: set[int]) -> list[Peringatan]:
    """Warnings about pages left more than half empty inside a chapter."""
    return [Peringatan(w, "PDF") for w in setengah_kosong(pdf, boleh_kosong)]


def setengah_kosong(pdf: bytes, boleh_kosong: set[int]) -> list[str]:
    """Pages (but those in `boleh_kosong`, see `halaman_boleh_kosong`) whose text ends above the middle
    of the text area: a large empty area a reader sees. Read from the PDF as printed: where each text
    run is drawn (`baris_teks`); the running header and the footer are outside the text area."""
    from pypdf import PdfReader

    out = []
    for i, page in enumerate(PdfReader(io.BytesIO(pdf)).pages):
        if i in boleh_kosong or i == 0:
            continue
        tinggi = float(page.mediabox.height)
        atas, bawah = tinggi - MARGIN_ATAS_CM * 72 / 2.54, MARGIN_BAWAH_CM * 72 / 2.54  # the @page margins
        ys = [y for y in baris_teks(page) if bawah < y < atas]
        terisi = (atas - min(ys)) / (atas - bawah) if ys else 0.0
        if terisi < SETENGAH:
            out.append(f"halaman {i + 1} lebih dari setengah kosong ({terisi:.0%} terisi) di tengah bab")
    return out


Matriks = tuple[float, float, float, float, float, float]
SATU: Matriks = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _kali(m: Matriks, n: Matriks) -> Matriks:
    """m × n (PDF's row-vector convention: apply m, then n)."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u)


def baris_teks(page) -> list[float]:
    """The height (PDF points from the bottom) of every horizontal text run on a page, its forms (SVG
    charts) included. A small reader of the content stream's positioning operators (q Q cm BT Tm Td TJ Tj Do),
    enough for what WeasyPrint writes: pypdf's text extraction decodes every glyph, ten times slower."""
    out: list[float] = []
    isi = page.get_contents()
    _jalani(isi.get_data() if isi is not None else b"", page.get("/Resources"), SATU, out)
    return out


def _jalani(isi: bytes, sumber, ctm: Matriks, out: list[float], dalam: int = 0) -> None:
    xobjek = (sumber or {}).get("/XObject") or {}
    tumpukan: list[Matriks] = []
    tm = tlm = SATU
    for baris in isi.decode("latin-1").splitlines():
        bagian = baris.split()
        if not bagian:
            continue
        op = bagian[-1]
        if op == "q":
            tumpukan.append(ctm)
        elif op == "Q" and tumpukan:
            ctm = tumpukan.pop()
        elif op in ("cm", "Tm") and len(bagian) == 7:
            m = tuple(float(x) for x in bagian[:6])
            if op == "cm":
                ctm = _kali(m, ctm)  # type: ignore[arg-type]
            else:
                tm = tlm = m  # type: ignore[assignment]
        elif op == "BT":
            tm = tlm = SATU
        elif op in ("Td", "TD") and len(bagian) == 3:
            tm = tlm = _kali((1.0, 0.0, 0.0, 1.0, float(bagian[0]), float(bagian[1])), tlm)
        elif op in ("TJ", "Tj", "'", '"'):
            m = _kali(tm, ctm)
            if abs(m[1]) < 1e-6 and abs(m[2]) < 1e-6:  # rotated text (the DRAF mark, an axis title) is not flow
                out.append(m[5])
        elif op == "Do" and len(bagian) == 2 and dalam < 5:
            form = xobjek.get(bagian[0])
            form = form.get_object() if form is not None else None
            if form is not None and form.get("/Subtype") == "/Form":
                matriks = tuple(float(v) for v in form.get("/Matrix", SATU))
                _jalani(form.get_data(), form.get("/Resources"), _kali(matriks, ctm), out, dalam + 1)  # type: ignore[arg-type]


def _semua_blok(blok):
    """The blocks and those inside narrative (a narrative's own tables)."""
    for b in blok:
        yield b
        if isinstance(b, Narasi):
            yield from _semua_blok(b.blok)
