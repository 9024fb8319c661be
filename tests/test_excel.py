"""Excel in and out: the workbook to fill and its import, the auditor's kertas kerja, text safety."""

import csv
import hashlib
import io
import re
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest

from lkj.__main__ import main
from lkj.excel import csvteks
from lkj.excel.impor import teks_sel
from lkj.excel.xlsx import BERKAS_RENSTRA, BERKAS_TAHUN, skema
from lkj.hitung.pengukuran import hitung as hitung_masukan
from lkj.masukan.proyek import Proyek
from lkj.reviu.keluaran import KOLOM_CSV

from conftest import ROOT, checksums, hasil_tersimpan, masukan, sama_nilai

RENSTRA = "renstra-2021-2026"
HOSTILE = ['=HYPERLINK("http://x")', "@SUM(A1)", "+62 811", "-1 orang"]


def isian(proyek: Path, tahun: int = 2023) -> Path:
    assert main(["excel", "isian", str(tahun), "--root", str(proyek)]) == 0
    return proyek / f"isian-{tahun}.xlsx"


def impor(proyek: Path, buku: Path, tahun: int = 2023, *extra: str) -> int:
    return main(["excel", "impor", str(tahun), str(buku), "--root", str(proyek), *extra])


def ubah_buku(buku: Path, fungsi) -> Path:
    wb = openpyxl.load_workbook(buku)
    fungsi(wb)
    wb.save(buku)
    return buku


def baris_excel(ws, **cocok) -> int:
    """The Excel row whose cells match (by column header)."""
    judul = [c.value for c in ws[1]]
    for r in range(2, ws.max_row + 1):
        if all(ws.cell(r, judul.index(k) + 1).value == v for k, v in cocok.items()):
            return r
    raise AssertionError(cocok)


def kolom(ws, nama: str) -> int:
    return [c.value for c in ws[1]].index(nama) + 1


def raw_files(root: Path) -> list[Path]:
    return [root / "data/raw/2023" / n for n in BERKAS_TAHUN] + [
        root / "data/raw" / RENSTRA / n for n in BERKAS_RENSTRA
    ]


# --- the workbook to fill ----------------------------------------------------------------------


def test_isian_has_one_sheet_per_raw_file_with_schema_columns_dropdowns_formats_and_hashes(proyek, capsys):
    buku = isian(proyek)
    assert "isian-2023.xlsx" in capsys.readouterr().out
    wb = openpyxl.load_workbook(buku)
    assert wb.sheetnames[0] == "Petunjuk" and "Cara mengisi:" in [c.value for c in wb["Petunjuk"]["A"]]
    sumber = {r[0]: r[2] for r in wb["_sumber"].iter_rows(min_row=4, values_only=True)}
    assert wb["_sumber"].sheet_state == "hidden"
    for nama in BERKAS_TAHUN + BERKAS_RENSTRA:
        ws = wb[nama.removesuffix(".csv")]
        assert [c.value for c in ws[1]] == [k.nama for k in skema(nama)]
        assert ws.freeze_panes == "A2"
        path = proyek / "data/raw" / ("2023" if nama in BERKAS_TAHUN else RENSTRA) / nama
        if nama in OPSIONAL_TANPA_2023:  # an empty sheet
            assert not path.exists() and not sumber[ws.title] and ws.max_row == 1
            continue
        assert sumber[ws.title] == hashlib.sha256(path.read_bytes()).hexdigest()
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
        assert ws.max_row == len(rows)  # prefilled: every row of the CSV
        pilihan = {next(iter(dv.sqref.ranges)).min_col: dv.formula1 for dv in ws.data_validations.dataValidation}
        for j, k in enumerate(skema(nama), start=1):
            if k.pilihan:
                assert pilihan[j] == '"' + ",".join(k.pilihan) + '"'
            assert ws.column_dimensions[ws.cell(1, j).column_letter].number_format == {
                "bilangan": "General",
                "bulat": "0",
                "rupiah": "#,##0",
            }.get(k.jenis, "@")
    assert {"peran", "polaritas", "jenis_rumus"} <= {
        ws.cell(1, next(iter(dv.sqref.ranges)).min_col).value
        for ws in wb.worksheets
        for dv in ws.data_validations.dataValidation
    }
    komponen = wb["komponen"]
    r = baris_excel(komponen, indikator_id="IK02", peran="penyebut")
    assert komponen.cell(r, kolom(komponen, "realisasi")).value == 181  # a number, not text
    assert "narasi" not in " ".join(wb.sheetnames)


def test_isian_is_reproducible_and_never_overwrites_a_workbook_being_filled(proyek, capsys):
    buku = isian(proyek)
    pertama = buku.read_bytes()
    assert main(["excel", "isian", "2023", "--root", str(proyek)]) == 2
    assert "sudah ada" in capsys.readouterr().err
    assert main(["excel", "isian", "2023", "--root", str(proyek), "--paksa"]) == 0
    assert buku.read_bytes() == pertama


