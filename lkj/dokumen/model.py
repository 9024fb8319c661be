"""The document model: the report as typed blocks, independent of any output format.

A notebook displays blocks; each block carries its HTML (for JupyterLab) and itself as JSON under
`MIME`, so the executed notebook stays the one source. Assembly reads the JSON back (`dari_json`),
numbers tables and figures per Bab, resolves references and fills the lists of contents on these
blocks, and hands the resolved document to the renderers (HTML, PDF, DOCX). No renderer parses
another's output.
"""

from __future__ import annotations

import base64
import dataclasses
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

MIME = "application/vnd.lkj.blok+json"

Rata = Literal["kiri", "tengah", "kanan"]


# --- inline text -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Teks:
    """A run of text in a paragraph, list item or cell."""

    teks: str
    tebal: bool = False
    miring: bool = False
    tautan: str = ""  # "#heading-id" or an http(s) URL
    rujukan: str = ""  # a numbered table or figure by name ("tabel_pengukuran"): resolved at assembly
    merah: bool = False  # a draft-only mark (an unresolved placeholder or reference); final refuses


Isi = tuple[Teks, ...]


def teks(s: str, **gaya: Any) -> Isi:
    """Plain text as inline content."""
    return (Teks(s, **gaya),) if s else ()


# --- blocks ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Judul:
    """A heading. Level 1 is a Bab, the front matter's titles or the Lampiran (new page)."""

    teks: str
    tingkat: int
    id: str
    daftar_isi: bool = True  # listed in the Daftar Isi


@dataclass(frozen=True)
class Paragraf:
    isi: Isi
    gaya: Literal["", "catatan", "rumus", "tengah"] = ""  # "catatan": a note printed with the figure it explains


BERHURUF = re.compile(r"[a-z]\.\s")


@dataclass(frozen=True)
class Daftar:
    """A bulleted or numbered list; each item is inline content."""

    butir: tuple[Isi, ...]
    bernomor: bool = False
    mulai: int = 1  # the first number of a numbered list continued after a paragraph ("2. ...")
    gaya: Literal["", "langkah"] = ""  # "langkah": the steps of a calculation, set apart

    @property
    def berhuruf(self) -> bool:
        """A bullet list whose items all start with a letter ("a. ..."): the author's letters are its markers."""
        return not self.bernomor and bool(self.butir) and all(b and BERHURUF.match(b[0].teks) for b in self.butir)


@dataclass(frozen=True)
class Kolom:
    judul: str
    satuan: str = ""  # shown under the title, e.g. "(Rp)" or "%"
    rata: Rata = "kiri"
    lebar: float = 1.0  # relative width: renderers share the text width in these proportions
    utuh: bool = False  # never wrapped (a predikat such as "Sangat Tinggi")


@dataclass(frozen=True)
class SelKepala:
    """A cell of an extra header row above the column titles, spanning `rentang` columns."""

    teks: str
    rentang: int = 1


@dataclass(frozen=True)
class Tabel:
    id: str
    judul: str  # the caption without its number; assembly sets `label` ("Tabel 3.1")
    kolom: tuple[Kolom, ...]
    baris: tuple[tuple[Isi, ...], ...]
    kepala: tuple[tuple[SelKepala, ...], ...] = ()  # extra header rows, top to bottom
    kaki: tuple[tuple[Isi, ...], ...] = ()  # total rows
    catatan: tuple[Isi, ...] = ()  # notes under the table (sources, explanations)
    bernomor: bool = True  # numbered and listed in the Daftar Tabel
    label: str = ""

    @property
    def pendek(self) -> bool:
        """Printed whole with its caption and notes, never split across pages."""
        return len(self.baris) <= TABEL_PENDEK


TABEL_PENDEK = 8  # rows


@dataclass(frozen=True)
class Citra:
    """One chart, drawn once and saved twice: SVG for HTML and PDF, PNG at print resolution for Word."""

    svg: str
    png: bytes
    lebar_cm: float  # size on the A4 page
    tinggi_cm: float


@dataclass(frozen=True)
class Gambar:
    id: str
    judul: str  # caption without its number; assembly sets `label` ("Gambar 3.2")
    citra: Citra
    bernomor: bool = True
    label: str = ""


