"""The signed report (final) carries no tool talk, and tells the year-on-year change once.

Lean: the final document is assembled again from the notebooks the session fixture already executed."""

import html as html_lib
import re

import pytest

from lkj.dokumen.html import dokumen_html
from lkj.dokumen.model import KotakDraf, Teks, semua_blok
from lkj.pipeline import masalah_final
from lkj.pipeline.css import css_laporan
from lkj.pipeline.rakit import dokumen_laporan

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


def test_the_signed_report_has_no_warning_boxes_red_codes_or_abbreviations(final):
    teks = _teks(final)
    assert "⚠" not in teks
    assert not [b for b in semua_blok(final.blok) if isinstance(b, KotakDraf)]
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
    peringatan = [b.pesan for b in semua_blok(draf.blok) if isinstance(b, KotakDraf)]
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
    merah = [t for b in semua_blok(final.blok) for t in getattr(b, "isi", ()) if isinstance(t, Teks) and t.merah]
    assert merah == []


def _bagian_teks(teks: str, awal: str, akhir: str, terakhir: bool = False) -> str:
    """From `awal` (its last occurrence: past the Daftar Isi) to the next `akhir`."""
    i = teks.rindex(awal) if terakhir else teks.index(awal)
    return teks[i : teks.index(akhir, i)]


def test_bab_iv_gives_steps_and_recommendations_for_each_unmet_indicator(final):
    bab4 = _bagian_teks(_teks(final), "BAB IV Penutup", "Lampiran 1", terakhir=True)
    assert "A. Kesimpulan" in bab4 and "B. Langkah dan Rekomendasi" in bab4
    # the four indicators below 100%, in order, each with its figures from the computation, then its words
    kepala = [
        "Cakupan Layanan Administrasi Kantor Target 100%, realisasi 88,31%, capaian 88,31% (predikat Tinggi).",
        "Persentase Pencari Kerja yang Dilatih Bersertifikat Kompetensi Target 100%, realisasi 58,56%, capaian "
        "58,56% (predikat Rendah). Program Pelatihan Kerja Dan Produktivitas Tenaga Kerja yang mendukungnya "
        "menyerap 5,23% anggarannya, serapan yang rendah.",
        "(UTTP) bertanda tera sah yang berlaku Target 50%, realisasi 12,25%, capaian 24,50% (predikat Sangat Rendah).",
        "melalui SIINas Target 40%, realisasi 7,20%, capaian 18,00% (predikat Sangat Rendah).",
    ]
    posisi = [bab4.index(k) for k in kepala]
    assert posisi == sorted(posisi)
    assert bab4.count("Rekomendasi.") == 4
    assert "anggaran program hanya terserap 5,23%" in bab4  # a placeholder in the writer's section


def test_final_refuses_an_unmet_indicator_without_recommendation_one_line_each(laporan, draf):
    from lkj.pipeline import BelumFinal

    root = laporan[0]
    path = root / "data/raw/2023/narasi/penutup_rekomendasi.md"
    asli = path.read_text(encoding="utf-8")
    awal = asli.index("## Persentase Data Informasi Industri")
    try:
        path.write_text(asli[:awal] + asli[awal:].replace("## ", "## Bukan ", 1), encoding="utf-8")
        with pytest.raises(BelumFinal) as e:
            _dokumen(root, final=True)
        assert e.value.masalah == [
            "data/raw/2023/narasi/penutup_rekomendasi.md: langkah dan rekomendasi untuk indikator 'Persentase Data "
            "Informasi Industri secara Lengkap dan Terkini melalui SIINas' (capaian 18,00%, di bawah target) belum "
            "ditulis. Tambahkan bagian '## Persentase Data Informasi Industri secara Lengkap dan Terkini melalui "
            "SIINas' berisi kendala serta langkah yang telah dan akan dilakukan."
        ]
        # the draft shows it in place, and that the misnamed section is not printed
        kotak = [b.pesan for b in semua_blok(_dokumen(root, final=False).blok) if isinstance(b, KotakDraf)]
        assert sum("penutup_rekomendasi.md: langkah dan rekomendasi untuk indikator" in k for k in kotak) == 1
        assert sum("## Bukan Persentase Data Informasi" in k and "tidak dicetak" in k for k in kotak) == 1
    finally:
        path.write_text(asli, encoding="utf-8")
    assert not [b for b in semua_blok(draf.blok) if isinstance(b, KotakDraf) and "penutup_rekomendasi" in b.pesan]


