"""Narrative placeholders for direction, judgement and the headline; the missing-narrative marker."""

import pytest

from lkj.dokumen.html import blok_html
from lkj.hitung.pengukuran import hitung_anggaran, rata_rata_sebanding, sensitivitas
from lkj.tampil import narasi, tabel
from lkj.tampil.narasi import catatan_sensitivitas, nilai_placeholder, teks_arah

from conftest import hitung, masukan


@pytest.fixture(scope="module")
def k2023():
    p, lalu = hitung(2023)
    return nilai_placeholder(p, lalu, hitung_anggaran(p), sasaran_no=9)


@pytest.mark.parametrize(
    "kini, lalu, teks",
    [
        (92.8957, 103.8579, "menurun 10,96 poin dari 103,86%"),
        (123.4146, 111.9048, "meningkat 11,51 poin dari 111,90%"),
        (100, 100.001, "tetap pada 100,00%"),
        (131.15, None, "tidak dapat dibandingkan karena capaian tahun pembanding tidak tersedia"),
    ],
)
def test_direction_words_come_from_the_numbers(kini, lalu, teks):
    assert teks_arah(kini, lalu, 2) == teks


def test_2023_placeholders_for_direction_and_supporting_data(k2023):
    # one figure by one rule: both averages over the 9 indicators with a capaian in both years (not
    # 92,90 − 103,86 = −10,96, which mixes 10 indicators with 9)
    assert k2023["arah_rata_rata"] == (
        "menurun 15,21 poin, dari 103,86% menjadi 88,65%, dihitung atas 9 indikator yang mempunyai capaian "
        "pada kedua tahun"
    )
    assert "arah_rata_rata_sebanding" not in k2023  # no second figure to print
    # IK01, IK02, IK03, IK06, IK08 fell; IK04, IK09, IK10 rose; IK07 stayed; IK05 has no 2022 capaian
    assert (k2023["jumlah_menurun"], k2023["jumlah_meningkat"], k2023["jumlah_tetap"], k2023["jumlah_pembanding"]) == (
        "5",
        "3",
        "1",
        "9",
    )
    assert (
        k2023["arah_capaian_ik05"].startswith("tidak dapat dibandingkan")
        and k2023["arah_capaian_ik07"] == "tetap pada 100,00%"
    )
    assert k2023["arah_capaian"] == "meningkat 11,51 poin dari 111,90%"  # the sasaran's own (Sasaran 9: IK09)
    assert (k2023["jumlah_tanpa_data_dukung"], k2023["indikator_tanpa_data_dukung"]) == (
        "1",
        "Persentase Pertambahan IKM",
    )
    assert (k2023["jumlah_tanpa_data_dukung_lalu"], k2023["jumlah_indikator_lalu"]) == ("10", "10")
    assert k2023["asal_realisasi"] == "dilaporkan tanpa data dukung"
    assert k2023["asal_realisasi_ik02"] == "dihitung dari data dukung"


def test_headline_average_shown_as_its_calculation(k2023):
    assert k2023["rumus_rata_rata"] == (
        "(88,31 + 58,56 + 147,14 + 110,61 + 131,15 + 127,27 + 100,00 + 24,50 + 123,41 + 18,00) / 10 = 92,90%"
    )


def test_year_on_year_average_on_the_same_indicators(k2023):
    p, lalu = hitung(2023)
    s = rata_rata_sebanding(p, lalu)
    assert s.tidak_sebanding == ("IK05",) and len(s.indikator) == 9  # IK05 has no 2022 capaian
    assert round(s.rata_rata.nilai, 2) == 88.65 and round(s.rata_rata_lalu.nilai, 2) == 103.86
    assert round(s.rata_rata_lalu.nilai, 6) == round(lalu.rata_rata.nilai, 6)  # 2022's mean was already over these 9
    assert (k2023["rata_rata_sebanding"], k2023["rata_rata_sebanding_lalu"]) == ("88,65%", "103,86%")
    assert k2023["indikator_tidak_sebanding"] == "Persentase UMKM yang Melaksanakan Promosi Produk Dalam Negeri"
    assert rata_rata_sebanding(p, None) is None


def test_sensitivity_of_the_predikat_to_capping_and_unsupported_indicators(k2023):
    p, _ = hitung(2023)
    s = sensitivitas(p)
    assert [(x.batas_capaian, x.tanpa, round(x.rata_rata.nilai, 2), x.predikat) for x in s] == [
        (None, (), 92.90, "Sangat Tinggi"),
        (100, (), 78.94, "Tinggi"),
        (120, (), 88.0, "Tinggi"),
        (None, ("IK09",), 89.50, "Tinggi"),
    ]
    assert p.aturan.batas_capaian is None and round(p.rata_rata.nilai, 2) == 92.90  # the rule itself is unchanged
    html = blok_html([tabel.tabel_sensitivitas(p)])
    assert "78,94%" in html and "89,50%" in html and "Persentase Pertambahan IKM" in html
    kepekaan = catatan_sensitivitas(p)  # method: the audit package's, not a placeholder of the report
    assert kepekaan.startswith("Predikat Sangat Tinggi bergantung pada aturan perhitungan")
    assert "dengan batas 100% rata-rata menjadi 78,94% (Tinggi)" in kepekaan
    assert "catatan_sensitivitas" not in k2023


