"""A4 PDF of the report, rendered in parts (one per notebook) and merged.

WeasyPrint lays out about ten pages a second, so the PDF is the slowest step.
Each notebook's part is rendered on its own, so parts render in parallel and a
rebuild reuses every part whose HTML is unchanged (an edited narrative
re-renders one part). A part's PDF depends only on its HTML: page numbers are
not laid out in the parts but stamped on afterwards ("Halaman X dari Y"), and
the daftar isi, which needs every heading's page, is rendered last. The parts
are concatenated with pypdf, which also adds the links between parts and the
bookmarks. The result depends only on the HTML, never on the cache, so clean
and incremental builds give the same bytes.
"""

from __future__ import annotations

import hashlib
import html as htmllib
import io
import json
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from ..files import tulis_atomik
from ..masukan.errors import Peringatan

SEL = re.compile(r'<div class="jp-Cell[^"]*" id="cell-id=(.+?)-\d{3}">')
H1 = re.compile(r'<h1 id="([^"]+)"[^>]*>(.*?)</h1>', re.S)
JUDUL = re.compile(r'<h([123]) id="([^"]+)"[^>]*>(.*?)</h\1>', re.S)
TOC_LINK = re.compile(r'(<nav[^>]*class="daftar-isi"[^>]*>.*?</nav>)', re.S)  # daftar isi, tabel, gambar
TANPA_JUDUL = {"sampul"}  # headings that get no bookmark
PX = 0.75  # CSS px -> PDF pt


@dataclass(frozen=True)
class Bagian:
    nama: str
    html: str  # a whole HTML document: the report's <head> and this part's cells


def _teks(isi: str) -> str:
    return htmllib.unescape(re.sub(r"<[^>]+>", "", isi)).strip()


def pisah(html: str) -> list[Bagian]:
    """Split the report HTML into one document per notebook (cells grouped by id prefix)."""
    awal, akhir = html.index("<main>") + len("<main>"), html.rindex("</main>")
    kepala, ekor = html[:awal], html[akhir:]
    mulai: list[tuple[int, str]] = []
    for m in SEL.finditer(html):
        if not mulai or mulai[-1][1] != m.group(1):
            mulai.append((m.start(), m.group(1)))
    batas = [s for s, _ in mulai] + [akhir]
    out, bab = [], ""
    for (s, nama), e in zip(mulai, batas[1:]):
        isi = html[s:e]
        # the running header (Bab) a part starts under, for parts that do not open with their own h1
        # A part that opens with its own h1 sets the header itself (a marker before that h1 would be
        # alone on a blank page, since h1 breaks the page).
        h1 = isi.find("<h1 ")
        buka_bab = h1 >= 0 and not _teks(isi[:h1])
        penanda = f'<div class="bab-berjalan" data-bab="{htmllib.escape(bab)}"></div>' if bab and not buka_bab else ""
        out.append(Bagian(nama, kepala + penanda + isi + ekor))
        judul_bab = [_teks(t) for i, t in H1.findall(isi) if i not in TANPA_JUDUL]
        bab = judul_bab[-1] if judul_bab else bab
    return out


TANPA_KAKI = "<style>@media print { @page { @bottom-center { content: none; } } }</style>"


def _daftar_isi(isi: str, halaman: dict[str, str] | None) -> str:
    """Write the page label of every entry into the links of the lists of contents, tables and figures
    (data-hal, shown by the CSS)."""
    return TOC_LINK.sub(
        lambda m: re.sub(
            r'<a href="#([^"]+)">',
            lambda a: f'<a href="#{a.group(1)}" data-hal="{(halaman or {}).get(a.group(1), "")}">',
            m.group(1),
        ),
        isi,
    )


KODE = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()  # a change here invalidates the cache


def _kunci(*bagian) -> str:
    return hashlib.sha256(json.dumps([KODE, *bagian], sort_keys=True).encode()).hexdigest()


# --- work done in worker processes ----------------------------------------------------------

BASE = str(Path(__file__).parent / "templates")


