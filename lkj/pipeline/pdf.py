"""The A4 PDF of the report, from the resolved document, with the public APIs of WeasyPrint and pypdf.

The document is cut where a page begins anyway (a chapter's heading, a list of contents, a page break),
and each piece is laid out on its own and kept in build/<YEAR>/pdf/ under its HTML's sha256: an edit lays
out again only the pieces it touched. A piece holds each chart's place, an empty image of its size; the
charts are laid out apart, kept the same way, and drawn onto their places (a third of a chapter's layout
time is drawing its charts, which a narrative edit does not change). The running head and the page number
of every page are the frame: a document of one empty page per report page holding only those (laid out
from the same stylesheet), drawn onto the pages once they are joined (pypdf). On the joined file: the
pieces' links to each other, the bookmarks (h1-h3), the page labels. The lists of contents take their page
numbers from the layouts.
"""

from __future__ import annotations

import collections
import contextlib
import dataclasses
import functools
import hashlib
import html
import io
import itertools
import json
import logging
import os
import time
from concurrent.futures import Executor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from ..dokumen.halaman import KERTAS_TINGGI_CM, MARGIN_ATAS_CM, MARGIN_BAWAH_CM, ukuran_gambar
from ..dokumen.html import data_url, dokumen_html, jangkar_citra
from ..dokumen.model import (
    AwalBagian,
    Blok,
    Citra,
    DaftarOtomatis,
    Dokumen,
    Gambar,
    Judul,
    Narasi,
    PindahHalaman,
    Tabel,
    semua_blok,
)
from ..files import tulis_atomik
from ..masukan.errors import Peringatan
from .css import css_laporan

BASE = str(Path(__file__).parent / "templates")
SETENGAH = 0.5  # a page whose content ends above this share of its text area is "half empty"
UTUH_DI_ATAS_CM = 3.0  # an unsplit block within this of the text area's top (heading, caption) begins its page
PT_PER_PX = 0.75  # WeasyPrint lays out in CSS px; a PDF measures in points
PUTARAN_DAFTAR = 4  # layouts of the lists of contents until their own length no longer moves the page numbers


def hanya_data():
    """The PDF's fetcher: it loads nothing but what the HTML embeds (data: URLs), no file, no network."""
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols=("data",))


class _TanpaTautanLuar(logging.Filter):
    """A piece links to targets in other pieces: WeasyPrint leaves those out with an error; they are added
    to the joined file (`_gabung`)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("No anchor #")


@dataclass
class Potongan:
    """A piece of the document laid out on its own: it begins a page."""

    blok: list[Blok]
    depan: bool  # the front matter: roman page numbers, no running head

    @property
    def daftar(self) -> bool:
        """It holds a list of contents, whose page numbers come from the other pieces' layouts."""
        return any(isinstance(b, DaftarOtomatis) for b in self.blok)


def potong(dok: Dokumen) -> list[Potongan]:
    """The document cut before each block that begins a page: a chapter's heading (h1), a list of contents,
    the block after a page break, the first of the body (Bab I)."""
    out: list[Potongan] = []
    depan, baru = True, True
    for b in dok.blok:
        if isinstance(b, AwalBagian):
            if b.penomoran == "arab":
                depan, baru = False, True
            continue
        if isinstance(b, PindahHalaman):
            baru = True
            continue
        if isinstance(b, DaftarOtomatis) or (isinstance(b, Judul) and b.tingkat == 1):
            baru = True
        if baru or not out:
            out.append(Potongan([], depan))
            baru = False
        out[-1].blok.append(b)
    return out


def tempat_gambar(blok: list[Blok], citra: dict[str, Citra]) -> list[Blok]:
    """The blocks with each chart's image replaced by an empty one of its size (the piece is laid out as
    with the chart); the charts themselves into `citra`, by figure id. A chart whose id is not unique
    (its place would be ambiguous) or whose SVG is not readable stays drawn in its piece."""
    kali = collections.Counter(b.id for b in semua_blok(blok) if isinstance(b, Gambar))
    satu = {k for k, n in kali.items() if n == 1}

    def ganti(blok: list[Blok]) -> list[Blok]:
        out: list[Blok] = []
        for b in blok:
            kosong = _svg_kosong(b.citra.svg) if isinstance(b, Gambar) and b.id in satu else None
            if isinstance(b, Gambar) and kosong is not None:
                citra[b.id] = b.citra
                b = dataclasses.replace(b, citra=dataclasses.replace(b.citra, svg=kosong, png=b""))
            elif isinstance(b, Narasi) and b.blok:
                b = dataclasses.replace(b, blok=tuple(ganti(list(b.blok))))
            out.append(b)
        return out

    return ganti(blok)


