"""The bad-input catalogue: every malformed input stops with one clear line
(file, row, column, what to do), no traceback, and no raw file changes."""

import pytest

from lkj.__main__ import main

from conftest import checksums

Y = "data/raw/2023"
R = "data/raw/renstra-2021-2026"


def ganti(path, lama, baru, count=1):
    teks = path.read_text(encoding="utf-8")
    assert lama in teks, f"test setup: {lama!r} not in {path}"
    path.write_text(teks.replace(lama, baru, count), encoding="utf-8")


def baris_ke(path, nomor, baru):
    rows = path.read_text(encoding="utf-8").splitlines()
    rows[nomor - 1] = baru
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")


# (id, mutation(root), year, substrings the message must contain)
CASES = [
    ("missing-file", lambda r: (r / Y / "pk.csv").unlink(), "2023", ["pk.csv", "tidak ditemukan"]),
    (
        "missing-column",
        lambda r: ganti(r / Y / "pk.csv", "indikator,target", "indikator,tgt"),
        "2023",
        ["pk.csv", "baris 1", "kolom 'target'", "tidak ada"],
    ),
    (
        "non-numeric",
        lambda r: ganti(r / Y / "pk.csv", ",40\n", ",empat puluh\n"),
        "2023",
        ["pk.csv", "baris 4", "kolom 'target'", "bukan angka"],
    ),
    (
        "indonesian-decimal",
        lambda r: ganti(r / Y / "komponen.csv", "unit,1004,123", 'unit,"1.004,5",123'),
        "2023",
        ["komponen.csv", "kolom 'target'", "format angka Indonesia", "1004.5"],
    ),
    (
        "indonesian-thousands",
        lambda r: ganti(r / Y / "anggaran.csv", "5725755076", "5.725.755.076"),
        "2023",
        ["anggaran.csv", "baris 2", "kolom 'pagu'", "format angka Indonesia", "5725755076"],
    ),
    (
        "percent-sign",
        lambda r: ganti(r / Y / "pk.csv", ",40\n", ",40%\n"),
        "2023",
        ["pk.csv", "baris 4", "kolom 'target'", "tanda %"],
    ),
    (
        "dash-for-missing",
        lambda r: ganti(r / Y / "komponen.csv", "UMKM,61,", "UMKM,61,-"),
        "2023",
        ["komponen.csv", "kolom 'realisasi'", "Kosongkan sel"],
    ),
    (
        "duplicate-id",
        lambda r: ganti(r / Y / "pk.csv", "2,IK02", "2,IK01"),
        "2023",
        ["pk.csv", "baris 3", "ganda", "baris 2"],
    ),
    (
        "duplicate-komponen",
        lambda r: ganti(r / Y / "komponen.csv", "IK02,K02", "IK02,K01"),
        "2023",
        ["komponen.csv", "ganda"],
    ),
    (
        "unknown-polaritas",
        lambda r: ganti(r / R / "indikator.csv", "%,positif,rasio", "%,tinggi,rasio"),
        "2023",
        ["indikator.csv", "baris 3", "kolom 'polaritas'", "positif, negatif"],
    ),
    (
        "unknown-jenis-rumus",
        lambda r: ganti(r / R / "indikator.csv", "positif,rasio", "positif,median"),
        "2023",
        ["indikator.csv", "baris 3", "kolom 'jenis_rumus'", "rata_rasio"],
    ),
    (
        "unknown-peran",
        lambda r: ganti(r / Y / "komponen.csv", ",pembilang,", ",atas,"),
        "2023",
        ["komponen.csv", "kolom 'peran'", "tidak dikenal"],
    ),
    (
        "pk-without-definition",
        lambda r: ganti(r / Y / "pk.csv", "10,IK10", "10,IK99"),
        "2023",
        ["pk.csv", "baris 11", "kolom 'indikator_id'", "IK99", "tidak punya definisi"],
    ),
    (
        "komponen-unknown-indikator",
        lambda r: ganti(r / Y / "komponen.csv", "IK10,K01", "IK11,K01"),
        "2023",
        ["komponen.csv", "kolom 'indikator_id'", "IK11", "pk.csv"],
    ),
    ("year-without-data", lambda r: None, "2031", ["data/raw/2031", "tidak ada data", "2022, 2023"]),
    ("year-not-integer", lambda r: None, "2023a", ["TAHUN", "bukan tahun"]),
    ("year-shell-characters", lambda r: None, "2023; rm -rf /", ["TAHUN", "bukan tahun"]),
    ("target-zero", lambda r: ganti(r / Y / "komponen.csv", "UMKM,61,", "UMKM,0,"), "2023", None),
    (
        "negative-value",
        lambda r: ganti(r / Y / "komponen.csv", "orang,224,106", "orang,224,-106"),
        "2023",
        ["komponen.csv", "kolom 'realisasi'", "negatif"],
    ),
    (
        "absurd-capaian",
        lambda r: ganti(r / Y / "komponen.csv", "unit,1004,123", "unit,1004,12300"),
        "2023",
        ["komponen.csv", "kolom 'realisasi'", "di atas 1000%"],
    ),
    ("empty-file", lambda r: (r / Y / "anggaran.csv").write_text(""), "2023", ["anggaran.csv", "berkas kosong"]),
    (
        "wrong-encoding",
        lambda r: (r / Y / "pk.csv").write_bytes(
            (r / Y / "pk.csv").read_text().replace("Kantor", "Kantör").encode("cp1252")
        ),
        "2023",
        ["pk.csv", "UTF-8", "baris 2"],
    ),
    (
        "semicolon-csv",
        lambda r: (r / Y / "anggaran.csv").write_text((r / Y / "anggaran.csv").read_text().replace(",", ";")),
        "2023",
        ["anggaran.csv", "baris 1", "titik koma"],
    ),
    (
        "scale-with-gap",
        lambda r: ganti(r / "params/2023.yaml", "dari: 76, sampai: 91", "dari: 77, sampai: 91"),
        "2023",
        ["2023.yaml", "skala_predikat", "celah"],
    ),
    (
        "scale-with-overlap",
        lambda r: ganti(r / "params/2023.yaml", "dari: 76, sampai: 91", "dari: 75, sampai: 91"),
        "2023",
        ["2023.yaml", "skala_predikat", "tumpang tindih"],
    ),
    (
        "program-to-missing-indikator",
        lambda r: ganti(r / Y / "program_indikator.csv", "P10,IK10", "P10,IK12"),
        "2023",
        ["program_indikator.csv", "baris 10", "IK12"],
    ),
    (
        "mapping-to-unknown-program",
        lambda r: ganti(r / Y / "program_indikator.csv", "P10,IK10", "P11,IK10"),
        "2023",
        ["program_indikator.csv", "baris 10", "P11", "anggaran.csv"],
    ),
    (
        "missing-previous-year",
        lambda r: ganti(r / "params/2023.yaml", "tahun_pembanding: 2022", "tahun_pembanding: 2021"),
        "2023",
        ["2023.yaml", "tahun_pembanding", "2021", "null"],
    ),
    ("missing-params", lambda r: (r / "params/2023.yaml").unlink(), "2023", ["2023.yaml", "tidak ada aturan"]),
    (
        "params-unknown-key",
        lambda r: ganti(r / "params/2023.yaml", "digit_desimal:", "digit_decimal:"),
        "2023",
        ["2023.yaml", "digit_desimal"],
    ),
    (
        "params-bad-yaml",
        lambda r: ganti(r / "params/2023.yaml", "digit_desimal: 2", "digit_desimal: [2"),
        "2023",
        ["2023.yaml", "YAML"],
    ),
    (
        "population-with-realisasi",
        lambda r: ganti(r / Y / "komponen.csv", "UMKM,61,", "UMKM,61,61"),
        "2023",
        ["komponen.csv", "baris 44", "kolom 'realisasi'", "populasi"],
    ),
    (
        "ratio-without-denominator",
        lambda r: ganti(r / Y / "komponen.csv", ",populasi,Jumlah UMKM", ",info,Jumlah UMKM"),
        "2023",
        ["komponen.csv", "IK05", "penyebut atau populasi"],
    ),
    (
        "wrong-cell-count",
        lambda r: ganti(r / Y / "pk.csv", ",Persentase Pertambahan IKM,4.1", ",Persentase, Pertambahan IKM,4.1"),
        "2023",
        ["pk.csv", "baris 10", "jumlah sel"],
    ),
    (
        "empty-required-cell",
        lambda r: ganti(
            r / Y / "anggaran.csv", "P04,Program Hubungan Industrial,57572000", "P04,Program Hubungan Industrial,"
        ),
        "2023",
        ["anggaran.csv", "baris 5", "kolom 'pagu'", "wajib"],
    ),
    (
        "both-components-and-reported",
        lambda r: ganti(r / Y / "realisasi_langsung.csv", "IK09,", "IK10,"),
        "2023",
        ["realisasi_langsung.csv", "IK10", "komponen.csv"],
    ),
    (
        "renstra-folder-missing",
        lambda r: ganti(r / "params/2023.yaml", "renstra: renstra-2021-2026", "renstra: renstra-2026-2031"),
        "2023",
        ["renstra-2026-2031", "tidak ditemukan"],
    ),
    (
        "sasaran-unknown-tujuan",
        lambda r: ganti(r / R / "sasaran.csv", "2,T1", "2,T9"),
        "2023",
        ["sasaran.csv", "baris 3", "T9"],
    ),
    # issue 13: the schema is as strict as the dictionary
    (
        "duplicate-column",
        lambda r: ganti(r / Y / "pk.csv", "indikator,target", "indikator,target,target"),
        "2023",
        ["pk.csv", "baris 1", "kolom 'target'", "dua kali"],
    ),
    (
        "unknown-column",
        lambda r: ganti(r / Y / "pk.csv", "indikator,target", "indikator,target,catatan"),
        "2023",
        ["pk.csv", "baris 1", "kolom 'catatan'", "tidak dikenal"],
    ),
    (
        "params-duplicate-key",
        lambda r: ganti(r / "params/2023.yaml", "digit_desimal: 2", "digit_desimal: 2\ndigit_desimal: 3"),
        "2023",
        ["2023.yaml", "digit_desimal", "dua kali"],
    ),
    (
        "id-with-quotes",
        lambda r: ganti(r / Y / "pk.csv", "1,IK01,", '1,"IK01"" onmouseover=""x",'),
        "2023",
        ["pk.csv", "baris 2", "kolom 'indikator_id'", "tidak sah"],
    ),
    (
        "id-with-space",
        lambda r: ganti(r / Y / "komponen.csv", "IK05,K01,", "IK05,K 01,"),
        "2023",
        ["komponen.csv", "baris 43", "kolom 'komponen_id'", "tidak sah"],
    ),
    (
        "pk-sasaran-not-renstra",
        lambda r: ganti(r / Y / "pk.csv", "\n3,IK03,", "\n4,IK03,"),
        "2023",
        ["pk.csv", "baris 4", "kolom 'sasaran_no'", "Renstra", "sasaran 3"],
    ),
    (
        "rasio-with-kelompok-row",
        lambda r: ganti(r / Y / "komponen.csv", "IK05,K01,,pembilang", "IK05,K01,G1,kelompok"),
        "2023",
        ["komponen.csv", "baris 43", "kolom 'peran'", "kelompok", "rasio"],
    ),
    (
        "langsung-with-components",
        lambda r: ganti(r / R / "indikator.csv", "positif,rasio,Jumlah Industri", "positif,langsung,Jumlah Industri"),
        "2023",
        ["komponen.csv", "baris 53", "kolom 'peran'", "langsung"],
    ),
    (
        "rata-rata-unknown-id",
        lambda r: ganti(r / "params/2023.yaml", "indikator_rata_rata: semua", "indikator_rata_rata: [IK01, IK99]"),
        "2023",
        ["2023.yaml", "indikator_rata_rata", "IK99"],
    ),
    (
        "scale-nan-bound",
        lambda r: ganti(r / "params/2023.yaml", "dari: 76, sampai: 91", "dari: 76, sampai: .nan"),
        "2023",
        ["2023.yaml", "skala_predikat", "Tinggi"],
    ),
    (
        "scale-percent-bound",
        lambda r: ganti(r / "params/2023.yaml", "dari: 91, sampai: null", "dari: 91%, sampai: null"),
        "2023",
        ["2023.yaml", "skala_predikat", "91%"],
    ),
    (
        "scale-duplicate-name",
        lambda r: ganti(r / "params/2023.yaml", "predikat: Rendah,", "predikat: Sedang,"),
        "2023",
        ["2023.yaml", "skala_predikat", "Sedang", "dua kali"],
    ),
    (
        "digits-negative",
        lambda r: ganti(r / "params/2023.yaml", "digit_desimal: 2", "digit_desimal: -1"),
        "2023",
        ["2023.yaml", "digit_desimal", "-1"],
    ),
    (
        "digits-huge",
        lambda r: ganti(r / "params/2023.yaml", "digit_desimal: 2", "digit_desimal: 99"),
        "2023",
        ["2023.yaml", "digit_desimal", "99"],
    ),
    (
        "comparison-year-is-the-year",
        lambda r: ganti(r / "params/2023.yaml", "tahun_pembanding: 2022", "tahun_pembanding: 2023"),
        "2023",
        ["2023.yaml", "tahun_pembanding", "2023"],
    ),
    (
        "rupiah-with-dot",
        lambda r: ganti(r / Y / "anggaran.csv", "87807000,57842894", "87807000,57.842"),
        "2023",
        ["anggaran.csv", "baris 11", "kolom 'realisasi'", "pecahan rupiah", "57842"],
    ),
    (
        "rupiah-pagu-with-dot",
        lambda r: ganti(r / Y / "anggaran.csv", "87807000,57842894", "57.842,57842894"),
        "2023",
        ["anggaran.csv", "baris 11", "kolom 'pagu'", "pecahan rupiah", "57842"],
    ),
    (
        "rincian-of-missing-group",
        lambda r: ganti(r / Y / "komponen.csv", "IK01,K02,G1,rincian", "IK01,K02,G0,rincian"),
        "2023",
        ["komponen.csv", "baris 3", "kolom 'kelompok'", "G0"],
    ),
    (
        "group-written-twice",
        lambda r: ganti(r / Y / "komponen.csv", "IK01,K03,G2,kelompok", "IK01,K03,G1,kelompok"),
        "2023",
        ["komponen.csv", "baris 4", "kolom 'kelompok'", "G1", "baris 2"],
    ),
    (
        "one-sasaran-two-wordings",
        lambda r: (
            ganti(r / R / "indikator.csv", "IK03,3,", "IK03,2,"),
            ganti(r / Y / "pk.csv", "\n3,IK03,", "\n2,IK03,"),
        ),
        "2023",
        ["pk.csv", "baris 4", "kolom 'sasaran'", "baris 3"],
    ),
    (
        "cap-below-100",
        lambda r: ganti(r / "params/2023.yaml", "batas_capaian: null", "batas_capaian: 1.2"),
        "2023",
        ["2023.yaml", "batas_capaian", "1.2", "persen"],
    ),
    (
        "scale-as-fractions",
        lambda r: [ganti(r / "params/2023.yaml", f": {a}", f": 0.{a}", count=2) for a in (51, 66, 76, 91)],
        "2023",
        ["2023.yaml", "skala_predikat", "pecahan"],
    ),
    (
        "year-outside-renstra",
        lambda r: (
            (r / R).rename(r / "data/raw/renstra-2024-2029"),
            ganti(r / "params/2023.yaml", "renstra: renstra-2021-2026", "renstra: renstra-2024-2029"),
        ),
        "2023",
        ["2023.yaml", "kolom 'renstra'", "di luar periode"],
    ),
    (
        "renstra-path-traversal",
        lambda r: ganti(r / "params/2023.yaml", "renstra: renstra-2021-2026", "renstra: ../../etc"),
        "2023",
        ["2023.yaml", "kolom 'renstra'"],
    ),
    (
        "renstra-absolute-path",
        lambda r: ganti(r / "params/2023.yaml", "renstra: renstra-2021-2026", "renstra: /etc"),
        "2023",
        ["2023.yaml", "kolom 'renstra'"],
    ),
]


