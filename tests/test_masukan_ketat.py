"""Issue 13, input side: nothing silently wrong, messages that name the wrong cell, no
tracebacks, nothing unsafe. Each test breaks a scratch copy of the project the way a
careless (or hostile) user would and checks what the pipeline makes of it."""

import csv
import io
import subprocess
import sys

import pytest

from lkj.__main__ import main

from conftest import ROOT, checksums, masukan

Y = "data/raw/2023"
R = "data/raw/renstra-2021-2026"


def ganti(path, lama, baru, count=1):
    teks = path.read_text(encoding="utf-8")
    assert lama in teks, f"test setup: {lama!r} not in {path}"
    path.write_text(teks.replace(lama, baru, count), encoding="utf-8", newline="")


def jalankan(capsys, *argv):
    """Run the CLI in-process; (exit code, stderr lines)."""
    code = main(list(argv))
    return code, capsys.readouterr().err.strip().splitlines()


def satu_galat(capsys, root, *argv, perintah="data", tahun="2023"):
    """The CLI fails with exactly one GALAT line and exit 2, raw data untouched; returns the line."""
    before = checksums(root / "data" / "raw") if (root / "data" / "raw").is_dir() else None
    code, err = jalankan(capsys, perintah, tahun, "--root", str(root), *argv)
    assert code == 2, err
    assert len(err) == 1 and err[0].startswith("GALAT: "), err
    assert "Traceback" not in err[0]
    if before is not None:
        assert checksums(root / "data" / "raw") == before
    return err[0]


def punya(baris, *teks):
    for t in teks:
        assert t in baris, f"{t!r} missing from: {baris}"


# --- 1. one reading: what validation accepts is what the report uses ---------------------------


def _sasaran_bagian(root):
    return sorted(b.params["sasaran_no"] for b in masukan(2023, root).rencana.bagian if "sasaran_no" in b.params)


@pytest.mark.parametrize("header", [" sasaran_no", "sasaran_no ", "\ufeff sasaran_no"])
def test_header_with_spaces_keeps_every_sasaran(proyek, capsys, header):
    path = proyek / Y / "pk.csv"
    path.write_bytes(path.read_bytes().replace(b"sasaran_no,", header.encode() + b",", 1))
    assert _sasaran_bagian(proyek) == list(range(1, 11))
    code, err = jalankan(capsys, "data", "2023", "--root", str(proyek))
    assert code == 0, err


@pytest.mark.parametrize(
    "nilai, masalah",
    [("3.0", "bukan bilangan bulat"), ("+3", "tanda +"), ("3.5", "bukan bilangan bulat"), ("03", None)],
)
def test_sasaran_no_written_oddly(proyek, capsys, nilai, masalah):
    """A whole number is either read as the same number everywhere or refused at its cell."""
    ganti(proyek / Y / "pk.csv", "\n3,IK03,", f"\n{nilai},IK03,")
    if masalah is None:  # '03' is 3, in validation and in the plan alike
        assert _sasaran_bagian(proyek) == list(range(1, 11))
        return
    baris = satu_galat(capsys, proyek)
    punya(baris, "pk.csv", "baris 4", "kolom 'sasaran_no'", masalah)


# --- 2. schema as strict as the dictionary -----------------------------------------------------


def test_serapan_above_100_is_a_visible_warning(proyek, capsys):
    ganti(
        proyek / Y / "anggaran.csv",
        "P10,Program Pengelolaan Sistem Informasi Industri Nasional,87807000,57842894",
        "P10,Program Pengelolaan Sistem Informasi Industri Nasional,87807000,97842894",
    )
    w = [p for p in masukan(2023, proyek).peringatan if "P10" in p]
    assert len(w) == 1 and "melebihi pagu" in w[0] and "anggaran.csv, baris 11" in w[0]
    code, err = jalankan(capsys, "data", "2023", "--root", str(proyek))
    assert code == 0
    assert any("PERINGATAN" in e and "P10" in e and "melebihi pagu" in e for e in err), err


def test_serapan_at_most_100_gives_no_budget_warning():
    assert not [p for p in masukan(2023, ROOT).peringatan if "pagu" in p]


