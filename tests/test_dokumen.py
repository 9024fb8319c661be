"""The LKj as a document an official signs: read page by page, as its reader and as its checker would."""

import base64
import io
import os
import re

import pytest
from pypdf import PdfReader

from lkj.pipeline import build
from lkj.pipeline.pdf import label_halaman, setengah_kosong

HASH = re.compile(r"\b[0-9a-f]{40,64}\b")
KODE = (
    "batas_capaian",
    "rata_rasio",
    "jenis_rumus",
    "indikator_rata_rata",
    "data/raw",
    "reports/",
    ".csv",
    ".md",
    ".yaml",
    "sha256",
    "PERINGATAN",
    "Traceback",
    "⟦",
)
KATA_KODE = re.compile(r"\b(None|nan|NaN|True|False)\b")


def pdf(root):
    return PdfReader(root / "reports/2023/laporan-kinerja-2023.pdf")


def html(root, akhiran=".html"):
    return (root / f"reports/2023/laporan-kinerja-2023{akhiran}").read_text(encoding="utf-8")


def isi_halaman(teks: str) -> list[str]:
    """The lines of a page without its running header, footer and DRAF mark."""
    return [
        b
        for b in teks.splitlines()
        if b.strip()
        and not re.fullmatch(
            r"\s*(Halaman \d+ dari \d+|[ivxl]+|DRAF|BAB [IV]+ .*|Lampiran|Kata Pengantar|Ikhtisar Eksekutif"
            r"|Daftar \w+)\s*",
            b,
        )
    ]


def test_every_page_has_body_text(laporan):
    for i, hal in enumerate(pdf(laporan[0]).pages):
        assert len(isi_halaman(hal.extract_text())) >= 3, f"halaman {i + 1} (hampir) kosong"


def test_no_code_words_paths_or_hashes_in_the_report(laporan):
    teks = "\n".join(h.extract_text() for h in pdf(laporan[0]).pages)
    for kata in KODE:
        assert kata not in teks, kata
    assert not HASH.search(teks) and not KATA_KODE.search(teks)
    assert "Catatan Reviu" not in teks and "Provenance" not in teks  # the audit package, not the LKj
    audit = html(laporan[0], "-audit.html")
    assert "Catatan Reviu" in audit and "Asal-usul Data" in audit and HASH.search(audit)


def test_tables_and_figures_are_numbered_per_bab_and_every_reference_resolves(laporan):
    laporan_html = html(laporan[0])
    nomor_tabel = re.findall(
        r'<caption id="no-tabel-[\d-]+"><span class="nomor">Tabel (\d+)\.(\d+)</span>', laporan_html
    )
    nomor_gambar = re.findall(
        r'<figcaption id="no-gambar-[\d-]+"><span class="nomor">Gambar (\d+)\.(\d+)</span>', laporan_html
    )
    for nomor in (nomor_tabel, nomor_gambar):
        for bab in {b for b, _ in nomor}:  # 1, 2, 3, … within each Bab, in order
            assert [int(n) for b, n in nomor if b == bab] == list(range(1, 1 + sum(b == bab for b, _ in nomor)))
    assert {b for b, _ in nomor_tabel} == {"2", "3"} and ("1", "1") in nomor_gambar  # the organisation chart
    assert len(nomor_tabel) >= 20 and len(nomor_gambar) >= 10
    ids = set(re.findall(r'id="([^"]+)"', laporan_html))
    rujukan = re.findall(r'<a class="rujukan" href="#([^"]+)">(Tabel|Gambar) (\d+\.\d+)</a>', laporan_html)
    assert rujukan and all(r[0] in ids for r in rujukan)
    assert ("gambar-organisasi", "Gambar", "1.1") in rujukan
    assert "⟦" not in laporan_html
    teks = "\n".join(h.extract_text() for h in pdf(laporan[0]).pages)
    daftar_tabel = teks[teks.index("Daftar Tabel\n") :]
    assert "Tabel 2.1 Tujuan, Sasaran dan Target Indikator Renstra" in daftar_tabel
    assert "Gambar 1.1 Struktur Organisasi" in teks


