"""Column widths of a table, shared by the PDF (HTML) and Word renderers: the author's proportions
(`Kolom.lebar`), widened where a cell that never wraps (a figure, a predikat) or a word would not fit, so
that no figure runs over its column's border. Text is measured with the report font's widths."""

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
PADDING_CM = 2 * h.PADDING_SEL_CM + 2 * 2.54 / 96  # a cell's left and right padding and its two 1px borders
CADANGAN = 1.04  # a margin for kerning and rounding


def lebar_teks_cm(teks: str, ukuran_pt: float = h.UKURAN_TABEL_PT, tebal: bool = False) -> float:
    """The printed width of a line of text, in cm."""
    em = sum(_LEBAR.get(c, _LAIN) for c in teks) / 1000
    return em * ukuran_pt * (TEBAL if tebal else 1) * CADANGAN * 2.54 / 72


ANGKA = re.compile(r"\S*\d\S*(?: [^\s\d]+)?")  # a figure, with its unit: '1.004 unit', 'Rp6.163.458.376', '5,23%'


def _utuh(k: Kolom, teks: str) -> bool:
    """A cell printed on one line: a predikat, or a figure with its unit in a number column (a number
    column may hold words, e.g. a label printed where the published report had a figure: they wrap)."""
    return k.utuh or (k.rata == "kanan" and bool(ANGKA.fullmatch(teks)))


def _kata_terpanjang(teks: str, tebal: bool, ukuran_pt: float = h.UKURAN_TABEL_PT) -> float:
    return max((lebar_teks_cm(w, ukuran_pt, tebal) for w in teks.split()), default=0.0)


def lebar_minimum(b: Tabel, ukuran_pt: float = h.UKURAN_TABEL_PT) -> tuple[list[float], list[float]]:
    """Per column, the width (cm) its content needs at a type size: (what must not break: its one-line
    cells; what should not: also every word of its cells and, in bold, of its header)."""
    keras, lunak = [], []
    for i, k in enumerate(b.kolom):
        sel = [
            ("".join(t.teks for t in r[i]), n >= len(b.baris)) for n, r in enumerate((*b.baris, *b.kaki)) if i < len(r)
        ]
        utuh = max((lebar_teks_cm(s, ukuran_pt, t) for s, t in sel if _utuh(k, s)), default=0.0)
        kata = max((_kata_terpanjang(s, t, ukuran_pt) for s, t in sel), default=0.0)
        kepala = max(_kata_terpanjang(k.judul, True, ukuran_pt), _kata_terpanjang(k.satuan, False, ukuran_pt))
        keras.append(utuh + PADDING_CM)
        lunak.append(max(utuh, kata, kepala) + PADDING_CM)
    return keras, lunak


def rapat(b: Tabel, total_cm: float = h.LEBAR_TEKS_CM) -> bool:
    """The table's figures and words do not all fit at the table type size: it is set a point smaller."""
    return _bagi([max(k.lebar, 0.01) for k in b.kolom], lebar_minimum(b)[1], total_cm) is None


def ukuran_tabel(b: Tabel) -> float:
    """The type size of a table's cells (pt)."""
    return h.UKURAN_TABEL_RAPAT_PT if rapat(b) else h.UKURAN_TABEL_PT


def lebar_kolom(b: Tabel, total_cm: float = h.LEBAR_TEKS_CM) -> list[float]:
    """The columns' widths in cm, summing to `total_cm`, at the table's type size (`ukuran_tabel`): each as
    the author's proportions give it, unless its content needs more; the others share what is left in their
    proportions. When not every word fits even a point smaller, the one-line cells still do and the columns
    of words share the rest by what they lack (the longest words break); when not even the one-line cells
    fit, the widths follow what each needs."""
    if not b.kolom:
        return []
    bobot = [max(k.lebar, 0.01) for k in b.kolom]
    keras, lunak = lebar_minimum(b, ukuran_tabel(b))
    lebar = _bagi(bobot, lunak, total_cm)
    if lebar is not None:
        return lebar
    if sum(keras) >= total_cm:
        return [total_cm * k / sum(keras) for k in keras]
    # the one-line cells fit, not every word: what is left goes to the words, each column short alike
    kurang = [max(lu - k, 0.0) for lu, k in zip(lunak, keras, strict=True)]
    sisa = total_cm - sum(keras)
    return [k + sisa * e / sum(kurang) for k, e in zip(keras, kurang, strict=True)]


def _bagi(bobot: list[float], perlu: list[float], total_cm: float) -> list[float] | None:
    """The widths in the proportions `bobot`, each column raised to its `perlu` where short and the others
    sharing the rest; None when the needs do not fit."""
    if sum(perlu) > total_cm:
        return None
    tetap: dict[int, float] = {}  # columns set to the width their content needs
    while True:
        sisa = total_cm - sum(tetap.values())
        bebas = [i for i in range(len(bobot)) if i not in tetap]
        jumlah = sum(bobot[i] for i in bebas)
        lebar = {i: sisa * bobot[i] / jumlah for i in bebas} if bebas else {}
        sempit = [i for i in bebas if lebar[i] < perlu[i]]
        if not sempit:
            return [tetap[i] if i in tetap else lebar[i] for i in range(len(bobot))]
        tetap.update({i: perlu[i] for i in sempit})
