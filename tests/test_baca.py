"""Reading a received report (lkj.baca): the seed's text, lkj's own PDF, OPD-style Word/PDF reports, bad input."""

from __future__ import annotations

import collections
import hashlib
import io
import re
import shutil
import subprocess
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import ROOT, masukan

# the published 2023 report as text, in ../shared/seed/ beside the repository (or beside a worktree's folder)
SEED = next(
    (
        p
        for p in (
            ROOT.parent / "shared" / "seed" / "000_58bb9d3ced5f9368.txt",
            ROOT.parent.parent / "shared" / "seed" / "000_58bb9d3ced5f9368.txt",
        )
        if p.exists()
    ),
    ROOT.parent / "shared" / "seed" / "000_58bb9d3ced5f9368.txt",
)
CONTOH = ROOT / "examples" / "dinas-contoh"
BERAT = ("salah hitung", "tidak konsisten")


def _baca(m, path):
    from lkj.baca import baca_figur

    return baca_figur(m, Path(path))


def _periksa(m, angka):
    from lkj.baca import ke_angka
    from lkj.reviu import periksa

    return periksa(replace(m, publikasi=ke_angka(angka)))


def _kunci(t):
    return (
        t.aturan,
        t.kategori,
        t.indikator_id,
        t.program_kode,
        None if t.nilai_dilaporkan is None else round(t.nilai_dilaporkan, 3),
    )


# --- the seed: the published 2023 report as text, against the hand-typed publikasi.csv ------------------------------


@pytest.fixture(scope="module")
def seed():
    if not SEED.exists():
        pytest.skip(f"teks laporan acuan tidak ada: {SEED}")
    m = masukan(2023)
    return m, _baca(m, SEED)


def test_seed_text_agrees_with_the_hand_typed_figures(seed):
    """At least 90% of the typed numeric figures are read with the same subjek, besaran, year and value."""
    from lkj.masukan.publikasi import TEKS, baca_tertulis

    m, hasil = seed

    def kunci(subjek, besaran, tahun, tertulis):
        v = baca_tertulis(tertulis)[0]
        return subjek, besaran, tahun, v if v is not None else tertulis.strip()

    terbaca = collections.Counter(kunci(a.subjek, a.besaran, a.tahun, a.tertulis) for a in hasil.teratribusi)
    diketik = [a for a in m.publikasi if a.besaran not in TEKS]
    sama = 0
    for a in diketik:
        k = kunci(a.subjek, a.besaran, a.tahun, a.tertulis)
        if terbaca[k] > 0:
            terbaca[k] -= 1
            sama += 1
    print(f"kesesuaian dengan publikasi.csv: {sama}/{len(diketik)} = {sama / len(diketik):.1%}")
    assert sama / len(diketik) >= 0.9
    # every attribution says how it was made
    assert all(a.cara for a in hasil.angka)
    assert {a.peran for a in hasil.teratribusi} >= {"pengukuran", "sasaran", "anggaran", "efisiensi", "renstra"}


def test_seed_reviu_from_the_text_finds_the_published_errors_of_the_typed_path(seed):
    from lkj.reviu import periksa

    m, hasil = seed
    diketik = {_kunci(t) for t in periksa(m)}
    terbaca = {_kunci(t) for t in _periksa(m, hasil.angka)}
    berat = {k for k in diketik if k[1] in BERAT}
    assert len(berat) >= 15
    assert berat <= terbaca  # every published error the typed path finds (e.g. Sasaran 2 printed 88%)
    assert ("R01", "salah hitung", "IK02", "P02", 88.0) in terbaca  # Sasaran 2: 88% where 106 / 181 = 58,56%
    assert {k for k in terbaca if k[1] in BERAT} == berat  # and no other