def test_a_reference_to_no_table_is_marked_in_a_draft_and_stops_a_final_report(laporan):
    from lkj.pipeline.notebook import BuildError

    root, _ = laporan
    path = root / "data/raw/2023/narasi/anggaran.md"
    asli = path.read_text(encoding="utf-8")
    baru = asli + "\nLihat {{ tabel_tidak_ada }}.\n"
    baris = baru.splitlines().index("Lihat {{ tabel_tidak_ada }}.") + 1
    path.write_text(baru, encoding="utf-8")
    try:
        build(2023, root, log=lambda s: None)  # a draft shows it
        assert "[rujukan tidak ditemukan: tabel_tidak_ada]" in html(root)
        with pytest.raises(
            BuildError, match=rf"tabel_tidak_ada }}}} \(data/raw/2023/narasi/anggaran.md, baris {baris}\)"
        ):
            build(2023, root, log=lambda s: None, final=True)  # the version to sign refuses it
    finally:
        path.write_text(asli, encoding="utf-8")
        build(2023, root, log=lambda s: None)


def test_iku_table_and_signature_block_come_from_data(laporan):
    laporan_html = html(laporan[0])
    iku = re.search(r'<table class="lkj[^"]*" id="tabel-iku">.*?</table>', laporan_html, re.S).group(0)
    assert iku.count("<tr>") == 11 and "Persentase Pencari Kerja yang Ditempatkan" in iku
    teks = pdf(laporan[0]).pages[1].extract_text()
    for baris in (
        "Binjai, 31 Januari 2024",
        "KEPALA DINAS KETENAGAKERJAAN",
        "Drs. HAMDANI HASIBUAN",
        "NIP. 19691119 199009 1 001",
    ):
        assert baris in teks


def test_layout_defects_of_the_first_version_are_gone(laporan):
    root, hasil = laporan
    teks = [h.extract_text() for h in pdf(root).pages]
    semua = "\n".join(teks)
    # the footer row of the measurement table is printed once per table (Bab III and Lampiran 2)
    baris_kaki = [b for b in semua.splitlines() if re.fullmatch(r"Rata-rata capaian [\d,]+% .*", b)]
    assert len(baris_kaki) == len(re.findall(r"<tfoot>.*?Rata-rata capaian", html(root).split('id="bab-3"')[1])) == 2
    laporan_html = html(root)
    assert not re.search(r"<td>(Sangat Tinggi|Sangat Rendah)</td>", laporan_html)  # a predikat cell never wraps
    assert '<td class="utuh">Sangat Tinggi</td>' in laporan_html
    assert '<ul class="berhuruf">' in laporan_html and "<li>- " not in laporan_html
    assert 'style="counter-reset: list-item 1"' in laporan_html  # "2. Kepala Sub Bagian …" keeps its 2
    efisiensi = re.search(
        r'<figure class="gambar" id="gambar-efisiensi"><img id="citra-gambar-efisiensi" alt="[^"]*" '
        r'src="data:image/svg\+xml;base64,([^"]+)"',
        laporan_html,
    ).group(1)
    svg = base64.b64decode(efisiensi).decode("utf-8")
    assert "Program Penempatan Tenaga Kerja" in svg and ">P02<" not in svg  # axes named, not coded
    # every program is drawn (Gambar 3.14 once showed 9 of 10): P05 has no indicator, so serapan only
    assert (
        "Program Perizinan Dan" in svg and "Program tanpa indikator kinerja digambarkan tanpa capaian" in laporan_html
    )
    assert hasil.peringatan == []  # no cut-off table, no split row, no empty page


