"""A PDF report with pdfminer.six: tables rebuilt from the positions of the characters.

pdfminer.six (MIT) rather than PyMuPDF (AGPL) or pdfplumber (a layer over pdfminer that adds
pypdfium2, a native library, which this reader does not need): the characters with their
positions, no layout analysis (it is the slow part), are all a table needs.

A line is cut into segments where the gap between characters is wider than a space, or where
a narrow column runs two whole figures together ('Rp4.880.000.000Rp4.301.323.984', '831
orang903 orang'); characters are taken run by run, as drawn, so text overflowing its cell
stays whole. Lines with two or more segments are table rows, except a justified line of prose.
The columns of a table are the union of the segments of its rows that hold a number (header
text may span columns: merged cells). A line with one segment inside one column continues the
row above (a cell's wrapped text); a table at the foot of a page continues at the top of the
next one if its columns align, and a header repeated there is dropped (`susun_tabel`).

Not tables: a list of contents (dot leaders or a 'Daftar ...' heading, then a page number) and
the text of a chart (labels, axis, legend), which lies between the last heading, sentence,
captioned table or page break and the figure's caption ('Gambar 3.1 ...') below it.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from pathlib import Path

from .dokumen import (
    MAKS_HALAMAN,
    Baris,
    Kalimat,
    Tabel,
    angka_badan,
    angka_satuan,
    galat,
    kalimat_dari,
    susun_tabel,
)
from .teks import _judul


@dataclass
class Segmen:
    x0: float
    x1: float
    teks: str


@dataclass
class Garis:
    halaman: int
    atas: float
    ukuran: float
    tebal: bool
    segmen: list[Segmen]

    @property
    def teks(self) -> str:
        return " ".join(s.teks for s in self.segmen)

    @property
    def x0(self) -> float:
        return self.segmen[0].x0


def _karakter(obj, out: list) -> None:
    from pdfminer.layout import LTChar

    for o in obj:
        if isinstance(o, LTChar):
            out.append(o)
        elif hasattr(o, "__iter__"):
            _karakter(o, out)


def _garis(chars: list, halaman: int, tinggi: float) -> list[Garis]:
    """Characters into lines (same baseline), lines into runs (characters drawn one after the other, as
    a cell's text is), runs into segments (gaps wider than a space, or a run overlapping the one before:
    text overflowing its cell)."""
    urutan = {id(c): i for i, c in enumerate(chars)}  # the order they are drawn in
    chars = sorted(chars, key=lambda c: (-(c.y0 + c.y1) / 2, c.x0))
    baris: list[list] = []
    for c in chars:
        pusat = (c.y0 + c.y1) / 2
        if baris and abs(baris[-1][0] - pusat) < 0.45 * max(c.size, 1):
            baris[-1][1].append(c)
        else:
            baris.append([pusat, [c]])
    out = []
    for pusat, cs in baris:
        atas = tinggi - pusat
        if atas < 0.045 * tinggi or atas > 0.955 * tinggi:
            continue  # running header and footer
        ukuran = max(c.size for c in cs)
        cs = [c for r in _runs(cs, urutan, ukuran) for c in r]
        segmen: list[Segmen] = []
        spasi = False
        for n, c in enumerate(cs):
            t = c.get_text()
            if not t.strip():
                spasi = True
                continue
            jarak = c.x0 - segmen[-1].x1 if segmen else 0
            if segmen and jarak <= 0.6 * ukuran and _sel_baru(segmen[-1].teks, cs, n, spasi, jarak):
                segmen[-1].x1 = min(segmen[-1].x1, c.x0 - 1.5)  # text overflowing its cell ends where the next starts
                segmen.append(Segmen(c.x0, c.x1, t))
            elif not segmen or jarak > 0.6 * ukuran:
                segmen.append(Segmen(c.x0, c.x1, t))
            else:
                segmen[-1].teks += (" " if spasi or jarak > 0.18 * ukuran else "") + t
                segmen[-1].x1 = max(segmen[-1].x1, c.x1)
            spasi = False
        if segmen:
            tebal = sum("bold" in c.fontname.lower() for c in cs) > len(cs) / 2
            out.append(Garis(halaman, atas, ukuran, tebal, segmen))
    return out


def _runs(cs: list, urutan: dict[int, int], ukuran: float) -> list[list]:
    """A line's characters left to right, run by run: a run goes on while each character is drawn right
    after the previous one and not over it, so that text overflowing its cell stays whole
    ('12,34 hari' over the start of '11,73 hari' is not read '12,34 har1i')."""
    runs: list[list] = []
    for c in sorted(cs, key=lambda c: urutan[id(c)]):
        p = runs[-1][-1] if runs else None
        if p is not None and urutan[id(c)] == urutan[id(p)] + 1 and -0.5 <= c.x0 - p.x1 <= 0.6 * ukuran:
            runs[-1].append(c)
        else:
            runs.append([c])
    return sorted(runs, key=lambda r: r[0].x0)


FIGUR_UTUH = re.compile(r"(Rp\.?\s?)?-?\d[\d.]*(,\d+)?(\s?[%‰]|\s?[^\W\d_]{1,12})?")


def _sel_baru(sebelum: str, cs: list, n: int, spasi: bool, jarak: float) -> bool:
    """Whether character n starts the next cell although it sits close to the previous one: two whole
    figures of adjacent narrow cells ('Rp4.880.000.000Rp4.301.323.984', '831 orang903 orang',
    '101,12% 104,76%'), where a cell's text is as wide as its column or overflows it."""
    t = cs[n].get_text()
    rp = t == "R" and n + 1 < len(cs) and cs[n + 1].get_text() == "p"
    if not (t.isdigit() or rp) or not FIGUR_UTUH.fullmatch(sebelum):
        return False
    akhir = sebelum[-1]
    if akhir in "%‰":
        return True  # '101,12% 104,76%'
    if akhir.isdigit():
        return rp  # 'Rp4.880.000.000Rp4.301.323.984'; digits after digits are one number
    # a unit, then the next figure over it or apart from it with no space drawn: '831 orang903 orang'
    return not spasi and (jarak < -0.5 or jarak > 0.18 * cs[n].size)