def _dokumen(isi: str):
    from weasyprint import HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)  # links to other parts are resolved later
    os.environ.setdefault("SOURCE_DATE_EPOCH", "0")  # fontTools stamps font subsets with 'now'
    return HTML(string=isi, base_url=BASE, url_fetcher=hanya_data()).render()


def siapkan_pdf() -> None:
    """Load the fonts and the report's stylesheet now: a process's first render pays 0,3 s for them."""
    _dokumen(f"<html><head><style>{CSS.read_text(encoding='utf-8')}</style></head><body><p>lkj</p></body></html>")


def hanya_data():
    """The PDF's fetcher: it loads nothing but what the HTML embeds (data: URLs), no file, no network."""
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols=("data",))


def tata_letak(isi: str) -> tuple[int, dict]:
    """Page count and anchors {id: [page, x, y]} of a layout (no PDF written)."""
    doc = _dokumen(isi)
    return len(doc.pages), {k: [i, v[0], v[1]] for i, p in enumerate(doc.pages) for k, v in p.anchors.items()}


class Meta(NamedTuple):
    """What is known of a rendered part besides its bytes (JSON-cached as a list)."""

    tautan: list  # internal links [page, target id, rect px]
    jangkar: dict  # anchors {id: [page, x, y]}
    halaman: int  # page count
    terpotong: list  # tables and images that stick out of the page


def cetak(isi: str) -> tuple[bytes, list, dict, int, list]:
    """A part's PDF, its internal links [(page, target, rect px)], anchors {id: [page, x, y]},
    page count, and the tables and images that stick out of the page (cut off in print)."""
    doc = _dokumen(isi)
    tautan = [
        [i, target, list(rect)]
        for i, p in enumerate(doc.pages)
        for jenis, target, rect, *_ in p.links
        if jenis == "internal"
    ]
    jangkar = {k: [i, v[0], v[1]] for i, p in enumerate(doc.pages) for k, v in p.anchors.items()}
    return doc.write_pdf(), tautan, jangkar, len(doc.pages), _terpotong(doc)


def _terpotong(doc) -> list[str]:
    """Layout defects a reader would see: a table or image wider than the page, a table row split across
    two pages, a page with nothing but its running header."""
    from weasyprint.formatting_structure import boxes

    out = []
    baris_di: dict[int, int] = {}  # table row element -> first page it is on
    for i, page in enumerate(doc.pages):
        pb = page._page_box
        kanan = pb.margin_width() - pb.margin_right - pb.padding_right - pb.border_right_width
        isi = False
        for b in (d for c in pb.children if not isinstance(c, boxes.MarginBox) for d in c.descendants()):
            if isinstance(b, (boxes.TableBox, boxes.ReplacedBox)) and b.position_x + b.margin_width() > kanan + 1:
                jenis = "tabel" if isinstance(b, boxes.TableBox) else "gambar"
                out.append(
                    f"{jenis} melewati batas kanan halaman {i + 1} sebesar "
                    f"{(b.position_x + b.margin_width() - kanan) * PX:.0f} pt"
                )
            if isinstance(b, boxes.TableRowGroupBox) and not (b.is_header or b.is_footer):
                for baris in b.children:  # body rows: a header repeated on every page is not a split row
                    awal = baris_di.setdefault(id(baris.element), i)
                    if awal != i:
                        out.append(f"baris tabel terpotong antara halaman {awal + 1} dan {i + 1}")
            if isinstance(b, (boxes.TextBox, boxes.ReplacedBox)) and not isinstance(b, boxes.PageBox):
                isi = isi or bool(getattr(b, "text", "x").strip())
        if not isi:
            out.append(f"halaman {i + 1} kosong")
    return out


CSS = Path(BASE) / "lkj" / "laporan.css"


KAKI = {  # the footer of each kind of page; the report's own @page rule gives size and margins
    "sampul": "@page { @bottom-center { content: none; } @top-right { content: none; } }",
    "depan": "@page { @bottom-center { content: counter(page, lower-roman); } @top-right { content: none; } }",
    "isi": '@page { @bottom-center { content: "Halaman " counter(page) " dari " counter(pages); } '
    "@top-right { content: none; } }",
}
DRAF = (
    '<div style="position: fixed; top: 9cm; left: -1cm; width: 19cm; text-align: center; '
    "transform: rotate(-35deg); font: bold 120pt 'DejaVu Sans'; color: rgba(192, 0, 0, 0.13);\">DRAF</div>"
)