def test_ikhtisar_gives_problems_and_steps_without_method_text(final):
    ikhtisar = _bagian_teks(_teks(final), "Ikhtisar Eksekutif", "Daftar Isi")
    assert "Indikator yang belum mencapai target adalah Cakupan Layanan Administrasi Kantor (88,31%)" in ikhtisar
    assert "Program dengan serapan anggaran di bawah 66% adalah Program Pelatihan Kerja" in ikhtisar
    for kata in ("Permasalahan utama.", "Langkah yang telah dilakukan.", "Langkah yang akan dilakukan."):
        assert kata in ikhtisar
    assert "data dukung" not in ikhtisar and "dihitung ulang" not in ikhtisar  # method: Bab III and the audit
    assert ikhtisar.count("menurun 15,21 poin") == 1


def test_efisiensi_is_told_in_percent_and_words(final):
    c = _bagian_teks(_teks(final), "Setiap program dinilai", "Program dan Kegiatan Pendukung", terakhir=True)
    assert c.count("Sisa anggaran dari program yang targetnya belum tercapai tidak dinilai sebagai efisiensi") == 1
    assert (
        "Program Pelatihan Kerja Dan Produktivitas Tenaga Kerja menyerap 5,23% anggaran dan mencapai 58,56% target "
        "indikatornya; serapan yang rendah bersama target yang belum tercapai menunjukkan kegiatan yang belum "
        "terlaksana, bukan efisiensi." in c
    )
    assert "Program Perizinan Dan Pendaftaran Perusahaan menyerap 77,37% anggarannya" in c
    assert "Indikator Persentase Pertambahan IKM tidak didukung program dalam data anggaran" in c
    assert "⚠" not in c


def test_open_data_findings_are_disclosed_where_the_figure_appears(final):
    """Issue 21 item 4: each finding on the data not fixed is told to the reader beside its figure."""
    teks = _teks(final)
    s8 = _bagian_teks(teks, "Sasaran 8:", "Sasaran 9:", terakhir=True)
    assert (
        "Catatan: Angka 1.004 unit pada kolom target tabel data adalah jumlah UTTP wajib tera, bukan target "
        "kinerja; target yang diperjanjikan adalah 50% dari jumlah tersebut." in s8
    )
    s5 = _bagian_teks(teks, "Sasaran 5:", "Sasaran 6:", terakhir=True)
    assert (
        "Catatan: Tabel data menyebut target 40 dari 61 UMKM" in s5
        and "target Perjanjian Kinerja tahun 2023, 50%" in s5
    )
    # the evidence not mapped to any indicator: under Bab III's measurement table, before the first sasaran
    bab3 = _bagian_teks(teks, "Pengukuran Kinerja Tahun 2023 Sasaran Indikator Kinerja", "Gambar 3.1")
    assert "Catatan: Dokumen data dukung setiap indikator" in bab3
    # an indicator with no open finding has no note
    assert "Catatan:" not in _bagian_teks(teks, "Sasaran 2:", "Sasaran 3:", terakhir=True)


