"""The Inspektorat's working papers: rule R09, bukti.csv, the Lembar Reviu, the audit trail, the LKE check."""

import re
import shutil

import openpyxl
import pytest

from lkj.__main__ import main
from lkj.hitung.pengukuran import hitung
from lkj.masukan.bukti import tanpa_bukti
from lkj.reviu import periksa as periksa_masukan
from lkj.reviu.jejak import html_jejak, penuh
from lkj.reviu.lembar import TabelPdf, lembar_reviu, letak_lkj, tabel_laporan
from lkj.reviu.lke import Data, baca_kriteria, periksa_lke

from conftest import ROOT, masukan, periksa

Y = "data/raw/2023"
CONTOH = ROOT / "examples" / "dinas-contoh"
KOLOM_BUKTI = "indikator_id,komponen_id,berkas,jenis_dokumen,bidang,keterangan\n"

# lkj's 2023 tables as its PDF numbers them (a subset), for tests that need no build
TABEL = [
    TabelPdf("2.2", "Perjanjian Kinerja Tahun 2023", "15"),
    TabelPdf("3.2", "Pengukuran Kinerja Tahun 2023", "20"),
    TabelPdf("3.3", "Realisasi dan Capaian Kinerja Tahun 2023 dan Tahun 2022", "22"),
    TabelPdf("3.26", "Capaian Sasaran 8: Terwujudnya Perlindungan Konsumen", "41"),
    TabelPdf("3.27", "Data Kinerja: Persentase alat – alat ukur", "41"),
    TabelPdf("3.28", "Perbandingan dengan Tahun Lalu dan Renstra: Persentase alat", "42"),
    TabelPdf("3.29", "Capaian Sasaran 9: Terwujudnya perencanaan", "43"),
    TabelPdf("3.35", "Efisiensi Penggunaan Anggaran per Program Tahun 2023", "47"),
]


# --- R09: targets in the data tables against the PK ---------------------------------------------


def test_r09_finds_the_data_table_targets_that_contradict_the_pk_in_2023():
    r09 = {t.indikator_id: t for t in periksa(2023, ROOT) if t.aturan == "R09"}
    # S5: 40 of 61 UMKM = 65,57%; S6: 7 of 11 pasar = 63,64%; S8: 1.004 of 1.004 UTTP = 100%; S10: 50 of 750 = 6,67%
    assert sorted(r09) == ["IK05", "IK06", "IK08", "IK10"]
    assert {i: (round(t.nilai_dilaporkan, 2), t.nilai_hitung) for i, t in r09.items()} == {
        "IK05": (65.57, 50),
        "IK06": (63.64, 50),
        "IK08": (100.0, 50),
        "IK10": (6.67, 40),
    }
    assert "target PK 50% berarti 502 unit" in r09["IK08"].uraian
    assert {t.status for t in r09.values()} == {"diungkapkan"}  # in catatan_data.md
    assert r09["IK10"].lokasi == ("data/raw/2023/komponen.csv baris 53, 54 (IK10)",)


def test_r09_passes_data_tables_whose_targets_are_the_pk_targets(proyek):
    k = proyek / Y / "komponen.csv"
    teks = k.read_text().replace("UMKM,40,40", "UMKM,30.5,40").replace("unit,7,7", "unit,5.5,7")
    teks = teks.replace("unit,1004,123", "unit,502,123").replace(
        "(SIINas),perusahaan,50,54", "(SIINas),perusahaan,300,54"
    )
    k.write_text(teks)
    assert [t for t in periksa(2023, proyek) if t.aturan == "R09"] == []


def test_r09_compares_the_sum_of_the_parts_targets_with_the_pk():
    # the synthetic OPD's 2024: 3 × 50 wirausaha = 150 = PK, 25 + 15 halal products = 40 = PK
    assert [t for t in periksa(2024, CONTOH) if t.aturan == "R09"] == []


# --- bukti.csv -----------------------------------------------------------------------------------


def test_bukti_csv_absent_gives_one_finding_and_one_final_warning():
    m = masukan(2023)
    (dukung,) = [t for t in periksa_masukan(m) if t.kategori == "data dukung tidak ada"]
    assert dukung.tempat == "data/raw/2023/bukti.csv" and "10 indikator" in dukung.uraian
    assert [str(w) for w in tanpa_bukti(m)] == [
        "PERINGATAN: data dukung belum dipetakan: bukti.csv tidak ada, 10 indikator tanpa bukti "
        "(lihat data/raw/README.md, bagian bukti.csv): data/raw/2023/bukti.csv"
    ]