def kaki(total: int, jenis: str, css: str, draf: bool) -> bytes:
    """`total` empty pages that print only a footer (roman numerals for the front matter, 'Halaman X dari Y'
    for the body) and, in a draft, the DRAF mark; they are stamped on the report's pages."""
    halaman = '<div style="break-after: page"></div>' * total
    gaya = f"<style>{css}</style><style>@media print {{ {KAKI[jenis]} }}</style>"
    return _dokumen(
        f"<html><head>{gaya}</head><body>{DRAF if draf else ''}<main>{halaman}</main></body></html>"
    ).write_pdf()


def _romawi(n: int) -> str:
    angka = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ]
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


# --- the whole PDF ----------------------------------------------------------------------------


class Cache:
    """Rendered parts, page counts and footers on disk, keyed by the sha256 of their inputs."""

    def __init__(self, folder: Path | None):
        self.folder, self.dipakai = folder, set[str]()
        if folder:
            folder.mkdir(parents=True, exist_ok=True)

    def ambil(self, kunci: str, biner: bool = False):
        if not self.folder:
            return None
        p = self.folder / (kunci + (".pdf" if biner else ".json"))
        self.dipakai.add(p.name)
        if not p.is_file():
            return None
        return p.read_bytes() if biner else json.loads(p.read_text())

    def simpan(self, kunci: str, nilai, biner: bool = False) -> None:
        if self.folder:
            p = self.folder / (kunci + (".pdf" if biner else ".json"))
            self.dipakai.add(p.name)
            tulis_atomik(p, nilai if biner else json.dumps(nilai))  # a cut-short write is never reused

    def bersihkan(self) -> None:
        if self.folder:
            for p in self.folder.iterdir():
                if p.name not in self.dipakai:
                    p.unlink()


def _semua(pool, fungsi, masukan: list) -> list:
    return list(pool.map(fungsi, masukan)) if pool else [fungsi(m) for m in masukan]


def _nanti(pool, fungsi, *args):
    """Start fungsi(*args) in the pool (or run it now); return a function giving its result."""
    if pool is None:
        hasil = fungsi(*args)
        return lambda: hasil
    return pool.submit(fungsi, *args).result


def _tersimpan(cache: Cache, kunci: str, pool, fungsi, *args, biner: bool = False):
    """A cached result, or one computed (in the pool) and stored; returns a result getter."""
    ada = cache.ambil(kunci, biner=biner)
    if ada is not None:
        return lambda: ada
    ambil = _nanti(pool, fungsi, *args)

    def simpan():
        nilai = ambil()
        cache.simpan(kunci, nilai if biner else list(nilai), biner=biner)
        return nilai if biner else list(nilai)

    return simpan