def test_final_refuses_open_data_findings_neither_fixed_nor_disclosed_one_line_each(proyek):
    from lkj.reviu import periksa

    catatan = proyek / "data/raw/2023/narasi/catatan_data.md"
    catatan.unlink()
    m = masukan(2023, proyek)
    kurang = [b for b in masalah_final(m) if "catatan_data.md" in b]
    awal = "data/raw/2023/narasi/catatan_data.md: temuan atas data "
    assert all(b.startswith(awal) and "Perbaiki datanya, atau tulis catatan" in b for b in kurang)
    # one line per indicator (IK01, IK03, IK05, IK06, IK08, IK09's 2022 target, IK10) and Umum (no bukti.csv);
    # IK09's reported-only realisasi is disclosed by the report's own note
    assert [b.removeprefix(awal).split(" belum ")[0] for b in kurang] == [
        "Cakupan Layanan Administrasi Kantor",
        "Persentase Pencari Kerja yang Ditempatkan",
        "Persentase UMKM yang Melaksanakan Promosi Produk Dalam Negeri",
        "Persentase Sarana Distribusi Perdagangan yang Terpelihara",
        "Persentase alat – alat ukur, takar, timbang dan perlengkapannya (UTTP) bertanda tera sah yang berlaku",
        "Persentase Pertambahan IKM",
        "Persentase Data Informasi Industri secara Lengkap dan Terkini melalui SIINas",
        "Umum",
    ]
    assert "target PK 50% berarti 502 unit" in kurang[4] and "'## Umum'" in kurang[7]
    assert {t.status for t in periksa(m) if t.sumber == "data"} == {"terbuka", "diungkapkan"}
    # fixing the data instead: IK08's table target as the PK's 50% (502 of 1.004) needs no note
    komponen = proyek / "data/raw/2023/komponen.csv"
    baris = komponen.read_text(encoding="utf-8").splitlines()
    (i,) = [n for n, b in enumerate(baris) if b.startswith("IK08,") and ",pembilang," in b]
    assert ",1004,123" in baris[i]
    baris[i] = baris[i].replace(",1004,123", ",502,123")
    komponen.write_text("\n".join(baris) + "\n", encoding="utf-8")
    kurang = [b for b in masalah_final(masukan(2023, proyek)) if "catatan_data.md" in b]
    assert len(kurang) == 7 and not any("UTTP" in b for b in kurang)
    # a note by the indicator's code counts as well
    catatan.write_text("## IK01\n\nKelompok ini dicatat sebagaimana dilaporkan Sekretariat.\n", encoding="utf-8")
    kurang = [b for b in masalah_final(masukan(2023, proyek)) if "catatan_data.md" in b]
    assert len(kurang) == 6 and not any("Cakupan Layanan" in b for b in kurang)


def test_a_note_for_no_open_finding_is_named_in_the_draft_not_printed(proyek):
    from lkj.tampil.laporan import Laporan

    catatan = proyek / "data/raw/2023/narasi/catatan_data.md"
    catatan.write_text(catatan.read_text(encoding="utf-8") + "\n## Sasaran Salah\n\nTeks.\n", encoding="utf-8")
    lap = Laporan.muat(2023, proyek)
    umum = lap.catatan_data()
    kotak = [b.pesan for b in umum.blok if isinstance(b, KotakDraf)]
    pesan = (
        "data/raw/2023/narasi/catatan_data.md: bagian '## Sasaran Salah' tidak dicetak: judulnya bukan nama atau "
        "kode indikator yang mempunyai temuan atas data yang terbuka (tulis salah satunya persis, atau '## Umum'; "
        "hapus bagian ini bila temuannya sudah diperbaiki)."
    )
    assert kotak == [pesan]
    assert lap.catatan_data("IK02") is None  # no open finding: nothing shown
    # the final report refuses what the draft names: the writer's note would be dropped unsaid
    assert [b for b in masalah_final(masukan(2023, proyek)) if "catatan_data.md" in b] == [pesan]


def test_text_outside_any_note_section_is_refused_by_the_final_report(proyek):
    catatan = proyek / "data/raw/2023/narasi/catatan_data.md"
    catatan.write_text("Pengantar catatan.\n\n" + catatan.read_text(encoding="utf-8"), encoding="utf-8")
    assert [b for b in masalah_final(masukan(2023, proyek)) if "catatan_data.md" in b] == [
        "data/raw/2023/narasi/catatan_data.md, baris 1–1: teks di luar bagian '## <nama indikator>' atau "
        "'## Umum' tidak dicetak."
    ]