def test_example_bukti_maps_every_indicator_but_one():
    m = masukan(2024, CONTOH)
    assert not [w for w in m.peringatan if "bukti" in w]  # every path in the example exists
    assert [str(w) for w in tanpa_bukti(m)] == [
        "PERINGATAN: indikator IK05 tidak mempunyai bukti (data dukung) sama sekali: data/raw/2024/bukti.csv"
    ]
    (t,) = [t for t in periksa_masukan(m) if t.kategori == "data dukung tidak ada"]
    assert t.indikator_id == "IK05"


def test_dangling_bukti_path_gives_one_line_per_row(proyek):
    (proyek / Y / "bukti.csv").write_text(
        KOLOM_BUKTI + "IK02,K01,data/bukti/2023/hilang.pdf,daftar hadir,Bidang Pelatihan,\n"
        "IK02,,https://contoh.invalid/sertifikat.pdf,sertifikat,Bidang Pelatihan,\n"
    )
    assert [str(w) for w in masukan(2023, proyek).peringatan] == [
        "PERINGATAN: berkas bukti 'data/bukti/2023/hilang.pdf' tidak ditemukan; periksa jalurnya (relatif "
        "terhadap folder proyek): data/raw/2023/bukti.csv, baris 2, kolom 'berkas'"
    ]


@pytest.mark.parametrize(
    "baris, pesan",
    [
        ("IK99,,data/x.pdf,a,b,", "baris 2, kolom 'indikator_id': indikator_id 'IK99' tidak ada di pk.csv"),
        ("IK02,K09,data/x.pdf,a,b,", "baris 2, kolom 'komponen_id': komponen IK02 K09 tidak ada di komponen.csv"),
        ("IK02,,javascript:alert(1),a,b,", "baris 2, kolom 'berkas': alamat 'javascript:alert(1)' bukan berkas"),
        ("IK02,,../../etc/passwd,a,b,", "berkas bukti berada di luar folder proyek"),
        ("IK02,,data/x.pdf,,b,", "baris 2, kolom 'jenis_dokumen': sel kosong"),
    ],
)
def test_bad_bukti_row_stops_with_one_line(proyek, capsys, baris, pesan):
    (proyek / Y / "bukti.csv").write_text(KOLOM_BUKTI + baris + "\n")
    assert main(["data", "2023", "--root", str(proyek)]) != 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("GALAT: ") and "bukti.csv" in err[0] and pesan in err[0], err


# --- the Lembar Reviu ---------------------------------------------------------------------------


def test_tabel_laporan_lists_the_body_tables_with_the_page_they_begin_on():
    from lkj.dokumen.model import Dokumen, Kolom, Narasi, Tabel

    kolom = (Kolom("A"),)
    dok = Dokumen(
        [
            Tabel("t-1", "Skala Nilai", kolom, (("x",),), label="Tabel 3.1"),
            Tabel("t-x", "Tanpa nomor", kolom, (("x",),)),  # not numbered: not listed
            Narasi("bab3", (Tabel("t-2", "Tabel di narasi", kolom, (("x",),), label="Tabel 3.2"),)),
            Tabel("t-d", "Di halaman depan", kolom, (("x",),), label="Tabel 0.1"),
        ]
    )
    halaman = {"t-1": "12", "t-2": "13", "t-d": "iv", "t-x": "12"}
    assert tabel_laporan(dok, halaman) == [
        TabelPdf("3.1", "Skala Nilai", "12"),
        TabelPdf("3.2", "Tabel di narasi", "13"),
    ]


def test_the_lembar_reviu_pages_are_where_the_pdf_prints_the_tables(laporan):
    """The locations come from the layout; the PDF as printed has each caption on the page named."""
    from pypdf import PdfReader

    root, _ = laporan
    pdf = PdfReader(root / "reports/2023/laporan-kinerja-2023.pdf")
    teks = dict(zip(pdf.page_labels, (p.extract_text() for p in pdf.pages), strict=True))
    lembar = (root / "reports/2023/lembar-reviu-2023.html").read_text(encoding="utf-8")
    letak = set(re.findall(r"Tabel (\d+\.\d+) \(hlm\. (\d+)\)", lembar))
    assert len(letak) >= 10
    for nomor, hal in letak:
        assert re.search(rf"^Tabel {re.escape(nomor)} ", teks[hal], re.M), (nomor, hal)


def test_letak_lkj_names_the_overview_and_the_sasaran_section_tables():
    assert letak_lkj(TABEL, "capaian", 8) == "Tabel 3.2 (hlm. 20); Tabel 3.26 (hlm. 41)"
    assert letak_lkj(TABEL, "lalu", 8) == "Tabel 3.3 (hlm. 22); Tabel 3.28 (hlm. 42)"
    assert letak_lkj(TABEL, "data", 8) == "Tabel 3.27 (hlm. 41)"
    assert letak_lkj(TABEL, "efisiensi", None) == "Tabel 3.35 (hlm. 47)"


