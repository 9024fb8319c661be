"""Indonesian number formats, rounding half up for display."""

import pytest

from lkj import fmt


@pytest.mark.parametrize(
    "fungsi, nilai, teks",
    [
        (fmt.bilangan, 1004, "1.004"),
        (fmt.bilangan, 4.1, "4,1"),
        (fmt.persen, 58.563535911, "58,56%"),
        (fmt.persen, 13.45, "13,45%"),
        (fmt.persen, 100, "100,00%"),
        (fmt.rupiah, 5725755076, "Rp5.725.755.076"),
        (fmt.persen, None, "–"),
        (fmt.rupiah, float("nan"), "–"),
    ],
)
def test_formats(fungsi, nilai, teks):
    assert fungsi(nilai) == teks


@pytest.mark.parametrize("nilai, teks", [(0.125, "0,13"), (2.675, "2,68"), (0.135, "0,14"), (-1.005, "-1,01")])
def test_rounds_half_up_not_half_even(nilai, teks):
    assert fmt.angka(nilai, 2) == teks


def test_rounding_digits():
    assert fmt.angka(0.0720991, 3) == "0,072"
    assert fmt.persen(147.140221, 1) == "147,1%"
