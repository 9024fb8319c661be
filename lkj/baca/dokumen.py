"""A received report as a neutral list of tables and sentences (text, Word or PDF).

`baca_dokumen(path)` gives a `Dokumen`: every table as rows of cell texts, with its
page, its caption as printed and the nearest heading, and every sentence with its page
and heading. Nothing here knows about indicators: attribution is `atribusi.py`.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..masukan.errors import DataError

MAKS_HALAMAN = 400  # an LKj has 40-120 pages; a longer PDF is not one
MAKS_BAIT = 60_000_000


@dataclass
class Baris:
    """One printed table row: its cells (one per column) and the page it is on."""

    sel: list[str]
    halaman: int | None


@dataclass
class Tabel:
    """A table: header text per column (header rows joined, merged cells repeated) and its body rows."""

    judul: str  # the caption as printed ('' if none)
    bagian: str  # the nearest heading above it
    halaman: int | None
    kepala: list[str]
    baris: list[Baris]
    kepala_baris: list[list[str]] = field(default_factory=list)  # header rows as printed


@dataclass(frozen=True)
class Kalimat:
    teks: str
    bagian: str
    halaman: int | None


@dataclass
class Dokumen:
    path: Path
    sha256: str
    jenis: str  # 'pdf', 'docx', 'teks'
    halaman: int | None
    tabel: list[Tabel]
    kalimat: list[Kalimat]


def galat(path: Path, masalah: str, saran: str) -> DataError:
    return DataError(path, masalah, saran)


# --- cells and rows, shared by every reader ---------------------------------------------------------------

ANGKA_SEL = re.compile(r"^[-–(]?\s*(Rp\.?\s*)?-?\d[\d.,]*\s*(%|‰|,-)?\s*\)?$")
# a figure in its indicator's unit: '905 orang', '1.016 orang *', '12,5 km', '34 org/bulan'
ANGKA_SATUAN = re.compile(r"^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?\s?[^\W\d_]{1,12}(/[^\W\d_]{1,12})?\s*\*?$")
TAG = re.compile(r"<[^>]+>")


def bersih(teks: str) -> str:
    """A cell's text without HTML tags, Markdown emphasis and repeated spaces."""
    teks = TAG.sub(" ", teks).replace("**", "").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", teks).strip()


def angka_saja(teks: str) -> bool:
    return bool(ANGKA_SEL.match(teks.strip())) and any(c.isdigit() for c in teks)


def angka_satuan(teks: str) -> bool:
    return bool(ANGKA_SATUAN.match(teks.strip()))


KATA_KEPALA = re.compile(
    r"\b(no\.?|indikator|sasaran|program|target|realisasi|capaian|anggaran|pagu|serapan|efisiensi|rumus|"
    r"tahun|interval|kriteria|uraian|kegiatan|tujuan|predikat|keterangan|satuan)\b",
    re.IGNORECASE,
)


def susun_tabel(judul: str, bagian: str, rows: list[Baris]) -> Tabel | None:
    """Split rows into header rows (before the first row with a number, those with header words) and
    body rows; join header rows per column, a merged header cell spanning the columns below it."""
    n = max((len(r.sel) for r in rows), default=0)
    if n < 2:
        return None
    for r in rows:
        r.sel = [bersih(s) for s in r.sel] + [""] * (n - len(r.sel))
    pertama = next((i for i, r in enumerate(rows) if any(angka_badan(s) for s in r.sel[1:])), None)
    if pertama is None:
        return None
    kepala_baris, badan = [], []
    for r in rows[:pertama]:
        isi = [s for s in r.sel if s]
        if len(isi) >= 2 or (isi and KATA_KEPALA.search(isi[0]) and len(isi[0]) < 40):
            kepala_baris.append(r.sel)
        else:
            badan.append(r)
    gabung = _rentang(kepala_baris)
    kepala = [" ".join(k[j] for k in gabung if k[j]).strip() for j in range(n)]
    # a header repeated after a page break is not a row
    badan += [r for r in rows[pertama:] if not (kepala_baris and (r.sel in kepala_baris or r.sel == kepala))]
    return Tabel(judul, bagian, rows[0].halaman, kepala, badan, kepala_baris)


def angka_badan(teks: str) -> bool:
    """A figure of a table body: a number that is not a year or a column number of a header."""
    if re.search(r"\d\s?%", teks) and len(teks) < 40:
        return True  # '91% ≤ 100%', '≥ 91%'
    if angka_satuan(teks):
        return True
    return angka_saja(teks) and not re.fullmatch(r"\s*((19|20)\d\d|[1-9]|10)\.?\s*", teks)


def _rentang(kepala: list[list[str]]) -> list[list[str]]:
    """A header cell left empty beside a filled one, with sub-headers below it, belongs to the
    merged cell on its left ('Target', '', ... over '2022', '2023')."""
    out = [list(k) for k in kepala]
    for i, k in enumerate(out[:-1]):
        bawah = out[i + 1]
        for j in range(1, len(k)):
            if not k[j] and k[j - 1] and bawah[j] and bawah[j - 1]:
                k[j] = k[j - 1]
    return out


def kalimat_dari(teks: str, bagian: str, halaman: int | None) -> list[Kalimat]:
    teks = bersih(teks)
    return [Kalimat(k, bagian, halaman) for k in re.split(r"(?<=[.!?])\s+(?=[A-Z])", teks) if k.strip()]


# --- entry point -----------------------------------------------------------------------------------------------


def baca_dokumen(path: Path) -> Dokumen:
    """Read a report: .pdf, .docx, or its text (.txt/.md). Bad input: one DataError line."""
    path = Path(path)
    if not path.is_file():
        raise galat(path, "dokumen tidak ditemukan", "Periksa nama dan folder berkasnya (DOKUMEN=...).")
    data = path.read_bytes()
    if len(data) > MAKS_BAIT:
        raise galat(path, f"berkas terlalu besar ({len(data) // 1_000_000} MB)", "Kirim LKj-nya saja, tanpa lampiran.")
    sha = hashlib.sha256(data).hexdigest()
    akhiran = path.suffix.lower()
    halaman: int | None
    if data.startswith(b"%PDF") or akhiran == ".pdf":
        from .pdf import baca_pdf

        tabel, kalimat, halaman = baca_pdf(path, data)
        jenis = "pdf"
    elif akhiran == ".docx" or data.startswith(b"PK\x03\x04"):
        from .word import baca_docx

        tabel, kalimat, halaman = baca_docx(path, data)
        jenis = "docx"
    elif akhiran == ".doc" or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise galat(
            path,
            "berkas Word lama (.doc) tidak dapat dibaca",
            "Buka di Word atau LibreOffice lalu simpan sebagai .docx atau PDF.",
        )
    elif akhiran in (".txt", ".md", ".markdown", ""):
        try:
            teks = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise galat(path, "teks bukan UTF-8", "Simpan ulang sebagai teks UTF-8.") from None
        from .teks import baca_teks

        tabel, kalimat, halaman = baca_teks(teks)
        jenis = "teks"
    else:
        raise galat(
            path, f"jenis berkas '{akhiran}' tidak dikenal", "Berikan laporan sebagai .pdf, .docx, .txt atau .md."
        )
    return Dokumen(path, sha, jenis, halaman, tabel, kalimat)