def render(
    html: str, judul: str, cache_dir: Path | None = None, pool=None, draf: bool = False
) -> tuple[bytes, list[Peringatan]]:
    """The report's PDF (parts rendered in `pool`, reusing `cache_dir`, then merged) and warnings
    about anything cut off at the page edge."""
    cache = Cache(cache_dir)
    potongan = pisah(html)
    bagian = [b.html.replace("</head>", TANPA_KAKI + "</head>", 1) for b in potongan]
    toc = next(i for i, b in enumerate(bagian) if 'id="daftar-isi"' in b)

    def semua_cetak(daftar: list[int], isi: dict[int, str]) -> dict[int, tuple[bytes, Meta]]:
        kunci = {i: _kunci("cetak", isi[i]) for i in daftar}
        tersimpan = {i: (cache.ambil(kunci[i], biner=True), cache.ambil(kunci[i])) for i in daftar}
        hasil = {i: (p, Meta(*m)) for i, (p, m) in tersimpan.items() if p is not None and m is not None}
        kurang = [i for i in daftar if i not in hasil]
        for i, (data, *meta) in zip(kurang, _semua(pool, cetak, [isi[i] for i in kurang])):
            cache.simpan(kunci[i], data, biner=True)
            cache.simpan(kunci[i], meta)
            hasil[i] = (data, Meta(*meta))
        return hasil

    # 1. every part but the daftar isi (its PDF depends only on its HTML), and meanwhile the
    #    daftar isi laid out without numbers (its length does not depend on them)
    kosong = _daftar_isi(bagian[toc], None)
    letak_nanti = _tersimpan(cache, _kunci("tata-letak", kosong), pool, tata_letak, kosong)
    lain = [i for i in range(len(bagian)) if i != toc]
    hasil = semua_cetak(lain, dict(enumerate(bagian)))
    letak = letak_nanti()
    n_toc = letak[0]
    jumlah = [n_toc if i == toc else hasil[i][1].halaman for i in range(len(bagian))]
    pertama = [1 + sum(jumlah[:i]) for i in range(len(bagian))]
    jangkar = {i: (letak[1] if i == toc else hasil[i][1].jangkar) for i in range(len(bagian))}
    # the body (page 1) starts with the first part that opens a Bab; before it, the front matter (i, ii, …)
    awal_isi = next((pertama[i] for i, b in enumerate(bagian) if re.search(r'<h1 id="bab-\d', b)), 2)
    halaman = {k: label_halaman(pertama[i] + v[0], awal_isi) for i, js in jangkar.items() for k, v in js.items()}
    # 2. the page-number stamps (they need only the counts) while the lists get their page numbers
    total, css = sum(jumlah), CSS.read_text(encoding="utf-8")
    jenis = (("sampul", 1), ("depan", awal_isi - 2), ("isi", total - awal_isi + 1))
    stempel_nanti = [
        _tersimpan(cache, _kunci("kaki", j, n, css, draf), pool, kaki, n, j, css, draf, biner=True)
        for j, n in jenis
        if n > 0 and (j != "sampul" or draf)
    ]
    hasil.update(semua_cetak([toc], {toc: _daftar_isi(bagian[toc], halaman)}))
    if hasil[toc][1].halaman != n_toc:
        raise RuntimeError("daftar isi berubah panjang setelah nomor halaman diisi")
    stempel = [ambil() for ambil in stempel_nanti]
    cache.bersihkan()
    urut = [hasil[i] for i in range(len(bagian))]
    peringatan = [Peringatan(w, f"PDF bagian {potongan[i].nama}") for i, (_, m) in enumerate(urut) for w in m.terpotong]
    return merge_parts([p for p, _ in urut], [m for _, m in urut], pertama, stempel, judul, html, awal_isi), peringatan


class _ReaderCache(dict):
    """Parsed part PDFs kept for the process, by content: the preview merges the same unchanged parts
    after every edit, and parsing them is half the merge. Readers are only read, never changed."""

    def __call__(self, data: bytes):
        from pypdf import PdfReader

        kunci = hashlib.sha256(data).digest()
        if kunci not in self:
            self[kunci] = PdfReader(io.BytesIO(data))
        return self[kunci]

    def keep_only(self, semua: list[bytes]) -> None:
        """Forget every PDF not among `semua` (the last merge's parts)."""
        tetap = {hashlib.sha256(d).digest() for d in semua}
        for k in [k for k in self if k not in tetap]:
            del self[k]


_READERS = _ReaderCache()


def _stream(w, data: bytes):
    """A content stream added to the writer (its reference)."""
    from pypdf.generic import DecodedStreamObject

    s = DecodedStreamObject()
    s.set_data(data)
    return w._add_object(s)


