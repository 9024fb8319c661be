"""The analyst's workbook to fill: one sheet per raw file, prefilled, with dropdowns (isian-<YEAR>.xlsx).

Columns come from the CSV schemas (lkj/masukan/skema.py), never from a list of our own. A hidden
sheet records the sha256 of each CSV the workbook was made from, so the import can refuse to
overwrite a CSV that changed in the meantime.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ..masukan.errors import DataError
from ..masukan.params import RENSTRA, baca_aturan
from ..masukan.proyek import Proyek
from ..masukan.skema import KUNCI, Kolom
from . import csvteks
from .csvteks import ANGKA
from .xlsx import BERKAS_RENSTRA, BERKAS_TAHUN, isi_teks, lembar, simpan, skema, tulis_petunjuk

SUMBER = "_sumber"  # hidden sheet: year, Renstra folder, sha256 of each CSV
PETUNJUK = "Petunjuk"
BARIS_ISIAN = 500  # rows prepared with dropdowns and formats below the data
FORMAT = {"bilangan": "General", "bulat": "0", "rupiah": "#,##0", "teks": "@", "kode": "@", "pilihan": "@"}
JENIS = {
    "teks": "teks",
    "kode": "kode: huruf, angka, _ . - tanpa spasi",
    "bilangan": "angka",
    "bulat": "bilangan bulat",
    "rupiah": "rupiah utuh",
    "pilihan": "pilihan (daftar turun)",
}
JUDUL = Font(bold=True)
ISI_JUDUL = PatternFill("solid", fgColor="DDEBF7")
ABU = PatternFill("solid", fgColor="D9D9D9")  # a cell that must stay empty (with a note saying why)


def path_isian(proyek: Proyek, tahun: int) -> Path:
    """Where `excel-isian` writes: the project folder, next to the Makefile."""
    return proyek.root / f"isian-{tahun}.xlsx"


def sha256(proyek: Proyek, path: Path) -> str:
    """sha256 of a CSV as it is now ('' when it does not exist)."""
    return hashlib.sha256(proyek.baca(path)).hexdigest() if path.exists() or path.is_symlink() else ""


def nama_renstra(proyek: Proyek, tahun: int) -> str:
    """The Renstra folder of a year: from params/<YEAR>.yaml, else the folder whose period covers it."""
    if proyek.params(tahun).is_file():
        return baca_aturan(proyek, tahun).renstra
    calon = (
        sorted(
            p.name
            for p in proyek.raw.iterdir()
            if (m := RENSTRA.fullmatch(p.name)) and p.is_dir() and int(m[1]) <= tahun <= int(m[2])
        )
        if proyek.raw.is_dir()
        else []
    )
    if not calon:
        raise DataError(
            proyek.params(tahun),
            f"tidak ada Renstra untuk tahun {tahun}",
            "Buat params/<tahun>.yaml dengan kunci renstra, atau folder data/raw/renstra-<awal>-<akhir>.",
        )
    return calon[-1]


def berkas(proyek: Proyek, tahun: int, renstra: str) -> dict[str, Path]:
    """Sheet name -> the CSV it stands for."""
    out = {lembar(n): proyek.tahun(tahun) / n for n in BERKAS_TAHUN}
    out.update({lembar(n): proyek.raw / renstra / n for n in BERKAS_RENSTRA})
    return out


# --- prefill ----------------------------------------------------------------------------------


def _tahun_lalu(proyek: Proyek, tahun: int) -> int | None:
    lalu = (
        [
            int(p.name)
            for p in proyek.raw.iterdir()
            if p.name.isdigit() and int(p.name) < tahun and (p / "pk.csv").is_file()
        ]
        if proyek.raw.is_dir()
        else []
    )
    return max(lalu, default=None)


def _baris(proyek: Proyek, path: Path) -> list[dict[str, str]]:
    mentah = csvteks.baca(proyek, path)
    return mentah.baris if mentah else []


def _isi_baru(proyek: Proyek, tahun: int, renstra: str) -> dict[str, list[dict[str, str]]]:
    """A new year's rows: the previous year's structure with this year's Renstra targets, values empty."""
    m = RENSTRA.fullmatch(renstra)
    k = tahun - int(m[1]) + 1 if m else 0
    folder = proyek.raw / renstra
    indikator = _baris(proyek, folder / "indikator.csv")
    target = {r["indikator_id"].strip(): (r.get(f"target_{k}") or "").strip() for r in indikator} if k >= 1 else {}
    lalu = _tahun_lalu(proyek, tahun)
    d = proyek.tahun(lalu) if lalu else None
    pk = _baris(proyek, d / "pk.csv") if d else []
    if pk:
        pk = [{**r, "target": target.get(r["indikator_id"].strip(), "")} for r in pk]
    else:
        sasaran = {r["sasaran_no"].strip(): r["sasaran"] for r in _baris(proyek, folder / "sasaran.csv")}
        pk = [
            {
                "sasaran_no": r["sasaran_no"],
                "indikator_id": r["indikator_id"],
                "sasaran": sasaran.get(r["sasaran_no"].strip(), ""),
                "indikator": r["indikator"],
                "target": target.get(r["indikator_id"].strip(), ""),
            }
            for r in indikator
        ]
    if d is None:
        return {"pk": pk}
    komponen = _baris(proyek, d / "komponen.csv")
    kini = {
        r["indikator_id"].strip(): r.get("realisasi", "") for r in komponen if r.get("peran", "").strip() == "tahun_n"
    }
    # values are the analyst's to fill; a population (peran populasi) is kept, last year's
    # tahun_n becomes this year's tahun_sebelumnya
    komponen = [
        {
            **r,
            "target": r.get("target", "") if r.get("peran", "").strip() == "populasi" else "",
            "realisasi": kini.get(r["indikator_id"].strip(), "")
            if r.get("peran", "").strip() == "tahun_sebelumnya"
            else "",
        }
        for r in komponen
    ]
    return {
        "pk": pk,
        "komponen": komponen,
        "realisasi_langsung": [
            {"indikator_id": r["indikator_id"]} for r in _baris(proyek, d / "realisasi_langsung.csv")
        ],
        "anggaran": [
            {"program_kode": r["program_kode"], "program": r.get("program", "")}
            for r in _baris(proyek, d / "anggaran.csv")
        ],
        "program_indikator": _baris(proyek, d / "program_indikator.csv"),
    }