def test_the_pdf_check_finds_pages_more_than_half_empty_inside_a_chapter():
    from weasyprint import HTML

    baris = "".join(f"<p>baris {i}</p>" for i in range(12))
    penuh = "".join(f"<p>baris {i}</p>" for i in range(35))
    draf = (  # the draft's mark on every page, rotated across its middle: not the page's content
        '<div style="position: fixed; top: 9cm; left: -1cm; width: 19cm; transform: rotate(-35deg); '
        'font: bold 120pt sans-serif; color: rgba(192, 0, 0, .13)">DRAF</div>'
    )
    pdf = HTML(
        string="<html><head><style>@page { size: A4; margin: 2.2cm 2cm } p { margin: 0; font-size: 14pt }</style>"
        f'</head><body>{draf}<div style="break-after: page">{penuh}</div><div style="break-after: page">{baris}</div>'
        f'<div style="break-after: page">{penuh}</div><div>{baris}</div></body></html>'
    ).write_pdf()
    masalah = setengah_kosong(pdf, boleh_kosong={3})
    assert [m.split(" lebih")[0] for m in masalah] == ["halaman 2"]  # page 4 ends its chapter
    assert setengah_kosong(pdf, boleh_kosong={1, 3}) == []


def test_a_page_may_end_half_empty_before_a_chapter_or_a_block_that_is_never_split():
    """Which gaps are by design: the end of a chapter, and the rest of a page too small for the figure or
    short table (with its heading) that starts the next; not the page before a long table or text."""
    from lkj.dokumen.halaman import MARGIN_ATAS_CM
    from lkj.dokumen.model import Citra, Dokumen, Gambar, Judul, Kolom, PindahHalaman, Tabel
    from lkj.pipeline.pdf import halaman_boleh_kosong

    kolom = (Kolom("A"),)
    dok = Dokumen(
        [
            Judul("BAB I", 1, "bab-1"),
            Gambar("g1", "grafik", Citra("<svg/>", b"", 16, 12)),
            Tabel("pendek", "t", kolom, (("x",),) * 8),
            Tabel("panjang", "t", kolom, (("x",),) * 9),
            PindahHalaman(),
            Judul("Lampiran 5. Pernyataan", 2, "pernyataan"),
        ]
    )
    atas = MARGIN_ATAS_CM / 2.54 * 96  # the top of the text area, CSS px
    halaman = [
        {},
        {"g1": [0, atas + 10]},  # a figure starts page 2: page 1 may end early
        {"pendek": [0, atas + 80]},  # a short table under its heading and caption
        {"panjang": [0, atas + 10]},  # a long table could have been split
        {"g1": [0, atas + 400]},  # a figure lower down: text was above it
        {"bab-1": [0, atas]},
        {},
        {"pernyataan": [0, atas]},  # put on a new page by a page break
        {},
    ]
    assert halaman_boleh_kosong(dok, halaman) == {0, 1, 4, 6, 8}


def test_no_page_is_half_empty_inside_a_chapter_of_the_report_or_the_example(laporan, tmp_path):
    """The layout check the build runs (a warning per page) finds nothing in the 2023 report and the example."""
    import shutil

    from conftest import ROOT

    assert not [w for w in laporan[1].peringatan if "setengah kosong" in str(w)]
    contoh = tmp_path / "dinas-contoh"
    shutil.copytree(
        ROOT / "examples/dinas-contoh", contoh, ignore=shutil.ignore_patterns("processed", "build", "reports")
    )
    hasil = build(2024, contoh, log=lambda s: None)
    assert hasil.dirakit and not [w for w in hasil.peringatan if "setengah kosong" in str(w)]


@pytest.mark.parametrize("halaman, awal, label", [(1, 6, ""), (2, 6, "i"), (5, 6, "iv"), (6, 6, "1"), (9, 6, "4")])
def test_page_labels(halaman, awal, label):
    assert label_halaman(halaman, awal) == label