def _svg_kosong(svg: str) -> str | None:
    """An empty SVG of the same size (its root's width, height and viewBox); None if it is not XML."""
    from xml.etree.ElementTree import ParseError, fromstring

    try:
        akar = fromstring(svg)
    except ParseError:
        return None
    atribut = "".join(f' {k}="{html.escape(akar.get(k, ""))}"' for k in ("width", "height", "viewBox") if akar.get(k))
    return f'<svg xmlns="http://www.w3.org/2000/svg"{atribut}/>'


def html_gambar(citra: Citra) -> str:
    """A chart alone, at its width on the page (`ukuran_gambar`, as in the report), from a page's top-left.
    The page is as tall as a sheet of paper whatever the chart's own height: only its top is used to place
    it, and a page shorter than the SVG's proportions would cut it off."""
    lebar, _ = ukuran_gambar(citra.lebar_cm, citra.tinggi_cm)
    gaya = f"@page {{ size: {lebar:g}cm {KERTAS_TINGGI_CM:g}cm; margin: 0 }} body {{ margin: 0 }} "
    gaya += f"img {{ display: block; width: {lebar:g}cm }}"
    src = data_url(citra.svg.encode("utf-8"), "image/svg+xml")
    return f'<!DOCTYPE html><html><head><style>{gaya}</style></head><body><img alt="" src="{src}"></body></html>'


Info = dict  # a piece's layout: {"halaman": [{"tinggi", "jangkar": {id: [x, y]}, "penanda", "tautan"}]}


def tata(isi: str) -> tuple[bytes, Info]:
    """One piece laid out and written: its PDF, and per page what the joined file needs of it: the anchors
    (id -> [x, y], CSS px from the page's top-left), the bookmarks ([level, label, x, y, state]) and the links
    to targets in other pieces ([target, x1, y1, x2, y2]), its height (CSS px)."""
    from weasyprint import HTML

    penyaring = _TanpaTautanLuar()
    logger = logging.getLogger("weasyprint")
    logger.addFilter(penyaring)
    os.environ.setdefault("SOURCE_DATE_EPOCH", "0")  # fontTools stamps font subsets with 'now'
    try:
        doc = HTML(string=isi, base_url=BASE, url_fetcher=hanya_data()).render()
        data = doc.write_pdf()
    finally:
        logger.removeFilter(penyaring)
    di_sini = {k for p in doc.pages for k in p.anchors}
    halaman = [
        {
            "tinggi": p.height,
            "jangkar": {k: [v[0], v[1]] for k, v in p.anchors.items()},
            "penanda": [[tingkat, label, x, y, keadaan] for tingkat, label, (x, y), keadaan in p.bookmarks],
            "tautan": [[t, *kotak] for jenis, t, kotak, _ in p.links if jenis == "internal" and t not in di_sini],
        }
        for p in doc.pages
    ]
    return data, {"halaman": halaman}


