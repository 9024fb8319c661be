"""Every reviu rule, with a case it must flag and a case it must pass."""

import csv
import io

import pytest

from lkj.__main__ import main
from lkj.masukan.publikasi import baca_tertulis
from lkj.reviu.keluaran import KOLOM_CSV
from lkj.reviu.temuan import banding

from conftest import ROOT, masukan, periksa

Y = "data/raw/2023"
HEADER = ["lokasi", "tabel", "baris", "kolom", "tahun", "subjek", "besaran", "tertulis"]


def publikasi(root, *rows):
    """Replace publikasi.csv by the given figures: (tabel, tahun, subjek, besaran, tertulis[, baris])."""
    with open(root / Y / "publikasi.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        for i, (tabel, tahun, subjek, besaran, tertulis, *baris) in enumerate(rows, start=1):
            w.writerow(["Bab uji", tabel, str(baris[0] if baris else i), besaran, tahun, subjek, besaran, tertulis])


def temuan(root, aturan):
    return [t for t in periksa(2023, root) if t.kode.startswith(aturan)]


@pytest.mark.parametrize(
    "teks, nilai, digit",
    [
        ("58,86%", 58.86, 2),
        ("147,3 %", 147.3, 1),
        ("88%", 88, 0),
        ("1.004", 1004, 0),
        ("0,079", 0.079, 3),
        ("-1,489", -1.489, 3),
        ("6.163.458.376,-", 6163458376, 0),
        ("-", None, 0),
        ("", None, 0),
        ("352.418.800,- 87.807.000,-", None, 0),
    ],
)
def test_printed_numbers_are_read_as_printed(teks, nilai, digit):
    assert baca_tertulis(teks) == (nilai, digit if nilai is not None else 0)


@pytest.mark.parametrize(
    "dilaporkan, digit, hitung, hasil",
    [
        (88, 0, 88.3069, "sesuai"),
        (58.56, 2, 58.5635, "sesuai"),
        (63.63, 2, 63.6364, "pembulatan"),
        (147.15, 2, 147.1402, "pembulatan"),
        (88, 0, 58.56, "beda"),
        (58.7, 1, 58.856, "beda"),
    ],
)
def test_banding_at_printed_precision(dilaporkan, digit, hitung, hasil):
    assert banding(dilaporkan, digit, hitung) == hasil


def test_published_2023_report_gives_one_finding_per_root_cause():
    semua = periksa(2023, ROOT)
    uraian = [(x.kategori, x.uraian) for x in semua]
    assert ("salah hitung", "Realisasi IK02 2023 tercetak 88%, hasil hitung dari datanya 58,56%") in uraian
    assert any(k == "tidak konsisten" and "81,10%" in u and "81,94%" in u for k, u in uraian)
    # IK02's 88%: printed in 10 cells (5 realisasi, 4 capaian, the efficiency table's capaian of P02)
    # and the efficiency computed from it -- one finding listing all 11 places
    (ik02,) = [t for t in semua if "88%" in t.keterangan and "IK02" in t.keterangan]
    assert ik02.kategori == "salah hitung" and ik02.tingkat == "tinggi" and len(ik02.lokasi) == 11
    cetak_88 = [
        a.tempat for a in masukan(2023).publikasi if a.subjek in ("IK02", "P02") and a.tertulis.strip() == "88%"
    ]
    assert len(cetak_88) == 10 and set(cetak_88) < set(ik02.lokasi)
    assert any("Tingkat Efisiensi" in x for x in ik02.lokasi)
    assert ik02.program_kode == "P02" and ik02.sumber == "publikasi"
    # IK05's 76,10% (wrong against its data and against Tabel Pengukuran): booked once, by R01
    assert [t.aturan for t in semua if t.nilai_dilaporkan == 76.10] == ["R01"]
    # the DPA list's pagu column shifted by one row: one finding with its 10 rows
    (dpa,) = [t for t in semua if "DPA" in t.tempat]
    assert dpa.aturan == "R02" and "bergeser satu baris" in dpa.uraian and len(dpa.lokasi) == 10
    # no published cell is booked twice
    lokasi = [x for t in semua for x in t.lokasi]
    assert len(lokasi) == len(set(lokasi))
    per_kategori = {k: sum(t.kategori == k for t in semua) for k in dict.fromkeys(t.kategori for t in semua)}
    assert per_kategori == {
        "salah hitung": 12,
        "pembulatan": 6,
        "tidak konsisten": 11,
        "metodologi": 9,
        "data dukung tidak ada": 1,
    }
    assert len(semua) == 39
    # on lkj's own data (2022 PK targets, a group hiding a sub-item, denominators, the reported-only IK09, no
    # evidence mapping, data-table targets): not fixed, but disclosed where the figure appears, IK09's by the
    # report's own note, the rest by the writer's (catatan_data.md); every finding on the published document
    # is corrected in lkj's report
    assert sorted(t.kode for t in semua if t.sumber == "data") == [
        "R03-001", "R03-002", "R05-001", "R06-004", "R06-005", "R06-007", "R06-008",
        "R09-001", "R09-002", "R09-003", "R09-004",
    ]  # fmt: skip
    assert {t.kode: t.diungkapkan for t in semua if t.sumber == "data" and t.diungkapkan != "narasi"} == {
        "R06-008": "laporan"
    }
    assert {t.status for t in semua if t.sumber == "data"} == {"diungkapkan"}
    assert {t.status for t in semua if t.sumber == "publikasi"} == {"dikoreksi"}
    # every wrong figure keeps its own line: S8's capaian 26,90% (right 24,50%) inside R01-003
    (ik08,) = [t for t in semua if t.uraian.startswith("Realisasi IK08 2023 tercetak 13,45%")]
    assert ("Capaian IK08 2023", "26,90%", "24,50%") in [(b.apa, b.tertulis, b.benar) for b in ik08.butir]
    assert [b.lokasi for b in ik08.butir] == list(ik08.lokasi)
    # the DPA shift: each row with its printed and right pagu
    assert (dpa.butir[0].tertulis, dpa.butir[0].benar) == ("6.163.458.376,-", "Rp5.725.755.076")
    assert sum(len(t.butir) for t in semua) == 85
    assert {t.sumber for t in semua if t.aturan in ("R05",) or "data/raw" in t.tempat} == {"data"}


# --- R01 -------------------------------------------------------------------------------------


def test_r01_flags_a_figure_that_does_not_follow_from_its_data(proyek):
    publikasi(proyek, ("T", 2023, "IK02", "realisasi", "88%"), ("T", 2023, "IK06", "realisasi", "63,63%"))
    (salah, bulat) = temuan(proyek, "R01")
    assert (salah.kategori, salah.tingkat, salah.nilai_dilaporkan) == ("salah hitung", "tinggi", 88)
    assert salah.sumber == "publikasi" and salah.lokasi == ("Bab uji, T, baris 1, kolom realisasi",)
    assert round(salah.nilai_hitung, 2) == 58.56 and round(salah.selisih, 2) == 29.44
    assert (bulat.kategori, bulat.tingkat) == ("pembulatan", "rendah")


def test_r01_books_one_wrong_value_once_with_every_cell_that_prints_it(proyek):
    publikasi(
        proyek,
        ("A", 2023, "IK08", "realisasi", "13,45%"),
        ("B", 2023, "IK08", "realisasi", "13,4%"),
        ("A", 2023, "IK08", "capaian", "26,90%"),
        ("C", 2023, "IK08", "realisasi", "20%"),
    )
    (t, lain) = temuan(proyek, "R01")
    assert len(t.lokasi) == 3 and "B, baris 2" in t.lokasi[1] and "capaian" in t.keterangan
    assert (lain.nilai_dilaporkan, len(lain.lokasi)) == (20, 1)  # another wrong value: another finding


def test_r01_passes_correct_figures(proyek):
    publikasi(
        proyek,
        ("T", 2023, "IK02", "realisasi", "58,56%"),
        ("T", 2023, "IK02", "capaian", "58,56%"),
        ("T", 2023, "semua", "rata_rata", "92,90%"),
        ("T", 2023, "P01", "serapan", "81,94%"),
        ("T", 2023, "P01", "efisiensi", "0,072"),
        ("T", 2022, "IK03", "capaian", "176,7%"),
    )
    assert temuan(proyek, "R01") == []


# --- R02 -------------------------------------------------------------------------------------


def test_r02_flags_one_quantity_with_two_values(proyek):
    publikasi(
        proyek,
        ("A", 2023, "P01", "pagu", "5.725.755.076"),
        ("B", 2023, "P01", "pagu", "6.163.458.376"),
        ("C", 2023, "P01", "pagu", "6.163.458.376,-"),
    )
    (t,) = temuan(proyek, "R02")
    assert t.kategori == "tidak konsisten" and t.program_kode == "P01" and len(t.lokasi) == 2
    assert (t.nilai_dilaporkan, t.nilai_hitung) == (6163458376, 5725755076)


def test_r02_does_not_book_again_a_cell_r01_explains(proyek):
    publikasi(proyek, ("A", 2023, "IK05", "capaian", "131,15%"), ("B", 2023, "IK05", "capaian", "76,10%"))
    assert temuan(proyek, "R02") == [] and [t.nilai_dilaporkan for t in temuan(proyek, "R01")] == [76.10]


def test_r02_books_a_column_shifted_by_one_row_as_one_finding(proyek):
    pagu = ["5.725.755.076", "193.768.000", "186.363.300", "57.572.000"]  # P01-P04 in anggaran.csv
    rows = [("Tabel 3.4", 2023, f"P0{i}", "pagu", v) for i, v in enumerate(pagu, start=1)]
    rows += [("DPA", 2023, f"P0{i}", "pagu", v) for i, v in enumerate(["9.999", *pagu[:3]], start=1)]
    publikasi(proyek, *rows)
    (t,) = temuan(proyek, "R02")
    assert "bergeser satu baris" in t.uraian and len(t.lokasi) == 4 and t.program_kode == "P01,P02,P03,P04"


def test_r02_passes_the_same_value_printed_with_fewer_digits(proyek):
    publikasi(proyek, ("A", 2023, "IK05", "capaian", "131,15%"), ("B", 2023, "IK05", "capaian", "131,1%"))
    assert temuan(proyek, "R02") == []


# --- R03 -------------------------------------------------------------------------------------


def test_r03_flags_pk_target_that_differs_from_renstra():
    t = [x for x in periksa(2023, ROOT) if x.kode.startswith("R03") and "pk.csv" in x.tempat]
    assert {x.sumber for x in t} == {"data"}
    assert {(x.indikator_id, x.nilai_dilaporkan, x.nilai_hitung) for x in t} == {("IK05", 10, 20), ("IK09", 4.2, 4)}


def test_r03_passes_when_targets_agree(proyek):
    p = proyek / "data/raw/2022/pk.csv"
    p.write_text(p.read_text().replace(",10\n", ",20\n").replace(",4.2\n", ",4\n"))
    publikasi(proyek, ("IKU", 2023, "IK10", "target", "40%"), ("Renstra", 2025, "IK10", "target_renstra", "60%"))
    assert temuan(proyek, "R03") == []
    publikasi(proyek, ("IKU", 2023, "IK10", "target", "100%"))
    assert [x.nilai_dilaporkan for x in temuan(proyek, "R03")] == [100]


# --- R04 -------------------------------------------------------------------------------------


def test_r04_flags_inputs_that_differ_from_their_source_and_a_wrong_pairing(proyek):
    publikasi(
        proyek,
        ("E", 2023, "P01", "efisiensi_serapan", "81,10%"),
        ("E", 2023, "P05", "efisiensi_capaian", "127,26%"),
        ("RA", 2023, "P09", "pasangan_indikator", "IK08"),
    )
    kategori = sorted(t.kategori for t in temuan(proyek, "R04"))
    assert kategori == ["metodologi", "tidak konsisten", "tidak konsisten"]


def test_r04_books_an_efficiency_with_the_wrong_input_it_was_computed_from(proyek):
    publikasi(
        proyek,
        ("E", 2023, "P01", "efisiensi_serapan", "81,10%", 1),
        ("E", 2023, "P01", "efisiensi_capaian", "88%", 1),
        ("E", 2023, "P01", "efisiensi", "0,079", 1),
    )
    assert temuan(proyek, "R01") == []
    (t,) = temuan(proyek, "R04")
    assert len(t.lokasi) == 2 and "efisiensi P01 0,079" in t.keterangan


def test_r04_passes_inputs_equal_to_their_sources(proyek):
    publikasi(
        proyek,
        ("E", 2023, "P01", "efisiensi_serapan", "81,94%"),
        ("E", 2023, "P01", "efisiensi_capaian", "88,31%"),
        ("RA", 2023, "P09", "pasangan_indikator", "IK05"),
    )
    assert temuan(proyek, "R04") == []


# --- R05 -------------------------------------------------------------------------------------


def test_r05_flags_a_group_at_100_percent_hiding_a_sub_item_at_50(proyek):
    (t,) = temuan(proyek, "R05")
    assert "G6" in t.tempat and t.sumber == "data" and round(t.nilai_hitung, 2) == 83.33 and t.nilai_dilaporkan == 100


def test_r05_passes_groups_that_agree_with_their_sub_items(proyek):
    p = proyek / Y / "komponen.csv"
    p.write_text(
        p.read_text().replace(
            "Bangunan Kantor yang Disediakan,paket,10,5", "Bangunan Kantor yang Disediakan,paket,10,10"
        )
    )
    assert temuan(proyek, "R05") == []
    p.write_text(
        p.read_text().replace(
            "Barang Milik Daerah yang Dikelola dan Dipelihara,unit,105,47",
            "Barang Milik Daerah yang Dikelola dan Dipelihara,unit,105,48",
        )
    )
    (t,) = temuan(proyek, "R05")
    assert (t.nilai_dilaporkan, t.nilai_hitung) == (48, 47)  # a count group = sum of its sub-items


# --- R06 -------------------------------------------------------------------------------------


def test_r06_flags_denominator_scale_gaps_and_missing_support(proyek):
    publikasi(
        proyek,
        ("Tabel Indikator Kinerja Utama", 2023, "IK05", "penyebut", "Jumlah UMKM Unggulan"),
        ("Capaian Kinerja Sasaran 5", 2023, "IK05", "penyebut", "Jumlah Keseluruhan UMKM"),
        ("Skala", 2023, "Tinggi", "skala_dari", "76"),
        ("Skala", 2023, "Tinggi", "skala_sampai", "90"),
        ("Skala", 2023, "Sangat Tinggi", "skala_dari", "91"),
        ("Skala", 2023, "Sangat Tinggi", "skala_sampai", "100"),
    )
    uraian = " | ".join(t.uraian for t in temuan(proyek, "R06"))
    assert "Jumlah Keseluruhan UMKM" in uraian and "antara 90 dan 91" in uraian and "di atas 100" in uraian
    assert "IK09" in uraian  # no supporting data, no analysis section, not in the pengukuran table


def test_r06_passes_a_complete_report(proyek):
    (proyek / Y / "realisasi_langsung.csv").write_text("indikator_id,realisasi,keterangan\n")
    with open(proyek / Y / "komponen.csv", "a") as f:
        f.write(
            "IK09,K01,,tahun_n,Jumlah IKM tahun 2023,unit,,1050\n"
            "IK09,K02,,tahun_sebelumnya,Jumlah IKM tahun 2022,unit,,1000\n"
        )
    rows = [("Tabel Pengukuran 3.2", 2023, f"IK{i:02d}", "target", "1") for i in range(1, 11)]
    rows += [("Capaian Kinerja Sasaran", 2023, f"IK{i:02d}", "target", "1") for i in range(1, 11)]
    rows += [
        ("Tabel Indikator Kinerja Utama", 2023, "IK05", "penyebut", "Jumlah UMKM Unggulan"),
        ("Skala", 2023, "Tinggi", "skala_dari", "76"),
        ("Skala", 2023, "Tinggi", "skala_sampai", "91"),
        ("Skala", 2023, "Sangat Tinggi", "skala_dari", "91"),
    ]
    publikasi(proyek, *rows)
    bukti = "".join(f"IK{i:02d},,https://contoh.invalid/ik{i:02d}.pdf,laporan,Sekretariat,\n" for i in range(1, 11))
    (proyek / Y / "bukti.csv").write_text("indikator_id,komponen_id,berkas,jenis_dokumen,bidang,keterangan\n" + bukti)
    assert [t.uraian for t in temuan(proyek, "R06") if "IK03" not in t.uraian and "IK06" not in t.uraian] == []


# --- R07 and the reports this pipeline builds -----------------------------------------------------


def test_r07_flags_a_typed_number_that_contradicts_the_computation(proyek):
    p = proyek / Y / "narasi/sasaran-02.md"
    p.write_text(p.read_text() + "\nRealisasi tahun ini mencapai 88%.\n")
    (t,) = temuan(proyek, "R07")
    assert "sasaran-02.md" in t.tempat and t.nilai_dilaporkan == 88


def test_r07_passes_typed_numbers_equal_to_computed_ones(proyek):
    p = proyek / Y / "narasi/sasaran-02.md"
    p.write_text(p.read_text() + "\nRealisasi tahun ini mencapai 58,56% dari target 100%.\n")
    assert temuan(proyek, "R07") == []


def test_pipeline_built_report_runs_data_rules_only(proyek):
    (proyek / Y / "publikasi.csv").unlink()
    kode = {t.kode[:3] for t in periksa(2023, proyek)}
    assert kode == {"R03", "R05", "R06", "R09"}


def test_make_reviu_writes_csv_and_strict_fails_on_errors(proyek, capsys):
    assert main(["reviu", "2023", "--root", str(proyek)]) == 0
    out = capsys.readouterr().out
    assert "salah hitung" in out and "tidak konsisten" in out and "pembulatan" in out
    with open(proyek / "reports/2023/reviu-2023.csv", newline="", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == KOLOM_CSV and KOLOM_CSV[-2:] == ["program_kode", "sumber"]
    assert {r["sumber"] for r in rows} == {"publikasi", "data"}
    ik02 = [r for r in rows if r["uraian"].startswith("Realisasi IK02 2023 tercetak 88%")]
    assert len(ik02) == 11 and {r["akar"] for r in ik02} == {"R01-001"} and ik02[0]["kode"] == "R01-001.01"
    assert {r["program_kode"] for r in ik02} == {"P02"} and {r["status"] for r in ik02} == {"dikoreksi"}
    assert (ik02[0]["tertulis"], ik02[0]["benar"], ik02[0]["nilai_hitung"]) == ("88%", "58,56%", "58.5635359116")
    assert len({r["akar"] for r in rows}) == 39  # the summary still counts root causes
    assert "39 temuan (85 angka; 0 terbuka, 11 diungkapkan, 28 dikoreksi)" in out
    assert all(
        r["nilai_dilaporkan"] == "" or float(r["nilai_dilaporkan"]) == float(r["nilai_dilaporkan"]) for r in rows
    )
    assert main(["reviu", "2023", "--root", str(proyek), "--strict"]) == 1


def test_strict_passes_a_clean_pipeline_report(proyek):
    (proyek / Y / "publikasi.csv").unlink()
    p = proyek / "data/raw/2022/pk.csv"
    p.write_text(p.read_text().replace(",10\n", ",20\n").replace(",4.2\n", ",4\n"))
    k = proyek / Y / "komponen.csv"
    teks = k.read_text().replace(
        "Bangunan Kantor yang Disediakan,paket,10,5", "Bangunan Kantor yang Disediakan,paket,10,10"
    )
    for lama, baru in (("UMKM,40,40", "UMKM,30.5,40"), ("unit,7,7", "unit,5.5,7"), ("unit,1004,123", "unit,502,123")):
        teks = teks.replace(lama, baru)  # the data tables' targets = the PK's (R09)
    k.write_text(teks.replace("(SIINas),perusahaan,50,54", "(SIINas),perusahaan,300,54"))
    assert main(["reviu", "2023", "--root", str(proyek), "--strict"]) == 0


# --- R08: narrative claims the numbers contradict ----------------------------------------------------


def tulis_narasi(root, nama, teks):
    p = root / Y / f"narasi/{nama}.md"
    p.write_text(p.read_text(encoding="utf-8") + "\n" + teks + "\n", encoding="utf-8")


def test_r08_flags_improvement_claimed_while_the_average_and_most_indicators_fell(proyek):
    tulis_narasi(proyek, "penutup", "Secara umum capaian sasaran strategis menunjukkan perkembangan yang signifikan.")
    tulis_narasi(proyek, "sasaran-02", "Kinerja pelatihan terus membaik dibandingkan tahun lalu.")
    (umum, ik02) = temuan(proyek, "R08")
    assert "penutup.md" in umum.tempat and "perkembangan yang signifikan" in umum.uraian and umum.sumber == "data"
    assert "103,86%" in umum.uraian and "92,90%" in umum.uraian and "5 dari 9 indikator" in umum.uraian
    assert ik02.indikator_id == "IK02" and "turun dari 92,30%" in ik02.uraian  # its own capaian fell


def test_r08_flags_a_claim_that_every_figure_was_recomputed_from_supporting_data(proyek):
    tulis_narasi(proyek, "ikhtisar_eksekutif", "Seluruh angka dalam laporan ini dihitung ulang dari data dukung.")
    (t,) = temuan(proyek, "R08")
    assert '"Seluruh angka dalam laporan ini dihitung ulang dari data dukung."' in t.uraian
    assert "IK09" in t.uraian and "seluruh realisasi tahun 2022" in t.uraian


def test_r08_passes_words_from_placeholders_negations_qualified_claims_and_true_improvements(proyek):
    tulis_narasi(proyek, "penutup", "Rata-rata capaian {{ arah_rata_rata }}; kinerja tidak meningkat.")
    tulis_narasi(proyek, "sasaran-09", "Capaian indikator ini meningkat dibandingkan tahun lalu.")  # 111,90% -> 123,41%
    tulis_narasi(proyek, "pendahuluan", "Jika kualitas tenaga kerja semakin baik, hasil produksinya juga meningkat.")
    tulis_narasi(
        proyek,
        "ikhtisar_eksekutif",
        "Angka dihitung ulang dari data dukung, kecuali {{ indikator_tanpa_data_dukung }}.",
    )
    assert temuan(proyek, "R08") == []
    assert temuan(ROOT, "R08") == []  # the 2023 narrative as rewritten


# --- grouping by root cause is a pass of its own ------------------------------------------------------


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_findings_do_not_depend_on_the_order_of_the_rules(seed):
    import random

    from lkj.reviu import periksa as periksa_masukan
    from lkj.reviu.aturan import ATURAN
    from lkj.reviu.keluaran import ke_csv

    m = masukan(2023)
    acak = list(ATURAN)
    random.Random(seed).shuffle(acak)
    assert [a.kode for a in acak] != [a.kode for a in ATURAN]
    assert ke_csv(periksa_masukan(m, tuple(acak))) == ke_csv(periksa_masukan(m))


def test_a_cell_two_rules_flag_stays_with_the_lower_numbered_rule():
    from lkj.reviu.aturan import kelompokkan
    from lkj.reviu.temuan import Temuan

    def t(aturan, sel, **kw):
        x = Temuan(
            aturan=aturan,
            kategori="tidak konsisten",
            lokasi=tuple(sel.values()),
            uraian=aturan,
            sumber="publikasi",
            **kw,
        )
        x.sel = dict(sel)
        return x

    r02 = t("R02", {5: "sel 5", 6: "sel 6"})
    r01 = t("R01", {5: "sel 5"})
    r04 = t("R04", {9: "sel 9"}, ikut_sel=6, akibat=["tabel efisiensi memakai angka itu"])
    lain = t("R02", {5: "sel 5"})
    assert kelompokkan([r04, lain, r02, r01]) == [r01, r02]
    assert r02.lokasi == ("sel 6", "sel 9") and r02.akibat == ["tabel efisiensi memakai angka itu"]


def test_the_reviu_csv_is_utf8_with_a_bom_for_spreadsheets_and_reads_back_unchanged(proyek):
    from lkj.reviu.keluaran import ke_csv

    teks = ke_csv(periksa(2023, proyek))
    data = teks.encode("utf-8")
    assert data.startswith(b"\xef\xbb\xbf") and data.count(b"\xef\xbb\xbf") == 1
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert list(rows[0]) == KOLOM_CSV and len(rows) == 85  # one row per wrong figure (README)