def _overlay(w, halaman, atas, simpan: tuple) -> None:
    """Draw page `atas` over `halaman` as a form XObject: its content stream is added, the page's own is
    left as it is (pypdf's merge_page parses and rewrites it: a third of the merge). `simpan`: the
    shared "q" and "Q" streams that keep the page's graphics state from leaking into the footer."""
    from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, NameObject

    form = DecodedStreamObject()
    form.set_data(atas.get_contents().get_data())
    form.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): ArrayObject(atas.mediabox),
            NameObject("/Resources"): atas["/Resources"].clone(w),
        }
    )
    nama = NameObject("/lkjKaki")
    # copies: a page's resources may be shared with other pages, each of which gets its own footer
    sumber = DictionaryObject(halaman.get("/Resources", DictionaryObject()).get_object())
    xobject = DictionaryObject(sumber.get("/XObject", DictionaryObject()).get_object())
    xobject[nama] = w._add_object(form.flate_encode())
    sumber[NameObject("/XObject")] = xobject
    halaman[NameObject("/Resources")] = sumber
    isi = halaman["/Contents"]
    lama = isi if isinstance(isi, ArrayObject) else ArrayObject([halaman.raw_get("/Contents")])
    buka, tutup = simpan
    halaman[NameObject("/Contents")] = ArrayObject([buka, *lama, tutup, _stream(w, b"q /lkjKaki Do Q")])


def merge_parts(
    pdfs: list[bytes], meta: list[Meta], pertama: list[int], stempel: list[bytes], judul: str, html: str, awal_isi: int
) -> bytes:
    """Concatenate the parts; stamp page numbers (not on the cover) and page labels (roman in the front
    matter); add links and bookmarks (h1-h3)."""
    from pypdf import PdfWriter
    from pypdf.annotations import Link
    from pypdf.constants import PageLabelStyle
    from pypdf.generic import ArrayObject, Fit, NameObject

    w = PdfWriter()
    for data in pdfs:
        for page in _READERS(data).pages:
            page = w.add_page(page)
            annots = page.get("/Annots")
            if annots is not None:  # keep web links; internal ones are re-made below
                tetap = ArrayObject(a for a in annots.get_object() if a.get_object().get("/A", {}).get("/S") == "/URI")
                if tetap:
                    page[NameObject("/Annots")] = tetap
                else:
                    del page[NameObject("/Annots")]
    halaman_kaki = [hal for data in stempel for hal in _READERS(data).pages]
    simpan = (_stream(w, b"q\n"), _stream(w, b"\nQ\n"))
    for i, kaki_hal in enumerate(halaman_kaki, start=len(w.pages) - len(halaman_kaki)):
        _overlay(w, w.pages[i], kaki_hal, simpan)
    _READERS.keep_only(pdfs + stempel)
    w.set_page_label(0, 0, prefix="Sampul")
    if awal_isi > 2:
        w.set_page_label(1, awal_isi - 2, style=PageLabelStyle.LOWERCASE_ROMAN, start=1)
    w.set_page_label(awal_isi - 1, len(w.pages) - 1, style=PageLabelStyle.DECIMAL, start=1)
    tinggi = [float(p.mediabox.height) for p in w.pages]
    jangkar = {k: (pertama[j] - 1 + v[0], v[1], v[2]) for j, m in enumerate(meta) for k, v in m.jangkar.items()}
    for j, m in enumerate(meta):
        for hal, target, (x1, y1, x2, y2) in m.tautan:
            if target not in jangkar:
                continue
            g = pertama[j] - 1 + hal
            t_hal, tx, ty = jangkar[target]
            w.add_annotation(
                g,
                Link(
                    rect=(x1 * PX, tinggi[g] - y2 * PX, x2 * PX, tinggi[g] - y1 * PX),
                    target_page_index=t_hal,
                    fit=Fit.xyz(left=tx * PX, top=tinggi[t_hal] - ty * PX),
                ),
            )
    induk: dict[int, Any] = {}
    for tingkat, id_, isi in JUDUL.findall(html):
        if id_ in TANPA_JUDUL or id_ not in jangkar:
            continue
        t = int(tingkat)
        induk[t] = w.add_outline_item(title=_teks(isi), page_number=jangkar[id_][0], parent=induk.get(t - 1))
    w.add_metadata({"/Title": judul, "/Producer": "lkj (WeasyPrint + pypdf)"})
    w.compress_identical_objects(remove_duplicates=True, remove_unreferenced=True)  # fonts repeated by part
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()
