"""Issue 22: the second year's whole path on a fresh copy, through the Excel route:
tahun-baru -> isian -> filled by code -> impor -> edited again -> impor again -> the draft report ->
FINAL refuses with the list -> fixed -> FINAL passes, and no 2023-only text or date is left in the PDF."""

import csv
import re

import openpyxl
import pytest
from pypdf import PdfReader

from lkj.__main__ import main
from lkj.masukan.model import baca_masukan
from lkj.masukan.proyek import Proyek
from lkj.masukan.tinjauan import masalah_final


@pytest.fixture(autouse=True)
def di_proyek(proyek, monkeypatch):
    monkeypatch.chdir(proyek)


def baris(path):
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def judul(ws) -> dict[str, int]:
    return {c.value: c.column for c in ws[1]}


def isi_seperti_2023(proyek, buku):
    """Fill every cell the scaffold left to fill with the 2023 value (grey cells stay empty)."""
    lama = {n: baris(proyek / "data/raw/2023" / f"{n}.csv") for n in ("komponen", "anggaran", "realisasi_langsung")}
    wb = openpyxl.load_workbook(buku)
    for nama, kunci, kolom in (
        ("komponen", ("indikator_id", "komponen_id"), ("realisasi",)),
        ("anggaran", ("program_kode",), ("pagu", "realisasi")),
        ("realisasi_langsung", ("indikator_id",), ("realisasi", "keterangan")),
    ):
        ws, j = wb[nama], judul(wb[nama])
        sumber = {tuple(r[k] for k in kunci): r for r in lama[nama]}
        for r in range(2, ws.max_row + 1):
            asal = sumber[tuple(ws.cell(r, j[k]).value for k in kunci)]
            for k in kolom:
                c = ws.cell(r, j[k])
                if c.value is None and asal[k] and c.comment is None:
                    c.value = float(asal[k]) if k != "keterangan" else asal[k]
    wb.save(buku)


def test_second_year_through_excel_to_a_final_report_with_nothing_of_2023_left(proyek, capsys):
    root = ["--root", str(proyek)]
    assert main(["tahun-baru", "2024", *root]) == 0
    assert main(["excel", "isian", "2024", *root]) == 0
    buku = proyek / "isian-2024.xlsx"
    isi_seperti_2023(proyek, buku)
    assert main(["excel", "impor", "2024", "isian-2024.xlsx", *root]) == 0
    assert baris(proyek / "data/raw/2024/anggaran.csv")[0]["pagu"] == "5725755076"
    # a further edit to the same workbook imports without PAKSA
    wb = openpyxl.load_workbook(buku)
    ws = wb["realisasi_langsung"]
    ws.cell(2, judul(ws)["realisasi"]).value = 4.9
    wb.save(buku)
    capsys.readouterr()
    assert main(["excel", "impor", "2024", "isian-2024.xlsx", *root]) == 0, capsys.readouterr().err
    assert baris(proyek / "data/raw/2024/realisasi_langsung.csv")[0]["realisasi"] == "4.9"
    # the data are complete: no empty cell is left to warn about
    assert main(["data", "2024", *root]) == 0
    assert "belum diisi: data/raw/2024/komponen" not in capsys.readouterr().err
    p = Proyek.di(proyek)
    m = baca_masukan(p, 2024)
    masalah = masalah_final(p, m.aturan)
    assert masalah[0] == "params/2024.yaml: penandatangan.tanggal kosong"
    assert len(masalah) == 1 + 23  # and every narrative file still as copied
    # the writer dates the signature and reviews each file: nothing of the inputs' own is left
    # the draft builds: the marks for the writer are in it, nothing of 2023's signature
    assert main(["report", "2024", *root]) == 0, capsys.readouterr().err
    html = (proyek / "reports/2024/laporan-kinerja-2024.html").read_text(encoding="utf-8")
    assert html.count("masih salinan laporan tahun sebelumnya") == 23
    assert "Binjai, ……………… 2025 (tanggal belum diisi)" in html and "31 Januari 2024" not in html
    # FINAL refuses with the list, one line each, before any work
    capsys.readouterr()
    assert main(["report", "2024", "--final", *root]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "BELUM FINAL: params/2024.yaml: penandatangan.tanggal kosong"
    # 2024's data keep 2023's open findings (data-table targets, a group, denominators, no bukti.csv), whose
    # notes were about 2023's data and not copied: one line per indicator, and Umum
    catatan = [b for b in err if b.startswith("BELUM FINAL: data/raw/2024/narasi/catatan_data.md: temuan atas data")]
    assert len(err) == 24 + len(catatan) and len(catatan) == 7 and "'## Umum'." in catatan[-1]
    assert not (proyek / "data/raw/2024/narasi/catatan_data.md").exists()
    # the writer dates the signature, reviews each file and discloses each finding: nothing of the inputs' own
    # is left
    params = proyek / "params/2024.yaml"
    params.write_text(params.read_text().replace("tanggal: null", "tanggal: 31 Januari 2025"))
    for path in (proyek / "data/raw/2024/narasi").glob("*.md"):
        path.write_text(path.read_text() + "\n")
    bagian = [re.search(r"di bagian '## (.+)'\.$", b)[1] for b in catatan]
    catatan_data = proyek / "data/raw/2024/narasi/catatan_data.md"
    catatan_data.write_text("".join(f"## {j}\n\nCatatan penulis.\n\n" for j in bagian))
    assert masalah_final(p, baca_masukan(p, 2024).aturan) == []
    # 2024's own unmet indicator (98,32% against this year's target) has no section in last year's
    # recommendations: the final report refuses it, one line, until the writer adds it
    capsys.readouterr()
    assert main(["report", "2024", "--final", *root]) == 2
    (baris_err,) = [b for b in capsys.readouterr().err.splitlines() if b.startswith("BELUM FINAL")]  # at assembly
    ik04 = (
        "Persentase Perusahaan yang Menerapkan Tata Kelola Kerja yang Layak (PP/PKB) dan Pekerja yang Terdaftar "
        "sebagai Peserta Jamsostek serta Pengupahan"
    )
    assert baris_err.startswith("BELUM FINAL: data/raw/2024/narasi/penutup_rekomendasi.md: langkah dan rekomendasi")
    assert f"'{ik04}' (capaian 98,32%, di bawah target) belum ditulis" in baris_err
    rekomendasi = proyek / "data/raw/2024/narasi/penutup_rekomendasi.md"
    rekomendasi.write_text(rekomendasi.read_text() + f"\n## {ik04}\n\n**Rekomendasi.** Pembinaan dilanjutkan.\n")
    assert main(["report", "2024", "--final", *root]) == 0, capsys.readouterr().err
    teks = "\n".join(h.extract_text() for h in PdfReader(proyek / "reports/2024/laporan-kinerja-2024.pdf").pages)
    teks = " ".join(teks.split())
    assert "Binjai, 31 Januari 2025" in teks and "31 Januari 2024" not in teks
    assert "tahun keempat pelaksanaan Renstra 2021–2026" in teks and "tahun ketiga" not in teks
    assert "Laporan Kinerja Tahun 2024" in teks and "Laporan Kinerja Tahun 2023" not in teks
    assert "belum diisi" not in teks and "salinan" not in teks and "DRAF" not in teks