def test_indikator_rata_rata_cannot_shrink_silently(proyek, capsys):
    ganti(proyek / "params/2023.yaml", "indikator_rata_rata: semua", "indikator_rata_rata: [IK01, IK02, IK13]")
    punya(satu_galat(capsys, proyek), "2023.yaml", "indikator_rata_rata", "IK13")


def test_single_thousands_dot_is_a_visible_warning(proyek, capsys):
    """'1.004' is a valid decimal, but in a count it is almost surely 1004: never silent."""
    ganti(proyek / Y / "komponen.csv", 'yang ditera",unit,1004,123', 'yang ditera",unit,1.004,123')
    w = [p for p in masukan(2023, proyek).peringatan if "komponen.csv, baris 51, kolom 'target'" in p]
    assert len(w) == 1 and "1004" in w[0] and "1,004" in w[0]
    code, err = jalankan(capsys, "data", "2023", "--root", str(proyek))
    assert code == 0 and any("baris 51" in e and "1004" in e for e in err), err


def test_real_data_has_no_value_warnings():
    assert not [p for p in masukan(2023, ROOT).peringatan if "titik ribuan" in p]


# --- 3. the message names the cell that is actually wrong ------------------------------------


def test_population_typed_with_thousands_dot_names_its_own_cell(proyek, capsys):
    ganti(proyek / Y / "komponen.csv", 'yang wajib ditera",unit,1004,', 'yang wajib ditera",unit,1.004,')
    punya(satu_galat(capsys, proyek), "komponen.csv", "baris 52", "kolom 'target'", "1004")


@pytest.mark.parametrize("nilai", ["1e-320", "0." + "0" * 319 + "1", "0.0000001"])
def test_tiny_denominator_names_the_denominator(proyek, capsys, nilai):
    ganti(proyek / Y / "komponen.csv", "Berbasis Kompetensi,orang,224,181", f"Berbasis Kompetensi,orang,224,{nilai}")
    baris = satu_galat(capsys, proyek)
    punya(baris, "komponen.csv", "baris 33", "kolom 'realisasi'")
    assert "inf" not in baris.lower()


def test_small_but_plausible_denominator_names_the_denominator(proyek, capsys):
    """1e-6 passes the number check; the implausible capaian then names the penyebut cell."""
    ganti(proyek / Y / "komponen.csv", "Berbasis Kompetensi,orang,224,181", "Berbasis Kompetensi,orang,224,0.01")
    baris = satu_galat(capsys, proyek)
    punya(baris, "komponen.csv", "baris 33", "kolom 'realisasi'", "di atas 1000%")
    assert "inf" not in baris.lower()


@pytest.mark.parametrize("aneh", ["\u2028", "\u2029", "\x85", "\x0c", "\x0b", "\x1c", "\u200b", "\r"])
def test_invisible_character_in_text_cell_is_named(proyek, capsys, aneh):
    path = proyek / Y / "komponen.csv"
    teks = path.read_text(encoding="utf-8")
    lama = "IK05,K01,,pembilang,Jumlah UMKM yang Mengikuti"
    assert lama in teks
    path.write_bytes(
        teks.replace(lama, f'IK05,K01,,pembilang,"Jumlah UMKM{aneh} yang Mengikuti', 1)
        .replace("Dalam Negeri,UMKM,40,40", 'Dalam Negeri",UMKM,40,40', 1)
        .encode("utf-8")
    )
    baris = satu_galat(capsys, proyek)
    punya(baris, "komponen.csv", "baris 43", "kolom 'uraian'", "tak terlihat", f"U+{ord(aneh):04X}")
    assert "jumlah sel" not in baris


def test_invisible_character_in_number_cell_is_named(proyek, capsys):
    ganti(proyek / Y / "pk.csv", ",40\n", ",40\u200b\n")
    punya(satu_galat(capsys, proyek), "pk.csv", "baris 4", "kolom 'target'", "tak terlihat", "U+200B")


def test_invisible_character_in_header_is_named(proyek, capsys):
    ganti(proyek / Y / "pk.csv", "indikator_id,", "indikator_id\u200b,")
    punya(satu_galat(capsys, proyek), "pk.csv", "baris 1", "tak terlihat", "U+200B")


