"""The Word renderer: a resolved `Dokumen` as an editable .docx (python-docx), byte-identical across builds.

Word's own styles carry the structure, so its navigation pane, table of contents and table of figures
work: Heading 1-3 (with a bookmark per heading id), Caption with SEQ fields, TOC fields whose current
result is the model's entries with PAGEREF page numbers (Word refreshes them on opening). Tables have
fixed widths in both the grid (read by LibreOffice) and the cells (read by Word), header rows that repeat
on every page, and rows kept together; front matter is numbered i, ii..., Bab I onwards 1, 2...
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from datetime import datetime
from typing import Any

import docx
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt, RGBColor
from docx.text.paragraph import Paragraph

from . import halaman as h
from .lebar import lebar_kolom, rapat
from .model import (
    AwalBagian,
    Blok,
    Daftar,
    DaftarOtomatis,
    Dokumen,
    Gambar,
    Isi,
    Judul,
    KotakDraf,
    Narasi,
    Paragraf,
    PindahHalaman,
    Sampul,
    Tabel,
    TandaTangan,
    teks,
)

WAKTU_TETAP = datetime(2000, 1, 1)  # core properties: a fixed date, so rebuilds are byte-identical
BAHASA = "id-ID"  # the language of the text, for Word's proofing
ZIP_WAKTU = (1980, 1, 1, 0, 0, 0)
TABEL_PENDEK = 15  # rows: a table this short is kept on one page with its caption
JC = {"kiri": "left", "tengah": "center", "kanan": "right"}  # a column's alignment as <w:jc> writes it
SEQ = {"tabel": "Tabel", "gambar": "Gambar"}
TWIP_PER_CM = 1440 / 2.54


def ke_docx(dok: Dokumen) -> bytes:
    """The resolved document as a .docx file (bytes)."""
    return _Penulis(dok).tulis()


def nama_penanda(id_: str) -> str:
    """A Word bookmark name for an anchor id: letters, digits and '_' only, at most 40 characters."""
    nama = "lkj_" + re.sub(r"[^A-Za-z0-9_]", "_", id_)
    if len(nama) > 40:
        nama = nama[:31] + "_" + hashlib.sha1(id_.encode()).hexdigest()[:8]
    return nama


def _sifat_pendek(teks_: str) -> str:
    """A core property value within Word's 255-character limit (a long agency name is cut with '…')."""
    return teks_ if len(teks_) <= 255 else teks_[:254] + "…"


# --- low-level OOXML helpers ---------------------------------------------------------------------


def _el(tag: str, **attr: str) -> Any:
    e = OxmlElement(tag)
    for k, v in attr.items():
        e.set(qn(k), v)
    return e


# Elements that follow a given one in its parent, in the schema's order (Word refuses a file whose
# elements are out of order; LibreOffice does not mind, so tests read the order back).
SESUDAH = {
    "w:pgNumType": "cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter docGrid printerSettings",
    "w:updateFields": "hdrShapeDefaults footnotePr endnotePr compat docVars rsids mathPr attachedSchema "
    "themeFontLang clrSchemeMapping doNotIncludeSubdocsInStats doNotAutoCompressPictures forceUpgrade captions "
    "readModeInkLockDown smartTagType schemaLibrary shapeDefaults doNotEmbedSmartTags decimalSymbol listSeparator",
    "w:lang": "eastAsianLayout specVanish oMath",
    "w:outlineLvl": "divId cnfStyle rPr sectPr pPrChange",
    "w:tblLayout": "tblCellMar tblLook tblCaption tblDescription tblPrChange",
    "w:tblCellMar": "tblLook tblCaption tblDescription tblPrChange",
    "w:shd": "noWrap tcMar textDirection tcFitText vAlign hideMark",
    "w:noWrap": "tcMar textDirection tcFitText vAlign hideMark",
    "w:cantSplit": "trHeight tblHeader tblCellSpacing jc hidden",
    "w:tblHeader": "tblCellSpacing jc hidden",
    "w:pBdr": "shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi "
    "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection "
    "textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
}