@dataclass(frozen=True)
class Narasi:
    """A narrative file (data/raw/<YEAR>/narasi/<sumber>.md) as blocks, placeholders filled.
    `kosong`: the file is missing or empty; a draft shows a red box, the final report refuses."""

    sumber: str
    blok: tuple[Blok, ...] = ()
    kosong: bool = False
    nilai: tuple[tuple[str, str], ...] = ()  # the placeholder values the notebook computed: assembly
    # refills `blok` from the file with them, so a narrative edit needs no kernel


@dataclass(frozen=True)
class TandaTangan:
    tempat_tanggal: str
    jabatan: str
    nama: str
    pangkat: str = ""
    nip: str = ""


@dataclass(frozen=True)
class Sampul:
    pemerintah: str
    judul: str
    instansi: str
    tahun: int
    logo: bytes = b""  # PNG or JPEG, checked by the input stage
    logo_mime: str = ""


@dataclass(frozen=True)
class EntriDaftar:
    label: str  # "BAB III", "Tabel 3.1", "" for a front-matter title
    teks: str
    id: str  # the target's id: renderers add the page number (target-counter, Word's PAGEREF)
    tingkat: int = 1


@dataclass(frozen=True)
class DaftarOtomatis:
    """The Daftar Isi, Daftar Tabel or Daftar Gambar: entries filled at assembly."""

    jenis: Literal["isi", "tabel", "gambar"]
    judul: str
    entri: tuple[EntriDaftar, ...] = ()


@dataclass(frozen=True)
class KotakDraf:
    """A message for the writer, shown only in a draft (red box); the final report refuses it."""

    pesan: str


@dataclass(frozen=True)
class PindahHalaman:
    pass


@dataclass(frozen=True)
class AwalBagian:
    """Where a part of the report (one notebook of notebooks/laporan.yml) begins."""

    nama: str
    penomoran: Literal["romawi", "arab", "lanjut"] = "lanjut"  # page numbers from here


Blok = (
    Judul
    | Paragraf
    | Daftar
    | Tabel
    | Gambar
    | Narasi
    | TandaTangan
    | Sampul
    | DaftarOtomatis
    | KotakDraf
    | PindahHalaman
    | AwalBagian
)
JENIS: dict[str, type] = {t.__name__: t for t in get_args(Blok)}
_NILAI = {t.__name__: t for t in (Teks, Kolom, SelKepala, Citra, EntriDaftar)}


@dataclass
class Dokumen:
    """The whole report in reading order: front matter, Bab I-IV, Lampiran."""

    blok: list[Blok] = field(default_factory=list)
    final: bool = False


def semua_blok(blok: Iterable[Blok]) -> Iterator[Blok]:
    """The blocks in reading order, and inside each narrative its own (a narrative's tables)."""
    for b in blok:
        yield b
        if isinstance(b, Narasi):
            yield from semua_blok(b.blok)


# --- JSON --------------------------------------------------------------------------------------


def ke_json(x: Any) -> Any:
    """A block (or any value inside one) as JSON-ready data: each object tagged with its `tipe`, bytes as
    base64, tuples as lists."""
    if dataclasses.is_dataclass(x) and not isinstance(x, type):
        d: dict[str, Any] = {"tipe": type(x).__name__}
        for f in dataclasses.fields(x):
            d[f.name] = ke_json(getattr(x, f.name))
        return d
    if isinstance(x, bytes):
        return {"base64": base64.b64encode(x).decode("ascii")}
    if isinstance(x, (tuple, list)):
        return [ke_json(v) for v in x]
    return x


def dari_json(d: Any) -> Any:
    """The inverse of `ke_json`: tagged dicts back into blocks, lists into tuples."""
    if isinstance(d, list):
        return tuple(dari_json(v) for v in d)
    if isinstance(d, dict):
        if set(d) == {"base64"}:
            return base64.b64decode(d["base64"])
        tipe = JENIS.get(d.get("tipe", "")) or _NILAI.get(d.get("tipe", ""))
        if tipe is None:
            raise ValueError(f"blok dokumen tak dikenal: {d.get('tipe')!r}")
        return tipe(**{f.name: dari_json(d[f.name]) for f in dataclasses.fields(tipe) if f.name in d})
    return d
