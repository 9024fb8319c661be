"""The 2023 reference case, recomputed from component data (issue: foundation)."""

import csv

import pandas as pd
import pytest

from lkj.__main__ import main
from lkj.hitung.pengukuran import KOLOM_CAPAIAN, hitung_anggaran, hitung_renstra

from conftest import hitung

EXPECTED = {  # indikator_id: (sasaran, target, realisasi, capaian, predikat)
    "IK01": (1, 100, 88.31, 88.31, "Tinggi"),
    "IK02": (2, 100, 58.56, 58.56, "Rendah"),
    "IK03": (3, 40, 58.86, 147.14, "Sangat Tinggi"),
    "IK04": (4, 40, 44.24, 110.61, "Sangat Tinggi"),
    "IK05": (5, 50, 65.57, 131.15, "Sangat Tinggi"),
    "IK06": (6, 50, 63.64, 127.27, "Sangat Tinggi"),
    "IK07": (7, 100, 100.00, 100.00, "Sangat Tinggi"),
    "IK08": (8, 50, 12.25, 24.50, "Sangat Rendah"),
    "IK09": (9, 4.1, 5.06, 123.41, "Sangat Tinggi"),
    "IK10": (10, 40, 7.20, 18.00, "Sangat Rendah"),
}


@pytest.fixture(scope="module")
def hasil():
    return hitung(2023)


def test_capaian_table_matches_the_issue(hasil):
    p, _ = hasil
    got = {
        h.indikator_id: (h.sasaran_no, h.target, round(h.realisasi.nilai, 2), round(h.capaian.nilai, 2), h.predikat)
        for h in p.indikator
    }
    assert got == EXPECTED
    assert round(p.rata_rata.nilai, 2) == 92.90


def test_indikator_without_component_data_is_marked(hasil):
    p, _ = hasil
    ikm = p.cari("IK09")
    assert ikm.realisasi.sumber == "dilaporkan"
    assert any("tanpa data dukung" in c for c in ikm.catatan)
    assert all(not h.catatan for h in p.indikator if h.indikator_id != "IK09")


def test_sasaran_1_is_the_mean_of_nine_groups(hasil):
    p, _ = hasil
    steps = p.cari("IK01").realisasi.langkah
    assert len(steps) == 9
    assert [round(s.hasil.nilai, 2) for s in steps[-2:]] == [50.0, 44.76]


def test_make_data_writes_capaian_csv(proyek):
    assert main(["data", "2023", "--root", str(proyek)]) == 0
    with open(proyek / "data/processed/2023/capaian.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == KOLOM_CAPAIAN
    assert [r["indikator_id"] for r in rows] == list(EXPECTED)
    for r in rows:
        sasaran, target, realisasi, capaian, predikat = EXPECTED[r["indikator_id"]]
        assert float(r["target"]) == target
        assert round(float(r["realisasi"]), 2) == realisasi  # unrounded in the file
        assert round(float(r["capaian"]), 2) == capaian
        assert r["predikat"] == predikat
    assert rows[1]["capaian"].startswith("58.5635")


def test_budget_serapan_and_efisiensi(hasil):
    p, _ = hasil
    a = hitung_anggaran(p).set_index("program_kode")
    assert round(a.loc["P01", "serapan"], 2) == 81.94
    assert round(a.loc["P01", "efisiensi"], 3) == 0.072
    assert round(a.loc["P10", "efisiensi"], 3) == -2.660
    assert pd.isna(a.loc["P05", "efisiensi"])
    assert "tanpa indikator" in a.loc["P05", "catatan"]


def test_comparison_year_and_renstra(hasil):
    p, lalu = hasil
    assert lalu.tahun == 2022
    assert round(lalu.cari("IK03").capaian.nilai, 2) == 176.67
    assert lalu.cari("IK05").capaian.nilai is None  # printed "-" in Tabel 3.2
    r = hitung_renstra(p).set_index("indikator_id")
    assert r.loc["IK03", "tahun_ke"] == 3 and r.loc["IK03", "target_akhir"] == 50
    assert round(r.loc["IK03", "progres_akhir"], 2) == 117.71


def test_capping_changes_only_the_average(proyek):
    params = proyek / "params/2023.yaml"
    params.write_text(params.read_text().replace("batas_capaian: null", "batas_capaian: 100"))
    p, _ = hitung(2023, proyek)
    assert round(p.cari("IK03").capaian.nilai, 2) == 147.14
    assert p.cari("IK03").capaian_dirata == 100
    assert round(p.rata_rata.nilai, 2) == round((88.3069 + 58.5635 + 100 * 6 + 24.5020 + 18.0) / 10, 2)


def test_average_over_selected_indicators(proyek):
    params = proyek / "params/2023.yaml"
    params.write_text(params.read_text().replace("indikator_rata_rata: semua", "indikator_rata_rata: [IK02, IK08]"))
    p, _ = hitung(2023, proyek)
    assert round(p.rata_rata.nilai, 2) == round((58.5635 + 24.5020) / 2, 2)