@pytest.mark.parametrize("kasus, ubah, tahun, pesan", CASES, ids=[c[0] for c in CASES])
def test_bad_input_gives_one_clear_line(proyek, capsys, kasus, ubah, tahun, pesan):
    ubah(proyek)
    before = checksums(proyek / "data" / "raw")
    code = main(["data", tahun, "--root", str(proyek)])
    err = capsys.readouterr().err
    assert checksums(proyek / "data" / "raw") == before  # nothing written to raw data
    if pesan is None:  # handled by a stated rule, not an error
        assert code == 0, err
        return
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("GALAT: "), err
    assert "Traceback" not in err
    for teks in pesan:
        assert teks in lines[0], f"{teks!r} missing from: {lines[0]}"


def test_target_zero_is_marked_not_zero(proyek):
    from conftest import hitung

    ganti(proyek / Y / "pk.csv", ",40\n", ",0\n")
    p, _ = hitung(2023, proyek)
    h = p.cari("IK03")
    assert h.capaian.nilai is None and "target 0" in h.capaian.catatan and h.predikat is None


def test_bom_from_excel_is_accepted(proyek):
    from lkj.masukan.proyek import Proyek
    from lkj.masukan.skema import baca_csv

    path = proyek / Y / "pk.csv"
    plain = baca_csv(Proyek.di(proyek), path)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert baca_csv(Proyek.di(proyek), path).equals(plain)