def test_read_csv_round_trips_as_publikasi_csv(seed, proyek):
    """The written publikasi-terbaca CSV, kept as data/raw/<YEAR>/publikasi.csv, is read by the typed path,
    and still names the document it was read from: the Catatan Reviu and the Lembar Reviu show it."""
    import openpyxl

    from lkj.baca import ke_csv_terbaca
    from lkj.excel.lembar_reviu import tulis_lembar_reviu
    from lkj.reviu import periksa
    from lkj.reviu.lembar import html_lembar
    from lkj.tampil.lampiran import catatan_reviu

    m, hasil = seed
    sha = hasil.dokumen.sha256
    assert sha == hashlib.sha256(SEED.read_bytes()).hexdigest()
    (proyek / "data/raw/2023/publikasi.csv").write_text(ke_csv_terbaca(hasil.angka, hasil.dokumen), encoding="utf-8")
    m2 = masukan(2023, proyek)
    assert len(m2.publikasi) == len(hasil.teratribusi)
    temuan = periksa(m2)
    assert {_kunci(t) for t in temuan} == {_kunci(t) for t in _periksa(m, hasil.angka)}
    assert {(a.dokumen, a.dokumen_sha256) for a in m2.publikasi} == {(SEED.name, sha)}
    catatan = catatan_reviu(temuan, m2.publikasi, "Catatan Reviu", "reviu")
    assert SEED.name in catatan and sha in catatan and f">{len(m2.publikasi)}<" in catatan
    assert f"{len(m2.publikasi)} angka dibaca dari dokumen {SEED.name} (sha256 {sha})" in html_lembar(m2, [])
    ws = openpyxl.load_workbook(io.BytesIO(tulis_lembar_reviu(m2, [])))["Lembar Reviu"]
    assert sha in ws.cell(2, 1).value

    # a figure typed in by hand below the read ones is counted apart, never credited to the document
    with (proyek / "data/raw/2023/publikasi.csv").open("a", encoding="utf-8") as f:
        f.write("Bab III,Tabel 3.2,IK01,Target,2023,IK01,target,90%,pengukuran,,,,\n")
    m3 = masukan(2023, proyek)
    catatan = catatan_reviu(periksa(m3), m3.publikasi, "Catatan Reviu", "reviu")
    assert "tanpa dokumen sumber yang tercatat" in catatan and f">{len(m2.publikasi)}<" in catatan


