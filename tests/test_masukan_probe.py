"""Issue 22, input side: the cases of the 257-input probe that did not hold, each as a regression test
on a scratch copy of the project (real values from the 2023 data)."""

import random
import struct
import zlib
from pathlib import Path

import pandas as pd
import pytest

from lkj.__main__ import main
from lkj.excel.csvteks import tabel_aman
from lkj.masukan.errors import DataError
from lkj.masukan.kosakata import SkalaError, SkalaPredikat
from lkj.masukan.params import baca_aturan
from lkj.masukan.proyek import Proyek

from conftest import checksums, hitung, masukan

Y = "data/raw/2023"
R = "data/raw/renstra-2021-2026"


@pytest.fixture(autouse=True)
def di_proyek(request, monkeypatch):
    if "proyek" in request.fixturenames:
        monkeypatch.chdir(request.getfixturevalue("proyek"))


def ganti(path, lama, baru):
    teks = path.read_text(encoding="utf-8")
    assert lama in teks, f"test setup: {lama!r} not in {path}"
    path.write_text(teks.replace(lama, baru, 1), encoding="utf-8", newline="")


def satu_galat(capsys, root, tahun="2023"):
    """`lkj data` fails with exactly one GALAT line, raw data untouched; returns the line."""
    sebelum = checksums(root / "data" / "raw")
    assert main(["data", tahun, "--root", str(root)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("GALAT: "), err
    assert checksums(root / "data" / "raw") == sebelum
    return err[0]


# --- params: what the signed page prints --------------------------------------------------------


@pytest.mark.parametrize(("tertulis", "nip"), [("0123", "0123"), ("196911191990091001", "196911191990091001")])
def test_nip_is_read_as_typed_never_as_a_yaml_number(proyek, tertulis, nip):
    ganti(proyek / "params/2023.yaml", "nip: 19691119 199009 1 001", f"nip: {tertulis}")
    assert baca_aturan(Proyek.di(proyek), 2023).penandatangan["nip"] == nip  # YAML 1.1 would read 0123 as 83


@pytest.mark.parametrize(
    ("tertulis", "dicetak"),
    [
        ("2024-01-31", "31 Januari 2024"),  # never a YAML date, and printed as a letter prints it
        ("31/01/2024", "31 Januari 2024"),
        ("05 januari  2024", "5 Januari 2024"),
        ("30 Nopember 2024", "30 November 2024"),
        ("Januari 2024", "Januari 2024"),  # the day left to write by hand
    ],
)
def test_a_signing_date_is_printed_as_an_official_letter_writes_it(proyek, tertulis, dicetak):
    ganti(proyek / "params/2023.yaml", "tanggal: 31 Januari 2024", f"tanggal: {tertulis}")
    assert baca_aturan(Proyek.di(proyek), 2023).penandatangan["tanggal"] == dicetak


@pytest.mark.parametrize("tertulis", ["31 Januri 2025", "31 Februari 2025", "2025-13-01", "akhir Januari 2025"])
def test_a_signing_date_that_is_no_date_stops_with_one_line(proyek, tertulis):
    ganti(proyek / "params/2023.yaml", "tanggal: 31 Januari 2024", f"tanggal: {tertulis}")
    with pytest.raises(DataError) as e:
        baca_aturan(Proyek.di(proyek), 2023)
    assert f"penandatangan.tanggal '{tertulis}' bukan tanggal yang dapat dibaca" in str(e.value)
    assert "params/2023.yaml" in str(e.value) and "31 Januari 2025" in str(e.value)


def test_fractional_predikat_bounds_are_printed_as_numbers(proyek, capsys):
    teks = (proyek / "params/2023.yaml").read_text()
    for lama, baru in (("51}", "0.51}"), ("66}", "0.66}"), ("76}", "0.76}"), ("91}", "0.91}")):
        teks = teks.replace(lama, baru)
    teks = teks.replace("dari: 51,", "dari: 0.51,").replace("dari: 66,", "dari: 0.66,")
    teks = teks.replace("dari: 76,", "dari: 0.76,").replace("dari: 91,", "dari: 0.91,")
    (proyek / "params/2023.yaml").write_text(teks)
    galat = satu_galat(capsys, proyek)
    assert "batas kelas ditulis sebagai pecahan (0.51, 0.51, 0.66)" in galat and "(s, a, m)" not in galat


def test_a_top_class_that_has_sampai_null_is_not_told_to_add_it():
    with pytest.raises(SkalaError) as e:
        SkalaPredikat.dari_daftar(
            [
                {"predikat": "Rendah", "dari": None, "sampai": 76},
                {"predikat": "Tinggi", "dari": 760, "sampai": 91},  # a typo: 760 for 76
                {"predikat": "Sangat Tinggi", "dari": 91, "sampai": None},
            ]
        )
    assert str(e.value) == "kelas 'Tinggi': 'dari' (760) harus lebih kecil dari 'sampai' (91)"
    with pytest.raises(SkalaError) as e:
        SkalaPredikat.dari_daftar(
            [
                {"predikat": "Rendah", "dari": None, "sampai": 76},
                {"predikat": "Sangat Tinggi", "dari": 76, "sampai": None},
                {"predikat": "Tinggi", "dari": 91, "sampai": 100},
            ]
        )
    assert "kelas 'Sangat Tinggi' tanpa batas atas (sampai: null) bukan kelas tertinggi" in str(e.value)
    assert "harus 'sampai: null'" not in str(e.value)


# --- the logo: integrity and size, refused at input ---------------------------------------------


def _png(lebar: int, tinggi: int, piksel: bytes | None = None) -> bytes:
    """A PNG of the given size; without pixels, only its header (what a decompression bomb declares)."""

    def potong(jenis: bytes, isi: bytes) -> bytes:
        return struct.pack(">I", len(isi)) + jenis + isi + struct.pack(">I", zlib.crc32(jenis + isi))

    ihdr = potong(b"IHDR", struct.pack(">IIBBBBB", lebar, tinggi, 8, 0, 0, 0, 0))
    data = piksel if piksel is not None else b"\x00" * 16
    return b"\x89PNG\r\n\x1a\n" + ihdr + potong(b"IDAT", zlib.compress(data)) + potong(b"IEND", b"")


@pytest.mark.parametrize(
    ("isi", "pesan"),
    [
        (_png(40000, 40000), "berukuran 40000×40000 piksel (paling besar 4000×4000)"),
        (_png(12000, 12000), "berukuran 12000×12000 piksel"),
        (_png(64, 64, b"".join(b"\x00" + random.Random(i).randbytes(64) for i in range(64)))[:2000], "terpotong"),
    ],
    ids=["40000", "12000", "terpotong"],
)
def test_a_bomb_or_truncated_logo_is_refused_in_one_line(proyek, capsys, isi, pesan):
    import weasyprint  # noqa: F401  (the build imports it first, and it makes PIL accept truncated images)

    (proyek / "logo.png").write_bytes(isi)
    ganti(proyek / "params/2023.yaml", "logo: null", "logo: logo.png")
    galat = satu_galat(capsys, proyek)
    assert "params/2023.yaml, kolom 'logo': logo 'logo.png' " in galat and pesan in galat
    assert "DecompressionBomb" not in galat
    from PIL import Image, ImageFile

    assert ImageFile.LOAD_TRUNCATED_IMAGES and Image.MAX_IMAGE_PIXELS  # WeasyPrint's settings left as found


def test_a_whole_png_logo_is_accepted(proyek):
    (proyek / "logo.png").write_bytes(_png(64, 64, b"".join(b"\x00" + bytes(64) for _ in range(64))))
    ganti(proyek / "params/2023.yaml", "logo: null", "logo: logo.png")
    assert baca_aturan(Proyek.di(proyek), 2023).logo.name == "logo.png"


# --- CSV files --------------------------------------------------------------------------------


def test_a_program_code_differing_only_in_case_is_refused(proyek, capsys):
    ang = proyek / Y / "anggaran.csv"
    ang.write_text(ang.read_text() + "p01,Program Lain,1000,500\n")
    galat = satu_galat(capsys, proyek)
    assert galat == (
        f"GALAT: {Y}/anggaran.csv, baris 12, kolom 'program_kode': program_kode 'p01' ganda (sudah ada di baris 2, "
        "ditulis 'P01' di sana). Setiap baris harus unik, juga tanpa membedakan huruf besar dan kecil: hapus atau "
        "ganti salah satunya."
    )


@pytest.mark.parametrize(
    ("isi", "jenis"),
    [
        (b"PK\x03\x04" + bytes(60), "buku kerja Excel (.xlsx) atau arsip zip"),
        (b"\x89PNG\r\n\x1a\n" + bytes(60), "gambar PNG"),
        (b"\xff\xfe" + "unit_id,unit,atasan_id\n".encode("utf-16-le"), "teks UTF-16"),
        (b"\n" + bytes(100), "berkas biner"),
    ],
)
def test_a_binary_csv_is_reported_as_binary_not_empty(proyek, capsys, isi, jenis):
    (proyek / Y / "organisasi.csv").write_bytes(isi)
    galat = satu_galat(capsys, proyek)
    assert galat.startswith(f"GALAT: {Y}/organisasi.csv: berkas ini bukan teks, melainkan {jenis}.")
    assert "kosong" not in galat


@pytest.mark.parametrize(("pemisah", "nama"), [("\t", "tab"), (";", "titik koma (;)")])
def test_a_tab_delimited_csv_gets_the_delimiter_message(proyek, capsys, pemisah, nama):
    pk = proyek / Y / "pk.csv"
    pk.write_text(pk.read_text().replace(",", pemisah))
    galat = satu_galat(capsys, proyek)
    assert galat == (
        f"GALAT: {Y}/pk.csv, baris 1: pemisah kolom adalah {nama}, bukan koma. Simpan ulang sebagai "
        f"'CSV UTF-8 (Comma delimited)' atau ganti {nama} dengan ','."
    )


@pytest.mark.parametrize(
    ("tertulis", "saran"),
    [
        (
            "4691686177.50",
            "Anggaran ditulis dalam rupiah utuh, tanpa sen: tulis 4691686178 (dibulatkan) atau 4691686177.",
        ),
        ("4691686177.4", "tulis 4691686177 (dibulatkan) atau 4691686177."),
        ("1.500", "bila maksudnya 1500 rupiah, tulis 1500."),
    ],
)
def test_rupiah_with_sen_gets_advice_of_the_right_size(proyek, capsys, tertulis, saran):
    ganti(proyek / Y / "anggaran.csv", "5725755076,4691686177", f"5725755076,{tertulis}")
    galat = satu_galat(capsys, proyek)
    assert f"kolom 'realisasi': nilai '{tertulis}' berisi pecahan rupiah." in galat and saran in galat
    assert "469168617750" not in galat


def test_an_indicator_name_of_thousands_of_characters_without_spaces_is_refused(proyek, capsys):
    ganti(proyek / Y / "pk.csv", "Cakupan Layanan Administrasi Kantor", "A" * 4860)
    galat = satu_galat(capsys, proyek)
    assert galat.startswith(f"GALAT: {Y}/pk.csv, baris 2, kolom 'indikator': teks berisi satu kata sepanjang 4860")
    assert "paling panjang 100 karakter" in galat


def test_a_long_source_note_with_a_url_is_still_accepted(proyek):
    url = "https://ppid.binjaikota.go.id/" + "dokumen/" * 20 + "ikm-2023.pdf"
    ganti(proyek / Y / "realisasi_langsung.csv", "tidak disajikan", f"tidak disajikan; {url}")
    assert masukan(2023, proyek).data.realisasi_langsung.keterangan.iloc[0].endswith("ikm-2023.pdf")


def test_a_missing_komponen_csv_is_named_in_one_line(proyek):
    (proyek / Y / "komponen.csv").unlink()
    m = masukan(2023, proyek)
    baris = [p for p in m.peringatan if "komponen.csv" in p]
    assert baris == [
        "PERINGATAN: berkas komponen.csv tidak ada, sehingga 9 indikator tidak punya data realisasi "
        "(IK01, IK02, IK03, IK04, IK05, IK06, IK07, IK08, IK10): buat data/raw/2023/komponen.csv "
        "(atau isi realisasi_langsung.csv)"
    ]


def test_a_formula_in_a_name_is_neutralised_for_csv_written_for_people():
    df = pd.DataFrame({"indikator": ['=HYPERLINK("http://x","klik")', "Cakupan"], "capaian": [101.5, None]})
    aman = tabel_aman(df)
    assert list(aman.indikator) == ['\'=HYPERLINK("http://x","klik")', "Cakupan"]
    assert aman.capaian.iloc[0] == 101.5 and df.indikator.iloc[0].startswith("=")  # numbers and input untouched


def test_a_formula_as_an_indicator_name_stays_text_in_every_processed_csv(proyek):
    """Issue 22: '=HYPERLINK(…)' stayed a live formula in data/processed/<Y>/capaian, pembanding, renstra."""
    formula = '"=HYPERLINK(""http://x.example"",""klik"")"'
    ganti(proyek / Y / "pk.csv", "Cakupan Layanan Administrasi Kantor", formula)
    ganti(proyek / R / "indikator.csv", "Cakupan Layanan Urusan Administrasi Kantor", formula)
    assert main(["data", "2023", "--root", str(proyek)]) == 0
    for nama in ("capaian", "pembanding", "renstra"):
        df = pd.read_csv(proyek / "data/processed/2023" / f"{nama}.csv", dtype=str)
        nilai = df.set_index("indikator_id").loc["IK01", "indikator"]
        assert nilai == '\'=HYPERLINK("http://x.example","klik")', (nama, nilai)
        teks = [v for v in df.to_numpy().ravel() if isinstance(v, str)]
        assert not any(v.startswith(("=", "+", "@")) for v in teks), nama


# --- the Renstra's years come from its data ---------------------------------------------------------


def test_the_renstra_length_is_read_from_its_target_columns(proyek):
    r = masukan(2023, proyek).data.renstra
    assert (r.jumlah_target, list(r.tahun_target), r.target_akhir) == (5, [2021, 2022, 2023, 2024, 2025], "target_5")
    # a Renstra with six target years: 2026 gets its own target and target_6 is the end-of-period one
    ind = proyek / R / "indikator.csv"
    rows = ind.read_text().splitlines()
    rows = [rows[0] + ",target_6"] + [r + ",60" for r in rows[1:]]
    ind.write_text("\n".join(rows) + "\n")
    p, _ = hitung(2023, proyek)
    from lkj.hitung.pengukuran import hitung_renstra

    renstra = hitung_renstra(p).set_index("indikator_id")
    assert renstra.loc["IK03", "target_akhir"] == 60 and renstra.loc["IK03", "target_6"] == 60
    assert renstra.loc["IK03", "target_renstra"] == 40  # tahun ke-3


def test_a_year_past_the_renstra_targets_gets_one_warning_and_no_renstra_target(proyek):
    import shutil

    shutil.copytree(proyek / Y, proyek / "data/raw/2026")
    (proyek / "params/2026.yaml").write_text(
        (proyek / "params/2023.yaml").read_text().replace("tahun_pembanding: 2022", "tahun_pembanding: null")
    )
    m = masukan(2026, proyek)
    assert [p for p in m.peringatan if "Renstra" in p] == [
        "PERINGATAN: Renstra renstra-2021-2026 memberi target tahun 2021–2025 (target_1 s.d. target_5), tidak "
        "untuk 2026: perbandingan dengan target Renstra tahun ini tidak dihitung: "
        "data/raw/renstra-2021-2026/indikator.csv"
    ]
    from lkj.hitung.pengukuran import hitung as hitung_m
    from lkj.hitung.pengukuran import hitung_renstra

    renstra = hitung_renstra(hitung_m(m)[0])
    assert renstra.target_renstra.isna().all() and set(renstra.tahun_ke.isna()) == {True}


def test_a_year_outside_the_renstra_period_is_one_line(proyek, capsys):
    import shutil

    shutil.copytree(proyek / Y, proyek / "data/raw/2027")
    (proyek / "params/2027.yaml").write_text(
        (proyek / "params/2023.yaml").read_text().replace("tahun_pembanding: 2022", "tahun_pembanding: null")
    )
    galat = satu_galat(capsys, proyek, "2027")
    assert "tahun 2027 di luar periode Renstra renstra-2021-2026 (2021–2026)" in galat


def test_more_target_years_than_the_period_is_refused(proyek):
    ind = proyek / R / "indikator.csv"
    rows = ind.read_text().splitlines()
    rows = [rows[0] + ",target_6,target_7"] + [r + ",60,70" for r in rows[1:]]
    ind.write_text("\n".join(rows) + "\n")
    with pytest.raises(DataError) as e:
        masukan(2023, proyek)
    assert "target untuk 7 tahun (target_1 s.d. target_7), padahal periode renstra-2021-2026 hanya 6 tahun" in str(
        e.value
    )


@pytest.mark.parametrize("tambahan", ["# BAB V PENUTUP LAIN", "Bab bergaris\n==="])
def test_a_chapter_heading_in_a_narrative_is_refused(proyek, capsys, tambahan):
    penutup = proyek / Y / "narasi/penutup.md"
    penutup.write_text(penutup.read_text().split("\n")[0] + "\n\n" + tambahan + "\n\nTeks.\n")
    galat = satu_galat(capsys, proyek)
    assert galat.startswith(f"GALAT: {Y}/narasi/penutup.md, baris 3: judul bab ('")
    assert "menambah bab pada Daftar Isi laporan. Bab disusun oleh laporan sendiri: pakai ## untuk bagian" in galat


def test_sections_and_subheadings_inside_a_narrative_are_accepted():
    from lkj.masukan.narasi import cek_judul

    cek_judul(Path("x.md"), "## A. Tugas\n\n#### Analisis capaian\n\nTeks.\n\n---\n\n```\n# bukan judul\n```\n")


@pytest.mark.parametrize(
    ("berkas", "judul", "pesan"),
    [
        (
            "sasaran-01.md",
            "## Rincian per komponen",
            "judul '## Rincian per komponen' setingkat atau lebih tinggi daripada judul laporan tempat narasi ini "
            "tampil, sehingga mengubah susunan Daftar Isi (bagian sesudahnya menjadi anak judul ini). Di berkas ini "
            "subjudul ditulis dengan #### (atau lebih dalam), atau sebagai teks tebal (**...**).",
        ),
        ("sasaran-01.md", "### Rincian", "judul '### Rincian' setingkat atau lebih tinggi"),
        ("sasaran-01.md", "# BAB V LAIN", "Bab disusun oleh laporan sendiri: pakai #### untuk subjudul, atau teks"),
        ("anggaran.md", "### Program lain", "Di berkas ini subjudul ditulis dengan ####"),
        ("bab2_pk.md", "## E. Bagian lain", "Di berkas ini subjudul ditulis dengan ###"),
        ("bab3_pengukuran.md", "Bagian bergaris\n---", "judul '## Bagian bergaris' setingkat"),
    ],
)
def test_a_heading_as_high_as_the_parts_own_is_refused_where_it_sits(proyek, capsys, berkas, judul, pesan):
    """A sasaran sits under 'Sasaran N' (###): a ## or ### in its narrative took the next sasaran as its
    children in the Daftar Isi. Each narrative may use headings below its part's own (laporan.yml)."""
    path = proyek / Y / "narasi" / berkas
    path.write_text("Teks pembuka.\n\n" + judul + "\n\nTeks.\n" + path.read_text(encoding="utf-8"))
    galat = satu_galat(capsys, proyek)
    assert galat.startswith(f"GALAT: {Y}/narasi/{berkas}, baris 3: ") and pesan in galat, galat


@pytest.mark.parametrize(("berkas", "judul"), [("sasaran-01.md", "#### Rincian"), ("bab2_pk.md", "### Rincian")])
def test_a_subheading_below_the_parts_own_is_accepted(proyek, berkas, judul):
    path = proyek / Y / "narasi" / berkas
    path.write_text(judul + "\n\nTeks.\n\n" + path.read_text(encoding="utf-8"))
    m = masukan(2023, proyek)
    assert m.narasi[berkas.removesuffix(".md")].startswith(judul)
    assert m.rencana.judul_narasi("sasaran-01") == 4 and m.rencana.judul_narasi("penutup") == 2


def test_the_plan_refuses_a_heading_level_that_is_not_2_to_6(proyek, capsys):
    ganti(proyek / "notebooks/laporan.yml", "judul_narasi: 4", "judul_narasi: 1")
    assert "'judul_narasi' harus bilangan 2 sampai 6" in satu_galat(capsys, proyek)
