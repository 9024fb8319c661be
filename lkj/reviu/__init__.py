"""Reviu: every published figure against its data and against every other table.

`periksa(m)` runs the rules (reviu/aturan.py) over the validated inputs and returns
the findings as data; the CSV is made by `keluaran`, the report's appendix by the
presentation stage.
"""

from __future__ import annotations

from ..hitung.pengukuran import hitung
from ..masukan.model import Masukan
from .aturan import ATURAN, rinci
from .temuan import Konteks, Temuan


def periksa(m: Masukan) -> list[Temuan]:
    """All findings for a year, numbered per rule."""
    p, lalu = hitung(m)
    ctx = Konteks(p, lalu, m.publikasi, m.narasi, m.rencana)
    temuan = []
    for a in ATURAN:
        if a.butuh_publikasi and m.publikasi is None:
            continue
        hasil = a.fungsi(ctx)
        for i, t in enumerate(hasil, start=1):
            t.kode = f"{a.kode}-{i:03d}"
        temuan += hasil
    rinci(ctx, temuan)
    return temuan