def test_isian_for_a_new_year_starts_from_the_previous_year_and_the_renstra(proyek, capsys):
    buku = isian(proyek, 2024)
    wb = openpyxl.load_workbook(buku)
    pk = wb["pk"]
    r = baris_excel(pk, indikator_id="IK03")
    assert pk.cell(r, kolom(pk, "target")).value == 45  # Renstra target_4 (2024 is tahun ke-4)
    komponen = wb["komponen"]
    assert komponen.max_row > 10
    assert all(
        komponen.cell(i, kolom(komponen, "realisasi")).value is None
        for i in range(2, komponen.max_row + 1)
        if komponen.cell(i, kolom(komponen, "peran")).value != "tahun_sebelumnya"
    )
    # Filled in and imported (no params/2024.yaml yet): the year's CSVs appear, checked by the CSV reader.
    ubah_buku(buku, lambda wb: wb["komponen"].cell(2, kolom(wb["komponen"], "realisasi"), 1))
    assert impor(proyek, buku, 2024) == 2  # the budget is the analyst's to fill
    assert "lembar 'anggaran', baris 2, kolom 'pagu': sel kosong" in capsys.readouterr().err
    assert not (proyek / "data/raw/2024").exists()

    def pagu(wb):
        for r in range(2, wb["anggaran"].max_row + 1):
            wb["anggaran"].cell(r, 3, 1000000)

    ubah_buku(buku, pagu)
    assert impor(proyek, buku, 2024) == 0
    assert "params/2024.yaml belum ada" in capsys.readouterr().out
    assert (proyek / "data/raw/2024/pk.csv").read_text().splitlines()[3].endswith(",45")


# --- import ------------------------------------------------------------------------------------


def test_round_trip_of_2023_is_byte_identical_for_every_file(proyek, capsys):
    sebelum = checksums(proyek / "data/raw")
    buku = isian(proyek)
    assert impor(proyek, buku) == 0
    assert "tidak ada perubahan" in capsys.readouterr().out
    assert checksums(proyek / "data/raw") == sebelum


OPSIONAL_TANPA_2023 = ("pegawai.csv", "rencana_aksi.csv")  # optional files the 2023 data do not have


@pytest.mark.parametrize("nama", [n for n in BERKAS_TAHUN + BERKAS_RENSTRA if n not in OPSIONAL_TANPA_2023])
def test_writer_keeps_every_unchanged_line_of_every_file_byte_for_byte(proyek, nama):
    """The writer itself (not only 'nothing changed'): with a row appended through the workbook,
    every existing line of the file, quoting and number text included, is written back unchanged."""
    buku = isian(proyek)
    wb = openpyxl.load_workbook(buku)
    ws = wb[nama.removesuffix(".csv")]
    contoh = [c.value for c in ws[ws.max_row]]
    path = proyek / "data/raw" / ("2023" if nama in BERKAS_TAHUN else RENSTRA) / nama
    lama = csvteks.baca(Proyek.di(proyek), path)
    baris = [
        dict(zip([c.value for c in ws[1]], [teks_sel(v, "x", 0, "") for v in r]))
        for r in ws.iter_rows(min_row=2, values_only=True)
    ]
    baru = dict(zip([c.value for c in ws[1]], [teks_sel(v, "x", 0, "") for v in contoh]))
    kunci = csvteks.KUNCI.get(nama, ())
    for k in kunci[-1:]:
        baru[k] = "99" if k == "sasaran_no" else "ZZ99"
    teks = csvteks.tulis(nama, skema(nama), lama, [*baris, baru])
    asli = path.read_text(encoding="utf-8")
    assert teks.startswith(asli) and teks.count("\n") == asli.count("\n") + 1


def test_import_writes_only_changed_rows_and_reports_them_by_key(proyek, capsys):
    asli = (proyek / "data/raw/2023/komponen.csv").read_text().splitlines()
    buku = isian(proyek)

    def edit(wb):
        ws = wb["komponen"]
        r = baris_excel(ws, indikator_id="IK02", peran="pembilang")
        ws.cell(r, kolom(ws, "realisasi"), 110.0)  # Excel stores numbers as floats
        wb["anggaran"].append(["P99", "Program Uji", 1000000, 250000.5 * 2])
        pi = wb["program_indikator"]
        pi.delete_rows(pi.max_row)

    ubah_buku(buku, edit)
    assert impor(proyek, buku) == 0
    out = capsys.readouterr().out
    assert "komponen.csv: 0 baris ditambah, 0 dihapus, 1 diubah" in out
    assert re.search(r"~ IK02/K\d+: realisasi '106' → '110'", out)
    assert "anggaran.csv: 1 baris ditambah" in out and "+ P99" in out
    assert "program_indikator.csv: 0 baris ditambah, 1 dihapus" in out
    baru = (proyek / "data/raw/2023/komponen.csv").read_text().splitlines()
    beda = [(a, b) for a, b in zip(asli, baru) if a != b]
    assert len(baru) == len(asli) and len(beda) == 1 and beda[0][1].endswith(",110")
    assert (proyek / "data/raw/2023/anggaran.csv").read_text().splitlines()[-1] == "P99,Program Uji,1000000,500001"


