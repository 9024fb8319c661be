"""The Word renderer: structure read back with python-docx, byte-identical rebuilds, and a real client
(LibreOffice) converting the .docx to PDF, whose pages and text are compared with what the document holds."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path

import docx
import pypdf
import pytest
from docx.oxml.ns import qn

from lkj.dokumen import halaman as h
from lkj.dokumen.docx import ke_docx, nama_penanda
from lkj.dokumen.lebar import lebar_kolom
from lkj.dokumen.model import (
    AwalBagian,
    Daftar,
    DaftarOtomatis,
    Dokumen,
    EntriDaftar,
    Gambar,
    Judul,
    Kolom,
    KotakDraf,
    Narasi,
    Paragraf,
    PindahHalaman,
    Sampul,
    SelKepala,
    Tabel,
    TandaTangan,
    Teks,
    teks,
)
from lkj.tampil import charts

ROMAWI = ["I", "II", "III", "IV", "V"]


# --- a resolved document of realistic size -----------------------------------------------------


def _angka(x: float, digit: int = 2) -> str:
    s = f"{x:,.{digit}f}"
    return s.replace(",", "X").replace(".", ",").replace("X", ".")


def _tabel(id_: str, judul: str, n: int, mulai: int = 0) -> Tabel:
    kolom = (
        Kolom("No", rata="tengah", lebar=0.5),
        Kolom("Indikator Kinerja", lebar=4),
        Kolom("Target", "%", "kanan", 1.2),
        Kolom("Realisasi", "%", "kanan", 1.2),
        Kolom("Capaian", "%", "kanan", 1.2),
        Kolom("Predikat", lebar=1.4, utuh=True),
    )
    baris = []
    for i in range(n):
        k = mulai + i
        target, real = 50 + (k * 7) % 50, 40 + (k * 13) % 60
        baris.append(
            (
                teks(str(i + 1)),
                teks(f"Persentase peserta pelatihan kerja angkatan {k + 1} yang ditempatkan di perusahaan"),
                teks(_angka(target)),
                teks(_angka(real)),
                teks(_angka(100 * real / target)),
                teks("Sangat Tinggi" if real >= target else "Sedang"),
            )
        )
    return Tabel(
        id_,
        judul,
        kolom,
        tuple(baris),
        kepala=((SelKepala(""), SelKepala("Indikator"), SelKepala("Tahun 2023", 3), SelKepala("")),),
        kaki=(
            (teks(""), teks("Rata-rata", tebal=True), teks(""), teks(""), teks(_angka(97.25)), teks("Sangat Tinggi")),
        ),
        catatan=(teks("Sumber: data kinerja Dinas, diolah."),),
    )


def _png_logo() -> bytes:
    return charts.renstra([2021, 2022], [1.0, 2.0], {2021: 1.0}, 0).png


def _selesaikan(blok: list, final: bool) -> Dokumen:
    """What assembly does (the other helper's code): labels per Bab, references, lists of contents."""
    bab, n, label, isi, tabel, gambar = 0, {"Tabel": 0, "Gambar": 0}, {}, [], [], []
    keluar = []
    for b in blok:
        if isinstance(b, Judul):
            if b.id.startswith("bab-") and b.tingkat == 1:
                bab, n = int(b.id.split("-")[1]), {"Tabel": 0, "Gambar": 0}
            if b.daftar_isi and b.tingkat <= 3:
                m = re.match(r"(BAB [IVX]+) ", b.teks)
                isi.append(EntriDaftar(m.group(1) if m else "", b.teks, b.id, b.tingkat))
        if isinstance(b, (Tabel, Gambar)) and b.bernomor and bab:
            jenis = type(b).__name__
            n[jenis] += 1
            b = replace(b, label=f"{jenis} {bab}.{n[jenis]}")
            label[b.id] = b.label
            (tabel if jenis == "Tabel" else gambar).append(EntriDaftar(b.label, b.judul, b.id))
        keluar.append(b)

    def rujuk(x):
        if isinstance(x, Paragraf):
            return replace(
                x, isi=tuple(Teks(label[t.rujukan], tautan="#" + t.rujukan) if t.rujukan else t for t in x.isi)
            )
        if isinstance(x, DaftarOtomatis):
            return replace(x, entri=tuple({"isi": isi, "tabel": tabel, "gambar": gambar}[x.jenis]))
        if isinstance(x, (KotakDraf,)) and final:
            return None
        if isinstance(x, Narasi):
            if final and x.kosong:
                return None
            return replace(x, blok=tuple(rujuk(y) for y in x.blok))
        return x

    return Dokumen([y for y in (rujuk(x) for x in keluar) if y is not None], final=final)


@dataclass
class Unit:
    unit_id: str
    unit: str
    atasan_id: str


def dokumen_contoh(final: bool = False) -> Dokumen:
    """Cover, front matter (i, ii...), four Bab (1, 2...) with 11 tables (one of 60 rows), 4 charts,
    narrative with lists and references, the signature and a Lampiran."""
    label_ind = [f"Sasaran {i}: Persentase indikator kinerja nomor {i} yang dicapai" for i in range(1, 11)]
    capaian = [100.0, 58.56, 127.27, 24.5, 131.15, 99.55, 88.21, 18.0, 147.14, 110.61]
    unit = [Unit("k", "Kepala Dinas", "")] + [
        Unit(f"b{i}", f"Bidang Pembinaan dan Pengembangan Perdagangan {i}", "k") for i in range(4)
    ]
    unit += [
        Unit(f"s{i}{j}", f"Seksi Pembinaan dan Pengembangan Perdagangan Dalam dan Luar Negeri {j}", f"b{i}")
        for i in range(4)
        for j in range(3)
    ]
    b: list = [
        AwalBagian("sampul", "romawi"),
        Sampul(
            "Pemerintah Kota Binjai",
            "Laporan Kinerja",
            "Dinas Ketenagakerjaan, Perindustrian dan Perdagangan",
            2023,
            _png_logo(),
            "image/png",
        ),
        Judul("KATA PENGANTAR", 1, "kata-pengantar"),
        Paragraf(teks("Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa. " * 6)),
        TandaTangan(
            "Binjai, 31 Januari 2024",
            "Kepala Dinas",
            "Drs. Budi Santoso, M.Si",
            "Pembina Utama Muda",
            "19700101 199503 1 001",
        ),
        Judul("DAFTAR ISI", 1, "daftar-isi", daftar_isi=False),
        DaftarOtomatis("isi", "Daftar Isi"),
        Judul("DAFTAR TABEL", 1, "daftar-tabel"),
        DaftarOtomatis("tabel", "Daftar Tabel"),
        Judul("DAFTAR GAMBAR", 1, "daftar-gambar"),
        DaftarOtomatis("gambar", "Daftar Gambar"),
        Judul("IKHTISAR EKSEKUTIF", 1, "ikhtisar"),
        Narasi("ikhtisar", (), kosong=True),
        Tabel(
            "tabel-ringkas",
            "Ringkasan Capaian",
            (Kolom("Uraian", lebar=3), Kolom("Nilai", rata="kanan")),
            ((teks("Rata-rata capaian"), teks("97,25%")),),
            bernomor=False,
        ),
        AwalBagian("bab1", "arab"),
    ]
    for nb, judul_bab in enumerate(["PENDAHULUAN", "PERENCANAAN KINERJA", "AKUNTABILITAS KINERJA", "PENUTUP"], 1):
        b += [
            Judul(f"BAB {ROMAWI[nb - 1]} {judul_bab}", 1, f"bab-{nb}"),
            Judul(f"A. Latar Belakang Bab {nb}", 2, f"bab-{nb}-a"),
        ]
        b.append(
            Narasi(
                f"bab{nb}",
                (
                    Paragraf(teks("Laporan ini disusun berdasarkan Peraturan Menteri PANRB Nomor 53 Tahun 2014. " * 5)),
                    Daftar(
                        (
                            teks("meningkatnya kualitas tenaga kerja;"),
                            teks("meningkatnya daya saing industri;"),
                            teks("stabilnya harga barang pokok."),
                        ),
                        bernomor=nb % 2 == 0,
                    ),
                    Paragraf(
                        (Teks("Rinciannya disajikan pada "), Teks("", rujukan=f"tabel-{nb}-1"), Teks(".")), gaya=""
                    ),
                ),
            )
        )
        for k in range(1, 3 if nb < 4 else 2):
            b += [
                Judul(f"{k}. Uraian Sasaran {nb}.{k}", 3, f"bab-{nb}-s{k}"),
                _tabel(f"tabel-{nb}-{k}", f"Capaian Sasaran {nb}.{k}", 3 + k, nb * 10),
            ]
        if nb == 1:
            b.append(Gambar("gambar-org", "Struktur Organisasi Dinas", charts.organisasi(unit)))
        if nb == 3:
            b += [
                Judul("B. Capaian per Indikator", 2, "bab-3-b"),
                Gambar(
                    "gambar-capaian",
                    "Capaian Indikator Kinerja Tahun 2023",
                    charts.capaian_per_indikator(label_ind, capaian, 2),
                ),
                Gambar(
                    "gambar-pasangan",
                    "Target dan Realisasi",
                    charts.batang_berpasangan(label_ind, {"Target": [100.0] * 10, "Realisasi": capaian}, 2),
                ),
                Paragraf(teks("Rumus: capaian = realisasi / target × 100%"), gaya="rumus"),
                Gambar(
                    "gambar-renstra",
                    "Target Renstra dan Realisasi",
                    charts.renstra(
                        [2021, 2022, 2023, 2024, 2025], [100.0] * 5, {2021: 95.0, 2022: 92.3, 2023: 58.56}, 2
                    ),
                ),
                Paragraf(teks("Gambar di atas memperlihatkan capaian terhadap target Renstra."), gaya="catatan"),
                KotakDraf("Periksa kembali angka realisasi 2022."),
                Judul("C. Data Kinerja Seluruh Angkatan", 2, "bab-3-c"),
                _tabel("tabel-panjang", "Data Kinerja Seluruh Angkatan Pelatihan", 60),
                _tabel("tabel-pendek", "Perbandingan Tahun 2022 dan 2023", 4, 5),
            ]
        b.append(PindahHalaman()) if nb == 2 else None
    b += [AwalBagian("lampiran"), Judul("LAMPIRAN", 1, "lampiran"), _tabel("tabel-lampiran", "Perjanjian Kinerja", 3)]
    b[-1] = replace(b[-1], bernomor=False)
    return _selesaikan(b, final)


@pytest.fixture(scope="module")
def draf() -> Dokumen:
    return dokumen_contoh(final=False)


@pytest.fixture(scope="module")
def draf_docx(draf) -> bytes:
    return ke_docx(draf)


def _buka(data: bytes):
    return docx.Document(io.BytesIO(data))


# --- what the document should show (reusable against a real report) -------------------------------


@dataclass
class Harapan:
    """Texts a rendering of a document must show: headings, numbered tables and figures, numbers."""

    judul: list[str]
    label: list[str]  # "Tabel 3.1 Capaian ...", "Gambar 1.1 ..."
    angka: list[str]


def _polos(isi) -> str:
    return "".join(t.teks for t in isi)


def harapan_dari(dok: Dokumen) -> Harapan:
    """The headings, numbered captions and the numbers in tables of a resolved document."""
    judul, label, angka = [], [], []

    def jalan(blok):
        for b in blok:
            if isinstance(b, Narasi):
                jalan(b.blok)
            elif isinstance(b, Judul):
                judul.append(b.teks)
            elif isinstance(b, (Tabel, Gambar)) and b.label:
                label.append(f"{b.label} {b.judul}")
            if isinstance(b, Tabel):
                for r in b.baris + b.kaki:
                    angka.extend(
                        s
                        for s in map(_polos, r)
                        if re.fullmatch(r"-?[\d.]+(,\d+)?%?", s) and any(c in s for c in ",.%")
                    )

    jalan(dok.blok)
    return Harapan(judul, label, sorted(set(angka)))


def _rapat(s: str) -> str:
    """Text without any whitespace or soft hyphen: line breaks in a PDF fall anywhere."""
    return re.sub(r"[\s\u00ad]+", "", s)


def periksa_pdf(
    harapan: Harapan, pdf: Path, halaman: int | None = None, toleransi: float = 0.2, dari_halaman: int = 0
) -> list[str]:
    """What a PDF (e.g. LibreOffice's conversion of the .docx) lacks of `harapan` from page index
    `dari_halaman` on (past the lists of contents, which repeat every caption), and whether its page count
    is within `toleransi` of `halaman` (e.g. lkj's own PDF). An empty list: all present."""
    baca = pypdf.PdfReader(pdf)
    teks_pdf = _rapat("".join(p.extract_text() or "" for p in baca.pages[dari_halaman:]))
    masalah = [
        f"{jenis} tidak ada: {t!r}"
        for jenis, daftar in (("judul", harapan.judul), ("label", harapan.label), ("angka", harapan.angka))
        for t in daftar
        if _rapat(t) not in teks_pdf
    ]
    if halaman is not None and abs(len(baca.pages) - halaman) > toleransi * halaman:
        masalah.append(f"{len(baca.pages)} halaman, pembanding {halaman} (selisih lebih dari {toleransi:.0%})")
    return masalah


def halaman_pdf(dok_docx: bytes, folder: Path) -> Path:
    """The .docx converted to PDF by LibreOffice (skips the test when soffice is absent)."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip(
            "LibreOffice (soffice) tidak terpasang: apt-get install -y libreoffice-writer-nogui fonts-liberation2"
        )
    sumber = folder / "laporan.docx"
    sumber.write_bytes(dok_docx)
    profil = folder / "profil"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profil}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(sumber),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    return folder / "laporan.pdf"


# --- structure -----------------------------------------------------------------------------------


def test_headings_use_words_heading_styles_with_bookmarks(draf, draf_docx):
    d = _buka(draf_docx)
    gaya = {p.text: p.style.name for p in d.paragraphs if p.style.name.startswith(("Heading", "Judul"))}
    assert gaya["BAB III AKUNTABILITAS KINERJA"] == "Heading 1"
    assert gaya["B. Capaian per Indikator"] == "Heading 2"
    assert gaya["1. Uraian Sasaran 3.1"] == "Heading 3"
    assert gaya["DAFTAR ISI"] == "Judul 1 Tanpa Daftar"  # kept out of Word's TOC
    penanda = {e.get(qn("w:name")) for e in d.element.body.iter(qn("w:bookmarkStart"))}
    assert {nama_penanda(b.id) for b in draf.blok if isinstance(b, Judul)} <= penanda
    assert all(re.fullmatch(r"[A-Za-z][A-Za-z0-9_]{0,39}", n) for n in penanda)


def test_captions_carry_labels_and_seq_fields(draf, draf_docx):
    d = _buka(draf_docx)
    caption = [p.text for p in d.paragraphs if p.style.name == "Caption"]
    harapan = harapan_dari(draf)
    assert [c for c in caption if re.match(r"(Tabel|Gambar) \d", c)] == harapan.label
    assert "Tabel 3.3 Data Kinerja Seluruh Angkatan Pelatihan" in caption
    assert "Gambar 3.3 Target Renstra dan Realisasi" in caption
    instr = [i.text.strip() for i in d.element.body.iter(qn("w:instrText"))]
    assert [i for i in instr if i.startswith("SEQ Tabel")][:3] == [f"SEQ Tabel \\r {n} \\* ARABIC" for n in (1, 2, 1)]
    assert sum(i.startswith("SEQ Gambar") for i in instr) == 4


def test_tables_have_fixed_widths_in_grid_and_cells_and_repeating_headers(draf, draf_docx):
    d = _buka(draf_docx)
    tabel = [b for b in draf.blok if isinstance(b, Tabel)] + [
        x for n in draf.blok if isinstance(n, Narasi) for x in n.blok if isinstance(x, Tabel)
    ]
    assert len(d.tables) == len(tabel) == 11
    teks_twip = round(h.LEBAR_TEKS_CM * 1440 / 2.54)
    for t in d.tables:
        grid = [int(g.get(qn("w:w"))) for g in t._tbl.tblGrid.findall(qn("w:gridCol"))]
        assert abs(sum(grid) - teks_twip) <= len(grid)
        for row in t.rows:
            lebar = [int(tc.tcPr.find(qn("w:tcW")).get(qn("w:w"))) for tc in row._tr.tc_lst]
            assert abs(sum(lebar) - sum(grid)) <= len(grid)
    panjang = d.tables[[b.id for b in tabel].index("tabel-panjang")]
    grid = [int(g.get(qn("w:w"))) for g in panjang._tbl.tblGrid.findall(qn("w:gridCol"))]
    b_panjang = tabel[[b.id for b in tabel].index("tabel-panjang")]
    harap = [round(w * 1440 / 2.54) for w in lebar_kolom(b_panjang)]  # the PDF's rule (lkj/dokumen/lebar.py)
    assert all(abs(g - w) <= 1 for g, w in zip(grid, harap, strict=True)), (grid, harap)
    kepala = [r._tr.trPr.find(qn("w:tblHeader")) is not None for r in panjang.rows]
    assert kepala[:2] == [True, True] and not any(kepala[2:])
    assert len(panjang.rows) == 2 + 60 + 1
    assert panjang.rows[0].cells[2].text == "Tahun 2023" and panjang.rows[1].cells[2].text == "Target\n%"
    # a short table is kept on one page (every row but the last keeps with the next); a long one is not
    pendek = d.tables[[b.id for b in tabel].index("tabel-pendek")]
    assert all(p.paragraph_format.keep_with_next for r in pendek.rows[:-1] for c in r.cells for p in c.paragraphs)
    assert not panjang.rows[30].cells[1].paragraphs[0].paragraph_format.keep_with_next


def test_page_setup_sections_and_page_numbers(draf_docx):
    d = _buka(draf_docx)
    for s in d.sections:
        assert (round(s.page_width.cm, 1), round(s.page_height.cm, 1)) == (h.KERTAS_LEBAR_CM, h.KERTAS_TINGGI_CM)
        assert round(s.left_margin.cm, 2) == h.MARGIN_KIRI_CM and round(s.top_margin.cm, 2) == h.MARGIN_ATAS_CM
    fmt = [
        (s._sectPr.find(qn("w:pgNumType")).get(qn("w:fmt")), s._sectPr.find(qn("w:pgNumType")).get(qn("w:start")))
        for s in d.sections
    ]
    assert fmt == [("lowerRoman", "0"), ("decimal", "1")]  # the cover is 0: the Kata Pengantar is i, as in the PDF
    assert d.sections[0].different_first_page_header_footer  # the cover has no page number
    assert not d.sections[1].different_first_page_header_footer
    for s in d.sections:
        assert "PAGE" in "".join(i.text for i in s.footer._element.iter(qn("w:instrText")))
    assert d.sections[1].footer.paragraphs[0].text.startswith("Halaman ")  # the body's footer as the PDF's


def test_lists_count_on_lettered_items_keep_their_letters_and_the_text_is_indonesian():
    """A numbered list continued after a paragraph counts on ('2.', not '1.'); items typed "a. ..." get no
    bullet beside the letter; Word checks the spelling in Indonesian; every chart has its alt text."""
    citra = charts.capaian_per_indikator(["Indikator A"], [90.0], 2)
    dok = Dokumen(
        [
            Daftar((teks("Kepala Dinas"),), bernomor=True),
            Paragraf(teks("Tugas Kepala Dinas.")),
            Daftar((teks("Sekretaris"), teks("Bidang")), bernomor=True, mulai=2),
            Daftar((teks("a. pertama"), teks("b. kedua"))),
            Gambar("gambar-1", "Capaian Indikator", citra),
        ],
        final=True,
    )
    d = _buka(ke_docx(dok))
    numbering = d.part.numbering_part.element

    def mulai(p) -> int | None:
        num = None if p._p.pPr is None else p._p.pPr.numPr
        if num is None:
            return None
        override = numbering.num_having_numId(num.numId.val).find(qn("w:lvlOverride"))
        return int(override.find(qn("w:startOverride")).get(qn("w:val")))

    par = [p for p in d.paragraphs if p.text]
    assert [(p.text, mulai(p)) for p in par] == [
        ("Kepala Dinas", 1),
        ("Tugas Kepala Dinas.", None),
        ("Sekretaris", 2),
        ("Bidang", 2),
        ("a. pertama", None),
        ("b. kedua", None),
        ("Capaian Indikator", None),
    ]
    assert {p.style.name for p in par[4:6]} == {"List Continue"}
    lang = d.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    assert lang.get(qn("w:val")) == "id-ID"
    assert [s._inline.docPr.get("descr") for s in d.inline_shapes] == ["Capaian Indikator"]


def test_toc_fields_hold_the_entries_with_pageref(draf, draf_docx):
    d = _buka(draf_docx)
    instr = [i.text.strip() for i in d.element.body.iter(qn("w:instrText"))]
    assert (
        'TOC \\o "1-3" \\h \\z \\u' in instr
        and 'TOC \\h \\z \\c "Tabel"' in instr
        and 'TOC \\h \\z \\c "Gambar"' in instr
    )
    toc = [p.text for p in d.paragraphs if p.style.name.startswith("toc")]
    assert toc[0] == "KATA PENGANTAR\t" and "BAB III AKUNTABILITAS KINERJA\t" in toc and "DAFTAR ISI\t" not in toc
    assert sum(i.startswith("PAGEREF") for i in instr) == len(toc) + len(harapan_dari(draf).label)
    assert d.settings.element.find(qn("w:updateFields")) is not None


def test_draft_marks_only_in_a_draft(draf_docx):
    final = ke_docx(dokumen_contoh(final=True))

    def kepala(data):
        d = _buka(data)
        return " ".join(p.text for s in d.sections for hf in (s.header, s.first_page_header) for p in hf.paragraphs)

    assert "DRAF" in kepala(draf_docx) and "DRAF" not in kepala(final)
    teks_draf = " ".join(p.text for p in _buka(draf_docx).paragraphs)
    teks_final = " ".join(p.text for p in _buka(final).paragraphs)
    assert "Periksa kembali angka realisasi 2022." in teks_draf and "Periksa kembali" not in teks_final
    assert "Narasi 'ikhtisar' belum diisi." in teks_draf and "belum diisi" not in teks_final


def test_cover_logo_charts_and_signature(draf, draf_docx):
    d = _buka(draf_docx)
    gambar = d.inline_shapes
    assert len(gambar) == 1 + 4  # the logo and four charts
    assert round(gambar[0].height.cm, 1) <= 4.5 and round(gambar[0].width.cm, 1) <= 6.0
    citra = [b.citra for b in draf.blok if isinstance(b, Gambar)]
    for shape, c in zip(list(gambar)[1:], citra):
        assert abs(shape.width.cm - min(c.lebar_cm, h.LEBAR_TEKS_CM)) < 0.01
    teks_semua = [p.text for p in d.paragraphs]
    i = teks_semua.index("Drs. Budi Santoso, M.Si")
    assert teks_semua[i - 4 : i + 3] == [
        "KEPALA DINAS",
        "",
        "",
        "",
        "Drs. Budi Santoso, M.Si",
        "Pembina Utama Muda",
        "NIP. 19700101 199503 1 001",
    ]
    assert "Rinciannya disajikan pada Tabel 1.1." in teks_semua


def test_rebuilds_are_byte_identical_with_fixed_zip_times(draf_docx):
    assert ke_docx(dokumen_contoh(final=False)) == draf_docx
    with zipfile.ZipFile(io.BytesIO(draf_docx)) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        inti = z.read("docProps/core.xml").decode()
    assert "2000-01-01T00:00:00Z" in inti and "Laporan Kinerja" in inti


def test_a_long_agency_name_fits_words_property_limit():
    """Word's core properties hold at most 255 characters; the document itself keeps the full name."""
    panjang = "Dinas Pemberdayaan Masyarakat, Perempuan dan Perlindungan Anak " * 6
    dok = dokumen_contoh()
    blok = [replace(b, instansi=panjang) if isinstance(b, Sampul) else b for b in dok.blok]
    isi = ke_docx(replace(dok, blok=blok))
    berkas = docx.Document(io.BytesIO(isi))
    assert len(berkas.core_properties.title) == 255 and berkas.core_properties.title.endswith("…")
    assert len(berkas.core_properties.author) == 255
    assert panjang.strip().upper() in " ".join(p.text for p in berkas.paragraphs).upper()


# --- a real client ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def konversi(draf_docx, tmp_path_factory) -> Path:
    return halaman_pdf(draf_docx, tmp_path_factory.mktemp("soffice"))


def test_libreoffice_shows_every_heading_caption_and_number(draf, konversi):
    harapan = harapan_dari(draf)
    assert periksa_pdf(harapan, konversi) == []
    # the captions and numbers in the body, not only in the lists of contents (pages 0-4)
    body = replace(harapan, judul=[j for j in harapan.judul if not j.startswith(("KATA", "DAFTAR"))])
    assert periksa_pdf(body, konversi, dari_halaman=5) == []
    assert periksa_pdf(replace(harapan, label=["Tabel 9.9 Tidak Ada"]), konversi) == [
        "label tidak ada: 'Tabel 9.9 Tidak Ada'"
    ]


def test_libreoffice_paginates_as_expected(draf, konversi):
    baca = pypdf.PdfReader(konversi)
    hal = [p.extract_text() or "" for p in baca.pages]
    # cover; Kata Pengantar, Daftar Isi/Tabel/Gambar and Ikhtisar each on a new page; Bab I-IV and the
    # Lampiran too; Bab II ends with a page break; the 60-row table spans two pages at least
    paksa = 1 + 5 + 4 + 1 + 1
    assert paksa + 1 <= len(baca.pages) <= paksa + 12
    # page numbers restart: the page of Bab I shows 1, the page before it a roman number
    bab1 = next(i for i, t in enumerate(hal) if "BAB I PENDAHULUAN\nA. Latar" in t)
    assert re.search(r"(^|\n)\s*(Halaman )?1\s*$", hal[bab1]) and re.search(r"(^|\n)\s*[ivx]+\s*$", hal[bab1 - 1])
    # the long table breaks across pages and its header rows repeat
    awal = next(i for i, t in enumerate(hal) if "Tabel 3.3 Data Kinerja Seluruh" in t and i > bab1)
    assert "Tahun 2023" in hal[awal + 1] and "60Persentase" in _rapat(hal[awal + 1]) + _rapat(hal[awal + 2])


# The schema's order of the children Word checks (it refuses a file otherwise; LibreOffice does not).
URUTAN = {
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd tabs "
    "suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd "
    "snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
    "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof snapToGrid "
    "vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText vertAlign rtl cs em "
    "lang eastAsianLayout specVanish oMath",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc tblCellSpacing "
    "tblInd tblBorders shd tblLayout tblCellMar tblLook",
    "trPr": "cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader tblCellSpacing jc hidden",
    "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign hideMark",
    "sectPr": "footnotePr endnotePr type pgSz pgMar paperSrc pgBorders lnNumType pgNumType cols formProt vAlign "
    "noEndnote titlePg textDirection bidi rtlGutter docGrid printerSettings",
    "settings": "writeProtection view zoom removePersonalInformation removeDateAndTime doNotDisplayPageBoundaries "
    "displayBackgroundShape printPostScriptOverText printFractionalCharacterWidth printFormsData embedTrueTypeFonts "
    "embedSystemFonts saveSubsetFonts saveFormsData mirrorMargins alignBordersAndEdges bordersDoNotSurroundHeader "
    "bordersDoNotSurroundFooter gutterAtTop hideSpellingErrors hideGrammaticalErrors activeWritingStyle proofState "
    "formsDesign attachedTemplate linkStyles stylePaneFormatFilter stylePaneSortMethod documentType mailMerge "
    "revisionView trackRevisions doNotTrackMoves doNotTrackFormatting documentProtection autoFormatOverride "
    "styleLockTheme styleLockQFSet defaultTabStop autoHyphenation consecutiveHyphenLimit hyphenationZone "
    "doNotHyphenateCaps showEnvelope summaryLength clickAndTypeStyle defaultTableStyle evenAndOddHeaders "
    "bookFoldRevPrinting bookFoldPrinting bookFoldPrintingSheets drawingGridHorizontalSpacing "
    "drawingGridVerticalSpacing displayHorizontalDrawingGridEvery displayVerticalDrawingGridEvery "
    "doNotUseMarginsForDrawingGridOrigin drawingGridHorizontalOrigin drawingGridVerticalOrigin doNotShadeFormData "
    "noPunctuationKerning characterSpacingControl printTwoOnOne strictFirstAndLastChars noLineBreaksAfter "
    "noLineBreaksBefore savePreviewPicture doNotValidateAgainstSchema saveInvalidXml ignoreMixedContent "
    "alwaysShowPlaceholderText doNotDemarcateInvalidXml saveXmlDataOnly useXSLTWhenSaving saveThroughXslt "
    "showXMLTags alwaysMergeEmptyNamespace updateFields hdrShapeDefaults footnotePr endnotePr compat docVars rsids "
    "mathPr attachedSchema themeFontLang clrSchemeMapping doNotIncludeSubdocsInStats doNotAutoCompressPictures "
    "forceUpgrade captions readModeInkLockDown smartTagType schemaLibrary shapeDefaults doNotEmbedSmartTags "
    "decimalSymbol listSeparator",
}


def test_elements_are_in_the_order_words_schema_requires(draf_docx):
    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    salah = []
    with zipfile.ZipFile(io.BytesIO(draf_docx)) as z:
        for nama in z.namelist():
            if not nama.startswith("word/") or not nama.endswith(".xml"):
                continue
            for induk, urutan in URUTAN.items():
                posisi = {t: i for i, t in enumerate(urutan.split())}
                for e in etree.fromstring(z.read(nama)).iter(w + induk):
                    anak = [c.tag.removeprefix(w) for c in e if c.tag.startswith(w)]
                    nomor = [posisi[t] for t in anak if t in posisi]
                    if nomor != sorted(nomor):
                        salah.append(f"{nama} {induk}: {anak}")
    assert salah == []


# --- the real report ------------------------------------------------------------------------------


def test_the_2023_word_file_holds_what_the_pdf_holds_through_libreoffice(laporan, tmp_path):
    """The .docx `make report` writes for 2023, opened by a real client (LibreOffice, converting it to PDF):
    every heading, numbered table and figure caption and every number in a table of the resolved report is
    in it, and its page count is within 20% of lkj's own PDF."""
    from lkj.masukan.model import baca_masukan
    from lkj.masukan.proyek import Proyek
    from lkj.pipeline.rakit import dokumen_laporan

    root, _ = laporan
    m = baca_masukan(Proyek.di(root), 2023)
    dok, _ = dokumen_laporan([root / f"build/2023/nb/{b.nama}.ipynb" for b in m.rencana.bagian], m, False)
    harapan = harapan_dari(dok)
    assert len(harapan.judul) > 40 and len(harapan.label) > 20 and len(harapan.angka) > 50
    docx = (root / "reports/2023/laporan-kinerja-2023.docx").read_bytes()
    assert docx == ke_docx(dok)  # the file written is the rendering of that document
    halaman = len(pypdf.PdfReader(root / "reports/2023/laporan-kinerja-2023.pdf").pages)
    pdf = halaman_pdf(docx, tmp_path)
    depan = [j for j in harapan.judul if j in ("Kata Pengantar", "Ikhtisar Eksekutif")]  # before the lists
    assert periksa_pdf(Harapan(depan, [], []), pdf, halaman) == []
    isi = Harapan([j for j in harapan.judul if j not in depan], harapan.label, harapan.angka)
    assert periksa_pdf(isi, pdf, dari_halaman=3) == []  # past the lists, which repeat every caption


@pytest.mark.parametrize("teks", ["", "biasa", " spasi di tepi ", "a\tb\nc\rd", "\n", "\t awal", "akhir\t"])
@pytest.mark.parametrize(("tebal", "miring", "merah"), [(0, 0, 0), (1, 1, 0), (0, 1, 1)])
def test_a_run_is_written_as_python_docx_writes_it(teks, tebal, miring, merah):
    """lkj.dokumen.docx._run builds a run's XML directly: the same element python-docx's API makes."""
    from docx.shared import RGBColor
    from lxml import etree

    from lkj.dokumen.docx import _run

    p = docx.Document().add_paragraph()
    r = p.add_run(teks)
    r.bold, r.italic = tebal or None, miring or None
    if merah:
        r.font.color.rgb = RGBColor.from_string(h.WARNA_MERAH)
        r.bold = True
    xml = lambda e: etree.tostring(e, method="c14n", exclusive=True)  # noqa: E731 (namespaces used only)
    assert xml(_run(teks, tebal, miring, merah)) == xml(r._r)