class Simpanan:
    """The pieces laid out, by their HTML's sha256 (with what else makes the layout: see `kunci`): in a
    folder (build/<YEAR>/pdf/draf or /final) across builds, and in memory within one. `rapikan` removes the
    entries this build did not use, unless written since it began (a build running beside it)."""

    def __init__(self, folder: Path | None):
        self.folder = folder
        self.dipakai: dict[str, tuple[bytes | None, Info]] = {}
        self.mulai = time.time()

    @staticmethod
    @functools.cache
    def _versi() -> str:
        """What a layout depends on besides its HTML: the libraries that lay out and write it, this module,
        the date stamped into font subsets (the system's fonts are not in it: `make clean` after changing them)."""
        from importlib.metadata import version

        kode = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
        pustaka = " ".join(f"{n} {version(n)}" for n in ("weasyprint", "pydyf", "fonttools", "tinycss2", "cssselect2"))
        return f"{pustaka}; {kode}; SOURCE_DATE_EPOCH={os.environ.get('SOURCE_DATE_EPOCH', '0')}"

    def kunci(self, isi: str) -> str:
        """The key of a piece: its HTML and `_versi`."""
        return hashlib.sha256(f"{self._versi()}\n{isi}".encode()).hexdigest()

    def info(self, kunci: str) -> Info | None:
        """A layout's information alone (kept for a list of contents by its HTML without page numbers)."""
        if kunci not in self.dipakai:
            info = _info_sah(self._baca(kunci, ".json"))
            if info is None:
                return None
            self.dipakai[kunci] = (None, info)
        return self.dipakai[kunci][1]

    def simpan_info(self, kunci: str, info: Info) -> None:
        self.dipakai[kunci] = (None, info)
        self._tulis(kunci, None, info)

    def ada(self, isi: str) -> bool:
        """The piece is laid out already (in memory or in the folder)."""
        kunci = self.kunci(isi)
        if self.dipakai.get(kunci, (None, {}))[0] is not None:
            return True
        return self.folder is not None and all((self.folder / f"{kunci}{a}").is_file() for a in (".pdf", ".json"))

    def tata_banyak(self, semua: list[str], pool: Executor | None) -> None:
        """Lay out the pieces not kept yet on the pool's workers and here at once: the largest here, then
        those the pool has not started yet (from the end of its queue), here too. A broken pool (a worker
        killed) leaves its pieces to this process."""
        hilang = sorted({i for i in semua if not self.ada(i)}, key=len, reverse=True)
        if pool is None or len(hilang) < 2:
            return
        dikirim = [(pool.submit(tata, i), i) for i in hilang[1:]]
        try:
            self.ambil(hilang[0])
            for f, i in reversed(dikirim):
                if f.cancel():
                    self.ambil(i)
            for f, i in dikirim:
                if f.cancelled():
                    continue
                try:
                    data, info = f.result()
                except BrokenProcessPool:
                    self.ambil(i)
                    continue
                self._tulis(self.kunci(i), data, info)
                self.dipakai[self.kunci(i)] = (data, info)
        finally:  # a failure here: none of this build's layouts run on into the next build of a kept pool
            for f, _ in dikirim:
                f.cancel()
            wait([f for f, _ in dikirim])

    def ambil(self, isi: str) -> tuple[bytes, Info]:
        """A piece's PDF and layout: kept, or laid out now (and kept)."""
        kunci = self.kunci(isi)
        data, info = self.dipakai.get(kunci, (None, None))
        if data is None:
            data, info = self._baca(kunci, ".pdf"), _info_sah(self._baca(kunci, ".json"))
        if data is None or info is None:
            data, info = tata(isi)
            self._tulis(kunci, data, info)
        self.dipakai[kunci] = (data, info)
        return data, info

    def _baca(self, kunci: str, akhiran: str) -> bytes | None:
        if self.folder is None:
            return None
        try:
            return (self.folder / f"{kunci}{akhiran}").read_bytes()
        except OSError:
            return None

    def _tulis(self, kunci: str, data: bytes | None, info: Info) -> None:
        if self.folder is None:
            return
        with contextlib.suppress(OSError):  # a cache: a build without it is only slower
            tulis_atomik(self.folder / f"{kunci}.json", json.dumps(info))
            if data is not None:
                tulis_atomik(self.folder / f"{kunci}.pdf", data)

    def rapikan(self) -> None:
        """Remove the entries this build did not use, but those written since it began."""
        if self.folder is None or not self.folder.is_dir():
            return
        for p in self.folder.iterdir():
            if p.stem.split(".")[0] not in self.dipakai:
                with contextlib.suppress(OSError):
                    if p.stat().st_mtime < self.mulai:
                        p.unlink()


def _info_sah(teks: bytes | None) -> Info | None:
    """A kept layout's information, if whole."""
    try:
        info = json.loads(teks) if teks is not None else None
    except ValueError:
        return None
    return info if isinstance(info, dict) and isinstance(info.get("halaman"), list) else None


def siapkan_pdf() -> None:
    """Load the fonts and the report's stylesheet now: a process's first layout pays 0,3 s for them."""
    tata(f"<html><head><style>{css_laporan()}</style></head><body><p>lkj</p></body></html>")


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


def _awal(potongan: list[Potongan], info: list[Info]) -> tuple[list[int], int]:
    """Each piece's first page (0-based, in the joined file) and the first page of the body (1-based)."""
    awal = [0, *itertools.accumulate(len(i["halaman"]) for i in info)]
    depan = [p for p in potongan if p.depan]
    return awal[:-1], awal[len(depan)] + 1


