"""Issue 21 items 7 and 8: the Lampiran a Kepala Dinas signs (the PK as signed, SK IKU, Rencana Aksi, the
Pernyataan Telah Direviu) and Bab I as the regulation expects (isu strategis, staff by golongan and education).

The example's blocks are made directly from its validated inputs (no kernel); the 2023 checks read the
draft the session fixture built."""

import re
import shutil

import pytest

from lkj.dokumen.model import KotakDraf, Narasi, Paragraf, PindahHalaman, Tabel, TandaTangan
from lkj.masukan.errors import DataError
from lkj.tampil import lampiran_laporan
from lkj.tampil.laporan import Laporan

from conftest import ROOT, masukan

CONTOH = ROOT / "examples/dinas-contoh"


def _teks_sel(sel) -> str:
    return "".join(t.teks for t in sel)


def _paragraf(blok) -> list[str]:
    return ["".join(t.teks for t in b.isi) for b in blok if isinstance(b, Paragraf)]


@pytest.fixture(scope="module")
def contoh():
    return Laporan.muat(2024, CONTOH)


@pytest.fixture
def salinan(tmp_path):
    root = tmp_path / "dinas-contoh"
    shutil.copytree(CONTOH, root, ignore=shutil.ignore_patterns("processed", "build", "reports"))
    return root


# --- item 7: the Lampiran -----------------------------------------------------------------------


def test_example_lampiran_in_order_numbered_over_the_parts_present(contoh):
    blok = lampiran_laporan.lampiran(contoh)
    judul = [b.teks for b in blok if type(b).__name__ == "Judul"]
    assert judul == [
        "Lampiran",
        "Lampiran 1. Perjanjian Kinerja Tahun 2024",
        "Lampiran 2. Pengukuran Kinerja Tahun 2024",
        "Lampiran 3. Indikator Kinerja Utama",
        "Lampiran 4. Rencana Aksi Tahun 2024",
        "Lampiran 5. Pernyataan Telah Direviu",
    ]
    assert not [b for b in blok if isinstance(b, KotakDraf)]


def test_the_pk_as_signed_names_both_parties_and_lists_programs_with_anggaran(contoh):
    blok = lampiran_laporan.perjanjian_kinerja(contoh, 1)
    teks = " ".join(_paragraf(blok))
    assert "RINA KUSUMA, S.E., M.M., Kepala Dinas Koperasi, Usaha Kecil dan Menengah Kabupaten Contoh, " in teks
    assert "AHMAD SANTOSO, Bupati Contoh, selaku atasan pihak pertama, selanjutnya disebut pihak kedua." in teks
    assert "Ditandatangani di Kota Contoh pada tanggal 2 Januari 2024." in teks
    ttd = [b for b in blok if isinstance(b, TandaTangan)]
    assert [(t.tempat_tanggal, t.jabatan, t.nama, t.nip) for t in ttd] == [
        ("Pihak Kedua,", "BUPATI CONTOH", "AHMAD SANTOSO", ""),
        (
            "Pihak Pertama,",
            "KEPALA DINAS KOPERASI, USAHA KECIL DAN MENENGAH KABUPATEN CONTOH",
            "RINA KUSUMA, S.E., M.M.",
            "19750312 200003 2 004",
        ),
    ]
    pk, program = [b for b in blok if isinstance(b, Tabel)]
    assert pk.judul == "Perjanjian Kinerja Tahun 2024" and len(pk.baris) == 7
    assert program.judul == "Program dan Anggaran Perjanjian Kinerja Tahun 2024"
    assert [_teks_sel(s) for s in program.baris[2]] == ["3", "Program Pengembangan UMKM", "640.000.000"]
    assert _teks_sel(program.kaki[0][2]) == "5.075.000.000"  # 3.250 + 875 + 640 + 310 million


def test_pk_first_party_defaults_to_the_signatory(contoh):
    m = masukan(2023)
    assert m.aturan.perjanjian_kinerja is None  # the published 2023 report prints no signed PK
    from lkj.masukan.params import baca_aturan
    from lkj.masukan.proyek import Proyek

    proyek = Proyek.di(ROOT)
    assert baca_aturan(proyek, 2023).penandatangan["nama"] == "Drs. HAMDANI HASIBUAN"