# --- 4. every failure is one readable line --------------------------------------------------


def _publikasi_tanpa_tertulis(r):
    rows = list(csv.reader(io.StringIO((r / Y / "publikasi.csv").read_text(encoding="utf-8"))))
    buf = io.StringIO()
    j = rows[0].index("tertulis")
    csv.writer(buf, lineterminator="\n").writerows(row[:j] + row[j + 1 :] for row in rows)
    (r / Y / "publikasi.csv").write_text(buf.getvalue(), encoding="utf-8")


def _latin1(r, nama):
    path = r / nama
    path.write_bytes(
        path.read_bytes() + "Bab III,Tabel 3.2,Kinerja Pégawai,Realisasi,2023,IK02,capaian,1%\n".encode("latin-1")
    )


def _narasi_dir(r):
    p = r / Y / "narasi" / "penutup.md"
    p.unlink()
    p.mkdir()


def _narasi_latin1(r):
    (r / Y / "narasi" / "penutup.md").write_bytes(
        "Kendala utama: dana terbatas.\nSolusi: efisiénsi.\n".encode("latin-1")
    )


def _sel_besar(r):
    ganti(r / Y / "pk.csv", "Cakupan Layanan Administrasi Kantor", '"' + "x" * 200_000 + '"')


TRACEBACK_LAMA = [
    (
        "publikasi-no-tertulis",
        _publikasi_tanpa_tertulis,
        "data",
        ["publikasi.csv", "baris 1", "kolom 'tertulis'", "tidak ada"],
    ),
    ("publikasi-latin1", lambda r: _latin1(r, Y + "/publikasi.csv"), "data", ["publikasi.csv", "UTF-8"]),
    (
        "publikasi-arabic-digits",
        lambda r: ganti(r / Y / "publikasi.csv", ",2023,IK02,", ",٢٠٢٣,IK02,"),
        "data",
        ["publikasi.csv", "kolom 'tahun'", "angka"],
    ),
    (
        "publikasi-superscript-digits",
        lambda r: ganti(r / Y / "publikasi.csv", ",2023,IK02,", ",²⁰²³,IK02,"),
        "data",
        ["publikasi.csv", "kolom 'tahun'", "angka"],
    ),
    ("narasi-latin1", _narasi_latin1, "data", ["narasi/penutup.md", "UTF-8", "baris 2"]),
    ("narasi-directory", _narasi_dir, "data", ["narasi/penutup.md", "folder"]),
    ("cell-200kB", _sel_besar, "data", ["pk.csv", "baris 2", "kolom 'indikator'", "terlalu panjang"]),
]


@pytest.mark.parametrize("kasus, ubah, perintah, pesan", TRACEBACK_LAMA, ids=[c[0] for c in TRACEBACK_LAMA])
def test_former_tracebacks_are_one_line(proyek, capsys, kasus, ubah, perintah, pesan):
    ubah(proyek)
    punya(satu_galat(capsys, proyek, perintah=perintah), *pesan)


def test_the_long_cell_is_not_echoed(proyek, capsys):
    ganti(proyek / Y / "pk.csv", ",40\n", "," + "4" * 200_000 + "\n")
    baris = satu_galat(capsys, proyek)
    punya(baris, "pk.csv", "baris 4", "kolom 'target'")
    assert len(baris) < 400


@pytest.mark.parametrize(
    "argv, pesan",
    [
        (["report", "2023", "-j", "-1"], ["--jobs", "-1"]),
        (["report", "2023", "-j", "0"], ["--jobs"]),
        (["report", "2023", "--jobs=1;rm"], ["--jobs"]),
        (["report", "2023", "--paksa"], ["lkj report", "opsi tidak dikenal: --paksa"]),  # not report's option
        (["data", "2023", "--root", "/nonexistent/lkj"], ["/nonexistent/lkj", "tidak ditemukan"]),
        (["data", "٢٠٢٣"], ["TAHUN", "bukan tahun"]),
        (["data"], ["TAHUN"]),
        (["bangun", "2023"], ["bangun"]),
    ],
)
def test_bad_command_line_is_one_line(capsys, tmp_path, argv, pesan):
    argv = [a.replace("/nonexistent", str(tmp_path / "tidak-ada")) for a in argv]
    pesan = [p.replace("/nonexistent", str(tmp_path / "tidak-ada")) for p in pesan]
    code, err = jalankan(capsys, *argv)
    assert code == 2
    assert len(err) == 1 and err[0].startswith("GALAT"), err
    punya(err[0], *pesan)