def test_lembar_reviu_2023_fills_every_column_with_a_status():
    m = masukan(2023)
    p, lalu = hitung(m)
    temuan = periksa_masukan(m)
    baris = lembar_reviu(m, p, lalu, temuan, TABEL)
    assert [b.kode for b in baris] == [t.kode for t in temuan] and len(baris) == 39
    for b in baris:
        assert all((b.kondisi, b.kriteria, b.sebab, b.akibat, b.rekomendasi)) and b.tanggapan == ""
        assert b.status in ("dikoreksi", "diungkapkan") and b.angka
        assert all(a.lokasi and a.lokasi_lkj and a.sumber_data for a in b.angka)
        assert not any("data/raw" in a.lokasi for a in b.angka)  # paths go to 'sumber data', in words
    r01 = {b.kode: b for b in baris}
    s8 = r01["R01-003"]
    assert len(s8.angka) == 11
    capaian = next(a for a in s8.angka if a.angka == "Capaian IK08 2023")
    assert (capaian.tertulis, capaian.benar) == ("26,90%", "24,50%")
    assert capaian.lokasi == "Bab III 3.2, Tabel Pengukuran 3.2, baris Sasaran 8, kolom Capaian"
    assert capaian.lokasi_lkj == "Tabel 3.2 (hlm. 20); Tabel 3.26 (hlm. 41)"
    assert capaian.sumber_data.startswith("salinan angka publikasi (publikasi.csv) baris ")
    assert "predikat IK02 2023 berubah dari Tinggi menjadi Rendah" in r01["R01-001"].akibat
    r09 = r01["R09-003"]
    assert r09.status == "diungkapkan" and r09.angka[0].sumber_data == "berkas komponen.csv tahun 2023, baris 51, 52"
    assert "terhadap target tabel data menjadi 12,25% (Sangat Rendah)" in r09.akibat
    assert r01["R03-001"].angka[0].lokasi_lkj == "Tabel 3.3 (hlm. 22)"  # a 2022 PK target: the comparison table


def test_built_report_has_the_working_papers(laporan):
    """The 2023 build writes the Lembar Reviu (xlsx, html) and the audit trail, with lkj's PDF pages."""
    root, _ = laporan
    r = root / "reports/2023"
    wb = openpyxl.load_workbook(r / "lembar-reviu-2023.xlsx")
    ws = wb["Lembar Reviu"]
    judul = [c.value for c in ws[3]]
    assert judul[:10] == [
        "Kode", "Kategori", "Tingkat", "Kondisi", "Kriteria", "Sebab", "Akibat", "Rekomendasi",
        "Tanggapan OPD", "Status",
    ]  # fmt: skip
    baris = [[c.value for c in row] for row in ws.iter_rows(min_row=4)]
    assert len(baris) == 85  # one row per wrong figure
    s8 = next(b for b in baris if b[judul.index("No. angka")] == "R01-003.06")
    assert (s8[judul.index("Tercetak")], s8[judul.index("Seharusnya")]) == ("26,90%", "24,50%")
    assert re.fullmatch(
        r"Tabel 3\.\d+ \(hlm\. \d+\); Tabel 3\.\d+ \(hlm\. \d+\)", s8[judul.index("Lokasi di laporan lkj")]
    )
    html = (r / "lembar-reviu-2023.html").read_text(encoding="utf-8")
    assert html.count("<h2 id=") == 39 and "<script" not in html
    jejak = (r / "jejak-audit-2023.html").read_text(encoding="utf-8")
    assert jejak.count('<section id="ik') == 10 and "Realisasi(" not in jejak and "<script" not in jejak


# --- the audit trail and the LKE pre-check ---------------------------------------------------------


def _bagian(html: str, id_: str) -> str:
    i = html.index(f'<section id="{id_}"')
    return html[i : html.index("</section>", i)]


def test_audit_trail_section_of_an_indicator_is_short_and_has_no_object_repr():
    m = masukan(2023)
    p, lalu = hitung(m)
    temuan = periksa_masukan(m)
    lke = periksa_lke(Data(m, p, lalu, temuan, TABEL, 59))
    html = html_jejak(m, p, temuan, TABEL, lke, ([("data/raw/2023/pk.csv", "ab" * 32)], "abc123", "Python 3.11"))
    ik02 = _bagian(html, "ik02")
    assert "106 orang / 181 orang × 100% = 58,56%" in ik02
    assert "capaian = 58,56% / 100% × 100% = 58,56%" in ik02
    assert penuh(p.cari("IK02").realisasi.nilai) in ik02 and "58,5635359116" in ik02
    assert 'data/raw/2023/komponen.csv</td><td class="angka">32</td>' in ik02
    assert "Temuan R01-001 (dikoreksi)" in ik02 and "→ 58,56%" in ik02
    assert "Tabel 3.2 (hlm. 20)" in ik02
    assert "<details><summary>Kode perhitungan</summary>" in ik02 and "F.rasio(106.0, 181.0)" in ik02
    assert not re.search(r"\b[A-Z]\w+\(\w+=", html)  # no dataclass repr anywhere
    assert html.count("ab" * 32) == 1  # provenance once, in the appendix


