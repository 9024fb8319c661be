"""Reviu: every published figure against its data and against every other table.

`periksa(m)` runs the rules (reviu/aturan.py) over the validated inputs and returns
the findings as data; the CSV is made by `keluaran`, the report's appendix by the
presentation stage.
"""

from __future__ import annotations

from ..hitung.pengukuran import hitung
from ..masukan.model import Masukan
from .aturan import ATURAN, kelompokkan, rinci
from .pengungkapan import bagian_lepas, butir_catatan, pesan_catatan_kurang, tanpa_catatan, teks_di_luar, ungkap
from .temuan import Konteks, Temuan


def periksa(m: Masukan, aturan=ATURAN) -> list[Temuan]:
    """All findings for a year: every rule on its own, then grouped by root cause (so the order of the
    rules does not matter), numbered per rule, each wrong figure on its own line."""
    p, lalu = hitung(m)
    ctx = Konteks(p, lalu, m.publikasi, m.narasi, m.rencana, m.publikasi_opd)
    temuan = kelompokkan([t for a in aturan if m.publikasi is not None or not a.butuh_publikasi for t in a.fungsi(ctx)])
    nomor: dict[str, int] = {}
    for t in temuan:
        nomor[t.aturan] = nomor.get(t.aturan, 0) + 1
        t.kode = f"{t.aturan}-{nomor[t.aturan]:03d}"
    rinci(ctx, temuan)
    ungkap(temuan, m.narasi.get(m.rencana.catatan), p)
    return temuan


def catatan_kurang(m: Masukan) -> list[str]:
    """The open findings on the data neither fixed nor disclosed, one line each (FINAL=1 refuses them)."""
    p, _ = hitung(m)
    butir = butir_catatan(periksa(m), p)
    if not m.rencana.catatan:
        return tanpa_catatan(m.proyek.relatif(m.proyek.rencana), butir)
    teks = m.narasi.get(m.rencana.catatan)
    file = m.proyek.relatif(m.narasi_path(m.rencana.catatan))
    di_luar = [x for x in [teks_di_luar(file, teks)] if x]
    return pesan_catatan_kurang(file, butir, teks) + bagian_lepas(file, butir, teks) + di_luar