def test_a_missing_narrative_is_a_warning_and_a_visible_marker(proyek):
    (proyek / "data/raw/2023/narasi/sasaran-09.md").unlink()
    m = masukan(2023, proyek)
    assert [str(w) for w in m.peringatan] == ["PERINGATAN: narasi belum diisi: data/raw/2023/narasi/sasaran-09.md"]
    assert m.narasi["sasaran-09"] is None
    assert "Narasi belum diisi" in blok_html([narasi.tampilkan(None, "data/raw/2023/narasi/sasaran-09.md", {})])
    assert masukan(2023).peringatan == ()  # the example has every narrative


@pytest.mark.parametrize(
    ("nama", "kecuali", "tanpa"),
    [
        ([], "", ""),
        (["IKM"], ", kecuali realisasi indikator IKM yang dilaporkan tanpa data dukung", " (tanpa IKM)"),
        (
            ["IKM", "UTTP", "Pasar"],
            ", kecuali realisasi 3 indikator yang dilaporkan tanpa data dukung (IKM, UTTP dan Pasar)",
            " (tanpa IKM, UTTP dan Pasar)",
        ),
    ],
)
def test_generated_clauses_read_well_for_none_one_and_many(nama, kecuali, tanpa):
    from lkj.tampil.narasi import kecuali_tanpa_data_dukung, kecuali_tidak_sebanding

    assert kecuali_tanpa_data_dukung(nama) == kecuali and kecuali_tidak_sebanding(nama) == tanpa
    kalimat = f"Angka dihitung ulang dari data dukung setiap indikator{kecuali}."
    assert "tidak ada" not in kalimat and " 0 indikator" not in kalimat and "(tanpa tidak ada)" not in tanpa


@pytest.mark.parametrize(
    ("tanpa", "teks"),
    [
        (0, "seluruh 10 indikator tahun tersebut disertai data dukung"),
        (1, "1 dari 10 indikator tahun tersebut tidak disertai data dukung"),
        (4, "4 dari 10 indikator tahun tersebut tidak disertai data dukung"),
        (10, "seluruh 10 indikator tahun tersebut tidak disertai data dukung"),
    ],
)
def test_last_years_supporting_data_in_words(tanpa, teks):
    from lkj.tampil.narasi import data_dukung_lalu

    assert data_dukung_lalu(tanpa, 10) == teks


def test_2023_clauses_from_the_data(k2023):
    assert k2023["kecuali_tanpa_data_dukung"] == (
        ", kecuali realisasi indikator Persentase Pertambahan IKM yang dilaporkan tanpa data dukung"
    )
    assert k2023["kecuali_tidak_sebanding"] == " (tanpa Persentase UMKM yang Melaksanakan Promosi Produk Dalam Negeri)"
    assert k2023["data_dukung_lalu"] == "seluruh 10 indikator tahun tersebut tidak disertai data dukung"


# --- EYD: the narrative's spelling (issue 21, item 9) -------------------------------------------------------


def test_non_standard_words_and_spacing_are_warned_with_file_and_line():
    from lkj.masukan.ejaan import periksa_ejaan

    teks = (
        "Dimana Walikota Binjai menetapkan analisa jabatan , sebagai berikut :\n"
        "Capaian 13,45% dari target 1.004 unit; Rp1.500,- sesuai Perwal No. 35 dan {{ dimana_lalu }}.\n"
        "| Bidang | Uraian |\n|---|---|\n| | PERIJINAN usaha,dan  sistim |\n"
        "Lihat [analisa](https://contoh.go.id/analisa) dan {{ capaian_ik01 }}.\n"
        "Tugas – tugas dibidang komoditi; alat-alat dan Renstra – SKPD.\n"
    )
    w = periksa_ejaan(teks, "narasi/x.md")
    assert [(x.pesan, x.sumber) for x in w] == [
        ("ejaan: 'Dimana' tidak baku, tulis 'Di mana'", "narasi/x.md, baris 1"),
        ("ejaan: 'Walikota' tidak baku, tulis 'Wali Kota'", "narasi/x.md, baris 1"),
        ("ejaan: 'analisa' tidak baku, tulis 'analisis'", "narasi/x.md, baris 1"),
        ("ejaan: spasi sebelum ',': hapus spasinya", "narasi/x.md, baris 1"),
        ("ejaan: spasi sebelum ':': hapus spasinya", "narasi/x.md, baris 1"),
        ("ejaan: 'PERIJINAN' tidak baku, tulis 'PERIZINAN'", "narasi/x.md, baris 5"),
        ("ejaan: 'sistim' tidak baku, tulis 'sistem'", "narasi/x.md, baris 5"),
        ("ejaan: tidak ada spasi sesudah ',': tambahkan spasi", "narasi/x.md, baris 5"),
        ("ejaan: spasi ganda di tengah kalimat: jadikan satu", "narasi/x.md, baris 5"),
        ("ejaan: 'analisa' tidak baku, tulis 'analisis'", "narasi/x.md, baris 6"),  # the link's text, once
        ("ejaan: 'dibidang' tidak baku, tulis 'di bidang'", "narasi/x.md, baris 7"),
        ("ejaan: 'komoditi' tidak baku, tulis 'komoditas'", "narasi/x.md, baris 7"),
        (
            "ejaan: kata ulang 'Tugas – tugas' ditulis dengan tanda hubung tanpa spasi: 'Tugas-tugas'",
            "narasi/x.md, baris 7",
        ),
    ]  # numbers (13,45%, 1.004, Rp1.500,-), placeholders, links and table bars are not spelling