def isi_awal(proyek: Proyek, tahun: int, renstra: str) -> dict[str, list[dict[str, str]]]:
    """The rows each sheet starts with: the CSVs that exist; for a new year, derived ones."""
    peta = berkas(proyek, tahun, renstra)
    isi = {nama: _baris(proyek, path) for nama, path in peta.items()}
    if not (proyek.tahun(tahun) / "pk.csv").exists():
        isi.update(_isi_baru(proyek, tahun, renstra))
    return isi


# --- the workbook -----------------------------------------------------------------------------


def _nilai(cell, k: Kolom, teks: str) -> None:
    teks = teks.strip()
    cell.number_format = FORMAT[k.jenis]
    if not teks:
        return
    if k.angka and ANGKA.fullmatch(teks):
        cell.value = int(teks) if re.fullmatch(r"-?\d+", teks) and abs(int(teks)) < 2**53 else float(teks)
    else:
        isi_teks(cell, teks)  # text, or a number the analyst must correct: shown as written


def _lembar_data(wb: Workbook, nama_berkas: str, rows: list[dict[str, str]]) -> None:
    ws = wb.create_sheet(lembar(nama_berkas))
    kolom = skema(nama_berkas, list(rows[0]) if rows else None)
    for j, k in enumerate(kolom, start=1):
        c = ws.cell(1, j)
        isi_teks(c, k.nama)
        c.font, c.fill = JUDUL, ISI_JUDUL
        huruf = get_column_letter(j)
        ws.column_dimensions[huruf].width = max(12, min(60, len(k.nama) + 4 if k.angka else 30))
        ws.column_dimensions[huruf].number_format = FORMAT[k.jenis]
        if k.pilihan:
            dv = DataValidation(
                type="list",
                formula1='"' + ",".join(k.pilihan) + '"',
                allow_blank=not k.wajib,
                showErrorMessage=True,
                errorTitle="Nilai tidak dikenal",
                error="Pilih salah satu: " + ", ".join(k.pilihan) + ".",
            )
            dv.add(f"{huruf}2:{huruf}{len(rows) + BARIS_ISIAN}")
            ws.add_data_validation(dv)
    for i, rec in enumerate(rows, start=2):
        for j, k in enumerate(kolom, start=1):
            _nilai(ws.cell(i, j), k, rec.get(k.nama, ""))
            alasan = tetap_kosong(nama_berkas, rec, k.nama)
            if alasan:
                ws.cell(i, j).fill = ABU
                ws.cell(i, j).comment = Comment(alasan, "lkj")
    ws.freeze_panes = "A2"


def tetap_kosong(nama_berkas: str, rec: dict[str, str], kolom: str) -> str | None:
    """Why a cell must stay empty (the reader refuses a value there), or None."""
    if nama_berkas == "komponen.csv" and kolom == "realisasi" and rec.get("peran", "").strip() == "populasi":
        return "Biarkan kosong: besar populasi ditulis di kolom target; realisasi populasi ditolak saat impor."
    return None