def test_sk_iku_and_rencana_aksi(contoh):
    iku = lampiran_laporan.iku(contoh, 3)
    assert "ditetapkan dengan Keputusan Nomor 500/17/KUKM/2022 tanggal 14 Maret 2022" in " ".join(_paragraf(iku))
    ra = next(b for b in lampiran_laporan.rencana_aksi(contoh, 4) if isinstance(b, Tabel))
    baris = [[_teks_sel(s) for s in r] for r in ra.baris]
    assert baris[0][:4] == ["Jumlah wirausaha baru", "orang", "150", "Pelatihan kewirausahaan di tiga kecamatan"]
    assert baris[0][4:] == ["20", "60", "110", "150"]  # the unit in its own column: a quarter's fits
    assert baris[2][4:] == ["–", "15", "30", "40"]  # IK07: nothing in the first quarter
    rupiah = next(r for r in baris if r[1] == "Rp")
    assert rupiah[2] == "1.250.000.000" and rupiah[-1] == "1.250.000.000"
    assert baris[-1][0] == "Rasio kredit bermasalah UMKM binaan"  # in the PK's order, not the file's


def test_pernyataan_telah_direviu_in_the_regulations_wording(contoh):
    blok = lampiran_laporan.pernyataan_reviu(contoh, 5)
    assert isinstance(blok[0], PindahHalaman)
    teks = " ".join(_paragraf(blok))
    assert "PERNYATAAN TELAH DIREVIU" in teks and "Nomor: 700/45/REVIU/2025" in teks
    assert (
        "Kami telah mereviu Laporan Kinerja Dinas Koperasi, Usaha Kecil dan Menengah Kabupaten Contoh untuk tahun "
        "anggaran 2024 sesuai Pedoman Reviu atas Laporan Kinerja. Substansi informasi yang dimuat dalam Laporan "
        "Kinerja menjadi tanggung jawab manajemen Dinas Koperasi, Usaha Kecil dan Menengah Kabupaten Contoh."
    ) in teks
    assert "Reviu bertujuan untuk memberikan keyakinan terbatas" in teks
    assert "tidak terdapat kondisi atau hal-hal yang menimbulkan perbedaan dalam meyakini keandalan" in teks
    (ttd,) = [b for b in blok if isinstance(b, TandaTangan)]
    assert (ttd.tempat_tanggal, ttd.jabatan, ttd.nama) == (
        "Kota Contoh, 20 Februari 2025",
        "INSPEKTUR KABUPATEN CONTOH",
        "BUDI HARTONO, S.H., M.Si.",
    )


def test_without_the_statement_a_draft_marks_its_place_and_final_is_not_refused(salinan):
    params = salinan / "params/2024.yaml"
    teks = params.read_text(encoding="utf-8")
    params.write_text(teks[: teks.index("# The Inspektorat's")], encoding="utf-8")
    lap = Laporan.muat(2024, salinan)
    (kotak,) = lampiran_laporan.pernyataan_reviu(lap, 5)
    assert isinstance(kotak, KotakDraf)  # a draft-only box: the final assembly drops it
    assert "Lampiran 5. Pernyataan Telah Direviu" in kotak.pesan and "pernyataan_reviu" in kotak.pesan
    from lkj.pipeline import masalah_final

    assert not [x for x in masalah_final(lap.m) if "reviu" in x]


def test_2023_draft_and_final_lampiran(laporan):
    from test_ditandatangani import _dokumen, _teks

    root = laporan[0]
    draf, final = _dokumen(root, final=False), _dokumen(root, final=True)
    kotak = [b.pesan for b in draf.blok if isinstance(b, KotakDraf)]
    assert any(k.startswith("Perjanjian Kinerja belum lengkap") and "pihak_kedua" in k for k in kotak)
    assert any(k.startswith("Lampiran 4. Pernyataan Telah Direviu") for k in kotak)
    teks = _teks(final)
    assert "Pernyataan Telah Direviu" not in teks and "pernyataan_reviu" not in teks
    assert "Lampiran 1. Perjanjian Kinerja Tahun 2023" in teks
    assert "Program dan Anggaran Perjanjian Kinerja Tahun 2023" in teks
    assert "Lampiran 3. Catatan Koreksi" in teks  # the seed's published figures exist (publikasi.csv)
    assert "Rencana Aksi" not in teks and "Lampiran 4." not in teks  # no data: no such Lampiran


