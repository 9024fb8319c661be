"""Every reviu rule, with a case it must flag and a case it must pass."""
import csv

import pytest

from lkj.__main__ import main
from lkj.masukan.publikasi import baca_tertulis
from lkj.reviu.keluaran import KOLOM_CSV
from lkj.reviu.temuan import banding

from conftest import ROOT, periksa

Y = "data/raw/2023"
HEADER = ["lokasi", "tabel", "baris", "kolom", "tahun", "subjek", "besaran", "tertulis"]


def publikasi(root, *rows):
    """Replace publikasi.csv by the given figures: (tabel, tahun, subjek, besaran, tertulis)."""
    with open(root / Y / "publikasi.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        for i, (tabel, tahun, subjek, besaran, tertulis) in enumerate(rows, start=1):
            w.writerow(["Bab uji", tabel, str(i), "kolom", tahun, subjek, besaran, tertulis])


def temuan(root, aturan):
    return [t for t in periksa(2023, root) if t.kode.startswith(aturan)]


@pytest.mark.parametrize("teks, nilai, digit", [
    ("58,86%", 58.86, 2), ("147,3 %", 147.3, 1), ("88%", 88, 0), ("1.004", 1004, 0), ("0,079", 0.079, 3),
    ("-1,489", -1.489, 3), ("6.163.458.376,-", 6163458376, 0), ("-", None, 0), ("", None, 0),
    ("352.418.800,- 87.807.000,-", None, 0),
])
def test_printed_numbers_are_read_as_printed(teks, nilai, digit):
    assert baca_tertulis(teks) == (nilai, digit if nilai is not None else 0)


@pytest.mark.parametrize("dilaporkan, digit, hitung, hasil", [
    (88, 0, 88.3069, "sesuai"), (58.56, 2, 58.5635, "sesuai"), (63.63, 2, 63.6364, "pembulatan"),
    (147.15, 2, 147.1402, "pembulatan"), (88, 0, 58.56, "beda"), (58.7, 1, 58.856, "beda"),
])
def test_banding_at_printed_precision(dilaporkan, digit, hitung, hasil):
    assert banding(dilaporkan, digit, hitung) == hasil


def test_published_2023_report_gives_the_three_example_findings():
    semua = periksa(2023, ROOT)
    uraian = [(x.kategori, x.uraian) for x in semua]
    assert ("salah hitung", "Realisasi IK02 2023 tercetak 88%, hasil hitung dari datanya 58,56%") in uraian
    assert any(k == "tidak konsisten" and "76,10%" in u and "131,14%" in u for k, u in uraian)
    assert any(k == "tidak konsisten" and "81,10%" in u and "81,94%" in u for k, u in uraian)
    assert len(semua) > 40


# --- R01 -------------------------------------------------------------------------------------

def test_r01_flags_a_figure_that_does_not_follow_from_its_data(proyek):
    publikasi(proyek, ("T", 2023, "IK02", "realisasi", "88%"), ("T", 2023, "IK06", "realisasi", "63,63%"))
    (salah, bulat) = temuan(proyek, "R01")
    assert (salah.kategori, salah.tingkat, salah.nilai_dilaporkan) == ("salah hitung", "tinggi", 88)
    assert round(salah.nilai_hitung, 2) == 58.56 and round(salah.selisih, 2) == 29.44
    assert (bulat.kategori, bulat.tingkat) == ("pembulatan", "rendah")


def test_r01_passes_correct_figures(proyek):
    publikasi(proyek, ("T", 2023, "IK02", "realisasi", "58,56%"), ("T", 2023, "IK02", "capaian", "58,56%"),
              ("T", 2023, "semua", "rata_rata", "92,90%"), ("T", 2023, "P01", "serapan", "81,94%"),
              ("T", 2023, "P01", "efisiensi", "0,072"), ("T", 2022, "IK03", "capaian", "176,7%"))
    assert temuan(proyek, "R01") == []


# --- R02 -------------------------------------------------------------------------------------

def test_r02_flags_one_quantity_with_two_values(proyek):
    publikasi(proyek, ("A", 2023, "IK05", "capaian", "131,14%"), ("B", 2023, "IK05", "capaian", "76,10%"))
    (t,) = temuan(proyek, "R02")
    assert t.kategori == "tidak konsisten" and t.tingkat == "tinggi"  # Sangat Tinggi vs Tinggi
    assert (t.nilai_dilaporkan, t.nilai_hitung) == (76.10, 131.14)


def test_r02_passes_the_same_value_printed_with_fewer_digits(proyek):
    publikasi(proyek, ("A", 2023, "IK05", "capaian", "131,15%"), ("B", 2023, "IK05", "capaian", "131,1%"))
    assert temuan(proyek, "R02") == []


# --- R03 -------------------------------------------------------------------------------------

def test_r03_flags_pk_target_that_differs_from_renstra():
    t = [x for x in periksa(2023, ROOT) if x.kode.startswith("R03") and "pk.csv" in x.lokasi]
    assert {(x.indikator_id, x.nilai_dilaporkan, x.nilai_hitung) for x in t} == {("IK05", 10, 20), ("IK09", 4.2, 4)}


def test_r03_passes_when_targets_agree(proyek):
    p = proyek / "data/raw/2022/pk.csv"
    p.write_text(p.read_text().replace(",10\n", ",20\n").replace(",4.2\n", ",4\n"))
    publikasi(proyek, ("IKU", 2023, "IK10", "target", "40%"), ("Renstra", 2025, "IK10", "target_renstra", "60%"))
    assert temuan(proyek, "R03") == []
    publikasi(proyek, ("IKU", 2023, "IK10", "target", "100%"))
    assert [x.nilai_dilaporkan for x in temuan(proyek, "R03")] == [100]


# --- R04 -------------------------------------------------------------------------------------

def test_r04_flags_inputs_that_differ_from_their_source_and_a_wrong_pairing(proyek):
    publikasi(proyek, ("E", 2023, "P01", "efisiensi_serapan", "81,10%"),
              ("E", 2023, "P05", "efisiensi_capaian", "127,26%"),
              ("RA", 2023, "P09", "pasangan_indikator", "IK08"))
    kategori = sorted(t.kategori for t in temuan(proyek, "R04"))
    assert kategori == ["metodologi", "tidak konsisten", "tidak konsisten"]


def test_r04_passes_inputs_equal_to_their_sources(proyek):
    publikasi(proyek, ("E", 2023, "P01", "efisiensi_serapan", "81,94%"),
              ("E", 2023, "P01", "efisiensi_capaian", "88,31%"),
              ("RA", 2023, "P09", "pasangan_indikator", "IK05"))
    assert temuan(proyek, "R04") == []


# --- R05 -------------------------------------------------------------------------------------

def test_r05_flags_a_group_at_100_percent_hiding_a_sub_item_at_50(proyek):
    (t,) = temuan(proyek, "R05")
    assert "G6" in t.lokasi and round(t.nilai_hitung, 2) == 83.33 and t.nilai_dilaporkan == 100


def test_r05_passes_groups_that_agree_with_their_sub_items(proyek):
    p = proyek / Y / "komponen.csv"
    p.write_text(p.read_text().replace("Bangunan Kantor yang Disediakan,paket,10,5",
                                       "Bangunan Kantor yang Disediakan,paket,10,10"))
    assert temuan(proyek, "R05") == []
    p.write_text(p.read_text().replace("Barang Milik Daerah yang Dikelola dan Dipelihara,unit,105,47",
                                       "Barang Milik Daerah yang Dikelola dan Dipelihara,unit,105,48"))
    (t,) = temuan(proyek, "R05")
    assert (t.nilai_dilaporkan, t.nilai_hitung) == (48, 47)  # a count group = sum of its sub-items


# --- R06 -------------------------------------------------------------------------------------

def test_r06_flags_denominator_scale_gaps_and_missing_support(proyek):
    publikasi(proyek, ("Tabel Indikator Kinerja Utama", 2023, "IK05", "penyebut", "Jumlah UMKM Unggulan"),
              ("Capaian Kinerja Sasaran 5", 2023, "IK05", "penyebut", "Jumlah Keseluruhan UMKM"),
              ("Skala", 2023, "Tinggi", "skala_dari", "76"), ("Skala", 2023, "Tinggi", "skala_sampai", "90"),
              ("Skala", 2023, "Sangat Tinggi", "skala_dari", "91"),
              ("Skala", 2023, "Sangat Tinggi", "skala_sampai", "100"))
    uraian = " | ".join(t.uraian for t in temuan(proyek, "R06"))
    assert "Jumlah Keseluruhan UMKM" in uraian and "antara 90 dan 91" in uraian and "di atas 100" in uraian
    assert "IK09" in uraian  # no supporting data, no analysis section, not in the pengukuran table


def test_r06_passes_a_complete_report(proyek):
    (proyek / Y / "realisasi_langsung.csv").write_text("indikator_id,realisasi,keterangan\n")
    with open(proyek / Y / "komponen.csv", "a") as f:
        f.write("IK09,K01,,tahun_n,Jumlah IKM tahun 2023,unit,,1050\n"
                "IK09,K02,,tahun_sebelumnya,Jumlah IKM tahun 2022,unit,,1000\n")
    rows = [("Tabel Pengukuran 3.2", 2023, f"IK{i:02d}", "target", "1") for i in range(1, 11)]
    rows += [("Capaian Kinerja Sasaran", 2023, f"IK{i:02d}", "target", "1") for i in range(1, 11)]
    rows += [("Tabel Indikator Kinerja Utama", 2023, "IK05", "penyebut", "Jumlah UMKM Unggulan"),
             ("Skala", 2023, "Tinggi", "skala_dari", "76"), ("Skala", 2023, "Tinggi", "skala_sampai", "91"),
             ("Skala", 2023, "Sangat Tinggi", "skala_dari", "91")]
    publikasi(proyek, *rows)
    assert [t.uraian for t in temuan(proyek, "R06") if "IK03" not in t.uraian and "IK06" not in t.uraian] == []


# --- R07 and the reports this pipeline builds -----------------------------------------------------

def test_r07_flags_a_typed_number_that_contradicts_the_computation(proyek):
    p = proyek / Y / "narasi/sasaran-02.md"
    p.write_text(p.read_text() + "\nRealisasi tahun ini mencapai 88%.\n")
    (t,) = temuan(proyek, "R07")
    assert "sasaran-02.md" in t.lokasi and t.nilai_dilaporkan == 88


def test_r07_passes_typed_numbers_equal_to_computed_ones(proyek):
    p = proyek / Y / "narasi/sasaran-02.md"
    p.write_text(p.read_text() + "\nRealisasi tahun ini mencapai 58,56% dari target 100%.\n")
    assert temuan(proyek, "R07") == []


def test_pipeline_built_report_runs_data_rules_only(proyek):
    (proyek / Y / "publikasi.csv").unlink()
    kode = {t.kode[:3] for t in periksa(2023, proyek)}
    assert kode == {"R03", "R05", "R06"}


def test_make_reviu_writes_csv_and_strict_fails_on_errors(proyek, capsys):
    assert main(["reviu", "2023", "--root", str(proyek)]) == 0
    out = capsys.readouterr().out
    assert "salah hitung" in out and "tidak konsisten" in out and "pembulatan" in out
    with open(proyek / "reports/2023/reviu-2023.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == KOLOM_CSV
    assert all(r["nilai_dilaporkan"] == "" or float(r["nilai_dilaporkan"]) == float(r["nilai_dilaporkan"])
               for r in rows)
    assert main(["reviu", "2023", "--root", str(proyek), "--strict"]) == 1


def test_strict_passes_a_clean_pipeline_report(proyek):
    (proyek / Y / "publikasi.csv").unlink()
    p = proyek / "data/raw/2022/pk.csv"
    p.write_text(p.read_text().replace(",10\n", ",20\n").replace(",4.2\n", ",4\n"))
    k = proyek / Y / "komponen.csv"
    k.write_text(k.read_text().replace("Bangunan Kantor yang Disediakan,paket,10,5",
                                       "Bangunan Kantor yang Disediakan,paket,10,10"))
    assert main(["reviu", "2023", "--root", str(proyek), "--strict"]) == 0


@pytest.mark.parametrize("dilaporkan, hitung", [(None, 58.56), (58.56, None), (None, None)])
def test_banding_a_missing_value_never_matches(dilaporkan, hitung):
    assert banding(dilaporkan, 2, hitung) == "beda"
