"""Column widths of a table, shared by the PDF (HTML) and Word renderers: the author's proportions
(`Kolom.lebar`), widened where a cell that never wraps (a number, a predikat) or a header word would not
fit, so that no figure runs over its column's border. Text is measured with the report font's widths."""

from __future__ import annotations

import re

from . import halaman as h
from .model import Kolom, Tabel

# Advance widths of Liberation Sans (metric-compatible with Arial and Helvetica), in 1/1000 em.
_LEBAR = {
    **dict.fromkeys("0123456789", 556),
    **dict.fromkeys(" .,:;/!|'ijlftI", 278),
    **dict.fromkeys("()-r", 333),
    **dict.fromkeys("ckszvxy", 500),
    **dict.fromkeys("FTZ", 611),
    **dict.fromkeys("ABEKPSVXY", 667),
    **dict.fromkeys("CDHNRUw", 722),
    **dict.fromkeys("GOQ", 778),
    **dict.fromkeys("mM", 833),
    "W": 944, "%": 889, "‰": 1000, "—": 1000, "L": 556, "J": 500, "×": 584, "≥": 549, "≤": 549,
}  # fmt: skip
_LAIN = 556  # every other character: a lowercase letter's width
TEBAL = 1.08  # bold text is about this much wider
PADDING_CM = 0.32  # a cell's left and right padding and its borders (laporan.css: .4rem each side)
CADANGAN = 1.04  # a margin for kerning and rounding


def lebar_teks_cm(teks: str, ukuran_pt: float = h.UKURAN_TABEL_PT, tebal: bool = False) -> float:
    """The printed width of a line of text, in cm."""
    em = sum(_LEBAR.get(c, _LAIN) for c in teks) / 1000
    return em * ukuran_pt * (TEBAL if tebal else 1) * CADANGAN * 2.54 / 72


ANGKA = re.compile(r"\S*\d\S*(?: [^\s\d]+)?")  # a figure, with its unit: '1.004 unit', 'Rp6.163.458.376', '5,23%'


def _perlu_sel(k: Kolom, teks: str, tebal: bool) -> float:
    """What one cell needs: a figure or a predikat kept on one line, other text its longest word (a
    number column may hold words, e.g. a label printed where the published report had a figure)."""
    if k.utuh or (k.rata == "kanan" and ANGKA.fullmatch(teks)):
        return lebar_teks_cm(teks, tebal=tebal)
    return _kata_terpanjang(teks, tebal)


def _kata_terpanjang(teks: str, tebal: bool) -> float:
    return max((lebar_teks_cm(w, tebal=tebal) for w in teks.split()), default=0.0)


def lebar_minimum(b: Tabel) -> list[float]:
    """Per column, the width (cm) its content needs: its cells' (`_perlu_sel`), and its header's longest
    word in bold."""
    out = []
    for i, k in enumerate(b.kolom):
        sel = ["".join(t.teks for t in r[i]) for r in (*b.baris, *b.kaki) if i < len(r)]
        kepala = max(_kata_terpanjang(k.judul, True), _kata_terpanjang(k.satuan, False))
        isi = max((_perlu_sel(k, s, r >= len(b.baris)) for r, s in enumerate(sel)), default=0.0)
        out.append(max(kepala, isi) + PADDING_CM)
    return out


def lebar_kolom(b: Tabel, total_cm: float = h.LEBAR_TEKS_CM) -> list[float]:
    """The columns' widths in cm, summing to `total_cm`: each as the author's proportions give it, unless
    its content needs more; the others share what is left in their proportions. When the content cannot
    fit at all, the widths follow what each column needs."""
    if not b.kolom:
        return []
    bobot = [max(k.lebar, 0.01) for k in b.kolom]
    perlu = lebar_minimum(b)
    if sum(perlu) >= total_cm:
        return [total_cm * p / sum(perlu) for p in perlu]
    tetap: dict[int, float] = {}  # columns set to the width their content needs
    while True:
        sisa = total_cm - sum(tetap.values())
        bebas = [i for i in range(len(bobot)) if i not in tetap]
        jumlah = sum(bobot[i] for i in bebas)
        lebar = {i: sisa * bobot[i] / jumlah for i in bebas}
        sempit = [i for i in bebas if lebar[i] < perlu[i]]
        if not sempit:
            return [tetap[i] if i in tetap else lebar[i] for i in range(len(bobot))]
        tetap.update({i: perlu[i] for i in sempit})
