"""Indonesian number formatting (Babel), rounding half up, for display only."""

from __future__ import annotations

import decimal

from babel.numbers import format_decimal

from .hitung.formulas import kosong

LOCALE = "id_ID"
KOSONG = "–"  # shown where a value does not exist (never a silent 0)


def _decimal(x) -> decimal.Decimal:
    # str() first: 0.125 stays 0.125 instead of its binary neighbour.
    return decimal.Decimal(str(x))


def bulat(x, digit: int) -> float:
    """x rounded half up to `digit` decimals (government rounding), as a float."""
    with decimal.localcontext() as ctx:
        ctx.rounding = decimal.ROUND_HALF_UP
        return float(_decimal(x).quantize(decimal.Decimal(1).scaleb(-digit)))


def angka(x, digit: int | None = 0, *, minimal: int | None = None) -> str:
    """1004 -> '1.004'; 58.5635 (digit=2) -> '58,56'. None -> '–'.

    `digit` is the number of decimals; with `minimal` fewer trailing zeros are
    allowed (angka(4.1, 2, minimal=0) -> '4,1').
    """
    if kosong(x):
        return KOSONG
    minimal = (digit or 0) if minimal is None else minimal
    pola = "#,##0"
    if digit:
        pola += "." + "0" * minimal + "#" * (digit - minimal)
    with decimal.localcontext() as ctx:
        ctx.rounding = decimal.ROUND_HALF_UP
        return format_decimal(_decimal(x), format=pola, locale=LOCALE)


def persen(x, digit: int = 2) -> str:
    """A value already in percent units: 58.5635 -> '58,56%'."""
    return KOSONG if kosong(x) else angka(x, digit) + "%"


def rupiah(x) -> str:
    """5725755076 -> 'Rp5.725.755.076'."""
    return KOSONG if kosong(x) else "Rp" + angka(x, 0)


URUTAN = ("pertama", "kedua", "ketiga", "keempat", "kelima", "keenam", "ketujuh", "kedelapan", "kesembilan")


def urutan(n: int | None) -> str:
    """An ordinal in words, as official text writes it: 1 -> 'pertama', 4 -> 'keempat', 10 -> 'ke-10'."""
    if n is None or n < 1:
        return KOSONG
    return URUTAN[n - 1] if n <= len(URUTAN) else f"ke-{n}"


def bilangan(x) -> str:
    """A count or data value as typed: no forced decimals (1004 -> '1.004', 4.1 -> '4,1')."""
    return angka(x, 4, minimal=0)


# Units written right after the number (58,56%), units shown as the bare number (an index score),
# and money. Any other unit follows the number after a space: 1.004 orang.
SATUAN_MELEKAT = ("%", "‰")
SATUAN_TANPA = ("", "indeks", "nilai", "skor", "poin")
SATUAN_RUPIAH = ("rp", "rupiah")


def satuan_tetap(satuan: str) -> bool:
    """Units shown with a fixed number of decimals (rates and scores); counts drop trailing zeros."""
    s = (satuan or "").strip()
    return s in SATUAN_MELEKAT or s.lower() in SATUAN_TANPA


def dengan_satuan(x, satuan: str, digit: int = 2, minimal: int | None = None) -> str:
    """A value in its unit: '58,56%', '1,5‰', 'Rp1.234.567', '1.004 orang', '78,50' (an index).

    `minimal=None`: fixed decimals for %, ‰ and scores, no trailing zeros for counts."""
    if kosong(x):
        return KOSONG
    s = (satuan or "").strip()
    if s.lower() in SATUAN_RUPIAH:
        return ("-" if x < 0 else "") + "Rp" + angka(abs(x), 0)
    if minimal is None:
        minimal = digit if satuan_tetap(s) else 0
    teks = angka(x, digit, minimal=minimal)
    if s in SATUAN_MELEKAT:
        return teks + s
    if s.lower() in SATUAN_TANPA:
        return teks
    return f"{teks} {s}"