def baca_pdf(path: Path, data: bytes) -> tuple[list[Tabel], list[Kalimat], int]:
    import io

    from pdfminer.pdfdocument import PDFDocument, PDFPasswordIncorrect
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    try:
        doc = PDFDocument(PDFParser(io.BytesIO(data)))
        halaman = list(PDFPage.create_pages(doc))
    except PDFPasswordIncorrect:
        raise galat(
            path,
            "PDF ini dikunci dengan kata sandi",
            "Minta OPD mengirim PDF tanpa kata sandi, atau buka kuncinya dulu.",
        ) from None
    except Exception as e:  # noqa: BLE001 (pdfminer raises many kinds for a broken file)
        raise galat(
            path, f"PDF rusak atau tidak dapat dibaca ({type(e).__name__})", "Minta salinan PDF yang utuh."
        ) from None
    if len(halaman) > MAKS_HALAMAN:
        raise galat(
            path,
            f"PDF ini {len(halaman)} halaman, lebih dari {MAKS_HALAMAN} halaman sebuah LKj",
            "Pisahkan LKj-nya dari lampiran atau dokumen lain, lalu reviu LKj-nya saja.",
        )
    bagian = _bagi(len(halaman))
    if len(bagian) > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(len(bagian), mp_context=multiprocessing.get_context("fork")) as pool:
            hasil = list(pool.map(_garis_halaman, [data] * len(bagian), *zip(*bagian)))
    else:
        hasil = [_garis_halaman(data, 0, len(halaman))]
    semua = [g for garis, _ in hasil for g in garis]
    jumlah_karakter = sum(n for _, n in hasil)
    if jumlah_karakter == 0:
        raise galat(
            path,
            "PDF ini tidak mempunyai lapisan teks (hasil pindai/gambar), angkanya tidak dapat dibaca tanpa OCR",
            "Minta OPD mengirim PDF yang diekspor dari Word, atau berkas .docx-nya.",
        )
    tabel, kalimat = _susun(semua)
    return tabel, kalimat, len(halaman)