def _label(potongan: list[Potongan], info: list[Info]) -> dict[str, str]:
    """The printed page of every anchor: where the layouts put it first."""
    awal, awal_isi = _awal(potongan, info)
    out: dict[str, str] = {}
    for a, i in zip(awal, info, strict=True):
        for n, h in enumerate(i["halaman"]):
            for k in h["jangkar"]:
                out.setdefault(k, label_halaman(a + n + 1, awal_isi))
    return out


@dataclass
class HasilPdf:
    data: bytes
    boleh_kosong: set[int]  # the (0-based) pages that may end half empty: see `periksa_halaman`
    label: dict[str, str]  # every anchor's printed page: "iv", "12"
    jumlah: int  # pages
    peringatan: list[str]  # what the layout could not do (a link to nothing, lists' page numbers unsettled)


def render(dok: Dokumen, judul: str, simpanan: Path | None = None, pool: Executor | None = None) -> HasilPdf:
    """The report's PDF, and what its layout says. `simpanan`: the folder that keeps the pieces' layouts
    across builds; `pool`: workers that may lay out pieces beside this process."""
    css = css_laporan()
    citra: dict[str, Citra] = {}
    potongan = potong(Dokumen(tempat_gambar(dok.blok, citra), dok.final))
    cache = Simpanan(simpanan)

    def isi(p: Potongan, halaman: dict[str, str] | None = None) -> str:
        return dokumen_html(Dokumen(p.blok, dok.final), judul, css, halaman)

    html_ = {i: isi(p) for i, p in enumerate(potongan) if not p.daftar}
    gambar = {k: html_gambar(c) for k, c in citra.items()}
    cache.tata_banyak([*html_.values(), *gambar.values()], pool)
    tata_: list[tuple[bytes | None, Info]] = [
        cache.ambil(html_[i]) if i in html_ else (None, {}) for i in range(len(potongan))
    ]
    # the lists of contents: their pages as last laid out (by their HTML without page numbers), then again
    # while their own length moves the numbers
    tanpa_nomor = {i: cache.kunci(isi(p)) for i, p in enumerate(potongan) if p.daftar}
    lalu = {i: cache.info(k) for i, k in tanpa_nomor.items()}
    dikira = None in lalu.values()  # a list never laid out: its length guessed, the first round's frame wasted
    for i, info_ in lalu.items():
        tata_[i] = (None, info_ or {"halaman": [{"jangkar": {}, "penanda": [], "tautan": []}]})
    peringatan = []
    for putaran in range(PUTARAN_DAFTAR):
        sebelum = [len(i["halaman"]) for _, i in tata_]
        label = _label(potongan, [i for _, i in tata_])
        daftar = {i: isi(potongan[i], label) for i in tanpa_nomor}
        # beside them, the frame for these page counts: the one used if the lists keep their length
        bingkai = [] if dikira and putaran == 0 else [_bingkai(potongan, [i for _, i in tata_], css)]
        cache.tata_banyak([*daftar.values(), *bingkai], pool)
        for i, h in daftar.items():
            tata_[i] = cache.ambil(h)
        if [len(i["halaman"]) for _, i in tata_] == sebelum and _label(potongan, [i for _, i in tata_]) == label:
            break
        if putaran == PUTARAN_DAFTAR - 1:
            peringatan.append("nomor halaman di Daftar Isi/Tabel/Gambar belum tetap: periksa daftar itu")
    for i, k in tanpa_nomor.items():
        cache.simpan_info(k, tata_[i][1])
    info = [i for _, i in tata_]
    gambar_pdf = {k: cache.ambil(h)[0] for k, h in gambar.items()}
    data, tanpa_sasaran = _gabung(potongan, tata_, gambar_pdf, cache.ambil(_bingkai(potongan, info, css))[0], judul)
    peringatan += [f"tautan ke #{t} tidak menuju bagian mana pun dari laporan" for t in tanpa_sasaran]
    cache.rapikan()
    jangkar = [h["jangkar"] for i in info for h in i["halaman"]]
    return HasilPdf(data, halaman_boleh_kosong(dok, jangkar), _label(potongan, info), len(jangkar), peringatan)


