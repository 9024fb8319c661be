"""The reviu as an auditor receives it: the CSV (safe to open in Excel) and a summary."""

from __future__ import annotations

import csv
import io

from .. import fmt
from ..masukan.publikasi import Angka, dokumen_sumber
from .temuan import KATEGORI, TINGKAT, Temuan

KOLOM_CSV = [
    "kode",
    "akar",
    "kategori",
    "tingkat",
    "status",
    "lokasi",
    "indikator_id",
    "angka",
    "tertulis",
    "benar",
    "uraian",
    "nilai_dilaporkan",
    "nilai_hitung",
    "selisih",
    "program_kode",
    "sumber",
]
ANGKA = ("nilai_dilaporkan", "nilai_hitung", "selisih")
PEMISAH_LOKASI = " | "  # the locations of one finding in one cell (Temuan.tempat)
RUMUS = ("=", "+", "-", "@", "\t", "\r", "\n")  # a text cell starting so is a formula in Excel


def teks_aman(teks: str) -> str:
    """Text that a spreadsheet shows as text: a leading formula character gets a ' before it."""
    return "'" + teks if teks.startswith(RUMUS) else teks


def _angka(x: float | None) -> str:
    return "" if x is None else repr(round(x, 10))


def kode_butir(t: Temuan, i: int) -> str:
    """The code of the i-th wrong figure (from 1) of a finding: R01-003.02."""
    return f"{t.kode}.{i:02d}"


def rekaman(t: Temuan) -> list[dict[str, object]]:
    """One record per wrong figure of a finding (raw values, keyed by KOLOM_CSV); `akar` is the
    finding's (root cause's) code."""
    return [
        {
            "kode": kode_butir(t, i),
            "akar": t.kode,
            "kategori": t.kategori,
            "tingkat": t.tingkat,
            "status": t.status,
            "lokasi": b.lokasi,
            "indikator_id": t.indikator_id,
            "angka": b.apa,
            "tertulis": b.tertulis,
            "benar": b.benar,
            "uraian": t.keterangan,
            "nilai_dilaporkan": b.nilai_dilaporkan,
            "nilai_hitung": b.nilai_hitung,
            "selisih": b.selisih,
            "program_kode": t.program_kode,
            "sumber": t.sumber,
        }
        for i, b in enumerate(t.butir or [t.butir_sendiri], start=1)
    ]


def baris_csv(t: Temuan) -> list[list[str]]:
    """The CSV rows of a finding: numbers machine-readable, text safe in a spreadsheet."""
    return [
        [_angka(v) if k in ANGKA else teks_aman(str(v)) for k, v in r.items()]  # type: ignore[arg-type]
        for r in rekaman(t)
    ]


def ke_csv(temuan: list[Temuan]) -> str:
    """The findings as CSV for machines (pandas, scripts: comma, dot decimals), UTF-8 with a BOM so a
    spreadsheet that opens it anyway reads '×' and 'Rp' right; people get the .xlsx (lembar reviu)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(KOLOM_CSV)
    for t in temuan:
        w.writerows(baris_csv(t))
    return "\ufeff" + buf.getvalue()


def ringkasan(temuan: list[Temuan]) -> str:
    """Counts of root causes (findings), not of wrong figures."""
    n_butir = sum(len(t.butir) for t in temuan)
    status = ", ".join(f"{sum(t.status == s for t in temuan)} {s}" for s in ("terbuka", "diungkapkan", "dikoreksi"))
    baris = [f"{len(temuan)} temuan ({n_butir} angka; {status})"]
    for k in KATEGORI:
        n = [t for t in temuan if t.kategori == k]
        if n:
            per = ", ".join(f"{sum(t.tingkat == g for t in n)} {g}" for g in TINGKAT if any(t.tingkat == g for t in n))
            baris.append(f"  {k:<22} {len(n):>3}  ({per})")
    return "\n".join(baris)


TANPA_DOKUMEN = "diketik di publikasi.csv tanpa dokumen sumber yang tercatat"


def sumber_angka(publikasi: tuple[Angka, ...] | None) -> str:
    """Where the reviewed figures come from, in one sentence naming each document and its sha256."""
    if publikasi is None:
        return "Tidak ada angka publikasi untuk tahun ini: reviu atas data masukan dan narasi."
    bagian = [
        f"{fmt.angka(n)} angka " + (f"dibaca dari dokumen {nama} (sha256 {sha})" if nama else TANPA_DOKUMEN)
        for nama, sha, n in dokumen_sumber(publikasi)
    ]
    return "Angka yang direviu: " + ("; ".join(bagian) if bagian else "tidak ada (publikasi.csv kosong)") + "."