def test_typed_publikasi_names_no_document_and_a_bad_sha256_is_one_line(proyek):
    from lkj.masukan.errors import DataError
    from lkj.reviu.keluaran import sumber_angka

    m = masukan(2023)
    assert sumber_angka(m.publikasi) == (
        f"Angka yang direviu: {len(m.publikasi)} angka diketik di publikasi.csv tanpa dokumen sumber yang tercatat."
    )
    path = proyek / "data/raw/2023/publikasi.csv"
    baris = path.read_text(encoding="utf-8").splitlines()
    baris[0] += ",dokumen,dokumen_sha256"
    baris[1:] = [b + ",lkj-2023.pdf," + "ab" * 32 for b in baris[1:]]
    baris[5] = baris[5][:-64] + "12345"
    path.write_text("\n".join(baris) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as e:
        masukan(2023, proyek)
    assert str(e.value) == (
        f"{path}, baris 6, kolom 'dokumen_sha256': sidik dokumen '12345' bukan sha256 (64 angka heksadesimal). "
        "Salin sha256 dokumen lkj-2023.pdf dari publikasi-terbaca, atau kosongkan kolom dokumen bila angka ini "
        "diketik."
    )


# --- lkj's own PDF ------------------------------------------------------------------------------------------------


def periksa_pdf_sendiri(root: Path, tahun: int) -> None:
    """lkj's own PDF of a project read back: every indicator's target, realisasi and capaian attributed,
    every Renstra target and every program's budget figures with their values, only the report's tables
    read (not the lists of contents, not a chart's labels), the average found, every figure with its
    page, and no salah hitung or tidak konsisten finding."""
    from lkj.baca import ke_angka

    m = masukan(tahun, root)
    hasil = _baca(m, root / f"reports/{tahun}/laporan-kinerja-{tahun}.pdf")
    for ik in m.data.pk.indikator_id:
        besaran = {
            a.besaran for a in hasil.teratribusi if a.subjek == ik and a.tahun == tahun and a.peran == "pengukuran"
        }
        assert besaran >= {"target", "realisasi", "capaian"}, (root.name, ik)
    nilai = collections.defaultdict(set)
    for a in ke_angka(hasil.angka):
        nilai[a.subjek, a.besaran, a.tahun, a.peran].add(a.nilai)
    ren = m.data.renstra
    for r in ren.indikator.itertuples():
        for th, kolom in zip(ren.tahun_target, ren.kolom_target, strict=True):
            assert nilai[r.indikator_id, "target_renstra", th, "renstra"] == {getattr(r, kolom)}, (root.name, r, th)
    for r in m.data.anggaran.itertuples() if m.data.anggaran is not None else ():
        assert nilai[r.program_kode, "pagu", tahun, "anggaran"] == {r.pagu}, (root.name, r.program_kode)
        assert nilai[r.program_kode, "realisasi_anggaran", tahun, "anggaran"] == {r.realisasi}, r.program_kode
        assert len(nilai[r.program_kode, "serapan", tahun, "anggaran"]) == 1, (root.name, r.program_kode)
    for t in hasil.dokumen.tabel:
        assert re.match(r"Tabel \d+\.\d+ ", t.judul) or t.bagian.startswith("Lampiran"), (root.name, t.judul, t.kepala)
        assert not any(re.search(r"(\. ?){4}", s) for r in t.baris for s in r.sel), (root.name, t.judul)
    temuan = _periksa(m, hasil.angka)
    salah = [t for t in temuan if t.sumber == "publikasi" and t.kategori in BERAT]
    assert not salah, [t.uraian for t in salah]
    assert any(a.besaran == "rata_rata" for a in hasil.teratribusi)
    assert {a.halaman for a in hasil.teratribusi} - {None}  # every figure knows its page


def test_own_pdf_reads_every_indicator_and_has_no_error(laporan):
    periksa_pdf_sendiri(laporan[0], 2023)


def test_own_pdf_of_a_property_test_project_reads_back(tmp_path):
    """The shapes the property tests generate: one sasaran (its table is also the pengukuran table), names
    of filler words or punctuation ('Jumlah', '* 50% { ... O'Brien'), an indicator without realisasi
    (printed '–') beside one in orang, a program named with '$ ≥ Jumlah'."""
    from test_properti import _kecil, tulis

    from lkj.pipeline import build

    nama = "* 50% { UMKM baru / Kepuasan n−1 O'Brien"
    spec = _kecil(indikator={"nama": "Jumlah"})
    d = spec["data"][2023]
    d["pk"][0]["indikator"] = "Jumlah"
    ik2 = {**spec["indikator"][0], "id": "IK02", "nama": nama, "satuan": "orang", "jenis": "langsung"}
    ik2["target"] = ["400", "410", "420", "430", "440"]
    spec["indikator"].append(ik2)
    d["pk"].append({**d["pk"][0], "indikator_id": "IK02", "indikator": nama, "target": "420"})
    d["langsung"] = [{"indikator_id": "IK02", "realisasi": "433", "keterangan": ""}]
    d["anggaran"] = [{"program_kode": "P01", "program": "Program $ ≥ Jumlah", "pagu": "500000000", "realisasi": "0"}]
    root = tulis(spec, tmp_path)
    assert build(2023, root, log=lambda s: None).dirakit
    periksa_pdf_sendiri(root, 2023)


# --- reports written the way OPDs write them: Word, and the same converted to PDF --------------------------------


def _id(x: float, digit: int = 2) -> str:
    """1234.5 -> '1.234,50' (the Indonesian way, as an OPD types it)."""
    s = f"{x:,.{digit}f}"
    return s.replace(",", "_").replace(".", ",").replace("_", ".")


NAMA_OPD = {  # names typed slightly differently from the Renstra/PK
    "IK01": "Jumlah Wira-usaha Baru",
    "IK02": "Persentase Koperasi yg Aktif",
    "IK07": "Jumlah produk UMKM ber-sertifikat Halal",
    "IK03": "Indeks Kepuasan Masyarakat (IKM)\nLayanan Perijinan",
    "IK06": "Rata-rata Waktu Penyelesaian Ijin Usaha",
    "IK04": "PENDAPATAN RETRIBUSI PELAYANAN UMKM",
    "IK05": "Rasio Kredit Bermasalah UMKM Binaan",
}
PROGRAM_OPD = {
    "P01": "Penunjang Urusan Pemerintahan Daerah Kab/Kota",
    "P02": "Pemberdayaan Usaha Menengah, Usaha Kecil dan Usaha Mikro",
    "P03": "Pengembangan UMKM",
    "P04": "Pelayanan Perizinan Usaha",
}


def _nilai(h, x):
    if h.satuan == "Rp":
        return _id(x, 0)
    if h.satuan == "%":
        return _id(x) + " %"
    return _id(x, 2 if x != int(x) else 0)


def buat_docx(path: Path, tanam: bool = True) -> dict:
    """An LKj 2024 of the example Dinas as an OPD writes it in Word; returns the planted errors."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    from lkj.hitung.pengukuran import hitung, hitung_anggaran

    m = masukan(2024, CONTOH)
    p, lalu = hitung(m)
    ang = hitung_anggaran(p)
    h = {x.indikator_id: x for x in p.indikator}
    salah = {}
    capaian = {i: x.capaian.nilai for i, x in h.items()}
    if tanam:
        salah["capaian IK02"] = capaian["IK02"] = capaian["IK02"] - 9  # a wrong capaian
        neg = h["IK06"]
        salah["capaian IK06"] = capaian["IK06"] = neg.realisasi.nilai / neg.target * 100  # R/T for a negative one
    rata = p.rata_rata.nilai + (4 if tanam else 0)
    serapan = dict(zip(ang.program_kode, ang.serapan, strict=True))
    if tanam:
        salah["serapan P03"] = serapan["P03"] = serapan["P03"] - 20
        salah["rata-rata"] = rata

    d = docx.Document()
    d.add_heading("BAB III AKUNTABILITAS KINERJA", 1)
    d.add_heading("A. Capaian Kinerja Organisasi", 2)
    d.add_paragraph("Pengukuran kinerja tahun 2024 disajikan pada tabel berikut.")
    d.add_paragraph("Tabel 3.1 Capaian Indikator Kinerja Tahun 2024")
    kepala = ["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "% Capaian"]
    t = d.add_table(rows=1, cols=len(kepala))
    t.style = "Table Grid"
    for c, teks in zip(t.rows[0].cells, kepala, strict=True):
        c.text = teks
    mulai: dict[int, int] = {}
    for n, x in enumerate(p.indikator, start=1):
        sel = t.add_row().cells
        mulai.setdefault(x.sasaran_no, n)
        sel[0].text = str(n)
        sel[1].text = x.sasaran
        sel[2].text = NAMA_OPD[x.indikator_id]
        sel[3].text = {"Rp": "Rupiah", "%": "%", "‰": "permil"}.get(x.satuan, x.satuan)
        sel[4].text = _nilai(x, x.target)
        sel[5].text = _nilai(x, x.realisasi.nilai)
        sel[6].text = _id(capaian[x.indikator_id]) + " %"
    for no, awal in mulai.items():  # the sasaran cell merged down its indicators
        akhir = max(i for i, x in enumerate(p.indikator, start=1) if x.sasaran_no == no)
        if akhir > awal:
            t.cell(awal, 1).merge(t.cell(akhir, 1)).text = next(x.sasaran for x in p.indikator if x.sasaran_no == no)
    d.add_paragraph(f"Secara keseluruhan rata-rata capaian kinerja tahun 2024 adalah {_id(rata)}%.")

    d.add_heading("B. Perbandingan dengan Tahun Lalu", 2)
    d.add_paragraph("Tabel 3.2 Perbandingan Capaian Tahun 2023 dan 2024")
    t = d.add_table(rows=1, cols=5)
    t.style = "Table Grid"
    for c, teks in zip(
        t.rows[0].cells, ["Indikator", "Realisasi 2023", "Realisasi 2024", "Capaian 2023", "Capaian 2024"], strict=True
    ):
        c.text = teks
    for x in p.indikator:
        x0 = lalu.cari(x.indikator_id) if lalu else None
        sel = t.add_row().cells
        sel[0].text = NAMA_OPD[x.indikator_id].replace("\n", " ")
        sel[1].text = _nilai(x, x0.realisasi.nilai) if x0 and x0.realisasi.nilai is not None else "-"
        sel[2].text = _nilai(x, x.realisasi.nilai)
        sel[3].text = _id(x0.capaian.nilai) + "%" if x0 and x0.capaian.nilai is not None else "-"
        cap = capaian[x.indikator_id]
        if tanam and x.indikator_id == "IK03":
            cap = x.capaian.nilai + 1.5  # the same figure printed differently in two tables
            salah["capaian IK03 (dua tabel)"] = cap
        sel[4].text = _id(cap) + "%"

    d.add_heading("C. Analisis Capaian per Sasaran", 2)
    for no, sasaran in dict.fromkeys((x.sasaran_no, x.sasaran) for x in p.indikator):
        d.add_heading(f"Sasaran {no}: {sasaran}", 3)
        d.add_paragraph(f"Tabel 3.{no + 3} Capaian Sasaran {no}")
        t = d.add_table(rows=1, cols=4)
        t.style = "Table Grid"
        for c, teks in zip(t.rows[0].cells, ["Indikator Kinerja", "Target", "Realisasi", "Capaian"], strict=True):
            c.text = teks
        for x in (x for x in p.indikator if x.sasaran_no == no):
            sel = t.add_row().cells
            sel[0].text = NAMA_OPD[x.indikator_id].upper() if no == 3 else NAMA_OPD[x.indikator_id]
            sel[1].text, sel[2].text = _nilai(x, x.target), _nilai(x, x.realisasi.nilai)
            sel[3].text = _id(capaian[x.indikator_id]) + "%"
        d.add_paragraph("Kendala dan solusi sasaran ini diuraikan di bawah.")

    d.add_heading("D. Realisasi Anggaran", 2)
    for i in range(33):  # puts the budget table across a page break (asserted in the PDF test)
        d.add_paragraph(f"Uraian pelaksanaan kegiatan baris {i + 1} yang menjelaskan penggunaan anggaran.")
    d.add_paragraph("Tabel 3.3 Realisasi Anggaran per Program Tahun 2024")
    t = d.add_table(rows=1, cols=5)
    t.style = "Table Grid"
    pr = t.rows[0]._tr.get_or_add_trPr()  # header repeated on the next page
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    pr.append(el)
    for c, teks in zip(t.rows[0].cells, ["No", "Program", "Anggaran (Rp)", "Realisasi (Rp)", "Serapan"], strict=True):
        c.text = teks
    for n, r in enumerate(ang.itertuples(), start=1):
        sel = t.add_row().cells
        sel[0].text = f"{n}."
        sel[1].text = PROGRAM_OPD[r.program_kode]
        sel[2].text = _id(r.pagu, 0)
        sel[3].text = _id(r.realisasi, 0)
        sel[4].text = _id(serapan[r.program_kode]) + "%"
    d.save(path)
    return salah


def _planted_found(temuan, salah: dict) -> tuple[set[str], list]:
    """Which planted errors a finding names, and the findings on the document that name none."""
    ditemukan, lain = set(), []
    for t in temuan:
        if t.sumber != "publikasi":
            continue
        kena = set()
        for nama, nilai in salah.items():
            if t.nilai_dilaporkan is not None and abs(t.nilai_dilaporkan - round(nilai, 2)) < 0.006:
                kena.add(nama)
        if kena:
            ditemukan |= kena
        else:
            lain.append(t)
    return ditemukan, lain


@pytest.fixture(scope="module")
def opd(tmp_path_factory):
    folder = tmp_path_factory.mktemp("opd")
    salah = buat_docx(folder / "lkj-opd-2024.docx")
    buat_docx(folder / "lkj-opd-2024-benar.docx", tanam=False)
    return folder, salah


def _cek_opd(path: Path, salah: dict, kategori_wajib=BERAT):
    m = masukan(2024, CONTOH)
    hasil = _baca(m, path)
    temuan = _periksa(m, hasil.angka)
    ditemukan, lain = _planted_found(temuan, salah)
    assert ditemukan == set(salah), (sorted(set(salah) - ditemukan), [t.uraian for t in temuan])
    assert len(lain) <= 3, [t.uraian for t in lain]
    # names typed differently are still attributed, each with its reason
    subjek = {a.subjek for a in hasil.teratribusi}
    assert {"IK01", "IK02", "IK03", "IK04", "IK05", "IK06", "IK07", "P01", "P02", "P03", "P04"} <= subjek
    return hasil, temuan


def test_opd_word_report_planted_errors_all_found(opd):
    folder, salah = opd
    hasil, _ = _cek_opd(folder / "lkj-opd-2024.docx", salah)
    assert any("mirip" in a.cara for a in hasil.teratribusi)  # e.g. 'Persentase Koperasi yg Aktif'


def test_opd_word_report_without_errors_has_no_error(opd):
    folder, _ = opd
    m = masukan(2024, CONTOH)
    temuan = _periksa(m, _baca(m, folder / "lkj-opd-2024-benar.docx").angka)
    assert not [t.uraian for t in temuan if t.sumber == "publikasi" and t.kategori in BERAT]


def _pdf(docx_path: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) tidak terpasang: apt-get install libreoffice-writer-nogui")
    profil = docx_path.parent / "lo-profil"
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profil}", "--headless", "--convert-to", "pdf", "--outdir",
         str(docx_path.parent), str(docx_path)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return docx_path.with_suffix(".pdf")


def test_opd_pdf_report_planted_errors_all_found_and_table_across_pages(opd):
    folder, salah = opd
    pdf = _pdf(folder / "lkj-opd-2024.docx")
    hasil, _ = _cek_opd(pdf, salah)
    anggaran = [a for a in hasil.teratribusi if a.besaran == "pagu"]
    assert len(anggaran) == 4 and len({a.halaman for a in anggaran}) == 2  # read across the page break
    assert all(a.tabel.startswith("Tabel 3.3") for a in anggaran)


# --- bad input: one line, no traceback -------------------------------------------------------------------------


def _cli(*argv) -> tuple[int, str]:
    import contextlib

    from lkj.__main__ import main

    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        rc = main(list(argv))
    return rc, err.getvalue()


def _pdf_kosong(path: Path, halaman: int = 1, sandi: str | None = None) -> Path:
    from pypdf import PdfWriter

    w = PdfWriter()
    for _ in range(halaman):
        w.add_blank_page(595, 842)
    if sandi:
        w.encrypt(sandi)
    with path.open("wb") as f:
        w.write(f)
    return path


def _pdf_teks(path: Path, html: str) -> Path:
    from weasyprint import HTML

    HTML(string=html).write_pdf(path)
    return path


@pytest.mark.parametrize(
    ("buat", "pesan"),
    [
        (lambda d: _pdf_kosong(d / "terkunci.pdf", sandi="rahasia"), "kata sandi"),
        (lambda d: _pdf_kosong(d / "pindaian.pdf"), "lapisan teks"),
        (lambda d: _pdf_kosong(d / "tebal.pdf", 500), "500 halaman"),
        (
            lambda d: (
                (d / "lama.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600) and d / "lama.doc"
            ),
            ".doc",
        ),
        (
            lambda d: _pdf_teks(d / "lain.pdf", "<h1>Notulen rapat</h1><p>Rapat dimulai pukul 09.00.</p>"),
            "tidak ada angka",
        ),
        (lambda d: _zip(d / "palsu.docx"), "bukan dokumen Word"),
        (lambda d: (d / "rusak.pdf").write_bytes(b"%PDF-1.4\n garbage") and d / "rusak.pdf", "PDF"),
    ],
    ids=["terkunci", "tanpa-teks", "500-halaman", "doc-lama", "pdf-lain", "zip-bukan-docx", "pdf-rusak"],
)
def test_bad_document_one_line(tmp_path, buat, pesan):
    path = buat(tmp_path)
    rc, err = _cli("reviu", "2023", "--dokumen", str(path))
    baris = err.strip().splitlines()
    assert rc == 2 and len(baris) == 1 and baris[0].startswith("GALAT: "), err
    assert pesan in baris[0] and "Traceback" not in err


def _zip(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("foto.txt", "bukan laporan")
    return path


def test_cli_reviu_dokumen_writes_both_csv(tmp_path, proyek):
    rc, err = _cli("reviu", "2023", "--root", str(proyek), "--dokumen", str(SEED))
    assert rc == 0, err
    terbaca = (proyek / "reports/2023/publikasi-terbaca-2023.csv").read_text(encoding="utf-8").splitlines()
    assert terbaca[0] == (
        "lokasi,tabel,baris,kolom,tahun,subjek,besaran,tertulis,peran,halaman,cara,dokumen,dokumen_sha256"
    )
    assert len(terbaca) > 300
    sha = hashlib.sha256(SEED.read_bytes()).hexdigest()
    assert all(b.endswith(f",{SEED.name},{sha}") for b in terbaca[1:])
    assert (proyek / "reports/2023/reviu-2023.csv").read_text(encoding="utf-8").count("salah hitung") >= 10


def test_unattributed_figures_are_listed_never_dropped(laporan):
    """The budget table's total row names no program: it is listed with its page, subjek empty."""
    root, _ = laporan
    m = masukan(2023, root)
    hasil = _baca(m, root / "reports/2023/laporan-kinerja-2023.pdf")
    jumlah = [a for a in hasil.tak_teratribusi if a.besaran == "pagu"]
    assert jumlah and all(a.halaman and not a.subjek and "tidak cocok" in a.cara for a in jumlah)


# --- the rules, generalised (issue 18 item 5) ----------------------------------------------------------------


def _ganti(path: Path, lama: str, baru: str) -> None:
    teks = path.read_text(encoding="utf-8")
    assert lama in teks
    path.write_text(teks.replace(lama, baru), encoding="utf-8")


def test_a_figure_whose_subjek_or_year_matches_nothing_is_reported(proyek):
    from conftest import periksa

    pub = proyek / "data/raw/2023/publikasi.csv"
    _ganti(
        pub,
        "Bab III 3.2,Tabel Pengukuran 3.2,Sasaran 3,Realisasi,2023,IK03,",
        "Bab III 3.2,Tabel Pengukuran 3.2,Sasaran 3,Realisasi,2023,IK3,",
    )
    _ganti(
        pub,
        "Tabel 3.4 Realisasi Anggaran per Program,2,% Realisasi Anggaran,2023,P02,",
        "Tabel 3.4 Realisasi Anggaran per Program,2,% Realisasi Anggaran,2019,P02,",
    )
    tak = [t for t in periksa(2023, proyek) if "tidak dapat diperiksa" in t.uraian]
    assert len(tak) == 2 and all(t.kategori == "data dukung tidak ada" and t.sumber == "publikasi" for t in tak)
    assert "subjek 'IK3' tidak dikenal" in tak[0].uraian and "58,86%" in tak[0].uraian
    assert "tahun 2019 tidak ada datanya" in tak[1].uraian and tak[1].program_kode == "P02"


def test_rules_use_table_roles_not_titles_and_any_form_of_codes(proyek):
    """Titles reworded (with a peran column) and indicator codes of another form: the same findings."""
    import csv

    from conftest import periksa

    sebelum = collections.Counter((t.aturan, t.kategori) for t in periksa(2023, proyek))
    pub = proyek / "data/raw/2023/publikasi.csv"
    rows = list(csv.DictReader(pub.open(encoding="utf-8")))
    judul: dict[str, str] = {}
    for r in rows:  # each table renamed to words that say nothing; the role says what it is
        r["tabel"] = judul.setdefault(r["tabel"], f"Daftar {len(judul) + 1}")
    with pub.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    for f in [*proyek.glob("data/raw/202[23]/*.csv"), proyek / "data/raw/renstra-2021-2026/indikator.csv"]:
        f.write_text(re.sub(r"\bIK(\d\d)\b", r"KIN.\1", f.read_text(encoding="utf-8")), encoding="utf-8")
    for f in proyek.glob("data/raw/2023/narasi/*.md"):
        teks = re.sub(r"\bik(\d\d)_", r"kin_\1_", f.read_text(encoding="utf-8"))
        f.write_text(re.sub(r"_ik(\d\d)\b", r"_kin_\1", teks), encoding="utf-8")
    sesudah = periksa(2023, proyek)
    assert collections.Counter((t.aturan, t.kategori) for t in sesudah) == sebelum
    sasaran2 = next(
        t for t in sesudah if t.aturan == "R01" and t.nilai_dilaporkan == 88.0 and "KIN.02" in t.indikator_id
    )
    assert sasaran2.kategori == "salah hitung"  # Sasaran 2 printed 88% where 106 / 181 = 58,56%


def test_a_missing_sub_item_is_never_read_as_0(proyek):
    from conftest import periksa

    kom = proyek / "data/raw/2023/komponen.csv"
    # G5 (a % group, 100%) and G8 (a sum group, 2 unit) each lose their one sub-item's value
    _ganti(kom, 'Pelaporan Data Retribusi Daerah",laporan,12,12', 'Pelaporan Data Retribusi Daerah",laporan,12,')
    teks = kom.read_text(encoding="utf-8").splitlines()
    i = next(i for i, b in enumerate(teks) if b.startswith("IK01,K25,"))
    teks[i] = teks[i].rsplit(",", 1)[0] + ","
    kom.write_text("\n".join(teks) + "\n", encoding="utf-8")
    r05 = [t for t in periksa(2023, proyek) if t.aturan == "R05"]
    assert not [t for t in r05 if "Pendapatan" in t.uraian or "Pengadaan" in t.uraian], [t.uraian for t in r05]
    assert [t for t in r05 if "Administrasi Umum Kantor" in t.uraian]  # the group with real values still checked
