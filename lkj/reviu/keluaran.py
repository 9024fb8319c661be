"""The reviu as an auditor receives it: the CSV (safe to open in Excel) and a summary."""

from __future__ import annotations

import csv
import io

from .temuan import KATEGORI, TINGKAT, Temuan

KOLOM_CSV = [
    "kode",
    "kategori",
    "tingkat",
    "lokasi",
    "indikator_id",
    "uraian",
    "nilai_dilaporkan",
    "nilai_hitung",
    "selisih",
    "program_kode",
    "sumber",
]
PEMISAH_LOKASI = " | "  # the locations of one finding in one cell (Temuan.tempat)
RUMUS = ("=", "+", "-", "@", "\t", "\r", "\n")  # a text cell starting so is a formula in Excel


def teks_aman(teks: str) -> str:
    """Text that a spreadsheet shows as text: a leading formula character gets a ' before it."""
    return "'" + teks if teks.startswith(RUMUS) else teks


def _angka(x: float | None) -> str:
    return "" if x is None else repr(round(x, 10))


def baris_csv(t: Temuan) -> list[str]:
    teks = [t.kode, t.kategori, t.tingkat, t.tempat, t.indikator_id, t.keterangan]
    return (
        [teks_aman(x) for x in teks]
        + [_angka(t.nilai_dilaporkan), _angka(t.nilai_hitung), _angka(t.selisih)]
        + [teks_aman(t.program_kode), t.sumber]
    )


def ke_csv(temuan: list[Temuan]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(KOLOM_CSV)
    w.writerows(baris_csv(t) for t in temuan)
    return buf.getvalue()


def ringkasan(temuan: list[Temuan]) -> str:
    baris = [f"{len(temuan)} temuan"]
    for k in KATEGORI:
        n = [t for t in temuan if t.kategori == k]
        if n:
            per = ", ".join(f"{sum(t.tingkat == g for t in n)} {g}" for g in TINGKAT if any(t.tingkat == g for t in n))
            baris.append(f"  {k:<22} {len(n):>3}  ({per})")
    return "\n".join(baris)