def _petunjuk(wb: Workbook, tahun: int, renstra: str) -> None:
    ws = wb.active
    ws.title = PETUNJUK
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 22
    ws.column_dimensions["C"].width = 34
    ws.column_dimensions["D"].width = 10
    ws.column_dimensions["E"].width = 60
    teks = [
        f"Isian data Laporan Kinerja tahun {tahun}",
        "",
        "Cara mengisi:",
        "1. Setiap lembar (tab di bawah) adalah satu berkas data: pk, komponen, realisasi_langsung, anggaran, "
        "program_indikator, publikasi untuk tahun ini; tujuan, sasaran, indikator untuk Renstra " + renstra + ".",
        "2. Baris 1 setiap lembar adalah judul kolom: jangan diubah, dipindah, atau dihapus. "
        "Jangan mengganti nama lembar.",
        "3. Satu baris satu data. Baris kosong diabaikan. Tambah baris di bawah data yang ada.",
        "4. Angka diketik sebagai angka biasa (mis. 1004 atau 58,5 sesuai pengaturan Excel Anda); jangan menulis %, "
        "tanda hubung (-) atau 'Rp'. Sel angka yang tidak ada datanya dikosongkan.",
        "5. Sel abu-abu (mis. realisasi komponen berperan populasi) dibiarkan kosong: catatannya menyebut alasannya. "
        "Kolom pilihan (peran, polaritas, jenis_rumus, besaran) memakai daftar turun: pilih salah satu nilainya.",
        "6. Simpan sebagai Excel Workbook (.xlsx), lalu jalankan: make excel-impor YEAR="
        + str(tahun)
        + " FILE=isian-"
        + str(tahun)
        + ".xlsx. Data diperiksa dengan aturan yang sama dengan berkas CSV; "
        "bila ada kesalahan, pesan menyebut lembar, baris dan kolomnya, dan tidak ada berkas yang diubah.",
        "7. Narasi (kata pengantar, analisis, kendala, solusi) tidak diisi di sini: tulis di data/raw/"
        + str(tahun)
        + "/narasi/.",
        "Lembar tersembunyi _sumber mencatat sidik (sha256) berkas CSV saat isian ini dibuat: jangan diubah. "
        "Buku kerja yang sama boleh diimpor lagi setelah diubah; impor hanya ditolak bila berkas CSV diubah "
        "orang atau program lain sejak itu.",
        "",
        "Kolom setiap lembar (rincian: data/raw/README.md):",
    ]
    tulis_petunjuk(ws, teks)
    r = len(teks) + 1
    for j, h in enumerate(("lembar", "kolom", "jenis", "wajib", "pilihan / keterangan"), start=1):
        c = ws.cell(r, j)
        isi_teks(c, h)
        c.font, c.fill = JUDUL, ISI_JUDUL
    for nama in BERKAS_TAHUN + BERKAS_RENSTRA:
        for k in skema(nama):
            r += 1
            kunci = " (kunci unik)" if k.nama in KUNCI.get(nama, ()) else ""
            for j, t in enumerate(
                (lembar(nama), k.nama, JENIS[k.jenis], "ya" if k.wajib else "tidak", ", ".join(k.pilihan) + kunci),
                start=1,
            ):
                isi_teks(ws.cell(r, j), t)
                ws.cell(r, j).alignment = Alignment(wrap_text=j == 5, vertical="top")
    ws.freeze_panes = "A2"


def _sumber(wb: Workbook, proyek: Proyek, tahun: int, renstra: str, peta: dict[str, Path]) -> None:
    ws = wb.create_sheet(SUMBER)
    for i, (a, b, c) in enumerate(
        [("tahun", str(tahun), ""), ("renstra", renstra, ""), ("lembar", "berkas", "sha256")]
        + [(nama, proyek.relatif(p), sha256(proyek, p)) for nama, p in peta.items()],
        start=1,
    ):
        for j, t in enumerate((a, b, c), start=1):
            isi_teks(ws.cell(i, j), t)
    ws.sheet_state = "hidden"


def buat_isian(proyek: Proyek, tahun: int) -> bytes:
    """The workbook to fill for a year, as bytes (reproducible)."""
    renstra = nama_renstra(proyek, tahun)
    if not (proyek.raw / renstra).is_dir():
        raise DataError(
            proyek.raw / renstra, "folder Renstra tidak ditemukan", "Periksa kunci 'renstra' di params/<tahun>.yaml."
        )
    peta = berkas(proyek, tahun, renstra)
    isi = isi_awal(proyek, tahun, renstra)
    wb = Workbook()
    _petunjuk(wb, tahun, renstra)
    for nama in BERKAS_TAHUN + BERKAS_RENSTRA:
        _lembar_data(wb, nama, isi.get(lembar(nama), []))
    _sumber(wb, proyek, tahun, renstra, peta)
    return simpan(wb)
