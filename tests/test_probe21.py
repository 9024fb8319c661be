"""Probe of issue 21 items 4 and 5 (catatan_data.md, standar.csv and the per-year comparison) with careless
and hostile input: one test per defect the probe found, each asserting the right behaviour (all fixed)."""

from __future__ import annotations

import pytest

from lkj.dokumen.model import Judul, KotakDraf, Paragraf
from lkj.masukan.errors import DataError

from conftest import masukan

CATATAN = "data/raw/2023/narasi/catatan_data.md"
IK01 = "## Cakupan Layanan Administrasi Kantor\n\n"


def _ganti_bagian(teks: str, judul: str, isi: str) -> str:
    """`teks` with the body of the section `judul` (as typed in the file) replaced by `isi`."""
    awal = teks.index(judul) + len(judul)
    akhir = teks.find("\n## ", awal)
    return teks[:awal] + isi + (teks[akhir:] if akhir >= 0 else "")


def _polos(b) -> str:
    return "".join(t.teks for t in b.isi)


def _laporan(proyek):
    from lkj.tampil.laporan import Laporan

    return Laporan.muat(2023, proyek)


def _final(proyek) -> list[str]:
    from lkj.pipeline import masalah_final

    return masalah_final(masukan(2023, proyek))


def test_a_section_written_twice_is_neither_lost_nor_silent(proyek):
    """Was: a second section with the same heading (or the name and the code of one indicator) is silently dropped:
    not printed, no draft box, FINAL passes."""
    path = proyek / CATATAN
    teks = path.read_text(encoding="utf-8")
    path.write_text(teks + "\n## Umum\n\nKEDUA-UMUM: catatan tambahan penulis.\n", encoding="utf-8")
    blok = _laporan(proyek).catatan_data().blok
    dicetak = " ".join(_polos(b) for b in blok if isinstance(b, Paragraf))
    kotak = [b.pesan for b in blok if isinstance(b, KotakDraf)]
    final = [b for b in _final(proyek) if "catatan_data.md" in b and "Umum" in b]
    # right: both sections printed, or the second one named in the draft and refused by FINAL
    assert "KEDUA-UMUM" in dicetak or (any("Umum" in k for k in kotak) and final)


def test_a_section_that_prints_nothing_is_not_a_disclosure(proyek):
    """Was: a section whose body prints nothing (only '---') counts as the disclosure: FINAL passes and the reviu
    says diungkapkan while the reader sees no note."""
    path = proyek / CATATAN
    path.write_text(_ganti_bagian(path.read_text(encoding="utf-8"), IK01, "---\n"), encoding="utf-8")
    assert not [b for b in _laporan(proyek).catatan_data("IK01").blok if isinstance(b, Paragraf)]  # nothing shown
    assert any("Cakupan Layanan Administrasi Kantor" in b for b in _final(proyek) if "catatan_data.md" in b)


def test_text_outside_any_section_is_named_in_the_draft(proyek):
    """Was: text outside any '## ' section (a preamble, a '### Umum' heading) is silently dropped: the draft names
    neither."""
    path = proyek / CATATAN
    teks = path.read_text(encoding="utf-8")
    assert teks.startswith("## Umum\n")
    path.write_text("Teks pembuka tanpa judul.\n\n#" + teks, encoding="utf-8")  # line 3: '### Umum'
    kotak = [b.pesan for b in _laporan(proyek).catatan_data().blok if isinstance(b, KotakDraf)]
    lain = [k for k in kotak if "belum diperbaiki atau diungkapkan" not in k]  # beyond "Umum is missing"
    assert any("baris 1" in k or "Teks pembuka" in k for k in lain), kotak
    assert any("### Umum" in k or "baris 3" in k for k in lain), kotak


def test_a_subheading_in_a_note_does_not_change_the_daftar_isi(proyek):
    """Was: a '### ' subheading inside a note is accepted (the file is checked at level ##) and enters the Daftar
    Isi at the level of 'Sasaran N:', between two sasaran."""
    path = proyek / CATATAN
    teks = path.read_text(encoding="utf-8")
    path.write_text(teks.replace(IK01, IK01 + "### Rincian\n\n"), encoding="utf-8")
    try:
        lap = _laporan(proyek)
    except DataError as e:  # refused at input, with the file and line: right too
        assert "catatan_data.md" in str(e) and "baris" in str(e)
        return
    judul = [b for b in lap.catatan_data("IK01").blok if isinstance(b, Judul)]
    # the sasaran sections are level 3 and their narrative starts at #### (laporan.yml judul_narasi: 4)
    assert all(b.tingkat >= 4 or not b.daftar_isi for b in judul), judul


def test_a_note_that_is_only_a_list_is_still_labelled_catatan(proyek):
    """Was: a note that starts with a list or a table is printed without the 'Catatan:' label."""
    path = proyek / CATATAN
    path.write_text(
        _ganti_bagian(path.read_text(encoding="utf-8"), IK01, "- kelompok dicatat penuh;\n- rincian belum.\n"),
        encoding="utf-8",
    )
    blok = _laporan(proyek).catatan_data("IK01").blok
    assert blok and isinstance(blok[0], Paragraf) and _polos(blok[0]).startswith("Catatan"), blok[:2]


def test_a_plan_without_catatan_still_refuses_open_data_findings(proyek):
    """Was: a plan (notebooks/laporan.yml) without 'catatan:' lets FINAL pass while the reviu keeps the data
    findings 'terbuka'."""
    from lkj.reviu import periksa

    rencana = proyek / "notebooks/laporan.yml"
    teks = rencana.read_text(encoding="utf-8")
    assert "\ncatatan: catatan_data\n" in teks
    rencana.write_text(teks.replace("\ncatatan: catatan_data\n", "\n"), encoding="utf-8")
    assert "terbuka" in {t.status for t in periksa(masukan(2023, proyek)) if t.sumber == "data"}
    # right: FINAL names the open findings (fix the data, or add `catatan:` to the plan and disclose them)
    assert any("temuan atas data" in b or "catatan" in b for b in _final(proyek))


def test_an_earlier_years_pk_that_is_a_folder_is_refused(proyek):
    """Was: an earlier year's pk.csv that is a folder is skipped silently (the year drops out of the per-year
    comparison) instead of 'berupa folder, bukan berkas'."""
    (proyek / "data/raw/2021/pk.csv").mkdir(parents=True)
    with pytest.raises(DataError, match=r"2021/pk\.csv"):
        masukan(2023, proyek)


def test_a_year_folder_with_data_but_no_pk_is_named(proyek):
    """Was: a year folder of the Renstra period with data but no pk.csv is ignored without a word."""
    folder = proyek / "data/raw/2021"
    folder.mkdir()
    (folder / "realisasi_langsung.csv").write_text("indikator_id,realisasi,keterangan\nIK01,90,LKj 2021\n")
    m = masukan(2023, proyek)
    assert any("2021" in str(w.sumber) or "2021" in w.pesan for w in m.peringatan), list(m.peringatan)
