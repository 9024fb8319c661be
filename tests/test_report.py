"""End to end: build the 2023 report in a scratch copy and read it as a user would."""

import hashlib
import re
import shutil

import pytest
from pypdf import PdfReader
from test_data_2023 import EXPECTED

from lkj.pipeline import BuildError, build
from lkj.pipeline.rakit import masalah_html

from conftest import ROOT, checksums, salin


def sidik_laporan(root):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted((root / "reports/2023").iterdir())}


def baca(root, akhiran=".html"):
    return (root / "reports/2023" / f"laporan-kinerja-2023{akhiran}").read_text(encoding="utf-8")


def test_build_writes_three_files_without_warnings(laporan):
    root, hasil = laporan
    assert len(hasil.dijalankan) == 16 and hasil.dirakit
    # every narrative is written (Sasaran 9 too; the missing-narrative warning: test_narasi.py), and the
    # PDF step found no layout defect: nothing cut off, no split table row, no empty page
    assert hasil.peringatan == []
    for akhiran in (".html", "-audit.html", ".pdf"):
        assert (root / f"reports/2023/laporan-kinerja-2023{akhiran}").stat().st_size > 10_000


def test_html_prints_the_ten_capaian_in_indonesian_format(laporan):
    html = baca(laporan[0])
    tabel = re.search(r'<table class="lkj[^"]*" id="tabel-pengukuran">.*?</table>', html, re.S).group(0)
    for _, _target, _realisasi, capaian, _predikat in EXPECTED.values():
        assert f"{capaian:.2f}%".replace(".", ",") in tabel
    assert "92,90%" in tabel and "58,56%" in tabel and "24,50%" in tabel
    assert "88%" not in re.sub(r"\d88%", "", tabel)  # the published 88% is not copied


def test_every_bab_and_sasaran_section_is_present_and_in_the_toc(laporan):
    html, audit = baca(laporan[0]), baca(laporan[0], "-audit.html")
    ids = [
        "kata-pengantar",
        "ikhtisar-eksekutif",
        "daftar-tabel-judul",
        "daftar-gambar-judul",
        "bab-1",
        "pendahuluan-a-tugas-fungsi-dan-struktur-organisasi",
        "bab1-isu-strategis-b-isu-strategis-dan-permasalahan-utama",
        "bab1-peran-c-mandat-dan-peran-strategis",
        "bab1-peran-d-sistematika-laporan",
        "bab-2",
        "iku",
        "bab-3",
        "bab-3-a",
        "bab-3-b",
        "bab-3-c",
        "bab-4",
        "lampiran",
    ] + [f"sasaran-{n}" for n in range(1, 11)]
    toc = re.search(r'<nav[^>]*id="daftar-isi".*?</nav>', html, re.S).group(0)
    for i in ids:
        assert f'id="{i}"' in html
        assert f'href="#{i}"' in toc
    for i in ("audit-reviu", "audit-provenance", "audit-tabel", "audit-aturan"):  # the audit package only
        assert f'id="{i}"' in audit and f'id="{i}"' not in html


def test_sasaran_section_shows_the_substituted_calculation(laporan):
    html = baca(laporan[0])
    assert "106 orang / 181 orang × 100% = 58,56%" in html
    assert "319 orang / 542 orang × 100% = 58,86%" in html
    assert "123 unit / 1.004 unit × 100% = 12,25%" in html
    assert "tanpa data dukung" in html  # Sasaran 9
    assert "Narasi belum diisi" not in html  # Sasaran 9 has its narrative, numbers filled in
    assert "Realisasi tersebut dilaporkan tanpa data dukung" in html and "meningkat 11,51 poin dari 111,90%" in html
    # composite: every group, by its name (not its code G9)
    assert "Jumlah Barang Milik Daerah yang Dikelola dan Dipelihara: 47 unit / 105 unit × 100% = 44,76%" in html


def test_provenance_lists_every_input_with_its_sha256(laporan):
    import hashlib

    root = laporan[0]
    html = baca(root, "-audit.html")
    for rel in (
        "data/raw/2023/pk.csv",
        "data/raw/2023/komponen.csv",
        "params/2023.yaml",
        "data/raw/2023/narasi/sasaran-02.md",
        "notebooks/sasaran.py",
        "lkj/hitung/formulas.py",
    ):
        path = root / rel if not rel.startswith("lkj/") else ROOT / rel
        assert f"<td>{rel}</td><td>{hashlib.sha256(path.read_bytes()).hexdigest()}</td>" in html