def test_unexpected_error_gives_one_line_and_a_log(proyek, capsys, monkeypatch):
    import lkj.masukan.model

    def rusak(*a, **k):
        raise RuntimeError("kegagalan buatan\nbaris kedua")

    monkeypatch.setattr(lkj.masukan.model, "baca_masukan", rusak)
    code, err = jalankan(capsys, "data", "2023", "--root", str(proyek))
    assert code == 3
    assert len(err) == 1 and "RuntimeError" in err[0] and "kegagalan buatan" in err[0] and "baris kedua" not in err[0]
    log = proyek / "build" / "lkj-galat.log"
    assert str(log) in err[0]
    isi = log.read_text(encoding="utf-8")
    assert "Traceback" in isi and "kegagalan buatan" in isi and "rusak" in isi


def test_real_process_prints_no_traceback(proyek):
    """The module entry point itself (not only main()): a bad narrative file, one line, exit 2."""
    _narasi_dir(proyek)
    r = subprocess.run(
        [sys.executable, "-m", "lkj", "data", "2023", "--root", str(proyek)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert r.returncode == 2
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1, r.stderr


# --- 5. nothing unsafe -----------------------------------------------------------------------


def test_narrative_symlink_leaving_the_project_is_refused(proyek, capsys, tmp_path_factory):
    rahasia = tmp_path_factory.mktemp("luar") / "rahasia.txt"
    rahasia.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    p = proyek / Y / "narasi" / "penutup.md"
    p.unlink()
    p.symlink_to(rahasia)
    baris = satu_galat(capsys, proyek)
    punya(baris, "penutup.md", "di luar folder proyek", "tautan")
    assert "root:x" not in baris


def test_csv_symlink_leaving_the_project_is_refused(proyek, capsys, tmp_path_factory):
    luar = tmp_path_factory.mktemp("luar") / "pk.csv"
    luar.write_bytes((proyek / Y / "pk.csv").read_bytes())
    (proyek / Y / "pk.csv").unlink()
    (proyek / Y / "pk.csv").symlink_to(luar)
    punya(satu_galat(capsys, proyek), "pk.csv", "di luar folder proyek")


def test_symlink_inside_the_project_is_followed(proyek):
    p = proyek / Y / "narasi" / "penutup.md"
    salinan = proyek / Y / "penutup-asli.md"
    p.rename(salinan)
    p.symlink_to(salinan)
    assert masukan(2023, proyek).narasi["penutup"] == salinan.read_text(encoding="utf-8")


@pytest.mark.parametrize("nilai", ["../../etc", "/etc", "renstra-2021-2026/../../../etc", "renstra-2021-2026/"])
def test_renstra_path_leaving_data_raw_is_refused(proyek, capsys, nilai):
    ganti(proyek / "params/2023.yaml", "renstra: renstra-2021-2026", f"renstra: '{nilai}'")
    punya(satu_galat(capsys, proyek), "2023.yaml", "kolom 'renstra'")


def test_renstra_folder_symlinked_outside_is_refused(proyek, capsys, tmp_path_factory):
    import shutil

    luar = tmp_path_factory.mktemp("luar") / "renstra-2021-2026"
    shutil.move(str(proyek / R), luar)
    (proyek / R).symlink_to(luar, target_is_directory=True)
    punya(satu_galat(capsys, proyek), "renstra-2021-2026", "di luar folder proyek")


def test_id_with_quotes_never_reaches_the_model(proyek, capsys):
    ganti(proyek / Y / "pk.csv", "1,IK01,", '1,"IK01"" onmouseover=""x",')
    baris = satu_galat(capsys, proyek)
    punya(baris, "pk.csv", "baris 2", "kolom 'indikator_id'", "tidak sah")


# HTML output check: what a browser would run or fetch, and only that.
BERBAHAYA = [
    "<!--> <img src=//e.example/x.png> -->",  # a browser ends the comment at '<!-->'
    "<!---> <img src=//e.example/x.png> -->",
    '<p onclick="x()">a</p>',
    '<img src="a.png" ONERROR="x()">',
    '<a href="javascript:alert(1)">a</a>',
    '<a href="JaVaScRiPt:alert(1)">a</a>',
    '<a href=" java\tscript:alert(1)">a</a>',
    '<a href="&#106;avascript:alert(1)">a</a>',
    '<a href="java&#x0A;script:alert(1)">a</a>',
    '<img src="//evil.example/x.png">',
    '<img src="https://evil.example/x.png">',
    '<img srcset="a.png 1x, https://evil.example/x.png 2x">',
    "<script>1</script>",
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    '<style>@import "https://evil.example/x.css";</style>',
    "<style>@import url(//evil.example/x.css);</style>",
    '<style>body{background:url( "HTTPS://evil.example/x.png")}</style>',
    '<div style="background:url(//evil.example/x.png)">a</div>',
    '<iframe srcdoc="&lt;script&gt;1&lt;/script&gt;"></iframe>',
    '<svg><image href="https://evil.example/x.png"/></svg>',
    '<svg><use xlink:href="https://evil.example/s.svg#a"/></svg>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    '<base href="https://evil.example/">',
]
AMAN = [
    "<!-- komentar --> <p>&lt;!--&gt;</p>",
    "<p>Tulis src=//x atau url(//x) hanya sebagai teks</p>",
    "<p>src=&quot;//evil.example/x.png&quot; dan @import &quot;//x&quot;</p>",
    "<pre>&lt;img src=&quot;https://evil.example/x.png&quot; onerror=&quot;x()&quot;&gt;</pre>",
    '<a href="https://jdih.menpan.go.id/">PermenPANRB 53/2014</a>',
    '<a href="#sasaran-01">Sasaran 1</a>',
    '<img src="data:image/png;base64,iVBORw0KGgo=" alt="Grafik">',
    '<svg><use href="#glyph-1"/></svg>',
    "<style>.x{background:url(data:image/png;base64,AAAA)}</style>",
    '<p title="onclick=x()">a</p>',
    '<p data-on="1">a</p>',
]


@pytest.mark.parametrize("html", BERBAHAYA)
def test_html_check_rejects(html):
    from lkj.pipeline.rakit import masalah_html

    assert masalah_html(html), html


@pytest.mark.parametrize("html", AMAN)
def test_html_check_accepts_text_that_mentions_it(html):
    from lkj.pipeline.rakit import masalah_html

    assert masalah_html(html) == []


@pytest.mark.parametrize("awal", ["=", "+", "-", "@", "\t", "\r", "\n"])
def test_reviu_csv_cell_is_never_a_formula(awal):
    from lkj.reviu.keluaran import KOLOM_CSV, baris_csv, ke_csv
    from lkj.reviu.temuan import Temuan

    jahat = f'{awal}HYPERLINK("https://evil.example","klik")'
    t = Temuan(
        aturan="R01",
        kategori="salah hitung",
        sumber="publikasi",
        lokasi=jahat,
        uraian=jahat,
        indikator_id=jahat,
        nilai_dilaporkan=-5.0,
        nilai_hitung=1.0,
    )
    (baris,) = baris_csv(t)
    sel = dict(zip(KOLOM_CSV, baris, strict=True))
    for kolom in ("lokasi", "indikator_id", "uraian"):
        assert sel[kolom] == "'" + jahat
    assert sel["nilai_dilaporkan"] == "-5.0"  # a number stays a number
    dibaca = list(csv.DictReader(io.StringIO(ke_csv([t]))))
    assert dibaca[0]["lokasi"] == "'" + jahat


def test_reviu_csv_neutralises_hostile_publication_text(proyek, capsys):
    path = proyek / Y / "publikasi.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    i = next(i for i, r in enumerate(rows) if r[5] == "IK02" and r[6] == "target_renstra" and r[4] == "2021")
    rows[i][0] = '=HYPERLINK("https://evil.example","Bab II")'
    rows[i][7] = "7%"  # a wrong figure, so the row becomes a finding
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")
    code, err = jalankan(capsys, "reviu", "2023", "--root", str(proyek))
    assert code == 0, err
    keluar = list(csv.DictReader(io.StringIO((proyek / "reports/2023/reviu-2023.csv").read_text(encoding="utf-8-sig"))))
    kena = [r for r in keluar if "HYPERLINK" in r["lokasi"]]
    assert kena, "the hostile row did not reach a finding"
    for r in keluar:
        for kolom in ("kode", "kategori", "tingkat", "lokasi", "indikator_id", "uraian"):
            assert not r[kolom].startswith(("=", "+", "-", "@", "\t", "\r")), r


# --- the careless Excel user: a probe beyond the examples ----------------------------


def test_bom_and_crlf_read_like_plain(proyek):
    from lkj.masukan.proyek import Proyek
    from lkj.masukan.skema import baca_csv

    path = proyek / Y / "komponen.csv"
    plain = baca_csv(Proyek.di(proyek), path)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    assert baca_csv(Proyek.di(proyek), path).equals(plain)


def test_trailing_spaces_in_codes_mean_the_code(proyek):
    ganti(proyek / Y / "komponen.csv", "IK05,K01,", "IK05 , K01 ,")
    h = next(k for k in masukan(2023, proyek).data.komponen.itertuples() if k.baris == 43)
    assert (h.indikator_id, h.komponen_id) == ("IK05", "K01")


def test_empty_trailing_columns_from_excel_are_ignored(proyek):
    from lkj.masukan.proyek import Proyek
    from lkj.masukan.skema import baca_csv

    path = proyek / Y / "anggaran.csv"
    plain = baca_csv(Proyek.di(proyek), path)
    rows = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(r + ",," for r in rows) + "\n,,,,,\n", encoding="utf-8")
    assert baca_csv(Proyek.di(proyek), path).equals(plain)


def test_value_in_a_column_without_header_is_refused(proyek, capsys):
    path = proyek / Y / "anggaran.csv"
    rows = path.read_text(encoding="utf-8").splitlines()
    rows = [rows[0] + ","] + [r + "," for r in rows[1:]]
    rows[3] = rows[3] + "catatan"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    punya(satu_galat(capsys, proyek), "anggaran.csv", "baris 4", "kolom ke-5", "tanpa judul")


def test_header_only_pk_is_refused(proyek, capsys):
    path = proyek / Y / "pk.csv"
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    punya(satu_galat(capsys, proyek), "pk.csv", "tidak berisi")


@pytest.mark.parametrize(
    "nilai, pesan",
    [
        ("4e1", "notasi ilmiah"),
        ("5.73E+09", "notasi ilmiah"),
        ("٤٠", "angka Latin"),
        ("４０", "angka Latin"),
        ("0x28", "bukan angka"),
        ("1_000", "bukan angka"),
        ("nan", "bukan angka"),
        ("Infinity", "bukan angka"),
    ],
)
def test_odd_numbers_are_refused_at_their_cell(proyek, capsys, nilai, pesan):
    ganti(proyek / Y / "pk.csv", ",40\n", f",{nilai}\n")
    punya(satu_galat(capsys, proyek), "pk.csv", "baris 4", "kolom 'target'", pesan)


@pytest.mark.parametrize("nilai, angka", [(" 40 ", 40), ("40.", 40), ("040", 40), ("-0", 0)])
def test_plain_variants_are_the_number(proyek, nilai, angka):
    ganti(proyek / Y / "pk.csv", ",40\n", f",{nilai}\n")
    target = masukan(2023, proyek).data.pk.set_index("indikator_id").loc["IK03", "target"]
    assert target == angka and str(target) == str(float(angka))  # never '-0.0'


def test_very_long_id_is_refused_briefly(proyek, capsys):
    panjang = "IK" + "0" * 5000
    ganti(proyek / Y / "pk.csv", "10,IK10", f"10,{panjang}")
    baris = satu_galat(capsys, proyek)
    punya(baris, "pk.csv", "baris 11", "kolom 'indikator_id'")
    assert len(baris) < 400


def test_rupiah_in_scientific_notation_is_refused(proyek, capsys):
    """Excel shows 5725755076 as 5.73E+09 in a narrow column and may save it so: 4 million rupiah lost."""
    ganti(proyek / Y / "anggaran.csv", "5725755076", "5.73E+09")
    punya(satu_galat(capsys, proyek), "anggaran.csv", "baris 2", "kolom 'pagu'", "notasi ilmiah")


# --- the document's own inputs: the logo and the signature block -------------------------------------


def _params(root, lama: str, baru: str) -> None:
    p = root / "params/2023.yaml"
    teks = p.read_text(encoding="utf-8")
    assert lama in teks
    p.write_text(teks.replace(lama, baru, 1), encoding="utf-8")


@pytest.mark.parametrize(
    "nama, isi",
    [
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><image href="file:///etc/passwd"/></svg>'),
        ("logo.png", b"bukan gambar"),
        ("logo.jpg", b"\x89PNG\r\n\x1a\n" + b"0" * 10),  # a PNG named .jpg
    ],
)
def test_logo_is_a_real_png_or_jpeg(proyek, capsys, nama, isi):
    (proyek / nama).write_bytes(isi)
    _params(proyek, "logo: null", f"logo: {nama}")
    galat = satu_galat(capsys, proyek)
    assert "params/2023.yaml" in galat and "kolom 'logo'" in galat and "PNG atau JPEG" in galat


def test_the_docs_say_what_the_logo_check_accepts():
    """Issue 22: params/2023.yaml and data/raw/README.md said the logo may be SVG, which the code refuses."""
    import re

    from conftest import ROOT

    for path in (ROOT / "params/2023.yaml", ROOT / "data/raw/README.md"):
        teks = " ".join(path.read_text(encoding="utf-8").split())
        (kalimat,) = re.findall(r"[^.]*PNG or JPEG[^;]*; SVG is refused", teks)
        assert "logo" in kalimat.lower() or "image" in kalimat, path
        assert teks.count("SVG") == 1, path  # no other sentence says an SVG logo would do


def test_logo_is_fingerprinted(proyek):
    from PIL import Image

    from lkj.masukan.proyek import Proyek
    from lkj.pipeline import Sidik

    Image.new("RGB", (8, 8), "red").save(proyek / "logo.png")
    _params(proyek, "logo: null", "logo: logo.png")
    sebelum = Sidik.hitung(Proyek.di(proyek), 2023).semua
    Image.new("RGB", (8, 8), "blue").save(proyek / "logo.png")
    assert Sidik.hitung(Proyek.di(proyek), 2023).semua != sebelum


def test_signature_entries_refuse_invisible_characters_and_huge_numbers(proyek, capsys):
    _params(proyek, "  nama: Drs. HAMDANI HASIBUAN", '  nama: "\\u200b"')
    galat = satu_galat(capsys, proyek)
    assert "params/2023.yaml" in galat and "penandatangan.nama" in galat and "U+200B" in galat
    _params(proyek, '  nama: "\\u200b"', "  nama: Drs. HAMDANI HASIBUAN")
    _params(proyek, "  nip: 19691119 199009 1 001", "  nip: " + "9" * 6000)  # read as text, never as a number
    galat = satu_galat(capsys, proyek)
    assert "params/2023.yaml" in galat and "penandatangan.nip" in galat and "terlalu panjang (6000 karakter)" in galat


def test_the_pdf_loads_nothing_but_embedded_data():
    from lkj.pipeline.pdf import hanya_data

    fetcher = hanya_data()
    for url in ("file:///etc/passwd", "http://127.0.0.1:9/x.png"):
        with pytest.raises(ValueError, match="disallowed protocol"):
            fetcher.fetch(url)
    assert fetcher.fetch("data:text/plain;base64,eA==").read() == b"x"