@pytest.mark.parametrize(
    "nilai, teks",
    [
        (1004.0, "1004"),
        (58.5, "58.5"),
        (5.06, "5.06"),
        (1004, "1004"),
        (1e-7, "0.0000001"),
        (0.1 + 0.2, "0.30000000000000004"),
        ("1.004,5", "1.004,5"),
        (None, ""),
    ],
)
def test_cells_become_the_shortest_exact_csv_text(nilai, teks):
    assert teks_sel(nilai, "x", 2, "k") == teks


@pytest.mark.parametrize(
    "lembar, cari, kolom_, nilai, pesan",
    [
        ("komponen", {"indikator_id": "IK02", "peran": "pembilang"}, "realisasi", "1.004,5", "format angka Indonesia"),
        ("pk", {"indikator_id": "IK03"}, "target", "40%", "memakai tanda %"),
        ("komponen", {"indikator_id": "IK02", "peran": "pembilang"}, "peran", "pembagi", "tidak dikenal"),
        (
            "komponen",
            {"indikator_id": "IK02", "peran": "pembilang"},
            "indikator_id",
            "IK99",
            "tidak ada di lembar 'pk'",
        ),
        ("anggaran", {"program_kode": "P02"}, "pagu", -5, "negatif"),
    ],
)
def test_invalid_cell_is_named_by_sheet_excel_row_and_header_and_nothing_is_written(
    proyek, capsys, lembar, cari, kolom_, nilai, pesan
):
    buku = isian(proyek)
    sebelum = checksums(proyek / "data/raw")
    tempat = {}

    def edit(wb):
        ws = wb[lembar]
        ws.insert_rows(2, 2)  # blank rows: the Excel row is not the CSV row
        r = baris_excel(ws, **cari)
        ws.cell(r, kolom(ws, kolom_), nilai)
        tempat["r"] = r

    ubah_buku(buku, edit)
    assert impor(proyek, buku) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert err.startswith(f"GALAT: isian-2023.xlsx, lembar '{lembar}', baris {tempat['r']}, kolom '{kolom_}': "), err
    assert pesan in err
    assert checksums(proyek / "data/raw") == sebelum


def test_import_refuses_to_overwrite_a_csv_changed_since_the_workbook_unless_paksa(proyek, capsys):
    buku = isian(proyek)
    pk = proyek / "data/raw/2023/pk.csv"
    pk.write_text(pk.read_text().replace(",40\n", ",41\n", 1))  # someone edits the CSV meanwhile
    ubah_buku(buku, lambda wb: wb["pk"].cell(2, 5, 99))
    diubah = pk.read_bytes()
    assert impor(proyek, buku) == 2
    err = capsys.readouterr().err
    assert "diubah orang atau program lain sejak buku kerja ini dibuat atau terakhir diimpor: " in err
    assert re.search(r"data/raw/2023/pk\.csv \(diubah \d\d-\d\d-\d{4} \d\d:\d\d\)", err)  # which file, when
    assert "PAKSA=1" in err and err.count("\n") == 1
    assert pk.read_bytes() == diubah
    assert impor(proyek, buku, 2023, "--paksa") == 0
    assert pk.read_text().splitlines()[1].endswith(",99")


def test_the_same_workbook_imports_again_after_its_own_import(proyek, capsys):
    buku = isian(proyek)
    pk = proyek / "data/raw/2023/pk.csv"
    ubah_buku(buku, lambda wb: wb["pk"].cell(2, 5, 99))
    assert impor(proyek, buku) == 0
    assert pk.read_text().splitlines()[1].endswith(",99")
    ubah_buku(buku, lambda wb: wb["pk"].cell(2, 5, 98))  # a further edit to the same workbook
    capsys.readouterr()
    assert impor(proyek, buku) == 0, capsys.readouterr().err
    assert pk.read_text().splitlines()[1].endswith(",98")
    # someone else edits the CSV after the import: now the guard refuses, naming the file
    pk.write_text(pk.read_text().replace(",98\n", ",97\n", 1))
    ubah_buku(buku, lambda wb: wb["pk"].cell(2, 5, 96))
    assert impor(proyek, buku) == 2
    assert "data/raw/2023/pk.csv (diubah " in capsys.readouterr().err
    assert pk.read_text().splitlines()[1].endswith(",97")


