"""Building blocks of the report as document-model blocks (lkj.dokumen.model), and `tampilkan`, which
shows them in a notebook: their HTML for JupyterLab and their JSON for the assembly.

Text is never HTML here: escaping is the renderer's (Jinja2, autoescape).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ..dokumen.model import (
    MIME,
    Blok,
    Citra,
    Daftar,
    Gambar,
    Isi,
    Judul,
    Kolom,
    KotakDraf,
    Paragraf,
    Tabel,
    Teks,
    ke_json,
    teks,
)


def judul(teks_judul: str, tingkat: int, id_: str) -> Judul:
    """A heading with an id: the daftar isi, the PDF bookmarks and reviu links point to it."""
    return Judul(teks_judul, tingkat, id_)


def p(*isi: str | Teks, gaya: str = "") -> Paragraf:
    """A paragraph from plain strings and styled runs."""
    return Paragraf(tuple(Teks(x) if isinstance(x, str) else x for x in isi if x), gaya)  # type: ignore[arg-type]


def daftar(butir: Sequence[str]) -> Daftar:
    """A bulleted list of plain sentences."""
    return Daftar(tuple((Teks(b),) for b in butir))


def tebal(s: str) -> Teks:
    return Teks(s, tebal=True)


@dataclass(frozen=True)
class Kol:
    judul: str
    nilai: Callable[[Any], str | Isi]  # row (a frame row, a dict, a dataclass) -> formatted text or runs
    angka: bool = False  # right-aligned
    utuh: bool = False  # never wrapped (a predikat such as "Sangat Tinggi")
    lebar: float = 1.0  # relative width
    satuan: str = ""


def kol_nomor(rows: Sequence) -> Kol:
    """The "No" column: each row's place in `rows` (1, 2, ...), never an internal code such as P01."""
    nomor = {id(r): i for i, r in enumerate(rows, start=1)}
    return Kol("No", lambda r: str(nomor[id(r)]), lebar=0.5)


def _isi(v: str | Isi) -> Isi:
    return v if isinstance(v, tuple) else teks(str(v))


def tabel(
    rows: Sequence,
    kolom: Sequence[Kol],
    keterangan: str = "",
    kaki: Sequence[str | Isi] | None = None,
    id_: str = "",
    catatan: Sequence[str | Isi] = (),
    bernomor: bool = True,
) -> Tabel:
    """A table with a repeated header and an optional footer row; numbered at assembly when it has a caption."""
    return Tabel(
        id=id_,
        judul=keterangan,
        kolom=tuple(Kolom(k.judul, k.satuan, "kanan" if k.angka else "kiri", k.lebar, k.utuh) for k in kolom),
        baris=tuple(tuple(_isi(k.nilai(r)) for k in kolom) for r in rows),
        kaki=(tuple(_isi(x) for x in kaki),) if kaki else (),
        catatan=tuple(_isi(c) for c in catatan),
        bernomor=bernomor and bool(keterangan),
    )


def catatan(teks_catatan: Sequence[str]) -> list[Paragraf]:
    """Notes for the reader (what a chart leaves out, missing data) in plain prose ("Catatan: ..."): the
    signed report prints them where the figure appears, a draft sets them apart in a box."""
    return [Paragraf(teks(f"Catatan: {t}"), "catatan") for t in teks_catatan]


def peringatan(teks_peringatan: Sequence[str]) -> list[KotakDraf]:
    """Messages about the data for the writer (technical terms, raw notes): a draft shows them in a red box,
    the signed report leaves them out (the audit package shows the same facts with their sources)."""
    return [KotakDraf(f"⚠ {t}") for t in teks_peringatan]


def gambar(citra: Citra, judul_gambar: str, id_: str) -> Gambar:
    """A chart as a figure; numbered per Bab when the report is assembled ("Gambar 3.2 ...")."""
    return Gambar(id_, judul_gambar, citra)


def rujukan(nama: str, sumber: str = "", baris: int = 0) -> Teks:
    """A reference to a numbered table or figure, resolved at assembly: 'tabel_pengukuran' -> 'Tabel 3.1'.
    Until then its text says where it was written (narrative file and line), for the message if it
    resolves to nothing."""
    tempat = f" ({sumber}, baris {baris})" if sumber else ""
    return Teks(f"{{{{ {nama} }}}}{tempat}", rujukan=nama)


class Tampilan:
    """Blocks as a notebook display: HTML for JupyterLab, JSON (`MIME`) for the assembly."""

    def __init__(self, blok: Sequence[Blok]):
        self.blok = list(blok)

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        from ..dokumen.html import blok_html

        return {"text/html": blok_html(self.blok), MIME: [ke_json(b) for b in self.blok]}


def tampilkan(*blok: Blok | Sequence[Blok] | None) -> None:
    """Display blocks (lists of blocks are flattened, None skipped) in the notebook."""
    from IPython.display import display

    rata: list[Blok] = []
    for b in blok:
        if isinstance(b, (list, tuple)):
            rata += [x for x in b if x is not None]
        elif b is not None:
            rata.append(b)  # type: ignore[arg-type]
    display(Tampilan(rata))