def test_2023_catatan_koreksi_lists_every_corrected_published_figure_in_words(laporan):
    """Issue 21 item 3: every figure of the earlier published report that this one prints otherwise, with
    its old and new value and the reason in plain words; no codes."""
    lap = Laporan.muat(2023, laporan[0])
    blok = lampiran_laporan.koreksi(lap, 3)
    (t,) = [b for b in blok if isinstance(b, Tabel)]
    baris = [[_teks_sel(sel) for sel in r] for r in t.baris]
    assert len(baris) == 69 and [r[0] for r in baris] == [str(i) for i in range(1, 70)]
    ik02 = baris[0]
    assert ik02[1:] == [
        "Realisasi Persentase Pencari Kerja yang Dilatih Bersertifikat Kompetensi tahun 2023",
        "Bab III 3.2, Tabel Pengukuran 3.2, baris Sasaran 2, kolom Realisasi",
        "88%",
        "58,56%",
        "dihitung ulang dari data dukungnya",
    ]
    assert {r[5] for r in baris} == set(lampiran_laporan.ALASAN_KOREKSI.values()) - {
        "disesuaikan dengan data dukung yang tersedia"
    }
    assert not [r for r in baris if re.search(r"\b(IK|P)\d\d\b", r[1])]  # indicators and programs named
    (kalimat,) = _paragraf(lampiran_laporan.kalimat_koreksi(lap))
    assert kalimat.startswith("Laporan ini memperbaiki 69 angka yang berbeda dari laporan kinerja tahun 2023")


def test_without_a_published_report_there_is_no_catatan_koreksi(contoh):
    assert lampiran_laporan.koreksi(contoh, 3) == [] and lampiran_laporan.kalimat_koreksi(contoh) == []


# --- params and CSV checks ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "ganti, pesan",
    [
        ("  nomor: 700/45/REVIU/2025\n", "pernyataan_reviu: kunci yang kurang: nomor"),
        ("  nama: BUDI HARTONO, S.H., M.Si.\n", "pernyataan_reviu: kunci yang kurang: nama"),
        ("  tanggal: 14 Maret 2022\n", "sk_iku: kunci yang kurang: tanggal"),
        ("    nama: AHMAD SANTOSO\n", "perjanjian_kinerja.pihak_kedua: kunci yang kurang: nama"),
    ],
)
def test_an_incomplete_lampiran_block_is_refused_naming_the_key(salinan, ganti, pesan):
    params = salinan / "params/2024.yaml"
    params.write_text(params.read_text(encoding="utf-8").replace(ganti, "", 1), encoding="utf-8")
    with pytest.raises(DataError) as e:
        masukan(2024, salinan)
    assert pesan in str(e.value) and "params/2024.yaml" in str(e.value)


def test_an_empty_required_entry_is_refused(salinan):
    params = salinan / "params/2024.yaml"
    params.write_text(
        params.read_text(encoding="utf-8").replace("  nomor: 700/45/REVIU/2025", "  nomor:"), encoding="utf-8"
    )
    with pytest.raises(DataError, match=r"pernyataan_reviu\.nomor kosong"):
        masukan(2024, salinan)


