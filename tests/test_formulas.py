"""Every LKj formula and rule, on hand-checkable numbers."""

import pytest

from lkj.hitung import formulas as F


def test_capaian_positif():
    assert F.capaian(40, 58.86, "positif").nilai == pytest.approx(147.15)


@pytest.mark.parametrize(
    "target, realisasi, expected",
    [
        (7, 6.5, 107.142857),  # PermenPANRB 6/2022 worked example
        (8, 9, 87.5),  # PermenPANRB 6/2022 worked example
    ],
)
def test_capaian_negatif_permenpanrb_examples(target, realisasi, expected):
    assert F.capaian(target, realisasi, "negatif").nilai == pytest.approx(expected, abs=1e-6)


def test_capaian_target_nol_is_none_with_reason():
    h = F.capaian(0, 5, "positif")
    assert h.nilai is None and "target 0" in h.catatan


@pytest.mark.parametrize("realisasi", [None, float("nan")])
def test_capaian_missing_realisasi(realisasi):
    h = F.capaian(50, realisasi, "positif")
    assert h.nilai is None and "realisasi tidak tersedia" in h.catatan


def test_capaian_unknown_polaritas():
    with pytest.raises(ValueError, match="polaritas"):
        F.capaian(1, 1, "tinggi")


def test_rasio_and_zero_denominator():
    assert F.rasio(106, 181).nilai == pytest.approx(58.5635359)
    assert F.rasio(1, 0).nilai is None


def test_pertumbuhan():
    assert F.pertumbuhan(105.06, 100).nilai == pytest.approx(5.06)
    assert F.pertumbuhan(5, 0).nilai is None
    assert F.pertumbuhan(None, 3).nilai is None


def test_rata_rata_skips_missing_visibly():
    h = F.rata_rata([100, None, 50])
    assert h.nilai == 75 and "1 dari 3" in h.catatan
    assert F.rata_rata([None]).nilai is None


def test_batasi_is_off_by_default_and_caps_when_set():
    assert F.batasi(147.14, None) == 147.14
    assert F.batasi(147.14, 120) == 120
    assert F.batasi(None, 120) is None


def test_serapan_and_efisiensi():
    s = F.serapan(5725755076, 4691686177).nilai
    assert s == pytest.approx(81.940043, abs=1e-6)
    assert F.efisiensi(s, 88.306878).nilai == pytest.approx(0.072099, abs=1e-6)
    assert F.efisiensi(77.37, None).nilai is None
    assert F.efisiensi(77.37, 0).nilai is None


def K(peran, target=None, realisasi=None, kelompok="", uraian="x"):
    return F.Komponen(peran, uraian, "unit", target, realisasi, kelompok)


def test_realisasi_rasio_uses_population_from_target_column():
    r = F.realisasi_dari_komponen("rasio", [K("pembilang", 1004, 123), K("populasi", 1004)])
    assert r.nilai == pytest.approx(12.250996, abs=1e-6)
    (step,) = r.langkah
    assert (step.pembilang_nilai, step.penyebut_nilai) == (123, 1004)


def test_realisasi_rasio_uses_realisasi_of_denominator():
    r = F.realisasi_dari_komponen("rasio", [K("pembilang", 224, 106), K("penyebut", 224, 181)])
    assert r.nilai == pytest.approx(58.563536, abs=1e-6)


def test_realisasi_rata_rasio_ignores_rincian():
    r = F.realisasi_dari_komponen(
        "rata_rasio",
        [
            K("kelompok", 249, 30, "PP"),
            K("kelompok", 2, 1, "PKB"),
            K("kelompok", 249, 176, "BPJS"),
            K("rincian", 10, 1, "PP"),
            K("info", 7913, 3116),
        ],
    )
    assert r.nilai == pytest.approx(44.243641, abs=1e-6)
    assert [s.label for s in r.langkah] == ["PP", "PKB", "BPJS"]


def test_realisasi_pertumbuhan():
    r = F.realisasi_dari_komponen("pertumbuhan", [K("tahun_n", None, 830), K("tahun_sebelumnya", None, 790)])
    assert r.nilai == pytest.approx(5.0632911, abs=1e-6)
    assert r.langkah[0].pembilang_nilai == 40


@pytest.mark.parametrize(
    "jenis, komponen, pesan",
    [
        ("rasio", [K("pembilang", 1, 1)], "penyebut atau populasi"),
        ("rasio", [K("pembilang", 1, 1), K("pembilang", 1, 1), K("penyebut", 1, 1)], "ditemukan 2"),
        ("rata_rasio", [K("info", 1, 1)], "kelompok"),
        ("pertumbuhan", [K("tahun_n", None, 1)], "tahun_sebelumnya"),
        ("langsung", [K("info", 1, 1)], "realisasi_langsung"),
        ("median", [K("info", 1, 1)], "tidak dikenal"),
    ],
)
def test_realisasi_rejects_components_that_do_not_fit(jenis, komponen, pesan):
    with pytest.raises(F.RumusError, match=pesan):
        F.realisasi_dari_komponen(jenis, komponen)


TABEL_3_1 = [
    {"predikat": "Sangat Rendah", "dari": None, "sampai": 51},
    {"predikat": "Rendah", "dari": 51, "sampai": 66},
    {"predikat": "Sedang", "dari": 66, "sampai": 76},
    {"predikat": "Tinggi", "dari": 76, "sampai": 91},
    {"predikat": "Sangat Tinggi", "dari": 91, "sampai": None},
]


@pytest.mark.parametrize(
    "nilai, predikat",
    [
        (0, "Sangat Rendah"),
        (50, "Sangat Rendah"),
        (50.5, "Sangat Rendah"),
        (51, "Rendah"),
        (65.99, "Rendah"),
        (66, "Sedang"),
        (75.5, "Sedang"),
        (76, "Tinggi"),
        (88.31, "Tinggi"),
        (90.5, "Tinggi"),
        (91, "Sangat Tinggi"),
        (100, "Sangat Tinggi"),
        (147.14, "Sangat Tinggi"),
        (-20, "Sangat Rendah"),
    ],
)
def test_predikat_closes_the_gaps_of_tabel_3_1(nilai, predikat):
    assert F.SkalaPredikat.dari_daftar(TABEL_3_1).predikat(nilai) == predikat


def test_predikat_of_missing_capaian_is_none():
    assert F.SkalaPredikat.dari_daftar(TABEL_3_1).predikat(None) is None


@pytest.mark.parametrize(
    "ubah, pesan",
    [
        (lambda s: s[3].update(dari=77), "celah"),
        (lambda s: s[3].update(dari=75), "tumpang tindih"),
        (lambda s: s[0].update(dari=0), "di bawah"),
        (lambda s: s[4].update(sampai=100), "ke atas"),
        (lambda s: s.clear(), "kosong"),
    ],
)
def test_skala_with_gap_or_overlap_is_rejected(ubah, pesan):
    skala = [dict(k) for k in TABEL_3_1]
    ubah(skala)
    with pytest.raises(F.SkalaError, match=pesan):
        F.SkalaPredikat.dari_daftar(skala)