def _ganti(induk, anak) -> None:
    """Put `anak` into `induk` at its place in the schema's order, replacing one of the same tag."""
    lama = induk.find(anak.tag)
    if lama is not None:
        induk.remove(lama)
    nama = "w:" + anak.tag.split("}")[1]
    sesudah = {qn("w:" + t) for t in SESUDAH[nama].split()}
    berikut = next((x for x in induk if x.tag in sesudah), None)
    (berikut.addprevious(anak) if berikut is not None else induk.append(anak))


def _anak(induk, tag: str, **attr: str) -> Any:
    """A new last child (for elements written in the schema's order)."""
    e = _el(tag, **attr)
    induk.append(e)
    return e


def _run(teks: str, tebal: bool, miring: bool, merah: bool) -> Any:
    """A run as python-docx's `add_run` and its font setters write it (an rPr always, even empty; tabs and
    line breaks as their elements), built directly: python-docx looks each child's place up (a quarter of the
    file's time)."""
    r = _el("w:r")
    rpr = _anak(r, "w:rPr")
    if tebal or merah:
        _anak(rpr, "w:b")
    if miring:
        _anak(rpr, "w:i")
    if merah:
        _anak(rpr, "w:color", **{"w:val": str(RGBColor.from_string(h.WARNA_MERAH))})
    for bagian in re.split(r"([\t\r\n])", teks):
        if bagian == "\t":
            _anak(r, "w:tab")
        elif bagian in ("\r", "\n"):
            _anak(r, "w:br")
        elif bagian:
            t = _anak(r, "w:t")
            t.text = bagian
            if len(bagian.strip()) < len(bagian):
                t.set(qn("xml:space"), "preserve")
    return r


def _twip(cm: float) -> str:
    return str(round(cm * TWIP_PER_CM))


def _huruf(rpr, nama: str) -> None:
    """Set a font for every script and drop theme fonts (which would override it)."""
    rfonts = rpr.get_or_add_rFonts()
    for k in list(rfonts.attrib):
        if k.endswith("Theme"):
            del rfonts.attrib[k]
    for k in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(k), nama)


def _medan(p: Paragraph, perintah: str, hasil: str = "", gaya=None) -> None:
    """A complex field (begin, instruction, separate, current result, end) at the end of `p`."""

    def run_dengan(*anak):
        r = p.add_run()
        if gaya:
            gaya(r)
        for a in anak:
            r._r.append(a)
        return r

    run_dengan(_el("w:fldChar", **{"w:fldCharType": "begin", "w:dirty": "true"}))
    instr = _el("w:instrText", **{"xml:space": "preserve"})
    instr.text = f" {perintah} "
    run_dengan(instr)
    run_dengan(_el("w:fldChar", **{"w:fldCharType": "separate"}))
    if hasil:
        r = p.add_run(hasil)
        if gaya:
            gaya(r)
    run_dengan(_el("w:fldChar", **{"w:fldCharType": "end"}))


def _medan_buka(p: Paragraph, perintah: str) -> None:
    """The first half of a field whose result spans several paragraphs (a TOC)."""
    p.add_run()._r.append(_el("w:fldChar", **{"w:fldCharType": "begin", "w:dirty": "true"}))
    instr = _el("w:instrText", **{"xml:space": "preserve"})
    instr.text = f" {perintah} "
    p.add_run()._r.append(instr)
    p.add_run()._r.append(_el("w:fldChar", **{"w:fldCharType": "separate"}))


def _medan_tutup(p: Paragraph) -> None:
    p.add_run()._r.append(_el("w:fldChar", **{"w:fldCharType": "end"}))


# --- the writer ----------------------------------------------------------------------------------