@pytest.mark.parametrize(
    "berkas, baris, pesan",
    [
        ("pegawai.csv", "jabatan,Golongan IV,6", "baris 12, kolom 'kelompok': nilai 'jabatan' tidak dikenal"),
        ("pegawai.csv", "golongan,Golongan V,2.5", "baris 12, kolom 'jumlah': nilai '2.5' bukan bilangan bulat"),
        ("pegawai.csv", "golongan,Golongan IV,1", "kelompok/uraian 'golongan/Golongan IV' ganda"),
        ("rencana_aksi.csv", "IK99,Rapat,1,2,3,4", "baris 9, kolom 'indikator_id': indikator_id 'IK99' tidak ada"),
        ("rencana_aksi.csv", "IK01,,,,,", "baris 9, kolom 'kegiatan': baris tanpa kegiatan dan tanpa target"),
        ("rencana_aksi.csv", "IK01,Pameran,1.004,,,", None),  # a warning, not an error (1.004 or 1004?)
    ],
)
def test_bad_cells_of_the_new_csv_files_name_file_row_and_column(salinan, berkas, baris, pesan):
    path = salinan / "data/raw/2024" / berkas
    path.write_text(path.read_text(encoding="utf-8") + baris + "\n", encoding="utf-8")
    if pesan is None:
        m = masukan(2024, salinan)
        assert any("1.004" in str(w) and "rencana_aksi.csv, baris 9" in str(w) for w in m.peringatan)
        return
    with pytest.raises(DataError) as e:
        masukan(2024, salinan)
    assert f"data/raw/2024/{berkas}" in str(e.value) and pesan in str(e.value)


def test_staff_totals_by_golongan_and_education_must_agree(salinan):
    path = salinan / "data/raw/2024/pegawai.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("pendidikan,SMP,1", "pendidikan,SMP,3"), "utf-8")
    with pytest.raises(DataError, match=r"menurut golongan \(48\) berbeda dengan jumlah menurut pendidikan \(50\)"):
        masukan(2024, salinan)


# --- item 8: Bab I ------------------------------------------------------------------------------


def test_example_staff_tables(contoh):
    blok = lampiran_laporan.pegawai(contoh)
    assert _paragraf(blok) == [
        "Jumlah pegawai Dinas Koperasi, Usaha Kecil dan Menengah Kabupaten Contoh pada tahun 2024 adalah 48 orang, "
        "dirinci menurut golongan dan menurut tingkat pendidikan pada tabel berikut."
    ]
    gol, pend = [b for b in blok if isinstance(b, Tabel)]
    assert gol.judul == "Jumlah Pegawai menurut Golongan" and pend.judul == "Jumlah Pegawai menurut Tingkat Pendidikan"
    assert [_teks_sel(r[1]) for r in gol.baris][:2] == ["Golongan IV", "Golongan III"]
    assert _teks_sel(gol.kaki[0][2]) == _teks_sel(pend.kaki[0][2]) == "48"


def test_2023_bab_1_has_isu_strategis_and_no_staff_claim(laporan):
    from test_ditandatangani import _dokumen, _teks

    final = _dokumen(laporan[0], final=True)
    isu = next(b for b in final.blok if isinstance(b, Narasi) and b.sumber.endswith("bab1_isu_strategis.md"))
    assert not isu.kosong
    teks = _teks(final)
    assert "B. Isu Strategis dan Permasalahan Utama" in teks
    assert "belum ada Pejabat Fungsional Mediator" in teks  # from the published report's kendala (3.2.4)
    # no pegawai.csv for 2023: no staff table, no staff figure
    assert not [b for b in final.blok if getattr(b, "id", "") in ("sumber-daya-manusia", "tabel-pegawai-golongan")]
    assert "Jumlah Pegawai" not in teks and "jumlah pegawai" not in teks
    # the sections of Bab I in order
    urutan = [teks.index(s) for s in ("A. Tugas, Fungsi", "B. Isu Strategis", "C. Mandat", "D. Sistematika")]
    assert urutan == sorted(urutan)


def test_renstra_period_name_and_length_come_from_its_data(laporan):
    """The period is the folder's (2021-2026); the target columns (target_1..target_5) end in 2025, and the
    Renstra table heads its columns with those years, not with 'target akhir' of the period's end."""
    m = masukan(2023)
    r = m.data.renstra
    assert (r.tahun_awal, r.tahun_akhir, r.jumlah_target, list(r.tahun_target)) == (
        2021,
        2026,
        5,
        list(range(2021, 2026)),
    )
    from test_ditandatangani import _dokumen, _teks

    teks = _teks(_dokumen(laporan[0], final=True))
    assert "2021–2026" in teks and "Target akhir Renstra (2025)" in teks
    assert "target tahun ke-5 Renstra 2021–2026 (tahun 2025)" in teks