def _bagi(n: int) -> list[tuple[int, int]]:
    """Page ranges for the worker processes: one per core, a short PDF in this process."""
    import os

    inti = min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1, 4)
    if n < 12 or inti < 2:
        return [(0, n)]
    langkah = -(-n // inti)
    return [(a, min(a + langkah, n)) for a in range(0, n, langkah)]


def _garis_halaman(data: bytes, awal: int, akhir: int) -> tuple[list[Garis], int]:
    """The lines of pages awal..akhir-1 (0-based) and how many characters they hold."""
    import io
    import logging

    from pdfminer.converter import PDFPageAggregator
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    logging.getLogger("pdfminer").setLevel(logging.WARNING)
    doc = PDFDocument(PDFParser(io.BytesIO(data)))
    rm = PDFResourceManager(caching=True)
    dev = PDFPageAggregator(rm, laparams=None)
    interp = PDFPageInterpreter(rm, dev)
    semua: list[Garis] = []
    jumlah = 0
    for i, page in enumerate(PDFPage.create_pages(doc)):
        if i < awal:
            continue
        if i >= akhir:
            break
        try:
            interp.process_page(page)
        except Exception:  # noqa: BLE001 (one unreadable page must not stop the others)
            continue
        lt = dev.get_result()
        chars: list = []
        _karakter(lt, chars)
        jumlah += len(chars)
        if chars:  # a watermark (DRAF, SALINAN) is drawn far larger than the text
            tengah = statistics.median(c.size for c in chars)
            chars = [c for c in chars if c.size <= 2.5 * tengah]
        semua += _garis(chars, i + 1, lt.height)
    return semua, jumlah


def _tabular(g: Garis) -> bool:
    return len(g.segmen) >= 2 and not _rata_kiri_kanan(g)


def _rata_kiri_kanan(g: Garis) -> bool:
    """A justified line of prose whose stretched spaces are wider than a column gap: words, not figures,
    every gap the same width (after a list number: '1. Rumus realisasi (rata-rata ...'); or a line of many
    single words with a few figures among them ('Target 100%, realisasi 88,31%, capaian 88,31% (predikat
    Tinggi). Program ...'), which no table row is."""
    kata = sum(" " not in s.teks.strip() and _huruf(s.teks) and not _angka(s.teks) for s in g.segmen)
    tanda = sum(s.teks.rstrip().endswith((",", ".", ";", ":")) for s in g.segmen)  # a header row has none
    if len(g.segmen) >= 8 and kata >= 0.6 * len(g.segmen) and tanda >= 2:
        return True
    if len(g.segmen) < 5 or sum(_angka(s.teks) for s in g.segmen) > len(g.segmen) // 4:
        return False
    jarak = [b.x0 - a.x1 for a, b in zip(g.segmen[1:], g.segmen[2:])]
    return max(jarak) - min(jarak) < 0.3


def _huruf(teks: str) -> bool:
    return any(c.isalpha() for c in teks)


def _angka(teks: str) -> bool:
    return any(c.isdigit() for c in teks)


def _susun(garis: list[Garis]) -> tuple[list[Tabel], list[Kalimat]]:
    """Lines into tables, headings and sentences. A table of contents is skipped; the text of a chart
    (its labels, axis and legend) is dropped when the figure's caption ('Gambar 3.1 ...') follows it."""
    ukuran_badan = statistics.median(g.ukuran for g in garis) if garis else 10
    tabel: list[Tabel] = []
    kalimat: list[Kalimat] = []
    bagian = ""
    sebelum: list[str] = []
    paragraf: list[Garis] = []
    batas = [0, 0]  # tables and sentences before the last heading, prose, captioned table or page break

    def tandai_batas() -> None:
        batas[:] = [len(tabel), len(kalimat)]

    def tutup_paragraf() -> None:
        if paragraf:
            teks = ""
            for g in paragraf:  # a word broken at the end of a line by a hyphen is joined again
                teks = teks[:-1] + g.teks if teks.endswith(("‐", "\u00ad")) else f"{teks} {g.teks}".strip()
            kalimat.extend(kalimat_dari(teks, bagian, paragraf[0].halaman))
            sebelum.append(teks)
            paragraf.clear()
            if _prosa(teks):
                tandai_batas()

    i = 0
    while i < len(garis):
        g = garis[i]
        if i and g.halaman != garis[i - 1].halaman:
            tutup_paragraf()
            tandai_batas()
        if _daftar_isi(g, bagian):  # 'BAB I Pendahuluan . . . . 1': a list of contents, tables or figures
            tutup_paragraf()
            tandai_batas()
            i += 1
            continue
        if _tabular(g) and not _judul_baris(g):
            tutup_paragraf()
            j = _ekor(garis, i, _akhir_blok(garis, i))
            t = _tabel(garis[i:j], _judul(sebelum[-4:]), bagian)
            if t is not None:
                tabel.append(t)
                sebelum = []
                if JUDUL_TABEL.match(t.judul):
                    tandai_batas()
            else:
                for h in garis[i:j]:
                    kalimat.extend(kalimat_dari(h.teks, bagian, h.halaman))
            i = j
            continue
        heading = (
            (g.tebal or g.ukuran > 1.15 * ukuran_badan)
            and len(g.teks.split()) <= 15
            and not _judul_baris(g)
            and not g.teks.rstrip().endswith((".", ":"))
        )
        if heading:
            tutup_paragraf()
            p = garis[i - 1] if i else None
            lanjut = p is not None and p.teks == bagian and p.halaman == g.halaman and g.atas - p.atas < 1.6 * g.ukuran
            bagian = f"{bagian} {g.teks}" if lanjut else g.teks
            sebelum = []
            tandai_batas()
        else:
            sebelumnya = garis[i - 1] if i else None
            if paragraf and (
                sebelumnya is None or sebelumnya.halaman != g.halaman or g.atas - sebelumnya.atas > 1.9 * g.ukuran
            ):
                tutup_paragraf()
            if _judul_baris(g):  # a caption is a paragraph of its own
                tutup_paragraf()
                if JUDUL_GAMBAR.match(g.teks):  # what lies between the last boundary and it is the chart
                    del tabel[batas[0] :], kalimat[batas[1] :]
                    sebelum = []
                paragraf.append(g)
                tutup_paragraf()
                if JUDUL_GAMBAR.match(g.teks):
                    sebelum = []
                    tandai_batas()
            else:
                paragraf.append(g)
        i += 1
    tutup_paragraf()
    return tabel, kalimat


JUDUL_TABEL = re.compile(r"(?i)(tabel|table)\s+[\dIVX]")
JUDUL_GAMBAR = re.compile(r"(?i)(gambar|grafik|diagram|figure)\s+[\dIVX]")
DAFTAR = re.compile(r"(?i)\s*daftar\s+(isi|tabel|gambar|grafik|lampiran)\b")
DAFTAR_ISI = re.compile(r"(?:\.\s?){4,}\s*(\d{1,3}|[ivxlc]{1,6})$", re.IGNORECASE)


def _daftar_isi(g: Garis, bagian: str) -> bool:
    """A line of a list of contents: an entry, dot leaders and a page number (or, under its heading, an
    entry ending in a page number: a long title leaves room for one dot)."""
    if DAFTAR_ISI.search(g.teks):
        return True
    return bool(DAFTAR.match(bagian)) and bool(re.search(r"\s(\d{1,3}|[ivxlc]{1,6})$", g.teks, re.IGNORECASE))


def _prosa(teks: str) -> bool:
    """Running text (a sentence), not a chart's label or legend."""
    return len(teks.split()) >= 6 and teks.rstrip().endswith((".", ":", ";"))


def _judul_baris(g: Garis) -> bool:
    return bool(JUDUL_TABEL.match(g.teks) or JUDUL_GAMBAR.match(g.teks))


def _akhir_blok(garis: list[Garis], i: int) -> int:
    """The end of the table starting at line i: tabular lines and the wrapped lines between them,
    across a page break when the next page starts with a table."""
    x0 = min(s.x0 for s in garis[i].segmen)
    akhir = i + 1
    j = i + 1
    while j < len(garis):
        g, p = garis[j], garis[j - 1]
        ganti_halaman = g.halaman != p.halaman
        if _tabular(g) and not _judul_baris(g):
            if not ganti_halaman and g.atas - p.atas > 3.5 * g.ukuran:
                break
            akhir = j + 1
        elif ganti_halaman or g.atas - p.atas > 1.9 * g.ukuran or g.x0 < x0 - 4 or _judul_baris(g):
            break
        j += 1
    return akhir


def _ekor(garis: list[Garis], i: int, j: int) -> int:
    """The wrapped lines of the table's last row: single segments inside one column (a column's span is
    that of its widest line so far: a wrapped line may be wider, not into the next column), close below."""
    kolom = _kolom(garis[i:j])
    batas = [(a, kolom[k + 1][0] if k + 1 < len(kolom) else b) for k, (a, b) in enumerate(kolom)]
    while j < len(garis) and kolom:
        g, p = garis[j], garis[j - 1]
        s = g.segmen[0]
        if (
            len(g.segmen) != 1
            or g.halaman != p.halaman
            or g.atas - p.atas > 1.6 * g.ukuran
            or _judul_baris(g)
            or not any(a - 2 <= s.x0 and s.x1 <= b + 2 for a, b in batas)
        ):
            break
        j += 1
    return j


def _kolom(blok: list[Garis]) -> list[tuple[float, float]]:
    """Column spans: the union of the segments of the rows holding a number."""
    spans = sorted(
        (s.x0, s.x1) for g in blok if _tabular(g) and any(angka_badan(s.teks) for s in g.segmen[1:]) for s in g.segmen
    )
    kolom: list[list[float]] = []
    for a, b in spans:
        if kolom and a <= kolom[-1][1] + 1:
            kolom[-1][1] = max(kolom[-1][1], b)
        else:
            kolom.append([a, b])
    return [(a, b) for a, b in kolom]


def _tempat(s: Segmen, kolom: list[tuple[float, float]]) -> list[int]:
    """The columns a segment lies over (several: a merged cell)."""
    kena = [k for k, (a, b) in enumerate(kolom) if min(b, s.x1) - max(a, s.x0) > 0.5]
    if kena:
        return kena
    pusat = (s.x0 + s.x1) / 2
    return [min(range(len(kolom)), key=lambda k: min(abs(pusat - kolom[k][0]), abs(pusat - kolom[k][1])))]


TERPOTONG = re.compile(r"\d\.\d{0,2}$|\d[.,]$")  # a number cut at the cell's edge: '1.250.00', '3.012.'
ANGKA_BERSIH = re.compile(r"^(Rp\.?\s?)?-?\d[\d.]*(,\d+)?\s?[%‰]?(,-)?$")


KOSONG = ("–", "-", "—")  # a cell printed with no value


def _figur(teks: str) -> bool:
    """A whole figure alone in its cell: '1.250.000', 'Rp430.000.000', '86,13%', '7,72‰', '905 orang'."""
    return bool(ANGKA_BERSIH.match(teks.strip())) or angka_satuan(teks)


def _tabel(blok: list[Garis], judul: str, bagian: str) -> Tabel | None:
    kolom = _kolom(blok)
    if len(kolom) < 2:
        return None
    tempat_semua = [[_tempat(s, kolom) for s in g.segmen] for g in blok]
    # a narrow first column of short entries (No, a code) starts every row
    pertama = [s.teks for g, t in zip(blok, tempat_semua) if _tabular(g) for s, ks in zip(g.segmen, t) if ks == [0]]
    kunci = bool(pertama) and sum(len(x) <= 6 for x in pertama) >= 0.8 * len(pertama)
    rows: list[Baris] = []
    badan = False  # past the header: a new row needs a figure (or a first-column entry)
    kepala: list[str] = []  # the header lines: repeated at the top of a page, they are skipped
    for g, tempat in zip(blok, tempat_semua):
        if badan and g.teks in kepala:
            continue
        rentang = len(g.segmen) == 1 and len(tempat[0]) > 1

        def sambungan(s: Segmen, ks: list[int]) -> bool:
            """The rest of a number cut at the edge of a narrow cell."""
            return bool(rows) and s.teks[:1].isdigit() and any(TERPOTONG.search(rows[-1].sel[k]) for k in ks)

        angka = any(_figur(s.teks) and angka_badan(s.teks) and not sambungan(s, ks) for s, ks in zip(g.segmen, tempat))
        if not rows:
            baru = True
        elif badan:
            baru = rentang or (any(0 in t for t in tempat) if kunci else angka)
        else:
            baru = _tabular(g) or rentang
        if rows and rows[-1].halaman != g.halaman and not baru and g is not blok[0]:
            baru = _tabular(g)  # the first line of a page continues a row only when it has one cell
        if not (badan or angka):
            kepala.append(g.teks)
        badan = badan or angka
        if not baru and rows:  # a figure (or a dash: no value) never continues a cell that holds a whole one
            baru = any(
                (_figur(s.teks) or s.teks.strip() in KOSONG)
                and not sambungan(s, ks)
                and any(
                    ANGKA_BERSIH.match(rows[-1].sel[k].split(" ")[-1]) or rows[-1].sel[k].split(" ")[-1] in KOSONG
                    for k in ks
                )
                for s, ks in zip(g.segmen, tempat)
            )
        if baru:
            rows.append(Baris([""] * len(kolom), g.halaman))
        sel = rows[-1].sel
        for s, ks in zip(g.segmen, tempat):
            for k in ks:
                # a number wrapped inside a narrow cell ('1.250.00' + '0.000') is joined without a space
                pisah = "" if TERPOTONG.search(sel[k]) and s.teks[:1].isdigit() else " "
                sel[k] = f"{sel[k]}{pisah}{s.teks}".strip()
    return susun_tabel(judul, bagian, rows)