def test_report_hides_code_and_audit_version_shows_it(laporan):
    html, audit = baca(laporan[0]), baca(laporan[0], "-audit.html")
    teks = lambda h: re.sub(r"<[^>]+>", "", h)  # noqa: E731
    assert "Laporan.muat" not in teks(html) and "jp-InputArea" not in html
    assert "Laporan.muat" in teks(audit) and "Versi audit" in audit
    assert '<html lang="id"' in html


@pytest.mark.parametrize("akhiran", [".html", "-audit.html"])
def test_html_loads_nothing_remote(laporan, akhiran):
    html = baca(laporan[0], akhiran)
    assert not masalah_html(html)
    assert "<script" not in html.lower()
    assert 'src="data:image/svg+xml;base64,' in html  # charts are embedded


def test_pdf_is_a4_with_cover_toc_page_numbers_and_footer(laporan):
    pdf = PdfReader(laporan[0] / "reports/2023/laporan-kinerja-2023.pdf")
    n = len(pdf.pages)
    assert 30 <= n <= 90
    box = pdf.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 in points
    teks = [p.extract_text() for p in pdf.pages]
    label = pdf.page_labels
    awal = label.index("1")  # Bab I
    assert "LAPORAN KINERJA" in teks[0] and "Halaman" not in teks[0]
    assert label[:awal] == ["Sampul", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii"][:awal]  # front matter: roman
    assert teks[1].rstrip().endswith("i") and "Halaman" not in teks[1]
    n_isi = n - awal
    assert "BAB I Pendahuluan" in teks[awal] and f"Halaman 1 dari {n_isi}" in teks[awal]
    for i in range(1, n):  # every page its own footer (they are drawn onto the pages after the merge)
        kaki = f"Halaman {i - awal + 1} dari {n_isi}" if i >= awal else label[i]
        assert teks[i].rstrip().endswith(kaki), (i, teks[i][-40:])
    daftar = next(t for t in teks if "Daftar Isi" in t)
    for judul, hal in (("Kata Pengantar", "i"), ("Ikhtisar Eksekutif", "ii"), ("BAB I Pendahuluan", "1")):
        assert re.search(rf"{judul}[ .]*{hal}\b", daftar), judul  # headings in the daftar isi's own part too
    bab3 = int(re.search(r"BAB III Akuntabilitas Kinerja[ .]*(\d+)", daftar).group(1))
    assert (
        "BAB III Akuntabilitas Kinerja" in teks[awal + bab3 - 1]
        and f"Halaman {bab3} dari {n_isi}" in teks[awal + bab3 - 1]
    )
    assert any("58,56%" in t for t in teks)
    i_daftar = next(i for i, t in enumerate(teks) if "Daftar Isi" in t)
    tautan = [a.get_object() for a in pdf.pages[i_daftar].get("/Annots", [])]
    assert len(tautan) >= 30 and all(a["/Subtype"] == "/Link" for a in tautan)  # every entry is a link
    assert [o.title for o in pdf.outline if not isinstance(o, list)][:3] == [
        "Kata Pengantar",
        "Ikhtisar Eksekutif",
        "Daftar Isi",
    ]


def test_two_clean_builds_in_other_folders_give_identical_bytes(laporan, tmp_path_factory):
    """The second with a fresh kernel per notebook: the warm pool (the first) changes no byte."""
    root, _ = laporan
    lain = salin(tmp_path_factory.mktemp("proyek-lain"))
    build(2023, lain, log=lambda s: None, kernel="segar")
    pertama, kedua = sidik_laporan(root), sidik_laporan(lain)
    assert set(pertama) == {
        "kertas-kerja-2023.xlsx",
        "laporan-kinerja-2023.html",
        "laporan-kinerja-2023-audit.html",
        "laporan-kinerja-2023.pdf",
        "laporan-kinerja-2023.docx",
        "reviu-2023.csv",
        "lembar-reviu-2023.xlsx",
        "lembar-reviu-2023.html",
        "jejak-audit-2023.html",
    }
    assert pertama == kedua
    assert str(lain) not in (lain / "reports/2023/laporan-kinerja-2023-audit.html").read_text()


def test_failed_build_names_notebook_cell_and_error_and_keeps_the_last_report(laporan, capsys):
    from lkj.__main__ import main

    root, _ = laporan
    path = root / "data/raw/2023/narasi/sasaran-03.md"
    asli = path.read_text(encoding="utf-8")
    path.write_text(asli + "\nCapaian {{ Capaian Tahun Depan }}.\n", encoding="utf-8")  # malformed
    laporan_lama, raw_lama = sidik_laporan(root), checksums(root / "data/raw")
    try:
        with pytest.raises(BuildError) as e:
            build(2023, root, log=lambda s: None)
        pesan = str(e.value)  # narrative is filled at assembly (no notebook runs): the file and line are named
        assert "data/raw/2023/narasi/sasaran-03.md, baris" in pesan and "Capaian Tahun Depan" in pesan
        assert "Traceback" not in pesan
        assert main(["report", "2023", "--root", str(root)]) == 1
        err = capsys.readouterr().err.strip().splitlines()
        assert err[-1].startswith("GALAT: data/raw/2023/narasi/sasaran-03.md, baris")
        assert sidik_laporan(root) == laporan_lama  # the last good report is untouched
        assert checksums(root / "data/raw") == raw_lama  # and so is every input
        assert sorted(p.name for p in (root / "reports/2023").iterdir()) == sorted(laporan_lama)
    finally:
        path.write_text(asli, encoding="utf-8")


def test_bad_data_stops_the_report_before_any_notebook(laporan, capsys):
    from lkj.__main__ import main

    root, _ = laporan
    path = root / "data/raw/2023/pk.csv"
    asli = path.read_text(encoding="utf-8")
    path.write_text(asli.replace(",40\n", ",40%\n", 1), encoding="utf-8")
    lama = sidik_laporan(root)
    try:
        assert main(["report", "2023", "--root", str(root)]) == 2
        (baris,) = capsys.readouterr().err.strip().splitlines()
        assert "pk.csv, baris 4, kolom 'target'" in baris and "tanda %" in baris
        assert sidik_laporan(root) == lama
    finally:
        path.write_text(asli, encoding="utf-8")


def test_narrative_edit_reruns_one_notebook_and_fills_placeholders(laporan):
    root, _ = laporan
    path = root / "data/raw/2023/narasi/sasaran-02.md"
    asli = path.read_text(encoding="utf-8")
    path.write_text(
        asli + "\nCatatan uji: realisasi tahun ini {{ realisasi }} dari {{ ik02_k02_realisasi }} peserta.\n"
        "\n<script>alert('x')</script> ![logo](https://contoh.invalid/logo.png)\n",
        encoding="utf-8",
    )
    try:
        hasil = build(2023, root, log=lambda s: None)
        assert hasil.dijalankan == [] and hasil.narasi == ["04-sasaran-02"]  # refilled without a kernel
        html = baca(root)
        assert "Catatan uji: realisasi tahun ini 58,56% dari 181 peserta." in html
        assert "&lt;script&gt;alert" in html and "<script" not in html  # shown as text, inert
        assert not masalah_html(html) and not masalah_html(baca(root, "-audit.html"))
        assert "{{ ik02_k02_realisasi }} peserta." in path.read_text(encoding="utf-8")  # never rewritten
    finally:  # the module's build is shared: put it back as it was
        path.write_text(asli, encoding="utf-8")
        assert build(2023, root, log=lambda s: None).narasi == ["04-sasaran-02"]


def test_narrative_edit_without_a_kernel_gives_the_bytes_of_a_clean_build(laporan, tmp_path_factory):
    """One narrative edited, one emptied (the red marker), one written where the marker was: the
    incremental build refills them in-process, and every output is the one a clean build makes."""
    root, _ = laporan
    narasi = root / "data/raw/2023/narasi"
    asli = {n: (narasi / f"{n}.md").read_text(encoding="utf-8") for n in ("sasaran-01", "penutup")}
    try:
        (narasi / "sasaran-01.md").write_text(asli["sasaran-01"] + "\nCapaian {{ capaian }} tercatat.\n", "utf-8")
        (narasi / "penutup.md").write_text("", encoding="utf-8")
        hasil = build(2023, root, log=lambda s: None)
        assert hasil.dijalankan == [] and sorted(hasil.narasi) == ["04-sasaran-01", "06-penutup"]
        assert 'class="narasi-kosong" data-sumber="data/raw/2023/narasi/penutup.md"' in baca(root)
        bersih = tmp_path_factory.mktemp("proyek-narasi")
        for folder in ("data/raw", "params", "notebooks"):
            shutil.copytree(root / folder, bersih / folder, ignore=shutil.ignore_patterns("*.ipynb"))
        build(2023, bersih, log=lambda s: None)
        assert sidik_laporan(root) == sidik_laporan(bersih)
        (narasi / "penutup.md").write_text(asli["penutup"], encoding="utf-8")  # marker -> text
        assert build(2023, root, log=lambda s: None).narasi == ["06-penutup"]
        html = baca(root)
        assert 'data-sumber="data/raw/2023/narasi/penutup.md"' in html
        assert 'class="narasi-kosong" data-sumber=' not in html  # (the draft's data warnings stay: a KotakDraf)
    finally:
        for n, teks in asli.items():
            (narasi / f"{n}.md").write_text(teks, encoding="utf-8")
        build(2023, root, log=lambda s: None)


def test_reviu_after_a_data_edit_and_its_revert_is_rebuilt_to_match_the_report(laporan):
    from lkj.__main__ import main

    root, _ = laporan
    csv_path = root / "reports/2023/reviu-2023.csv"
    asli_csv = csv_path.read_bytes()
    pk = root / "data/raw/2023/pk.csv"
    asli = pk.read_text(encoding="utf-8")
    pk.write_text(asli.replace(",40\n", ",45\n", 1), encoding="utf-8")
    try:
        assert main(["reviu", "2023", "--root", str(root)]) == 0
    finally:
        pk.write_text(asli, encoding="utf-8")
    assert csv_path.read_bytes() != asli_csv
    hasil = build(2023, root, log=lambda s: None)
    assert hasil.dirakit and hasil.dijalankan == []  # inputs as built: only the outputs are redone
    assert csv_path.read_bytes() == asli_csv


def test_an_output_changed_or_removed_since_the_build_is_rebuilt(laporan):
    root, _ = laporan
    html = root / "reports/2023/laporan-kinerja-2023.html"
    asli = html.read_bytes()
    html.write_bytes(asli.replace(b"92,90%", b"99,99%"))
    assert build(2023, root, log=lambda s: None).dirakit
    assert html.read_bytes() == asli
    (root / "reports/2023/laporan-kinerja-2023.pdf").unlink()
    assert build(2023, root, log=lambda s: None).dirakit
    assert (root / "reports/2023/laporan-kinerja-2023.pdf").is_file()


def test_nothing_changed_means_nothing_runs(laporan):
    root, _ = laporan
    hasil = build(2023, root, log=lambda s: None)
    assert hasil.dijalankan == [] and not hasil.dirakit


def test_year_with_indicator_level_data_only_marks_what_is_missing(tmp_path):
    root = salin(tmp_path)
    hasil = build(2022, root, log=lambda s: None)
    assert hasil.dirakit
    html = baca_tahun(root, 2022)
    assert html.count("tanpa data dukung") >= 10  # no component data in 2022
    assert "Data anggaran tahun ini belum tersedia." in html  # no budget file
    assert html.count("Narasi belum diisi") >= 10  # no narrative yet
    assert "Tahun pembanding tidak ditetapkan." in html
    assert "92,30%" in html and "176,67%" in html  # figures of Tabel 3.2, recomputed


def baca_tahun(root, tahun):
    return (root / f"reports/{tahun}/laporan-kinerja-{tahun}.html").read_text(encoding="utf-8")


def test_a_build_cut_short_while_notebooks_run_leaves_nothing_that_passes_for_fresh(laporan, monkeypatch):
    """Data edited, the build fails once a notebook has finished (it wrote its output), the data is put
    back: the next build reruns what ran with the edit instead of assembling from it."""
    import time

    import lkj.pipeline as B

    root, _ = laporan
    asli = sidik_laporan(root)
    komponen = root / "data/raw/2023/komponen.csv"
    teks = komponen.read_text(encoding="utf-8")
    baris = next(b for b in teks.splitlines() if b.startswith("IK02,K01,"))
    nb = root / "build/2023/nb"
    mulai = time.time()

    def gagal(*args):  # runs in the main process while the notebooks run
        batas = time.monotonic() + 120
        while time.monotonic() < batas:
            if any(p.stat().st_mtime > mulai for p in nb.glob("0*.ipynb")):
                raise RuntimeError("terputus")
            time.sleep(0.05)
        raise AssertionError("tidak ada notebook yang selesai")

    with monkeypatch.context() as mp:
        mp.setattr(B, "_bagian_perakitan", gagal)
        komponen.write_text(teks.replace(baris, baris.rsplit(",", 1)[0] + ",200"), encoding="utf-8")
        try:
            with pytest.raises(RuntimeError, match="terputus"):
                build(2023, root, log=lambda s: None)
        finally:
            komponen.write_text(teks, encoding="utf-8")
    (root / "reports/2023/laporan-kinerja-2023.html").unlink()  # assembled again from build/2023/nb
    hasil = build(2023, root, log=lambda s: None)
    assert hasil.dijalankan  # what ran with the edit runs again
    assert sidik_laporan(root) == asli


def test_a_narrative_saved_while_the_build_reads_it_is_built_next_time(laporan, monkeypatch):
    """The stamp records the text the build read, not the file as it is later: a save that lands just
    after the read (JupyterLab 'Save All', the preview starting within 0,1 s) is built by the next run."""
    import lkj.masukan.model as model

    root, _ = laporan
    narasi = root / "data/raw/2023/narasi/penutup.md"
    asli = narasi.read_text(encoding="utf-8")
    baca_asli = model.baca_masukan

    def baca_lalu_simpan(*args):
        m = baca_asli(*args)
        narasi.write_text(asli + "\nSimpanan kedua.\n", encoding="utf-8")  # saved right after the read
        return m

    try:
        narasi.write_text(asli + "\nSimpanan pertama.\n", encoding="utf-8")
        with monkeypatch.context() as mp:
            mp.setattr(model, "baca_masukan", baca_lalu_simpan)
            build(2023, root, log=lambda s: None)
        assert "Simpanan pertama." in baca(root)
        assert build(2023, root, log=lambda s: None).narasi == ["06-penutup"]
        assert "Simpanan kedua." in baca(root) and "Simpanan pertama." not in baca(root)
    finally:
        narasi.write_text(asli, encoding="utf-8")
        build(2023, root, log=lambda s: None)


def test_the_audit_exporter_gives_the_stock_exporters_page_without_reparsing_it():
    """rakit._Ekspor skips nbconvert's closing BeautifulSoup pass: the page is the same document, the images
    without alt text given one."""
    import base64

    from bs4 import BeautifulSoup
    from nbconvert import HTMLExporter
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

    from lkj.pipeline.rakit import _ekspor_utuh, _exporter

    png = base64.b64encode(b"\x89PNG\r\n\x1a\n").decode()
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="2" height="2"/>'
    nb = new_notebook(metadata={"language_info": {"name": "python", "pygments_lexer": "ipython3"}})
    nb.cells = [
        new_markdown_cell("# Judul & <b>tebal</b>\n\nTeks <img src='data:image/png;base64,AA=='>."),
        new_code_cell(
            "x = 1 < 2\nprint('a & b')",
            execution_count=1,
            outputs=[
                new_output("stream", name="stdout", text="a & b <c>\u2028d\n"),  # a line break to str.splitlines
                new_output("display_data", data={"image/png": png}),
                new_output("display_data", data={"image/svg+xml": svg}),
                new_output("display_data", data={"text/html": '<img src="data:,"/><img src=x/><img alt=ada src="">'}),
            ],
        ),
    ]
    kami = _ekspor_utuh(nb, True, False)
    stok, _ = HTMLExporter(config=_exporter(True).config).from_notebook_node(
        nb, resources={"lkj": {"audit": True, "draf": False}}
    )
    assert str(BeautifulSoup(kami, "html.parser")) == stok.replace(
        'alt="No description has been provided for this image"', 'alt="Grafik"'
    )
    assert kami.count('alt="Grafik"') == 5 and "alt=ada" in kami
