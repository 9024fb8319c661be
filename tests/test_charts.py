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
    (the SVG's own size, in pt, scaled to its size on the page: `halaman.ukuran_gambar`)."""
    akar = ET.fromstring(citra.svg)
    lebar_svg_pt = float(akar.get("width").removesuffix("pt"))
    ditempatkan_cm, _ = halaman.ukuran_gambar(citra.lebar_cm, citra.tinggi_cm)
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


def _seratus_unit() -> list[Unit]:
    unit = [Unit("k", "Kepala Dinas Ketenagakerjaan, Perindustrian dan Perdagangan", "")]
    unit += [Unit(f"b{i}", f"Bidang Pembinaan dan Pengembangan Perdagangan {i}", "k") for i in range(9)]
    unit += [Unit(f"s{i}{j}", f"Seksi Pelayanan {j + 1} Bidang {i + 1}", f"b{i}") for i in range(9) for j in range(10)]
    assert len(unit) == 100
    return unit


def test_a_100_unit_org_chart_is_cut_to_what_prints_at_8_pt_and_the_rest_is_a_table():
    """Issue 22: the whole 100-unit chart is 29 cm high, so the PDF shrank it to 15 cm and its text to 4 pt.
    The chart shows the head and the units under it, each saying how many are below; a table lists those."""
    from lkj.tampil import tabel

    unit = _seratus_unit()
    utuh = charts.organisasi(unit)
    assert utuh.tinggi_cm > halaman.TINGGI_GAMBAR_MAKS_CM
    with pytest.raises(AssertionError):
        _semua_huruf_cukup(utuh)  # what the PDF printed
    citra, tingkat = charts.bagan_organisasi(unit)
    assert tingkat == 2 and citra.tinggi_cm <= halaman.TINGGI_GAMBAR_MAKS_CM
    _semua_huruf_cukup(citra)
    semua = _rapat("".join(s for s, _ in _teks_svg(citra)))
    assert _rapat(unit[0].unit) in semua
    for u in unit[1:10]:
        assert _rapat(f"{u.unit} (10 unit di bawahnya, lihat tabel)") in semua
    assert "SeksiPelayanan" not in semua
    sisa = charts.organisasi_terlalu_dalam(unit, tingkat)
    t = tabel.tabel_unit_organisasi(sisa, tingkat)
    teks = [tuple("".join(r.teks for r in sel) for sel in b) for b in t.baris]
    assert len(teks) == 90 and teks[0] == ("1", "Seksi Pelayanan 1 Bidang 1", unit[1].unit)
    assert teks[-1] == ("90", "Seksi Pelayanan 10 Bidang 9", unit[9].unit)
    assert t.judul == "Unit Kerja di Bawah Tingkat 2 Bagan Organisasi"


def test_the_2023_org_chart_is_drawn_whole_and_the_cut_height_is_the_pdfs():
    from conftest import masukan

    unit = list(masukan(2023).data.organisasi.itertuples(index=False))
    citra, tingkat = charts.bagan_organisasi(unit)
    assert tingkat is None and citra.svg == charts.organisasi(unit).svg
    _semua_huruf_cukup(citra)
    assert halaman.ukuran_gambar(citra.lebar_cm, citra.tinggi_cm)[1] <= halaman.TINGGI_GAMBAR_MAKS_CM


def test_a_deep_org_chart_is_cut_at_the_deepest_level_that_fits():
    unit = [Unit("k", "Kepala", "")] + [Unit(f"b{i}", f"Bidang {i}", "k") for i in range(3)]
    unit += [Unit(f"s{i}{j}", f"Seksi {i}.{j}", f"b{i}") for i in range(3) for j in range(4)]
    unit += [Unit(f"u{i}{j}{k}", f"Sub {i}.{j}.{k}", f"s{i}{j}") for i in range(3) for j in range(4) for k in range(10)]
    assert charts.organisasi(unit).tinggi_cm > halaman.TINGGI_GAMBAR_MAKS_CM
    citra, tingkat = charts.bagan_organisasi(unit)
    assert tingkat == 3 and citra.tinggi_cm <= halaman.TINGGI_GAMBAR_MAKS_CM
    _semua_huruf_cukup(citra)
    semua = _rapat("".join(s for s, _ in _teks_svg(citra)))
    assert _rapat("Seksi 0.0 (10 unit di bawahnya, lihat tabel)") in semua and _rapat("Sub 0.0.0") not in semua
    assert _rapat("Bidang 0") in semua and _rapat("Bidang 0 (") not in semua  # its seksi are drawn
    sisa = charts.organisasi_terlalu_dalam(unit, 3)
    assert len(sisa) == 120 and (sisa[0][0].unit, sisa[0][1].unit) == ("Sub 0.0.0", "Seksi 0.0")


def test_org_chart_boxes_hold_their_whole_text_with_100_units():
    unit = _seratus_unit()
    citra = charts.organisasi(unit)
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


def test_a_word_of_4860_characters_wraps_in_well_under_a_second():
    """Issue 22: a 4.860-character indicator name without spaces took the build from 15 s to 458 s; the
    wrapping measured every head of the word. Input now refuses such a word, and the wrapper is fast anyway."""
    import random
    import string
    import time

    kata = "".join(random.Random(22).choice(string.ascii_letters) for _ in range(4860))
    charts._bungkus.cache_clear()
    charts._lebar_teks.cache_clear()
    mulai = time.perf_counter()
    baris = charts._bungkus(kata, 60.0, 8)
    assert time.perf_counter() - mulai < 2.0
    assert "".join(baris) == kata and len(baris) > 100
    lebar = [charts._lebar_teks(b, 8, False) for b in baris]
    assert max(lebar) <= 60.0 and min(lebar[:-1]) > 50.0  # every line but the last filled


@pytest.mark.parametrize("fungsi", ["batang_berpasangan", "organisasi"])
def test_charts_use_the_report_font(fungsi):
    if fungsi == "organisasi":
        citra = charts.organisasi([Unit("k", "Kepala", ""), Unit("a", "Sekretariat", "k")])
    else:
        citra = charts.batang_berpasangan(["A"], {"x": [1.0]}, 0)
    assert halaman.HURUF_PDF in citra.svg