def test_a_second_copy_of_the_workbook_does_not_undo_the_first_ones_import(proyek, capsys):
    """Two departments fill copies of one workbook: the second import would put back what the first wrote
    (its copy holds the old values), so it is refused naming the cells, unless PAKSA=1."""
    buku = isian(proyek)
    salinan = shutil.copy(buku, proyek / "isian-2023-bidang.xlsx")
    pk = proyek / "data/raw/2023/pk.csv"
    ubah_buku(buku, lambda wb: wb["pk"].cell(2, 5, 99))  # the Sekretariat: IK01's target
    assert impor(proyek, buku) == 0
    ubah_buku(salinan, lambda wb: wb["pk"].cell(3, 5, 98))  # a Bidang, in its own copy: IK02's target
    capsys.readouterr()
    assert impor(proyek, salinan) == 2
    err = capsys.readouterr().err
    assert "buku kerja ini akan membatalkan isian impor sebelumnya (isian-2023.xlsx): " in err
    assert "data/raw/2023/pk.csv, IK01: target '99' → '100'" in err and "PAKSA=1" in err
    assert [r.split(",")[-1] for r in pk.read_text().splitlines()[1:3]] == ["99", "100"]  # nothing written
    # the first workbook, edited further, still imports; the copy with PAKSA=1 overrides
    ubah_buku(buku, lambda wb: wb["pk"].cell(3, 5, 97))
    assert impor(proyek, buku) == 0, capsys.readouterr().err
    assert [r.split(",")[-1] for r in pk.read_text().splitlines()[1:3]] == ["99", "97"]
    assert impor(proyek, salinan, 2023, "--paksa") == 0
    assert [r.split(",")[-1] for r in pk.read_text().splitlines()[1:3]] == ["100", "98"]


def test_isian_over_an_existing_workbook_says_why_and_what_to_do(proyek, capsys):
    isian(proyek)
    capsys.readouterr()
    assert main(["excel", "isian", "2023", "--root", str(proyek)]) == 2
    err = capsys.readouterr().err
    assert "buku kerja sudah ada (terakhir diubah " in err
    assert "menghapus isian yang belum diimpor" in err
    assert "make excel-impor YEAR=2023 FILE=isian-2023.xlsx" in err and "PAKSA=1" in err


def test_population_realisasi_cells_are_grey_with_a_note(proyek):
    wb = openpyxl.load_workbook(isian(proyek))
    ws = wb["komponen"]
    peran, realisasi = kolom(ws, "peran"), kolom(ws, "realisasi")
    populasi = [r for r in range(2, ws.max_row + 1) if ws.cell(r, peran).value == "populasi"]
    assert len(populasi) == 5
    for r in populasi:
        c = ws.cell(r, realisasi)
        assert c.value is None and c.fill.fgColor.rgb.endswith("D9D9D9") and "Biarkan kosong" in c.comment.text
    lain = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, peran).value == "pembilang")
    assert ws.cell(lain, realisasi).comment is None


def test_a_percent_formatted_realisasi_is_read_as_it_shows(proyek, capsys):
    buku = isian(proyek)

    def persen(wb):
        ws = wb["realisasi_langsung"]
        c = ws.cell(baris_excel(ws, indikator_id="IK09"), kolom(ws, "realisasi"))
        c.value, c.number_format = 0.0506, "0.00%"  # "5,06%" typed in Excel

    ubah_buku(buku, persen)
    capsys.readouterr()
    assert impor(proyek, buku) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert "kolom 'realisasi': sel berformat persen dibaca sebagai 5.06" in out
    rows = list(csv.DictReader((proyek / "data/raw/2023/realisasi_langsung.csv").open(encoding="utf-8")))
    assert {r["indikator_id"]: r["realisasi"] for r in rows}["IK09"] == "5.06"


def test_a_percent_formatted_rupiah_is_refused(proyek, capsys):
    buku = isian(proyek)

    def persen(wb):
        ws = wb["anggaran"]
        c = ws.cell(2, kolom(ws, "pagu"))
        c.value, c.number_format = 0.5, "0%"

    ubah_buku(buku, persen)
    capsys.readouterr()
    assert impor(proyek, buku) == 2
    err = capsys.readouterr().err
    assert "lembar 'anggaran', baris 2, kolom 'pagu': sel berformat persen (0.5 tampil sebagai 50%)" in err