def test_final_report_has_no_draft_mark_and_is_refused_while_anything_is_missing(laporan, capsys):
    from lkj.__main__ import main

    root, _ = laporan
    teks_draf = [h.extract_text() for h in pdf(root).pages]
    assert all("DRAF" in t for t in teks_draf)  # a draft says so on every page
    try:
        assert main(["report", "2023", "--root", str(root), "--final"]) == 0
        assert not any("DRAF" in h.extract_text() for h in pdf(root).pages)
        assert 'class="pita-draf"' not in html(root)
        narasi = root / "data/raw/2023/narasi/sasaran-03.md"
        params = root / "params/2023.yaml"
        asli_narasi, asli_params = narasi.read_text(encoding="utf-8"), params.read_text(encoding="utf-8")
        narasi.unlink()
        params.write_text(asli_params.replace("  nama: Drs. HAMDANI HASIBUAN", "  nama:"), encoding="utf-8")
        lama = (root / "reports/2023/laporan-kinerja-2023.pdf").read_bytes()
        capsys.readouterr()
        try:
            assert main(["report", "2023", "--root", str(root), "--final"]) == 2
            baris = capsys.readouterr().err.strip().splitlines()
            assert baris == [
                "BELUM FINAL: data/raw/2023/narasi/sasaran-03.md: narasi belum diisi",
                "BELUM FINAL: params/2023.yaml: penandatangan.nama kosong",
            ]
            assert (root / "reports/2023/laporan-kinerja-2023.pdf").read_bytes() == lama  # nothing replaced
        finally:
            narasi.write_text(asli_narasi, encoding="utf-8")
            params.write_text(asli_params, encoding="utf-8")
    finally:
        build(2023, root, log=lambda s: None)  # the shared build back to a draft


def _dokumen_kecil(tautan: str = "#kata"):
    from lkj.dokumen.model import AwalBagian, DaftarOtomatis, Dokumen, EntriDaftar, Judul, Paragraf, Sampul, Teks

    entri = (EntriDaftar("", "Kata Pengantar", "kata", 1), EntriDaftar("BAB I", "Pendahuluan", "bab-1", 1))
    return Dokumen(
        [
            AwalBagian("00", "romawi"),
            Sampul("PEMERINTAH KOTA CONTOH", "LAPORAN KINERJA", "DINAS CONTOH", 2024),
            Judul("Kata Pengantar", 1, "kata"),
            Paragraf((Teks("Pengantar."),)),
            DaftarOtomatis("isi", "Daftar Isi", entri),
            AwalBagian("01", "arab"),
            Judul("BAB I Pendahuluan", 1, "bab-1"),
            *[Paragraf((Teks(f"Kalimat {i} bab satu, cukup panjang untuk mengisi baris."),)) for i in range(80)],
            Paragraf((Teks("Kembali ke kata pengantar", tautan=tautan),)),
        ],
        final=True,
    )


def test_the_pdf_pieces_are_kept_and_a_broken_cache_entry_is_laid_out_again(tmp_path):
    """A kept piece gives the same bytes as a fresh layout; an entry half written (its PDF without its
    layout, or unreadable layout) is laid out again, not trusted; entries no build uses are removed."""
    from lkj.pipeline import pdf

    dok = _dokumen_kecil()
    segar = pdf.render(dok, "Laporan", None)
    folder = tmp_path / "pdf"
    pertama = pdf.render(dok, "Laporan", folder)
    assert pertama.data == segar.data and pertama.peringatan == []
    json_ = sorted(folder.glob("*.json"))
    json_[0].unlink()
    json_[1].write_text("{rusak", encoding="utf-8")
    (folder / ("0" * 64 + ".pdf")).write_bytes(b"lama")  # an entry of an older build
    os.utime(folder / ("0" * 64 + ".pdf"), (0, 0))
    assert pdf.render(dok, "Laporan", folder).data == segar.data
    assert not (folder / ("0" * 64 + ".pdf")).exists()
    label = pertama.label
    assert (label["kata"], label["bab-1"]) == ("i", "1") and pertama.jumlah >= 5
    baca = PdfReader(io.BytesIO(pertama.data))
    teks = [p.extract_text() for p in baca.pages]
    assert baca.page_labels[:4] == ["Sampul", "i", "ii", "1"]
    awal = 3
    n_isi = len(teks) - awal
    assert teks[awal].rstrip().endswith(f"Halaman 1 dari {n_isi}") and n_isi >= 2
    assert "BAB I Pendahuluan" in teks[awal + 1]  # the running head on the chapter's next page


