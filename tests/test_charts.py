"""Charts as a reader sees them in print: text at least 8 pt at the size the chart is placed, every
category shown, labels beside (not on) markers, organisation chart boxes holding their text."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

import pytest

from lkj.dokumen import halaman
from lkj.tampil import charts

SVG = "{http://www.w3.org/2000/svg}"
PROGRAM = [
    "Program Penunjang Urusan Pemerintahan Daerah Kab/Kota",
    "Program Pelatihan Kerja Dan Produktivitas Tenaga Kerja",
    "Program Perizinan Dan Pendaftaran Perusahaan",
    "Persentase Peserta Jamsostek yang Aktif Membayar Iuran Jaminan Sosial Tenaga Kerja di Perusahaan"
    " Menengah dan Besar",
] + [f"Program Pengembangan Industri Kecil dan Menengah Nomor {i}" for i in range(6)]
SERAPAN = [81.9, 5.2, 77.4, 99.5, 93.0, 69.6, 23.2, 66.9, 65.9, 50.0]
CAPAIAN = [88.2, 58.6, None, 110.6, 127.3, 100.0, 24.5, 131.2, 18.0, 99.0]


@dataclass
class Unit:
    unit_id: str
    unit: str
    atasan_id: str


def _teks_svg(citra) -> list[tuple[str, float]]:
    """Every text element of the SVG with its font size in pt at the size the chart is placed on the page
    (the SVG's own size, in pt, scaled to `lebar_cm`, and to the text width when wider)."""
    akar = ET.fromstring(citra.svg)
    lebar_svg_pt = float(akar.get("width").removesuffix("pt"))
    ditempatkan_cm = min(citra.lebar_cm, halaman.LEBAR_TEKS_CM)
    skala = ditempatkan_cm / (lebar_svg_pt * 2.54 / 72)
    keluar = []
    for t in akar.iter(SVG + "text"):
        m = re.search(r"font[^;]*?([\d.]+)px", t.get("style", ""))
        assert m, t.get("style")
        keluar.append(("".join(t.itertext()), float(m.group(1)) * skala))
    return keluar


def _semua_huruf_cukup(citra) -> None:
    teks = _teks_svg(citra)
    assert teks
    kecil = [(s, round(u, 2)) for s, u in teks if u < halaman.UKURAN_GAMBAR_MIN_PT - 0.01]
    assert kecil == []
    assert citra.lebar_cm <= halaman.LEBAR_TEKS_CM  # placed at its own size: nothing scaled down


def _rapat(s: str) -> str:
    return re.sub(r"\s+", "", s)


def test_paired_bars_show_every_program_in_full_at_8_pt():
    citra = charts.batang_berpasangan(
        PROGRAM, {"Serapan anggaran": SERAPAN, "Capaian kinerja": CAPAIAN}, 2, garis_100=True
    )
    _semua_huruf_cukup(citra)
    semua = _rapat("".join(s for s, _ in _teks_svg(citra)))
    for p in PROGRAM:  # never dropped, never cut ("Peserta Jamsostek …")
        assert _rapat(p) in semua
    assert "…" not in semua
    # a category without a value is still there, marked with a dash
    assert sum(s == "–" for s, _ in _teks_svg(citra)) == 1


def test_capaian_chart_labels_and_font():
    citra = charts.capaian_per_indikator(PROGRAM, CAPAIAN, 2)
    _semua_huruf_cukup(citra)
    teks = [s for s, _ in _teks_svg(citra)]
    for v in ("88,20%", "131,20%", "100%"):
        assert v in teks


def test_renstra_labels_sit_beside_their_markers():
    """Target 100% and realisasi 92,30% in 2022 (the 2023 report's Gambar 3.5): labels on opposite sides."""
    citra = charts.renstra([2021, 2022, 2023], [100.0] * 3, {2022: 92.3}, 2)
    _semua_huruf_cukup(citra)
    teks = [
        ("".join(t.itertext()), float(t.get("x")), re.search(r"text-anchor: (\w+)", t.get("style")).group(1))
        for t in ET.fromstring(citra.svg).iter(SVG + "text")
    ]
    tahun = {s: x for s, x, _ in teks if s in ("2021", "2022", "2023")}
    sumbu_x = min(x for s, x, _ in teks if s == "0%")
    target = sorted((x, a) for s, x, a in teks if s == "100%" and x > sumbu_x + 1)
    assert [a for _, a in target] == ["end"] * 3
    assert all(0 < tahun[y] - x < 15 for (x, _), y in zip(target, ("2021", "2022", "2023")))
    ((x_real, a_real),) = [(x, a) for s, x, a in teks if s == "92,30%"]
    assert a_real == "start" and 0 < x_real - tahun["2022"] < 15


def test_org_chart_boxes_hold_their_text_and_stay_readable_with_100_units():
    unit = [Unit("k", "Kepala Dinas Ketenagakerjaan, Perindustrian dan Perdagangan", "")]
    unit += [Unit(f"b{i}", f"Bidang Pembinaan dan Pengembangan Perdagangan {i}", "k") for i in range(9)]
    unit += [Unit(f"s{i}{j}", f"Seksi Pelayanan {j + 1} Bidang {i + 1}", f"b{i}") for i in range(9) for j in range(10)]
    assert len(unit) == 100
    citra = charts.organisasi(unit)
    _semua_huruf_cukup(citra)
    # the 2023 report's long names wrap inside their boxes
    panjang = [
        unit[0],
        Unit("b", "Bidang Perdagangan", "k"),
        Unit("s", "Seksi Pembinaan dan Pengembangan Perdagangan Dalam dan Luar Negeri", "b"),
    ]
    _semua_huruf_cukup(charts.organisasi(panjang))
    semua = _rapat("".join(s for s, _ in _teks_svg(citra)))
    for u in unit:
        assert _rapat(u.unit) in semua
    # each wrapped line is measured in the chart's font against its box
    lebar = 60.0
    for baris in (charts._bungkus(u.unit, lebar, 8) for u in unit):
        prop = charts.font_manager.FontProperties(family=[halaman.HURUF_PDF, "DejaVu Sans"], size=8)
        for b in baris:
            assert charts._pengukur().get_text_width_height_descent(b, prop, ismath=False)[0] <= lebar
    assert charts._bungkus("Supercalifragilisticexpialidocious", 30, 8)[0] != "Supercalifragilisticexpialidocious"


@pytest.mark.parametrize("fungsi", ["batang_berpasangan", "organisasi"])
def test_charts_use_the_report_font(fungsi):
    if fungsi == "organisasi":
        citra = charts.organisasi([Unit("k", "Kepala", ""), Unit("a", "Sekretariat", "k")])
    else:
        citra = charts.batang_berpasangan(["A"], {"x": [1.0]}, 0)
    assert halaman.HURUF_PDF in citra.svg