@pytest.mark.parametrize(
    ("nama", "isi", "pesan"),
    [
        ("isian.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "berkas Excel lama (.xls"),
        ("isian.ods", b"PK\x03\x04" + b"\x00" * 100, "bukan buku kerja Excel (.xlsx), melainkan berkas '.ods'"),
        ("isian.xlsx", b"bukan zip", "bukan buku kerja Excel (.xlsx), melainkan berkas '.xlsx'"),
        ("isian.xlsx", b"PK\x03\x04rusak", "bukan buku kerja Excel (.xlsx) yang dapat dibaca (BadZipFile)"),
    ],
)
def test_a_file_that_is_not_an_xlsx_gets_one_indonesian_line(proyek, capsys, nama, isi, pesan):
    (proyek / nama).write_bytes(isi)
    assert impor(proyek, proyek / nama) == 2
    err = capsys.readouterr().err
    assert pesan in err and err.count("\n") == 1 and "tak terduga" not in err


def test_a_zip_bomb_workbook_is_refused_before_it_is_unzipped(proyek, capsys, monkeypatch):
    from lkj.excel import impor as modul

    buku = isian(proyek)
    with zipfile.ZipFile(buku, "a") as z:  # a padded sheet: 120 MB of spaces, about 120 kB zipped
        z.writestr("xl/worksheets/padding.xml", b" " * 120_000_000, compress_type=zipfile.ZIP_DEFLATED)
    assert buku.stat().st_size < 1_000_000
    terbaca = []
    monkeypatch.setattr(modul, "load_workbook", lambda *a, **k: terbaca.append(a))
    assert impor(proyek, buku) == 2
    assert "isi buku kerja terlalu besar setelah dibuka (120 MB, paling besar 100 MB)" in capsys.readouterr().err
    assert terbaca == []  # refused before openpyxl read anything


def test_import_of_a_workbook_for_another_year_is_refused(proyek, capsys):
    buku = isian(proyek)
    assert impor(proyek, buku, 2022) == 2
    assert "untuk tahun 2023, bukan 2022" in capsys.readouterr().err


# --- the auditor's kertas kerja ------------------------------------------------------------------

import formulas  # noqa: E402 (the independent engine; pinned in requirements.lock)


def hitung_ulang(path: Path, ubah: dict | None = None) -> dict:
    """Evaluate every formula with an independent engine (the `formulas` package)."""
    xl = formulas.ExcelModel().loads(str(path)).finish()
    sol = xl.calculate(inputs={f"'[{path.name}]{k}": v for k, v in (ubah or {}).items()})
    out = {}
    for k, v in sol.items():
        m = re.fullmatch(r"'\[[^]]+\](.+)'!([A-Z]+\d+)", k)
        if m:
            x = v.value[0][0] if hasattr(v, "value") else v
            out[f"{m[1]}!{m[2]}"] = x.item() if hasattr(x, "item") else x
    return out


@pytest.fixture(scope="module")
def kertas_kerja(tmp_path_factory):
    from lkj.excel.kertas_kerja import tulis_kertas_kerja

    path = tmp_path_factory.mktemp("kk") / "kertas-kerja-2023.xlsx"
    path.write_bytes(tulis_kertas_kerja(masukan(2023)))
    return path


def sel_cek(path: Path) -> list[str]:
    wb = openpyxl.load_workbook(path)
    out = []
    for ws in wb.worksheets:
        for c in ws[1]:
            if str(c.value).startswith("cek_"):
                out += [
                    f"{ws.title.upper()}!{c.column_letter}{r}"
                    for r in range(2, ws.max_row + 1)
                    if ws.cell(r, c.column).data_type == "f"
                ]
    return out


def sel_ringkasan(path: Path) -> str:
    """The Petunjuk sheet's count of FALSE checks: the cell beside its label, wherever the text puts it."""
    ws = openpyxl.load_workbook(path)["Petunjuk"]
    r = next(r for r in range(1, ws.max_row + 1) if str(ws.cell(r, 1).value).startswith("Jumlah sel cek yang FALSE"))
    return f"PETUNJUK!B{r}"


def test_every_check_cell_of_another_opd_is_true_for_every_formula_type(tmp_path):
    """The synthetic example has jumlah, nilai and non-percentage indicators: their realisasi are formulas
    too, and agree with the pipeline."""
    from lkj.excel.kertas_kerja import tulis_kertas_kerja

    root = ROOT / "examples" / "dinas-contoh"
    m = masukan(2024, root)
    assert {h.jenis_rumus for h in hitung_masukan(m)[0].indikator} >= {"jumlah", "nilai"}
    path = tmp_path / "kertas-kerja-2024.xlsx"
    path.write_bytes(tulis_kertas_kerja(m))
    nilai = hitung_ulang(path)
    cek = sel_cek(path)
    assert {c: nilai[c] for c in cek if nilai[c] is not True} == {}
    tersimpan = hasil_tersimpan(path)  # every formula's cached result is what the engine computes
    assert len(tersimpan) > 60
    assert {k: (v, nilai[k]) for k, v in tersimpan.items() if not sama_nilai(v, nilai[k])} == {}


def test_an_undefined_figure_stores_the_empty_text_its_formula_gives(proyek):
    """IK02 without its realisasi: realisasi, capaian and predikat are undefined (the formulas give ""), its
    sasaran's average is empty, and the overall average leaves it out; every cached result still agrees."""
    from lkj.excel.kertas_kerja import tulis_kertas_kerja

    komponen = proyek / "data/raw/2023/komponen.csv"
    teks = komponen.read_text(encoding="utf-8")
    komponen.write_text(teks.replace("Sertifikasi,orang,224,106\n", "Sertifikasi,orang,224,\n"), encoding="utf-8")
    path = proyek / "kertas-kerja-2023.xlsx"
    path.write_bytes(tulis_kertas_kerja(masukan(2023, proyek)))
    tersimpan, nilai = hasil_tersimpan(path), hitung_ulang(path)
    assert {k: (v, nilai[k]) for k, v in tersimpan.items() if not sama_nilai(v, nilai[k])} == {}
    ind = openpyxl.load_workbook(path)["Indikator"]
    r = baris_excel(ind, indikator_id="IK02")
    kosong = [
        h
        for h in ("realisasi", "capaian", "predikat", "masuk_rata_rata")
        if tersimpan[f"INDIKATOR!{ind.cell(r, kolom(ind, h)).coordinate}"] is None  # openpyxl reads "" as None
    ]
    assert kosong == ["realisasi", "capaian", "predikat", "masuk_rata_rata"]
    with zipfile.ZipFile(path) as z:
        assert (
            f'<c r="{ind.cell(r, kolom(ind, "capaian")).coordinate}" s="3" t="str">'
            in z.read("xl/worksheets/sheet7.xml").decode()
        )
    assert sorted(tersimpan[c] for c in sel_cek(path)) == [True] * 104


def test_every_formula_of_2023_stores_the_result_an_independent_engine_computes(kertas_kerja):
    """Viewers that do not recalculate (openpyxl data_only, pandas, previews) see the numbers: each of the
    217 formulas stores its result, and that result is what the `formulas` engine computes from the data."""
    import pandas as pd

    tersimpan = hasil_tersimpan(kertas_kerja)
    assert len(tersimpan) == 217 and None not in tersimpan.values()
    nilai = hitung_ulang(kertas_kerja)
    assert {k: (v, nilai[k]) for k, v in tersimpan.items() if not sama_nilai(v, nilai[k])} == {}
    assert sorted(tersimpan[c] for c in sel_cek(kertas_kerja)) == [True] * 104
    assert tersimpan[sel_ringkasan(kertas_kerja)] == 0
    df = pd.read_excel(kertas_kerja, sheet_name="Indikator").set_index("indikator_id")
    assert round(df.loc["IK02", "capaian"], 2) == 58.56 and df.loc["IK02", "predikat"] == "Rendah"
    assert df["cek_capaian"].tolist() == [True] * 10
    ang = pd.read_excel(kertas_kerja, sheet_name="Anggaran").set_index("program_kode")
    assert round(ang.loc["P02", "serapan"], 2) == 5.23 and round(ang.loc["P02", "efisiensi"], 4) == 0.9106


def test_cached_results_change_only_the_formula_cells_of_the_sheet_xml():
    from openpyxl import Workbook

    from lkj.excel.xlsx import simpan

    def buku():
        wb = Workbook()
        ws = wb.active
        ws.title = "Data"
        ws["A1"], ws["A2"], ws["B1"], ws["B2"], ws["C1"] = 2, 3, "=A1*A2", '=IF(A1>A2,"ya","")', "=A1=2"
        wb.create_sheet("Lain")["A1"] = "=Data!B1+0.1"
        return wb

    polos = zipfile.ZipFile(io.BytesIO(simpan(buku())))
    isi = zipfile.ZipFile(io.BytesIO(simpan(buku(), {"Data": {"B1": 6, "B2": "", "C1": True}, "Lain": {"A1": 6.1}})))
    assert polos.namelist() == isi.namelist()
    beda = [n for n in polos.namelist() if polos.read(n) != isi.read(n)]
    assert beda == ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]
    assert {i.date_time for i in isi.infolist()} == {(2000, 1, 1, 0, 0, 0)}
    data = isi.read(beda[0]).decode()
    assert '<c r="B1"><f>A1*A2</f><v>6</v></c>' in data
    assert '<c r="B2" t="str"><f>IF(A1&gt;A2,"ya","")</f><v></v></c>' in data
    assert '<c r="C1" t="b"><f>A1=2</f><v>1</v></c>' in data
    assert "<v>6.1</v>" in isi.read(beda[1]).decode()
    # everything but the values is the same XML
    assert re.sub(r' t="(?:b|str)"|<v>[^<]*</v>', "", data) == re.sub(
        r"<v>[^<]*</v>|<v/>", "", polos.read(beda[0]).decode()
    )
    with pytest.raises(ValueError, match="A1"):  # a data cell is no formula: refused, not silently skipped
        simpan(buku(), {"Data": {"A1": 1}})
    with pytest.raises(ValueError, match="Tiada"):
        simpan(buku(), {"Tiada": {"A1": 1}})
    tak_hingga = zipfile.ZipFile(io.BytesIO(simpan(buku(), {"Lain": {"A1": float("inf")}})))
    assert tak_hingga.read("xl/worksheets/sheet2.xml") == polos.read("xl/worksheets/sheet2.xml")  # left as it was


def test_every_check_cell_of_2023_is_true_in_an_independent_engine(kertas_kerja):
    nilai = hitung_ulang(kertas_kerja)
    cek = sel_cek(kertas_kerja)
    assert len(cek) > 60
    assert {c: nilai[c] for c in cek if nilai[c] is not True} == {}
    assert nilai[sel_ringkasan(kertas_kerja)] == 0  # the summary: no check is FALSE
    wb = openpyxl.load_workbook(kertas_kerja)
    ind = wb["Indikator"]
    r = baris_excel(ind, indikator_id="IK02")
    assert round(nilai[f"INDIKATOR!{ind.cell(1, kolom(ind, 'capaian')).column_letter}{r}"], 2) == 58.56
    assert ind.cell(r, kolom(ind, "capaian")).data_type == "f"
    rumus = {
        ind.cell(i, kolom(ind, "jenis_rumus")).value: ind.cell(i, kolom(ind, "realisasi")).value
        for i in range(2, ind.max_row + 1)
    }
    assert "/" in rumus["rasio"] and "AVERAGE(Komponen!" in rumus["rata_rasio"].replace("'", "")
    assert "Langsung" in rumus["pertumbuhan"]  # IK09 2023: reported value, no component data


def test_changing_a_raw_cell_changes_the_dependent_capaian_and_its_check(kertas_kerja):
    wb = openpyxl.load_workbook(kertas_kerja)
    komp, ind = wb["Komponen"], wb["Indikator"]
    r_k = baris_excel(komp, indikator_id="IK02", peran="pembilang")
    r_i = baris_excel(ind, indikator_id="IK02")
    sel = lambda ws, nama, r: f"{ws.title.upper()}!{ws.cell(1, kolom(ws, nama)).column_letter}{r}"  # noqa: E731
    nilai = hitung_ulang(kertas_kerja, {f"KOMPONEN'!{komp.cell(1, kolom(komp, 'realisasi')).column_letter}{r_k}": 181})
    assert nilai[sel(ind, "capaian", r_i)] == pytest.approx(100.0)
    assert nilai[sel(ind, "predikat", r_i)] == "Sangat Tinggi"
    assert nilai[sel(ind, "cek_capaian", r_i)] is False
    assert nilai[sel_ringkasan(kertas_kerja)] > 0


def test_kertas_kerja_is_byte_reproducible_with_fixed_metadata(kertas_kerja, proyek):
    from lkj.excel.kertas_kerja import tulis_kertas_kerja

    kedua = tulis_kertas_kerja(masukan(2023))
    assert hashlib.sha256(kedua).hexdigest() == hashlib.sha256(kertas_kerja.read_bytes()).hexdigest()
    with zipfile.ZipFile(io.BytesIO(kedua)) as z:
        assert {i.date_time for i in z.infolist()} == {(2000, 1, 1, 0, 0, 0)}
        core = z.read("docProps/core.xml").decode()
    assert "2000-01-01T00:00:00Z" in core and not re.search(r"20[1-9]\d-\d\d-\d\dT", core)
    assert main(["kertas-kerja", "2023", "--root", str(proyek)]) == 0
    assert (proyek / "reports/2023/kertas-kerja-2023.xlsx").read_bytes() == kedua


def test_reviu_sheet_lists_every_finding_with_a_filter(kertas_kerja):
    from lkj.reviu import periksa

    ws = openpyxl.load_workbook(kertas_kerja)["Reviu"]
    temuan = periksa(masukan(2023))
    # as the CSV: one row per wrong figure (85) of the 39 root causes of the published 2023 report
    assert ws.max_row == sum(len(t.butir) for t in temuan) + 1 == 86
    assert ws.auto_filter.ref == "A1:P86"
    assert [c.value for c in ws[1]] == KOLOM_CSV
    assert [ws.cell(r, 1).value for r in range(2, 5)] == ["R01-001.01", "R01-001.02", "R01-001.03"]
    assert {ws.cell(r, 2).value for r in range(2, 13)} == {"R01-001"}


# --- safe for Excel --------------------------------------------------------------------------------


@pytest.fixture
def proyek_berbahaya(proyek):
    """Raw data whose text would be formulas in a spreadsheet."""
    komponen = proyek / "data/raw/2023/komponen.csv"
    rows = list(csv.reader(io.StringIO(komponen.read_text())))
    for i, teks in enumerate(HOSTILE, start=1):
        rows[i][4] = teks
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    komponen.write_text(buf.getvalue())
    pk = proyek / "data/raw/2023/pk.csv"
    pk.write_text(pk.read_text().replace("Cakupan Layanan Administrasi Kantor", "@SUM(A1)", 1))
    anggaran = proyek / "data/raw/2023/anggaran.csv"
    anggaran.write_text(anggaran.read_text().replace("Program Hubungan Industrial", '=HYPERLINK("http://x")'))
    return proyek


def cek_aman(isi: bytes) -> int:
    """Every cell holding hostile text is a string cell with the quote prefix; no formula holds it."""
    wb = openpyxl.load_workbook(io.BytesIO(isi))
    n = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and c.value in [*HOSTILE, "@SUM(A1)"]:
                    assert c.data_type == "s" and c.quotePrefix, (ws.title, c.coordinate)
                    n += 1
                if c.data_type == "f":
                    assert "HYPERLINK" not in c.value and "SUM(A1)" not in c.value
    with zipfile.ZipFile(io.BytesIO(isi)) as z:
        for nama in z.namelist():
            if nama.startswith("xl/worksheets/"):
                assert not re.search(r"<f>[^<]*(HYPERLINK|SUM\(A1\))", z.read(nama).decode())
    return n


def test_hostile_text_stays_text_in_both_workbooks_and_the_reviu_csv(proyek_berbahaya, capsys):
    from lkj.excel.kertas_kerja import tulis_kertas_kerja
    from lkj.reviu import periksa
    from lkj.reviu.keluaran import ke_csv

    m = masukan(2023, proyek_berbahaya)
    assert cek_aman(tulis_kertas_kerja(m)) >= 6
    buku = isian(proyek_berbahaya)
    assert cek_aman(buku.read_bytes()) >= 6
    # the text survives the round trip as typed (no apostrophe added to the data)
    sebelum = checksums(proyek_berbahaya / "data/raw")
    assert impor(proyek_berbahaya, buku) == 0
    assert checksums(proyek_berbahaya / "data/raw") == sebelum
    for row in csv.reader(io.StringIO(ke_csv(periksa(m)))):  # text columns (the last three are numbers)
        assert not any(c.startswith(("=", "+", "-", "@")) for c in row[:6]), row
    assert main(["reviu", "2023", "--root", str(proyek_berbahaya)]) == 0
    teks = (proyek_berbahaya / "reports/2023/reviu-2023.csv").read_text(encoding="utf-8-sig")
    assert all(not c.startswith(("=", "+", "-", "@")) for r in csv.reader(io.StringIO(teks)) for c in r[:6])


def test_a_formula_in_a_data_cell_is_refused_naming_sheet_row_and_column(proyek, capsys):
    """A formula's value depends on the spreadsheet program (one saved elsewhere may hold none): refused."""
    assert main(["excel", "isian", "2023", "--root", str(proyek)]) == 0
    buku = proyek / "isian-2023.xlsx"
    wb = openpyxl.load_workbook(buku)
    wb["komponen"]["H3"] = "=1+1"
    wb.save(buku)
    before = checksums(proyek / "data/raw")
    capsys.readouterr()
    assert main(["excel", "impor", "2023", str(buku), "--root", str(proyek)]) == 2
    (baris,) = capsys.readouterr().err.strip().splitlines()
    assert "lembar 'komponen', baris 3, kolom 'realisasi': sel berisi rumus Excel (=1+1)" in baris
    assert checksums(proyek / "data/raw") == before


def test_a_renstra_with_six_target_years_keeps_its_sixth_column_through_the_workbook(proyek, capsys):
    ind = proyek / "data/raw" / RENSTRA / "indikator.csv"
    rows = ind.read_text().splitlines()
    ind.write_text("\n".join([rows[0] + ",target_6"] + [r + ",60" for r in rows[1:]]) + "\n")
    buku = isian(proyek)
    ws = openpyxl.load_workbook(buku)["indikator"]
    assert [c.value for c in ws[1]][-2:] == ["target_5", "target_6"]
    ubah_buku(buku, lambda wb: wb["indikator"].cell(4, kolom(wb["indikator"], "target_6"), 55))
    assert impor(proyek, buku) == 0, capsys.readouterr().err
    hasil = list(csv.DictReader(ind.open(encoding="utf-8")))
    assert [r["target_6"] for r in hasil[:3]] == ["60", "60", "55"]


def test_kertas_kerja_instructions_name_true_and_benar_and_say_results_are_stored(kertas_kerja):
    ws = openpyxl.load_workbook(kertas_kerja)["Petunjuk"]
    teks = " ".join(str(c.value) for r in ws.iter_rows() for c in r if c.value is not None)
    assert "TRUE (tampil BENAR" in teks and "FALSE (SALAH)" in teks
    assert "Setiap sel rumus juga menyimpan hasilnya" in teks and "Ctrl+Shift+F9" in teks
    assert "tidak menyimpan" not in teks
