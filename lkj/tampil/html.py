"""HTML building blocks: the one escaping path for everything the report shows.

Every text that comes from data goes through `e` (or `tabel`, `judul`, `tag`, which
call it); attributes are always quoted and escaped.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ..dokumen.model import Citra


def e(teks: object) -> str:
    """Text as HTML: <, >, &, and both quotes escaped."""
    return html.escape(str(teks), quote=True)


def tag(nama: str, isi_html: str = "", **atribut: object) -> str:
    """<nama a="..">isi</nama>; attribute values are escaped, `kelas` becomes class."""
    attrs = "".join(
        f' {"class" if k == "kelas" else k.replace("_", "-")}="{e(v)}"' for k, v in atribut.items() if v is not None
    )
    return f"<{nama}{attrs}>{isi_html}</{nama}>"


def judul(teks: str, tingkat: int, id_: str) -> str:
    """A heading with an id: the daftar isi, the PDF bookmarks and reviu links point to it."""
    return f'<h{tingkat} id="{e(id_)}">{e(teks)}</h{tingkat}>'


@dataclass(frozen=True)
class Kol:
    judul: str
    nilai: Callable[[Any], str]  # row (a frame row, a dict, a dataclass) -> formatted text (escaped here)
    angka: bool = False  # right-aligned
    html: bool = False  # nilai returns HTML (not escaped)
    utuh: bool = False  # never wrapped (a predikat such as "Sangat Tinggi")


def tabel(
    rows: Sequence,
    kolom: Sequence[Kol],
    keterangan: str = "",
    kelas: str = "",
    kaki: Sequence[str] | None = None,
    id_: str = "",
) -> str:
    """A table with a repeated header (thead) and an optional footer row."""
    cap = f"<caption>{e(keterangan)}</caption>" if keterangan else ""

    def kls(k: Kol) -> str:
        nama = " ".join(n for n, ya in (("angka", k.angka), ("utuh", k.utuh)) if ya)
        return f' class="{nama}"' if nama else ""

    head = "".join(f"<th{kls(k)}>{e(k.judul)}</th>" for k in kolom)
    body = []
    for r in rows:
        sel = []
        for k in kolom:
            v = k.nilai(r)
            sel.append(f"<td{kls(k)}>{v if k.html else e(v)}</td>")
        body.append("<tr>" + "".join(sel) + "</tr>")
    foot = ""
    if kaki:
        foot = "<tfoot><tr>" + "".join(f"<td{kls(k)}>{x}</td>" for x, k in zip(kaki, kolom)) + "</tr></tfoot>"
    ident = f' id="{e(id_)}"' if id_ else ""
    return (
        f'<table class="lkj {kelas}"{ident}>{cap}<thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody>{foot}</table>"
    )


def catatan(teks: Sequence[str]) -> str:
    if not teks:
        return ""
    return '<div class="catatan">' + "".join(f"<p>⚠ {e(t)}</p>" for t in teks) + "</div>"


def gambar(citra: Citra, judul_gambar: str, id_: str) -> str:
    """A chart as a figure: the SVG embedded as an image (nothing remote) and its title as caption.
    The caption is numbered per Bab when the report is assembled ("Gambar 3.2 ...")."""
    data = base64.b64encode(citra.svg.encode("utf-8")).decode("ascii")
    return (
        f'<figure class="gambar" id="{e(id_)}"><img alt="{e(judul_gambar)}" src="data:image/svg+xml;base64,{data}">'
        f"<figcaption>{e(judul_gambar)}</figcaption></figure>"
    )


def rujukan(nama: str, sumber: str = "", baris: int = 0) -> str:
    """A reference to a numbered table or figure, resolved at assembly: 'tabel_pengukuran' -> 'Tabel 3.1'.
    It carries where it was written (narrative file and line), for the message if it resolves to nothing."""
    return f"⟦{nama}@{sumber}:{baris}⟧" if sumber else f"⟦{nama}⟧"