def _huruf(pdf_: bytes) -> list[tuple[str, float, float]]:
    """Every character of the first page with its lower-left corner (pt), as pdfminer reads it (through
    the forms the page draws)."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar

    def semua(o):
        if isinstance(o, LTChar):
            yield o.get_text(), round(o.x0, 1), round(o.y0, 1)
        elif hasattr(o, "__iter__"):
            for x in o:
                yield from semua(x)

    return sorted(semua(next(iter(extract_pages(io.BytesIO(pdf_))))))


def test_a_chart_is_laid_out_apart_and_drawn_where_the_page_holds_its_place(tmp_path):
    """The pieces hold an empty image of each chart's size; the chart, laid out alone, is drawn onto its
    place: where WeasyPrint draws it in the page, under the DRAF mark. Its data changed at the same size,
    the piece is not laid out again."""
    from lkj.dokumen.html import dokumen_html
    from lkj.dokumen.model import AwalBagian, Citra, Dokumen, Gambar, Judul, Paragraf, Teks
    from lkj.pipeline import pdf
    from lkj.pipeline.css import css_laporan

    def svg(kata: str) -> str:
        return (
            '<svg xmlns="http://www.w3.org/2000/svg" width="300pt" height="150pt" viewBox="0 0 300 150">'
            '<rect x="0" y="0" width="300" height="150" fill="#dde"/>'
            f'<text x="20" y="80" style="font: 14px \'Liberation Sans\'">{kata}</text></svg>'
        )

    def dok(kata: str) -> Dokumen:
        citra = Citra(svg(kata), b"", 300 / 72 * 2.54, 150 / 72 * 2.54)
        blok = [AwalBagian("01", "arab"), Judul("BAB I Pendahuluan", 1, "bab-1")]
        blok += [Paragraf((Teks(f"Kalimat {i} sebelum gambar."),)) for i in range(12)]
        return Dokumen([*blok, Gambar("gambar-uji", "Batang Uji", citra, label="Gambar 1.1")], final=False)

    hasil = pdf.render(dok("Batang Q"), "Laporan", tmp_path)  # the only Q of the page
    langsung, _ = pdf.tata(dokumen_html(dok("Batang Q"), "Laporan", css_laporan()))
    # the page as WeasyPrint draws it whole, chart included (the frame, the running head and the page
    # number, is drawn onto the joined pages only)
    di_halaman, sendiri = _huruf(hasil.data), _huruf(langsung)
    assert [h for h in sendiri if h not in di_halaman] == [] and [h[0] for h in sendiri].count("Q") == 1
    teks = PdfReader(io.BytesIO(hasil.data)).pages[0].extract_text()
    assert teks.index("Batang Q") < teks.index("DRAF")  # drawn first: the mark over it
    kept = {p.name for p in tmp_path.glob("*.pdf")}
    pdf.render(dok("Batang R"), "Laporan", tmp_path)
    assert len({p.name for p in tmp_path.glob("*.pdf")} - kept) == 1  # the chart alone laid out again


def test_a_chart_whose_place_is_ambiguous_or_whose_svg_is_unreadable_stays_in_its_piece():
    """Two figures with one id (a place the layout cannot tell apart) and an SVG that is not XML: those
    charts are drawn in their piece, as WeasyPrint draws them, and every other chart is laid out apart."""
    from lkj.dokumen.model import Citra, Gambar, Narasi
    from lkj.pipeline import pdf

    def gambar(id_: str, kata: str) -> Gambar:
        svg = f'<svg xmlns="http://www.w3.org/2000/svg" width="100pt" height="50pt"><text y="20">{kata}</text></svg>'
        return Gambar(id_, kata, Citra(svg, b"png", 3.53, 1.76))

    rusak = Gambar("rusak", "Rusak", Citra("bukan svg", b"", 3.0, 2.0))
    blok = [gambar("sama", "Aaa"), Narasi("n", (gambar("sama", "Bbb"), gambar("lain", "Ccc"))), rusak]
    citra: dict = {}
    hasil = pdf.tempat_gambar(blok, citra)
    assert list(citra) == ["lain"] and "Ccc" in citra["lain"].svg
    assert [b.citra.svg for b in (hasil[0], hasil[1].blok[0], hasil[2])] == [
        blok[0].citra.svg,
        blok[1].blok[0].citra.svg,
        "bukan svg",
    ]
    assert hasil[1].blok[1].citra.svg == '<svg xmlns="http://www.w3.org/2000/svg" width="100pt" height="50pt"/>'


def test_a_link_to_no_part_of_the_report_is_named(tmp_path):
    from lkj.pipeline import pdf

    hasil = pdf.render(_dokumen_kecil("#tidak-ada"), "Laporan", tmp_path)
    assert hasil.peringatan == ["tautan ke #tidak-ada tidak menuju bagian mana pun dari laporan"]


def test_table_columns_fit_their_figures_and_words_and_a_crowded_table_is_set_smaller():
    from lkj.dokumen import halaman as h
    from lkj.dokumen.lebar import lebar_kolom, lebar_minimum, lebar_teks_cm, rapat
    from lkj.dokumen.model import Kolom, Tabel, Teks

    def tabel(kolom, baris):
        return Tabel("t", "t", tuple(kolom), tuple(tuple((Teks(s),) for s in r) for r in baris))

    teks_ = Kolom("Uraian", lebar=3)
    angka = Kolom("Anggaran", rata="kanan", lebar=1)
    pas = tabel([teks_, angka], [("Belanja pegawai", "12.000")])
    assert lebar_kolom(pas) == pytest.approx([h.LEBAR_TEKS_CM * 3 / 4, h.LEBAR_TEKS_CM / 4])  # as the author set
    rupiah = tabel([teks_, angka, angka, angka, angka], [("Belanja", *["Rp6.163.458.376"] * 4)])
    lebar = lebar_kolom(rupiah)
    assert not rapat(rupiah) and sum(lebar) == pytest.approx(h.LEBAR_TEKS_CM)
    assert all(w >= lebar_teks_cm("Rp6.163.458.376") for w in lebar[1:])  # the figures widened, never broken
    angka5 = [Kolom(j, rata="kanan") for j in ("Target", "TW I", "TW II", "TW III", "TW IV")]
    ramai = tabel(  # the example's Rencana Aksi
        [Kolom("Indikator Kinerja"), Kolom("Satuan"), *angka5, Kolom("Kegiatan")],
        [
            (
                "Pendapatan retribusi",
                "Rp",
                "1.250.000.000",
                "250.000.000",
                "600.000.000",
                "950.000.000",
                "1.250.000.000",
                "Pendampingan restrukturisasi kredit",
            )
        ],
    )
    assert rapat(ramai)  # at 9 pt the figures and the words do not fit: 8 pt
    lunak = lebar_minimum(ramai, h.UKURAN_TABEL_RAPAT_PT)[1]
    assert all(w >= p - 1e-9 for w, p in zip(lebar_kolom(ramai), lunak, strict=True))  # every word whole at 8 pt