def _bingkai(potongan: list[Potongan], info: list[Info], css: str) -> str:
    """The frame's HTML: per page its running head (the chapter, in the body) and its number (none on the cover,
    roman in the front matter, "Halaman X dari Y" in the body)."""
    _, awal_isi = _awal(potongan, info)
    akhir = label_halaman(sum(len(i["halaman"]) for i in info), awal_isi)  # the body's last page number
    halaman: list[tuple[str, str]] = []
    bab = ""
    for p, i in zip(potongan, info, strict=True):
        for h in i["halaman"]:
            nomor = label_halaman(len(halaman) + 1, awal_isi)
            bab = next((label for tingkat, label, *_ in h["penanda"] if tingkat == 1), bab)
            halaman.append((nomor, "") if p.depan else (f"Halaman {nomor} dari {akhir}", bab))
    isi = "".join(
        f'<div data-kaki="{html.escape(kaki)}" data-kepala="{html.escape(kepala)}"></div>' for kaki, kepala in halaman
    )
    return f'<html><head><style>{css}</style></head><body class="bingkai">{isi}</body></html>'


def _gabung(
    potongan: list[Potongan],
    tata_: list[tuple[bytes | None, Info]],
    gambar: dict[str, bytes],
    bingkai: bytes,
    judul: str,
) -> tuple[bytes, list[str]]:
    """The pieces joined, the charts (`gambar`: by figure id) drawn onto their places and the frame onto
    every page; links across pieces, bookmarks, page labels. Also the link targets found in no piece."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.constants import PageLabelStyle
    from pypdf.generic import (
        ArrayObject,
        DictionaryObject,
        Fit,
        FloatObject,
        IndirectObject,
        NameObject,
        NumberObject,
        TextStringObject,
    )

    w = PdfWriter()
    for data, _ in tata_:
        w.append(PdfReader(io.BytesIO(data or b"")), import_outline=False)
    info = [i for _, i in tata_]
    semua = [h for i in info for h in i["halaman"]]
    for n, (halaman, h, b) in enumerate(zip(w.pages, semua, PdfReader(io.BytesIO(bingkai)).pages, strict=True)):
        tempel = []
        for k, data in gambar.items():  # a chart's place on this page: its image's top-left
            if jangkar_citra(k) in h["jangkar"]:
                x, y = h["jangkar"][jangkar_citra(k)]
                g = PdfReader(io.BytesIO(data)).pages[0]
                atas = (h["tinggi"] - y) * PT_PER_PX
                tempel.append((g, x * PT_PER_PX, atas - float(g.mediabox.height)))
        _tempel(w, halaman, n, tempel, [(b, 0.0, 0.0)])
    ada = {k for h in semua for k in h["jangkar"]}
    tumpukan: list[tuple[int, IndirectObject]] = []
    tanpa_sasaran: list[str] = []
    for n, h in enumerate(semua):

        def titik(x: float, y: float, h=h) -> tuple[float, float]:
            return x * PT_PER_PX, (h["tinggi"] - y) * PT_PER_PX

        for t, x1, y1, x2, y2 in h["tautan"]:  # a link to another piece: by the target's name, as WeasyPrint's
            if t not in ada:
                tanpa_sasaran.append(t)
            else:
                kotak = [FloatObject(v) for v in (*titik(x1, y1), *titik(x2, y2))]
                w.add_annotation(
                    n,
                    DictionaryObject(
                        {
                            NameObject("/Type"): NameObject("/Annot"),
                            NameObject("/Subtype"): NameObject("/Link"),
                            NameObject("/Rect"): ArrayObject(kotak),
                            NameObject("/BS"): DictionaryObject({NameObject("/W"): NumberObject(0)}),
                            NameObject("/Dest"): TextStringObject(t),
                        }
                    ),
                )
        for tingkat, label, x, y, keadaan in h["penanda"]:
            while tumpukan and tumpukan[-1][0] >= tingkat:
                tumpukan.pop()
            kiri, atas = titik(x, y)
            induk = tumpukan[-1][1] if tumpukan else None
            item = w.add_outline_item(
                title=label, page_number=n, parent=induk, fit=Fit.xyz(kiri, atas, 0), is_open=keadaan == "open"
            )
            tumpukan.append((tingkat, item))
    _, awal_isi = _awal(potongan, info)
    w.set_page_label(0, 0, prefix="Sampul")
    if awal_isi > 2:
        w.set_page_label(1, awal_isi - 2, style=PageLabelStyle.LOWERCASE_ROMAN, start=1)
    if awal_isi <= len(semua):
        w.set_page_label(awal_isi - 1, len(semua) - 1, style=PageLabelStyle.DECIMAL, start=1)
    w.add_metadata({"/Title": judul, "/Producer": "lkj (WeasyPrint, pypdf)"})
    w.root_object[NameObject("/Lang")] = TextStringObject("id")
    w.compress_identical_objects(remove_duplicates=True, remove_unreferenced=True)
    out = io.BytesIO()
    w.write(out)
    return out.getvalue(), sorted(set(tanpa_sasaran))


def _tempel(w, halaman, n: int, bawah: list[tuple], atas: list[tuple]) -> None:
    """Draw pages of other files onto page `n` of writer `w`, under its own content (the charts, in their
    empty places: the DRAF mark stays over them) or over it (the frame), each (page, x, y) with its
    lower-left corner at (x, y) pt. Each page's content becomes a form XObject (cloned into `w` with its
    resources); no content stream is parsed (pypdf's merge_page parses both: 1 s for a report)."""
    from pypdf.generic import (
        ArrayObject,
        DecodedStreamObject,
        DictionaryObject,
        FloatObject,
        IndirectObject,
        NameObject,
        StreamObject,
    )

    # the page's own resources: a piece's pages share one dictionary, which would list every page's forms
    sumber_daya = DictionaryObject(halaman["/Resources"])
    xobjek, lama = DictionaryObject(), sumber_daya.get("/XObject")  # .get: a reference, not resolved
    if lama is not None:
        xobjek.update(lama.get_object())
    sumber_daya[NameObject("/XObject")] = xobjek
    halaman[NameObject("/Resources")] = sumber_daya

    def gambar(k: int, p, x: float, y: float) -> bytes:
        acuan = p.raw_get("/Contents")
        form = acuan.get_object() if isinstance(acuan, IndirectObject) else None
        if not isinstance(form, StreamObject):  # WeasyPrint writes one stream per page
            raise ValueError("halaman yang ditempel harus berisi satu content stream")
        form[NameObject("/Type")] = NameObject("/XObject")
        form[NameObject("/Subtype")] = NameObject("/Form")
        form[NameObject("/BBox")] = ArrayObject(FloatObject(v) for v in p.mediabox)
        form[NameObject("/Resources")] = p.raw_get("/Resources")
        nama = f"/LkjTempel{n}x{k}"
        xobjek[NameObject(nama)] = acuan.clone(w)
        return f"q\n1 0 0 1 {x:.3f} {y:.3f} cm\n{nama} Do\nQ\n".encode()

    isi = halaman.get_contents()
    data = [gambar(k, *t) for k, t in enumerate(bawah)]
    data += [b"q\n", isi.get_data() if isi is not None else b"", b"\nQ\n"]
    data += [gambar(len(bawah) + k, *t) for k, t in enumerate(atas)]
    baru = DecodedStreamObject()
    baru.set_data(b"".join(data))
    halaman.replace_contents(baru.flate_encode())


def halaman_boleh_kosong(dok: Dokumen, jangkar: list[dict]) -> set[int]:
    """The (0-based) pages whose lower part may stay empty: the last page before a chapter, a list's title
    or a page break, and a page followed by a block too tall for its rest that is never split (a figure,
    a short table), with the heading and caption kept with it. Read from the layout's anchors per page
    (id -> [x, y], CSS px from the page's top-left; from WeasyPrint's `Page.anchors`)."""
    semua = list(semua_blok(dok.blok))
    halaman_baru = {b.id for b in semua if isinstance(b, Judul) and b.tingkat == 1}
    halaman_baru |= {f"daftar-{b.jenis}" for b in semua if isinstance(b, DaftarOtomatis)}  # the lists' titles
    halaman_baru |= {getattr(b, "id", "") for a, b in itertools.pairwise(semua) if isinstance(a, PindahHalaman)}
    utuh = {b.id for b in semua if isinstance(b, Gambar) or (isinstance(b, Tabel) and b.pendek)}
    atas = (MARGIN_ATAS_CM + UTUH_DI_ATAS_CM) / 2.54 * 96  # such a block this close to the top starts its page
    out = set()
    for i in range(len(jangkar)):
        berikut = jangkar[i + 1] if i + 1 < len(jangkar) else None
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
