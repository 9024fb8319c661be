"""The signed report (final) carries no tool talk, and tells the year-on-year change once.

Lean: the final document is assembled again from the notebooks the session fixture already executed."""

import html as html_lib
import re

import pytest

from lkj.dokumen.html import dokumen_html
from lkj.dokumen.model import KotakDraf, Narasi, Teks
from lkj.pipeline.rakit import css_laporan, dokumen_laporan

from conftest import masukan


def _dokumen(root, final: bool):
    m = masukan(2023, root)
    urutan = [root / "build/2023/nb" / f"{b.nama}.ipynb" for b in m.rencana.bagian]
    return dokumen_laporan(urutan, m, final)[0]


def _teks(dok) -> str:
    """The document's text as a reader sees it (tags dropped, entities resolved, spaces collapsed)."""
    return re.sub(r"\s+", " ", html_lib.unescape(re.sub(r"<[^>]+>", " ", dokumen_html(dok, "x", ""))))


@pytest.fixture(scope="module")
def final(laporan):
    return _dokumen(laporan[0], final=True)


@pytest.fixture(scope="module")
def draf(laporan):
    return _dokumen(laporan[0], final=False)


def _semua_blok(dok):
    for b in dok.blok:
        yield b
        if isinstance(b, Narasi):
            yield from b.blok


def test_the_signed_report_has_no_warning_boxes_red_codes_or_abbreviations(final):
    teks = _teks(final)
    assert "⚠" not in teks
    assert not [b for b in _semua_blok(final) if isinstance(b, KotakDraf)]
    assert not re.findall(r"\bIK\d\d\b", teks), "indicator codes IK01..IK10"
    assert not re.findall(r"\bG\d\b", teks), "group codes G1..G9"
    assert not re.findall(r"\bthd\b", teks)
    assert "Tabel 3.2 dan 3.3" not in teks  # the raw note of realisasi_langsung.csv (old report's tables)
    assert "aturan perhitungan rata-rata" not in teks and "dengan batas 100%" not in teks  # method: audit side
    assert "komponen rumusnya" not in teks and "rumus rata_rasio" not in teks


def test_the_signed_report_discloses_an_unsupported_figure_in_plain_prose(final, draf):
    teks = _teks(final)
    # IK09 (5,06%) is reported without the components of its formula: said where the figure appears
    assert "Catatan: Realisasi 5,06% adalah angka yang dilaporkan; data dukung untuk menghitungnya belum tersedia" in (
        teks
    )
    # the draft keeps the writer's warning with the raw note; the signed report does not
    peringatan = [b.pesan for b in _semua_blok(draf) if isinstance(b, KotakDraf)]
    assert any(p.startswith("⚠ tanpa data dukung") and "Tabel 3.2 dan 3.3" in p for p in peringatan)


def test_group_names_not_codes_in_the_calculation_steps(final):
    teks = _teks(final)
    # Sasaran 1 (IK01) averages its groups' ratios: each named as the data name it
    assert "Jumlah Dokumen Perencanaan Satuan Perangkat Kerja Daerah: 1 dokumen / 1 dokumen" in teks


def test_year_on_year_change_is_one_figure_everywhere(final):
    teks = _teks(final)
    perubahan = set(re.findall(r"rata-rata capaian (menurun|meningkat) (\d+,\d\d) poin", teks))
    # Ikhtisar, Bab III and Bab IV: the same change over the 9 indicators measured in both years
    assert perubahan == {("menurun", "15,21")}
    assert len(re.findall(r"rata-rata capaian menurun 15,21 poin", teks)) == 3
    assert "10,96" not in teks


def test_no_automatic_hyphenation():
    css = css_laporan()
    assert "hyphens: auto" not in css and "hyphens: manual" in css


def test_plain_teks_runs_have_no_red_mark(final):
    merah = [t for b in _semua_blok(final) for t in getattr(b, "isi", ()) if isinstance(t, Teks) and t.merah]
    assert merah == []