class _Penulis:
    def __init__(self, dok: Dokumen):
        self.dok = dok
        self.d = docx.Document()
        self.body = self.d.element.body
        self.penanda = 0  # bookmark ids
        self.kosong = True  # nothing written yet in the current section
        self.id_gaya: dict[str, str] = {}  # paragraph style name -> id
        self._gaya()
        self._halaman(self.d.sections[0])
        self.d.sections[0].different_first_page_header_footer = False

    # styles ---------------------------------------------------------------------------------------

    def _gaya(self) -> None:
        st = self.d.styles
        normal = st["Normal"]
        normal.font.size = Pt(h.UKURAN_ISI_PT)
        _huruf(normal.element.get_or_add_rPr(), h.HURUF_DOCX)
        pf = normal.paragraph_format
        pf.space_after, pf.line_spacing = Pt(6), h.SPASI_BARIS
        pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        # document defaults too (tables, headers and styles not based on Normal)
        rpr_default = self.d.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
        _huruf(rpr_default, h.HURUF_DOCX)
        # Indonesian for Word's spelling and grammar check (the template says en-US: every word underlined)
        _ganti(rpr_default, _el("w:lang", **{"w:val": BAHASA, "w:eastAsia": BAHASA, "w:bidi": "ar-SA"}))
        for n in (1, 2, 3, 4):
            s = st[f"Heading {n}"]
            self._gaya_judul(s, n)
        for n in (1, 2, 3):
            s = st.add_style(f"Judul {n} Tanpa Daftar", WD_STYLE_TYPE.PARAGRAPH)
            s.base_style, s.next_paragraph_style = st[f"Heading {n}"], normal
            ppr = s.element.get_or_add_pPr()
            _ganti(ppr, _el("w:outlineLvl", **{"w:val": "9"}))  # body level: not in Word's TOC
        cap = st["Caption"]
        cap.font.size, cap.font.bold, cap.font.italic = Pt(h.UKURAN_KETERANGAN_PT), True, False
        cap.font.color.rgb = RGBColor(0x11, 0x11, 0x11)
        cap.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
        cap.paragraph_format.space_before, cap.paragraph_format.space_after = Pt(6), Pt(4)
        cap.paragraph_format.keep_with_next = True
        for nama, ukuran, dasar in (
            ("Isi Tabel", h.UKURAN_TABEL_PT, normal),
            ("Isi Tabel Rapat", h.UKURAN_TABEL_RAPAT_PT, normal),
            ("Catatan", h.UKURAN_CATATAN_PT, normal),
        ):
            s = st.add_style(nama, WD_STYLE_TYPE.PARAGRAPH)
            s.base_style = dasar
            s.font.size = Pt(ukuran)
            s.paragraph_format.space_after = Pt(0 if nama.startswith("Isi Tabel") else 4)
            s.paragraph_format.line_spacing = 1.0 if nama.startswith("Isi Tabel") else 1.15
            s.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
        # Word's built-in names and ids, so its own TOC and table of figures use (and keep) them
        for nama, id_ in (
            ("toc 1", "TOC1"),
            ("toc 2", "TOC2"),
            ("toc 3", "TOC3"),
            ("table of figures", "TableofFigures"),
        ):
            s = st.add_style(nama, WD_STYLE_TYPE.PARAGRAPH, builtin=True)
            s.element.styleId = id_
            s.base_style = normal
            tingkat = int(nama[-1]) if nama.startswith("toc") else 1
            pf = s.paragraph_format
            pf.left_indent = Cm(0.6 * (tingkat - 1))
            pf.space_after, pf.alignment = Pt(2), WD_ALIGN_PARAGRAPH.LEFT
            pf.tab_stops.add_tab_stop(Cm(h.LEBAR_TEKS_CM), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
            if tingkat == 1 and nama.startswith("toc"):
                s.font.bold = True
        for s in (st["Header"], st["Footer"]):
            s.font.size = Pt(h.UKURAN_KAKI_PT)

    @staticmethod
    def _gaya_judul(s, n: int) -> None:
        rpr = s.element.get_or_add_rPr()
        _huruf(rpr, h.HURUF_DOCX)
        s.font.size, s.font.bold, s.font.italic = Pt(h.UKURAN_JUDUL_PT[n]), True, False
        s.font.color.rgb = RGBColor.from_string(h.WARNA_BIRU if n < 3 else "111111")
        pf = s.paragraph_format
        pf.space_before, pf.space_after = Pt(18 if n == 1 else 12), Pt(6)
        pf.keep_with_next, pf.alignment = True, WD_ALIGN_PARAGRAPH.LEFT
        pf.page_break_before = n == 1

    # page setup -------------------------------------------------------------------------------------

    def _halaman(self, sec) -> None:
        sec.page_width, sec.page_height = Cm(h.KERTAS_LEBAR_CM), Cm(h.KERTAS_TINGGI_CM)
        sec.top_margin, sec.bottom_margin = Cm(h.MARGIN_ATAS_CM), Cm(h.MARGIN_BAWAH_CM)
        sec.left_margin, sec.right_margin = Cm(h.MARGIN_KIRI_CM), Cm(h.MARGIN_KANAN_CM)
        sec.header_distance = sec.footer_distance = Cm(1.0)

    def _bagian(self, penomoran: str) -> None:
        """A new section (on a new page) whose page numbers restart as i, ii... or 1, 2..."""
        if penomoran == "lanjut":
            return
        sec = self.d.sections[-1] if self.kosong else self.d.add_section(WD_SECTION.NEW_PAGE)
        sec.different_first_page_header_footer = False  # a copy of the cover's section would hide its number
        self._halaman(sec)
        sectpr = sec._sectPr
        # the front matter counts the cover (unnumbered) as 0, so the Kata Pengantar is i, as in the PDF
        fmt, mulai = ("lowerRoman", "0") if penomoran == "romawi" else ("decimal", "1")
        _ganti(sectpr, _el("w:pgNumType", **{"w:fmt": fmt, "w:start": mulai}))
        if penomoran != "romawi":  # the body's footer as the PDF's, "Halaman 3" (without "dari 59": a
            sec.footer.is_linked_to_previous = False  # SECTIONPAGES field shows 1 until Word updates it)
            p = sec.footer.paragraphs[0]
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.add_run("Halaman ")
            _medan(p, "PAGE", "1")

    def _kepala_kaki(self) -> None:
        """Header (DRAF in a draft) and footer (page number) in the first section; later ones inherit."""
        sec = self.d.sections[0]
        for kaki in (sec.footer, sec.first_page_footer):
            p = kaki.paragraphs[0]
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _medan(sec.footer.paragraphs[0], "PAGE", "1")
        if not self.dok.final:
            for kepala in (sec.header, sec.first_page_header):
                p = kepala.paragraphs[0]
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                r = p.add_run("DRAF")
                r.bold, r.font.size = True, Pt(14)
                r.font.color.rgb = RGBColor.from_string(h.WARNA_MERAH)

    # inline content ---------------------------------------------------------------------------------

    def _isi(self, p: Paragraph, isi: Isi) -> None:
        for t in isi:
            (self._tautan(p, t.tautan) if t.tautan else p._p).append(_run(t.teks, t.tebal, t.miring, t.merah))

    def _tautan(self, p: Paragraph, tautan: str):
        if tautan.startswith("#"):
            link = _el("w:hyperlink", **{"w:anchor": nama_penanda(tautan[1:])})
        else:
            rid = p.part.relate_to(tautan, RT.HYPERLINK, is_external=True)
            link = _el("w:hyperlink", **{"r:id": rid})
        p._p.append(link)
        return link

    def _penanda(self, p: Paragraph, id_: str) -> None:
        """A bookmark around the paragraph's content (target of links, PAGEREF and the TOC)."""
        self.penanda += 1
        i = str(self.penanda)
        awal = _el("w:bookmarkStart", **{"w:id": i, "w:name": nama_penanda(id_)})
        ppr = p._p.pPr
        (ppr.addnext(awal) if ppr is not None else p._p.insert(0, awal))
        p._p.append(_el("w:bookmarkEnd", **{"w:id": i}))

    def _paragraf(self, teks: str = "", gaya: str | None = None) -> Paragraph:
        self.kosong = False
        p = self.d.add_paragraph(teks)
        if gaya:
            self._pakai_gaya(p, gaya)
        return p

    def _pakai_gaya(self, p: Paragraph, nama: str) -> None:
        p._p.get_or_add_pPr().get_or_add_pStyle().val = self._id_gaya(nama)

    def _id_gaya(self, nama: str) -> str:
        """A paragraph style's id, looked up once per name: python-docx's `style =` scans every style for
        the default on each call (60% of the file's time)."""
        if nama not in self.id_gaya:
            self.id_gaya[nama] = self.d.styles[nama].style_id
        return self.id_gaya[nama]

    # blocks -----------------------------------------------------------------------------------------

    def tulis(self) -> bytes:
        self._kepala_kaki()
        for b in self.dok.blok:
            self._blok(b)
        self._sifat()
        settings = self.d.settings.element
        _ganti(settings, _el("w:updateFields", **{"w:val": "true"}))  # Word refreshes TOC page numbers
        buf = io.BytesIO()
        self.d.save(buf)
        return _zip_tetap(buf.getvalue())

    def _sifat(self) -> None:
        cp = self.d.core_properties
        sampul = next((b for b in self.dok.blok if isinstance(b, Sampul)), None)
        cp.title = _sifat_pendek(f"{sampul.judul} {sampul.instansi} {sampul.tahun}" if sampul else "")
        cp.author = cp.last_modified_by = _sifat_pendek(sampul.instansi if sampul else "")
        cp.created = cp.modified = WAKTU_TETAP
        cp.revision = 1
        cp.comments = cp.subject = cp.keywords = cp.category = ""
        cp.language = BAHASA

    def _blok(self, b: Blok) -> None:
        match b:
            case AwalBagian():
                self._bagian(b.penomoran)
            case Sampul():
                self._sampul(b)
            case Judul():
                self._judul(b)
            case Paragraf():
                p = self._paragraf(gaya="Catatan" if b.gaya == "catatan" else None)
                if b.gaya in ("rumus", "tengah"):
                    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                self._isi(p, b.isi)
            case Daftar():
                self._daftar(b)
            case Tabel():
                self._tabel(b)
            case Gambar():
                self._gambar(b)
            case Narasi():
                if b.kosong:
                    self._kotak_draf(f"Narasi '{b.sumber}' belum diisi.")
                for x in b.blok:
                    self._blok(x)
            case TandaTangan():
                self._tanda_tangan(b)
            case DaftarOtomatis():
                self._daftar_otomatis(b)
            case KotakDraf():
                self._kotak_draf(b.pesan)
            case PindahHalaman():
                self._paragraf().add_run().add_break(WD_BREAK.PAGE)
            case _:
                raise TypeError(f"blok tak dikenal: {type(b).__name__}")

    def _judul(self, b: Judul) -> None:
        n = min(max(b.tingkat, 1), 4)
        gaya = f"Heading {n}" if b.daftar_isi or n == 4 else f"Judul {n} Tanpa Daftar"
        p = self._paragraf(b.teks, gaya)
        if n == 1 and self._awal_halaman(p):
            p.paragraph_format.page_break_before = False
        self._penanda(p, b.id)

    def _awal_halaman(self, p: Paragraph) -> bool:
        """Whether `p` is the first paragraph of its section (already on a new page)."""
        prev = p._p.getprevious()
        return prev is None or (prev.pPr is not None and prev.pPr.find(qn("w:sectPr")) is not None)

    def _sampul(self, b: Sampul) -> None:
        sec = self.d.sections[-1]
        sec.different_first_page_header_footer = True  # no page number on the cover

        def baris(tulisan: str, ukuran: float, tebal: bool = False, sebelum: float = 0) -> None:
            p = self._paragraf()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.space_before = Pt(sebelum)
            r = p.add_run(tulisan)
            r.font.size, r.bold = Pt(ukuran), tebal
            if ukuran >= 20:
                r.font.color.rgb = RGBColor.from_string(h.WARNA_BIRU)

        if b.logo:
            p = self._paragraf()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.space_before = Pt(60)
            gbr = p.add_run().add_picture(io.BytesIO(b.logo), height=Cm(4.5))
            if gbr.width > Cm(6):
                gbr.height, gbr.width = Emu(int(gbr.height * Cm(6) / gbr.width)), Cm(6)
        baris(b.pemerintah.upper(), 14, sebelum=0 if b.logo else 120)
        baris(b.judul.upper(), 28, True, sebelum=60)
        baris(b.instansi.upper(), 14, True, sebelum=30)
        baris(f"TAHUN {b.tahun}", 16, True, sebelum=80)

    def _daftar(self, b: Daftar) -> None:
        """A numbered list counts from `mulai` (a list continued after a paragraph); a list whose items
        start with the author's letters ("a. ...") gets no bullet beside them."""
        gaya = "List Number" if b.bernomor else "List Continue" if b.berhuruf else "List Bullet"
        num_id = self._penomoran_baru(b.mulai) if b.bernomor else None
        for butir in b.butir:
            p = self._paragraf(gaya=gaya)
            if b.berhuruf:
                p.paragraph_format.left_indent, p.paragraph_format.first_line_indent = Cm(1.3), Cm(-0.6)
            if num_id is not None:
                numpr = p._p.get_or_add_pPr().get_or_add_numPr()
                numpr.get_or_add_ilvl().val = 0
                numpr.get_or_add_numId().val = num_id
            self._isi(p, butir)

    def _penomoran_baru(self, mulai: int = 1) -> int:
        """A numbering instance of List Number's list starting at `mulai` (each list counts on its own)."""
        gaya = self.d.styles["List Number"].element
        num_id = int(gaya.pPr.numPr.numId.val)
        numbering = self.d.part.numbering_part.element
        abstrak = numbering.num_having_numId(num_id).abstractNumId.val
        num = numbering.add_num(abstrak)
        num.add_lvlOverride(ilvl=0).add_startOverride(mulai)
        return int(num.numId)

    def _keterangan(self, jenis: str, label: str, judul: str, id_: str, tengah: bool = False) -> Paragraph:
        """A caption: 'Tabel 3.1' (its number a SEQ field, for Word's table of figures) and the title."""
        p = self._paragraf(gaya="Caption")
        if tengah:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        m = re.fullmatch(r"(.*?)(\d+)", label)
        if label and m:
            p.add_run(m.group(1))
            # \r: the model's number (LibreOffice ignores \s); Word's table of figures lists the SEQ fields
            _medan(p, f"SEQ {SEQ[jenis]} \\r {m.group(2)} \\* ARABIC", m.group(2))
            p.add_run(" " + judul)
        else:
            p.add_run(f"{label} {judul}".strip())
        if id_:
            self._penanda(p, id_)
        return p

    def _tabel(self, b: Tabel) -> None:
        if b.judul or b.label:
            self._keterangan("tabel", b.label, b.judul, b.id)
        n = len(b.kolom)
        lebar = lebar_kolom(b)
        gaya = "Isi Tabel Rapat" if rapat(b) else "Isi Tabel"
        baris_kepala = len(b.kepala) + 1
        t = self.d.add_table(rows=0, cols=n)
        t._tbl.tblStyle_val = self._id_gaya("Table Grid")  # python-docx's `style =` scans every style
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        self.kosong = False
        tblpr = t._tbl.tblPr
        tblw = tblpr.find(qn("w:tblW"))
        tblw.set(qn("w:w"), _twip(h.LEBAR_TEKS_CM))
        tblw.set(qn("w:type"), "dxa")
        _ganti(tblpr, _el("w:tblLayout", **{"w:type": "fixed"}))
        marjin = _el("w:tblCellMar")  # the PDF's cell padding, which the column widths allow for (lebar.py)
        for sisi in ("left", "right"):
            marjin.append(_el(f"w:{sisi}", **{"w:w": _twip(h.PADDING_SEL_CM), "w:type": "dxa"}))
        _ganti(tblpr, marjin)
        for gc, w in zip(t._tbl.tblGrid.findall(qn("w:gridCol")), lebar):
            gc.set(qn("w:w"), _twip(w))

        # keep the caption with the header and first row; a short table on one page
        jumlah = baris_kepala + len(b.baris) + len(b.kaki)
        tetap = jumlah - 1 if jumlah <= TABEL_PENDEK else min(baris_kepala + 1, jumlah - 1)
        rows = [[(teks(s.teks), s.rentang) for s in kepala] for kepala in b.kepala]
        rows.append([(teks(k.judul + (f"\n{k.satuan}" if k.satuan else "")), 1) for k in b.kolom])
        rows += [[(c, 1) for c in r] for r in b.baris] + [[(c, 1) for c in r] for r in b.kaki]
        for i, sel in enumerate(rows):
            jenis = "kepala" if i < baris_kepala else "kaki" if i >= jumlah - len(b.kaki) else ""
            self._baris(t, b, lebar, sel, self._id_gaya(gaya), jenis, i < tetap)
        for c in b.catatan:
            self._isi(self._paragraf(gaya="Catatan"), c)
        if not b.catatan:
            self._paragraf(gaya="Catatan")  # space after the table, and Word needs a paragraph between tables

    def _baris(self, t, b: Tabel, lebar: list[float], sel: list[tuple[Isi, int]], gaya: str, jenis: str, tetap: bool):
        """One table row, its elements written in the schema's order (python-docx's row and cell API looks
        each child's place up: two thirds of the file's time). `jenis`: "kepala" (repeated on each page),
        "kaki" (the total row) or ""; `tetap`: kept with the next row."""
        tr = _el("w:tr")
        trpr = _anak(tr, "w:trPr")
        _anak(trpr, "w:cantSplit")
        if jenis == "kepala":
            _anak(trpr, "w:tblHeader")
        kol = 0
        for isi, rentang in sel:
            k = b.kolom[kol]
            tc = _anak(tr, "w:tc")
            tcpr = _anak(tc, "w:tcPr")
            _anak(tcpr, "w:tcW", **{"w:w": _twip(sum(lebar[kol : kol + rentang])), "w:type": "dxa"})
            if rentang > 1:
                _anak(tcpr, "w:gridSpan", **{"w:val": str(rentang)})
            if jenis:
                warna = h.WARNA_BIRU if jenis == "kepala" else h.WARNA_LATAR
                _anak(tcpr, "w:shd", **{"w:val": "clear", "w:color": "auto", "w:fill": warna})
            if k.utuh and jenis != "kepala":
                _anak(tcpr, "w:noWrap")
            p = _anak(tc, "w:p")
            ppr = _anak(p, "w:pPr")
            _anak(ppr, "w:pStyle", **{"w:val": gaya})
            if tetap:
                _anak(ppr, "w:keepNext")
            _anak(ppr, "w:jc", **{"w:val": JC["tengah" if jenis == "kepala" and rentang > 1 else k.rata]})
            paragraf = Paragraph(p, t)
            self._isi(paragraf, isi)
            for r in paragraf.runs:
                if jenis == "kepala":
                    r.bold, r.font.color.rgb = True, RGBColor(0xFF, 0xFF, 0xFF)
                elif jenis == "kaki":
                    r.bold = True
            kol += rentang
        t._tbl.append(tr)

    def _gambar(self, b: Gambar) -> None:
        p = self._paragraf()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.keep_with_next = True
        p.paragraph_format.space_before = Pt(6)
        lebar, tinggi = h.ukuran_gambar(b.citra.lebar_cm, b.citra.tinggi_cm)  # the PDF's size
        gbr = p.add_run().add_picture(io.BytesIO(b.citra.png), width=Cm(lebar), height=Cm(tinggi))
        gbr._inline.docPr.set("descr", b.judul)  # alt text, read aloud by a screen reader
        cap = self._keterangan("gambar", b.label, b.judul, b.id, tengah=True)
        cap.paragraph_format.keep_with_next = False
        cap.paragraph_format.space_after = Pt(10)

    def _tanda_tangan(self, b: TandaTangan) -> None:
        baris = [(b.tempat_tanggal, False), (b.jabatan.upper(), False), ("", False), ("", False), ("", False)]
        baris += [(b.nama, True), (b.pangkat, False)]
        if b.nip:
            baris.append((b.nip if b.nip.upper().startswith("NIP") else f"NIP. {b.nip}", False))
        for i, (tulisan, tebal) in enumerate(baris):
            p = self._paragraf()
            pf = p.paragraph_format
            pf.left_indent, pf.alignment = Cm(h.LEBAR_TEKS_CM * 0.45), WD_ALIGN_PARAGRAPH.CENTER
            pf.space_after, pf.keep_with_next = Pt(0), i < len(baris) - 1
            if i == 0:
                pf.space_before = Pt(24)
            if tulisan:
                r = p.add_run(tulisan)
                r.bold, r.underline = tebal or None, tebal or None

    def _daftar_otomatis(self, b: DaftarOtomatis) -> None:
        """Word's TOC field (Daftar Isi: headings 1-3; Daftar Tabel/Gambar: captions by SEQ), its current
        result the model's entries with PAGEREF page numbers."""
        perintah = {
            "isi": 'TOC \\o "1-3" \\h \\z \\u',
            "tabel": 'TOC \\h \\z \\c "Tabel"',
            "gambar": 'TOC \\h \\z \\c "Gambar"',
        }
        entri = b.entri or ()
        if not entri:
            p = self._paragraf()
            _medan(p, perintah[b.jenis], "")
            return
        for i, e in enumerate(entri):
            tingkat = min(max(e.tingkat, 1), 3)
            p = self._paragraf(gaya=f"toc {tingkat}" if b.jenis == "isi" else "table of figures")
            if i == 0:
                _medan_buka(p, perintah[b.jenis])
            tulisan = e.teks if not e.label or e.teks.startswith(e.label) else f"{e.label} {e.teks}"
            link = self._tautan(p, "#" + e.id)
            r = p.add_run(tulisan)
            link.append(r._r)
            r = p.add_run("\t")
            link.append(r._r)
            n = len(p._p)
            _medan(p, f"PAGEREF {nama_penanda(e.id)} \\h", "")
            for run in list(p._p)[n:]:
                link.append(run)
            if i == len(entri) - 1:
                _medan_tutup(p)

    def _kotak_draf(self, pesan: str) -> None:
        if self.dok.final:
            return
        p = self._paragraf()
        ppr = p._p.get_or_add_pPr()
        batas = _el("w:pBdr")
        for sisi in ("top", "left", "bottom", "right"):
            batas.append(
                _el(f"w:{sisi}", **{"w:val": "dashed", "w:sz": "12", "w:space": "4", "w:color": h.WARNA_MERAH})
            )
        _ganti(ppr, batas)
        r = p.add_run(pesan)
        r.bold, r.font.color.rgb = True, RGBColor.from_string(h.WARNA_MERAH)


def _zip_tetap(data: bytes) -> bytes:
    """The same zip with fixed timestamps and attributes, entries in their original order."""
    keluar = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            baru = zipfile.ZipInfo(info.filename, ZIP_WAKTU)
            baru.compress_type, baru.external_attr, baru.create_system = zipfile.ZIP_DEFLATED, 0o644 << 16, 3
            zout.writestr(baru, zin.read(info.filename))
    return keluar.getvalue()
