"""A raw CSV as text, cell by cell: read for the workbook, written back keeping what did not change.

The import must give byte-identical files when nothing changed, and a small diff when a few
cells did: a row whose cells are all unchanged is written back as its original line (quoting,
number text, line end), a changed row only re-quotes what it must. Validation is not done here:
it is the CSV reader's job (lkj/masukan/skema.py).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..masukan.proyek import Proyek
from ..masukan.skema import KUNCI, Kolom

if TYPE_CHECKING:
    import pandas as pd

BOM = "\ufeff"
ANGKA = re.compile(r"-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?")


@dataclass
class CsvMentah:
    header: list[str]  # column names as written (stripped)
    baris: list[dict[str, str]]  # each record: column -> cell text as written
    mentah: list[str]  # each record's original text, line end included
    bom: bool
    eol: str


def baca(proyek: Proyek, path: Path) -> CsvMentah | None:
    """The file's records as text (None if it does not exist). Blank lines are skipped."""
    if not path.exists() and not path.is_symlink():
        return None
    teks = proyek.baca_teks(path)
    bom = proyek.baca(path).startswith(BOM.encode())
    baris_fisik = re.findall(r"[^\n]*\n|[^\n]+\Z", teks)
    pembaca = csv.reader(iter(baris_fisik))
    header: list[str] | None = None
    rows, mentah, awal = [], [], 0
    for rec in pembaca:
        asli = "".join(baris_fisik[awal : pembaca.line_num])
        awal = pembaca.line_num
        if not any(c.strip() for c in rec):
            continue
        if header is None:
            header = [c.strip() for c in rec]
            continue
        rows.append({h: (rec[i] if i < len(rec) else "") for i, h in enumerate(header)})
        mentah.append(asli)
    eol = "\r\n" if baris_fisik and baris_fisik[0].endswith("\r\n") else "\n"
    return CsvMentah(header or [], rows, mentah, bom, eol)


def sama(k: Kolom | None, a: str, b: str) -> bool:
    """Two cell texts mean the same value (numbers compared as numbers: 100 and 100.0)."""
    a, b = a.strip(), b.strip()
    if a == b:
        return True
    return bool(k and k.angka and ANGKA.fullmatch(a) and ANGKA.fullmatch(b) and float(a) == float(b))


def kunci(nama: str, rec: dict[str, str], kolom: list[str]) -> tuple[str, ...]:
    """The row's key (KUNCI of the file; the whole row for a file without one)."""
    return tuple(rec.get(c, "").strip() for c in KUNCI.get(nama, tuple(kolom)))


def _pasangan(nama: str, lama: CsvMentah, kolom: list[str]) -> dict[tuple[str, ...], int]:
    out: dict[tuple[str, ...], int] = {}
    for i, rec in enumerate(lama.baris):
        out.setdefault(kunci(nama, rec, kolom), i)
    return out


def tulis(nama: str, skema: tuple[Kolom, ...], lama: CsvMentah | None, baru: list[dict[str, str]]) -> str | None:
    """The new file text, or None when it would mean the same as the old one (keep it as is)."""
    jenis = {k.nama: k for k in skema}
    nama_kolom = [k.nama for k in skema]
    kolom = lama.header if lama and sorted(lama.header) == sorted(nama_kolom) else nama_kolom
    if (
        lama is not None
        and kolom == lama.header
        and len(lama.baris) == len(baru)
        and all(sama(jenis[c], a.get(c, ""), b.get(c, "")) for a, b in zip(lama.baris, baru) for c in kolom)
    ):
        return None
    eol = lama.eol if lama else "\n"
    buf = io.StringIO()
    if lama and lama.bom:
        buf.write(BOM)
    w = csv.writer(buf, lineterminator=eol)
    w.writerow(kolom)
    pasangan = _pasangan(nama, lama, nama_kolom) if lama else {}
    for i, rec in enumerate(baru):
        j = pasangan.get(kunci(nama, rec, nama_kolom))
        if j is None and lama and nama not in KUNCI and i < len(lama.baris):
            j = i
        asal = lama.baris[j] if lama is not None and j is not None else None
        if (
            lama is not None
            and j is not None
            and asal is not None
            and kolom == lama.header
            and all(sama(jenis[c], asal.get(c, ""), rec.get(c, "")) for c in kolom)
        ):
            teks = lama.mentah[j]
            buf.write(teks if teks.endswith("\n") else teks + eol)
            continue
        w.writerow(
            [
                asal.get(c, "")
                if asal is not None and sama(jenis[c], asal.get(c, ""), rec.get(c, ""))
                else rec.get(c, "")
                for c in kolom
            ]
        )
    return buf.getvalue()


def perubahan(
    nama: str, skema: tuple[Kolom, ...], lama: CsvMentah | None, baru: list[dict[str, str]]
) -> tuple[list[str], list[str], list[str]]:
    """Rows added, removed and changed (by key; a changed row says which cells)."""
    jenis = {k.nama: k for k in skema}
    nama_kolom = [k.nama for k in skema]
    lama_map = {kunci(nama, r, nama_kolom): r for r in (lama.baris if lama else [])}
    baru_map = {kunci(nama, r, nama_kolom): r for r in baru}
    label = "/".join
    tambah = [label(k) for k in baru_map if k not in lama_map]
    hapus = [label(k) for k in lama_map if k not in baru_map]
    ubah = []
    for k, r in baru_map.items():
        if k in lama_map:
            sel = [
                f"{c} '{lama_map[k].get(c, '').strip()}' → '{r.get(c, '').strip()}'"
                for c in nama_kolom
                if not sama(jenis[c], lama_map[k].get(c, ""), r.get(c, ""))
            ]
            if sel:
                ubah.append(f"{label(k)}: {', '.join(sel)}")
    if nama not in KUNCI:  # no key: a row is its content; show a short label
        tambah = [f"baris '{t[:60]}'" for t in tambah]
        hapus = [f"baris '{t[:60]}'" for t in hapus]
    return tambah, hapus, ubah


def dibatalkan(
    nama: str,
    skema: tuple[Kolom, ...],
    asal: list[dict[str, str]],
    kini: list[dict[str, str]],
    baru: list[dict[str, str]],
) -> list[str]:
    """What writing `baru` would undo of the change from `asal` to `kini` (an earlier import): cells it puts
    back to their `asal` value, rows that import added which it lacks, rows it removed which come back."""
    jenis = {k.nama: k for k in skema}
    kolom = [k.nama for k in skema]
    a, k_, b = ({kunci(nama, r, kolom): r for r in x} for x in (asal, kini, baru))
    label = "/".join
    out = [f"{label(k)}: baris yang ditambahkan tidak ada" for k in k_ if k not in a and k not in b]
    out += [f"{label(k)}: baris yang dihapus muncul kembali" for k in a if k not in k_ and k in b]
    for k, r in k_.items():
        if k in a and k in b:
            out += [
                f"{label(k)}: {c} '{r.get(c, '').strip()}' → '{b[k].get(c, '').strip()}'"
                for c in kolom
                if not sama(jenis[c], a[k].get(c, ""), r.get(c, ""))
                and sama(jenis[c], a[k].get(c, ""), b[k].get(c, ""))
            ]
    return out


def tabel_aman(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of a table whose text cells a spreadsheet shows as text (the reviu's rule, `teks_aman`):
    for every CSV a person may open, e.g. data/processed/<YEAR>/*.csv, where an indicator named
    '=HYPERLINK(...)' must not become a live formula."""
    from ..reviu.keluaran import teks_aman

    return df.apply(lambda kolom: kolom.map(lambda x: teks_aman(x) if isinstance(x, str) else x))