def test_the_2023_narrative_is_in_standard_spelling_and_a_slip_is_a_build_warning(proyek):
    assert not [w for w in masukan(2023).peringatan if w.pesan.startswith("ejaan:")]
    path = proyek / "data/raw/2023/narasi/penutup.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nDemikian laporan ini , untuk dipergunakan.\n")
    nomor = len(path.read_text(encoding="utf-8").splitlines())
    (w,) = [w for w in masukan(2023, proyek).peringatan if w.pesan.startswith("ejaan:")]
    assert w.sumber == f"data/raw/2023/narasi/penutup.md, baris {nomor}" and "','" in w.pesan


def test_braces_in_a_filled_value_are_text_and_a_writers_stray_brace_is_an_error():
    """An indicator may be named with braces; only the writer's own unpaired {{ or }} is refused."""
    from lkj.masukan.errors import DataError
    from lkj.tampil.narasi import isi

    nilai = {"indikator": "Indeks {{ x }} Layanan"}
    assert isi("Indikator {{ indikator }}.\n", nilai, "n.md") == "Indikator Indeks {{ x }} Layanan.\n"
    with pytest.raises(DataError, match="tanpa pasangan"):
        isi("Baris satu.\nIndikator {{ indikator }} dan {{ lupa.\n", nilai, "n.md")


# --- Bab IV: steps and recommendations per unmet indicator and low-serapan program ------------------


@pytest.fixture(scope="module")
def ukur2023():
    p, _ = hitung(2023)
    return p, hitung_anggaran(p)


def _konteks_rekomendasi(p, a):
    import json

    k = nilai_placeholder(p, None, a)
    k[narasi.BUTIR] = json.dumps(narasi.butir_rekomendasi(p, a))
    return k


def test_2023_items_are_the_unmet_indicators_with_their_programs(ukur2023):
    p, a = ukur2023
    butir = narasi.butir_rekomendasi(p, a)
    # capaian below 100: IK01 88,31; IK02 58,56; IK08 24,50; IK10 18,00. Every low-serapan program (below
    # 66%: P02 5,23, P08 23,17, P10 65,88) supports one of them, so none is an item of its own
    assert [b["kode"] for b in butir] == ["IK01", "IK02", "IK08", "IK10"]
    ik02 = butir[1]
    assert ik02["fakta"] == (
        "Target 100%, realisasi 58,56%, capaian 58,56% (predikat Rendah). Program Pelatihan Kerja Dan "
        "Produktivitas Tenaga Kerja yang mendukungnya menyerap 5,23% anggarannya, serapan yang rendah."
    )
    assert butir[0]["fakta"].endswith("menyerap 81,94% anggarannya.")  # 81,94% is not low
    assert "di bawah 66%" in narasi.aturan_rekomendasi(p, butir)


def test_a_low_serapan_program_whose_indicators_are_met_is_an_item(ukur2023):
    p, a = ukur2023
    a = a.copy()
    a.loc[a.program_kode == "P03", "realisasi"] = a.loc[a.program_kode == "P03", "pagu"] * 0.5
    a.loc[a.program_kode == "P03", "serapan"] = 50.0
    a.loc[a.program_kode == "P05", "serapan"] = 10.0  # no indicator at all
    kode = {b["kode"]: b for b in narasi.butir_rekomendasi(p, a)}
    assert list(kode) == ["IK01", "IK02", "IK08", "IK10", "P03", "P05"]
    assert kode["P03"]["fakta"].startswith("Program Penempatan Tenaga Kerja menyerap 50,00% anggarannya")
    assert "Persentase Pencari Kerja yang Ditempatkan (147,14%), mencapai target" in kode["P03"]["fakta"]
    assert kode["P05"]["fakta"].endswith("program ini tidak dipasangkan dengan indikator kinerja.")