def test_every_indicator_of_the_audit_trail_fits_one_screen():
    """Rendered at 1366 × 768 (a small laptop) with its folded parts closed, as a browser shows it."""
    from weasyprint import CSS, HTML

    m = masukan(2023)
    p, _ = hitung(m)
    html = html_jejak(m, p, periksa_masukan(m), TABEL, [], ([], "", ""))
    kepala = html[: html.index("<body>") + 6]
    layar = CSS(string="@page { size: 1366px 768px; margin: 0 }")
    halaman = {}
    for h in p.indikator:
        bagian = re.sub(
            r"(<details><summary>.*?</summary>).*?</details>",
            r"\1</details>",
            _bagian(html, h.indikator_id.lower()),
            flags=re.S,
        )
        halaman[h.indikator_id] = len(
            HTML(string=kepala + bagian + "</section></body></html>").render(stylesheets=[layar]).pages
        )
    assert set(halaman.values()) == {1}, halaman


def test_audit_trail_links_evidence_of_the_example():
    m = masukan(2024, CONTOH)
    p, _ = hitung(m)
    html = html_jejak(m, p, [], [], [], ([], "", ""))
    ik01 = _bagian(html, "ik01")
    assert ik01.count('<a href="../../data/bukti/2024/rekap-wirausaha-baru-2024.md">') == 3
    assert "rekap formulir pendaftaran (Bidang Kewirausahaan): Kecamatan Utara" in ik01
    assert "tidak ada di bukti.csv" in _bagian(html, "ik05")


def test_lke_answers_at_least_eight_criteria_from_the_2023_data():
    m = masukan(2023)
    p, lalu = hitung(m)
    temuan = periksa_masukan(m)
    jawaban = {j.kode: j for j in periksa_lke(Data(m, p, lalu, temuan, TABEL, 59))}
    assert len(jawaban) >= 8 and len(baca_kriteria()["kriteria"]) == len(jawaban)
    assert {k: j.jawaban for k, j in jawaban.items()} == {
        "P.1": "Y", "P.2": "Y", "P.3": "T", "P.4": "A",
        "K.1": "A", "K.2": "A", "K.3": "B", "K.4": "E", "K.5": "B", "K.6": "B",
        "K.7": "A", "K.8": "Y", "K.9": "E", "K.10": "B",
    }  # fmt: skip
    assert jawaban["K.3"].kurang == "belum: IK05"  # no 2022 realisasi
    assert jawaban["K.6"].kurang == "belum: P05"  # a program without indicator
    assert jawaban["P.4"].bukti == "10 dari 10 indikator PK dengan capaian; Tabel 3.2 (hlm. 20)"
    # weights from lke.yaml: Pemenuhan 20% and Kualitas 30% of 15
    assert round(sum(j.bobot for j in jawaban.values()), 6) == 7.5
    assert round(sum(j.nilai for j in jawaban.values()), 4) == round(0.75 * 3 + 0.45 * 4 + 0.3375 * 4, 4)


def test_lke_weights_and_thresholds_are_data(tmp_path):
    k = baca_kriteria()
    k["skala_ae"] = [{"jawaban": "A", "dari": 95, "nilai": 1.0}, {"jawaban": "E", "dari": 0, "nilai": 0.0}]
    k["kriteria"] = [c for c in k["kriteria"] if c["kode"] == "K.3"]
    m = masukan(2023)
    p, lalu = hitung(m)
    (j,) = periksa_lke(Data(m, p, lalu, [], TABEL, 59), k)
    assert (j.jawaban, j.bobot) == ("E", 4.5)  # 90% < 95%; the only Kualitas criterion carries all of it


def test_example_copy_without_bukti_files_warns_once_per_row(tmp_path):
    root = tmp_path / "contoh"
    shutil.copytree(CONTOH, root, ignore=shutil.ignore_patterns("processed", "build", "reports", "bukti"))
    w = [str(x) for x in masukan(2024, root).peringatan if "bukti" in x]
    assert len(w) == 8 and all("tidak ditemukan" in x and "bukti.csv, baris " in x for x in w)