def test_each_item_without_a_section_is_a_red_box_and_a_final_refusal(ukur2023):
    p, a = ukur2023
    k = _konteks_rekomendasi(p, a)
    teks = (
        "Pengantar.\n\n## cakupan layanan  administrasi kantor\n\nLangkah A.\n\n"
        "## IK08\n\nLangkah {{ capaian_ik08 }}.\n"
        "\n## Persentase Pencari Kerja yang Dilatih Bersertifikat Kompetensi\n\n"  # a heading alone is no section
        "## Indikator yang tidak ada\n\nX.\n"
    )
    kurang = narasi.tak_terisi(teks, k, "narasi/penutup_rekomendasi.md")
    assert len(kurang) == 2  # IK02 (empty section) and IK10, one line each, by name
    assert (
        "'Persentase Pencari Kerja yang Dilatih Bersertifikat Kompetensi' (capaian 58,56%, di bawah target)"
        in (kurang[0])
    )
    assert "## Persentase Data Informasi Industri secara Lengkap dan Terkini melalui SIINas" in kurang[1]
    n = narasi.tampilkan(teks, "narasi/penutup_rekomendasi.md", k)
    html = blok_html([n])
    # in the items' order, each heading with its computed sentence, the writer's words filled
    urutan = [html.index(s) for s in ("Pengantar.", "Langkah A.", "Dilatih Bersertifikat", "Langkah 24,50%.")]
    assert urutan == sorted(urutan)
    kotak = [b.pesan for b in n.blok if isinstance(b, narasi.KotakDraf)]
    assert len(kotak) == 3 and "tidak dicetak" in kotak[2] and "Indikator yang tidak ada" in kotak[2]
    assert "Indikator yang tidak ada" not in "".join(
        b.teks for b in n.blok if isinstance(b, narasi.Judul)
    )  # a section for no item is not printed
    lengkap = teks.replace("## Indikator yang tidak ada\n\nX.\n", "X.\n\n## SIINas\n").replace(
        "## SIINas", "## Persentase Data Informasi Industri secara Lengkap dan Terkini melalui SIINas\n\nY."
    )
    assert narasi.tak_terisi(lengkap, k, "f") == []
    assert "_butir" not in narasi.tak_terisi("{{ bukan_nama }}", k, "f")[0]  # not offered as a placeholder


def test_efisiensi_in_words_never_calls_underspending_efficient(ukur2023):
    p, a = ukur2023
    kalimat = narasi.kalimat_efisiensi(p, a)
    assert len(kalimat) == 11  # ten programs, then the indicator no program supports
    assert kalimat[1] == (
        "Program Pelatihan Kerja Dan Produktivitas Tenaga Kerja menyerap 5,23% anggaran dan mencapai 58,56% target "
        "indikatornya; serapan yang rendah bersama target yang belum tercapai menunjukkan kegiatan yang belum "
        "terlaksana, bukan efisiensi."
    )
    assert kalimat[0].endswith("target belum tercapai, sehingga sisa anggarannya tidak dinilai sebagai efisiensi.")
    assert kalimat[2].endswith("mencapai 147,14% target indikatornya: target tercapai dengan anggaran yang efisien.")
    assert "Perizinan Dan Pendaftaran Perusahaan menyerap 77,37% anggarannya" in kalimat[4]
    assert "tidak dipasangkan dengan indikator kinerja" in kalimat[4]
    assert kalimat[10] == (
        "Indikator Persentase Pertambahan IKM tidak didukung program dalam data anggaran, sehingga capaiannya "
        "(123,41%) tidak dibandingkan dengan anggaran."
    )
    assert not any("efisien" in k and "belum" not in k for k in (kalimat[1], kalimat[7], kalimat[9]))
    assert "di bawah 66%" in narasi.aturan_efisiensi(p)


def test_placeholders_for_the_ikhtisar_problems(k2023):
    assert k2023["indikator_belum_tercapai"].startswith("Cakupan Layanan Administrasi Kantor (88,31%), Persentase")
    assert k2023["indikator_belum_tercapai"].endswith(
        "dan Persentase Data Informasi Industri secara Lengkap dan Terkini melalui SIINas (18,00%)"
    )
    assert k2023["batas_serapan_rendah"] == "66%"
    assert k2023["program_serapan_rendah"] == (
        "Program Pelatihan Kerja Dan Produktivitas Tenaga Kerja (5,23%), Program Standarisasi Dan Perlindungan "
        "Konsumen (23,17%) dan Program Pengelolaan Sistem Informasi Industri Nasional (65,88%)"
    )
