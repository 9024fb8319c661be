"""Checks of a narrative file's meaning at input: what it may not do to the report's structure."""

from __future__ import annotations

import re
from pathlib import Path

from .errors import DataError

JUDUL_BAB = 1  # h1 is a chapter (BAB): the notebooks' own; a narrative's sections start at ## (BAB I's A., B.)


def cek_judul(path: Path, teks: str, minimal: int = 2) -> None:
    """Refuse a heading above `minimal` (## = 2), the level below the part's own heading the narrative
    sits under: a chapter (`#`, or underlined with ===) would add a BAB to the Daftar Isi, and a section as
    high as the part's own would take the parts after it as its children."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark")
    token = md.parse(teks)
    for i, t in enumerate(token):
        tingkat = int(t.tag[1]) if t.type == "heading_open" else 99
        if tingkat >= minimal:
            continue
        isi = token[i + 1].content if i + 1 < len(token) else ""
        baris = t.map[0] + 1 if t.map else None
        if tingkat <= JUDUL_BAB:
            raise DataError(
                path,
                f"judul bab ('{isi[:40]}') menambah bab pada Daftar Isi laporan",
                "Bab disusun oleh laporan sendiri: "
                + (
                    "pakai ## untuk bagian, #### untuk subjudul"
                    if minimal == 2
                    else f"pakai {'#' * minimal} untuk subjudul"
                )
                + ", atau teks tebal (**...**).",
                baris,
            )
        raise DataError(
            path,
            f"judul '{'#' * tingkat} {isi[:40]}' setingkat atau lebih tinggi daripada judul laporan tempat "
            "narasi ini tampil, sehingga mengubah susunan Daftar Isi (bagian sesudahnya menjadi anak judul ini)",
            f"Di berkas ini subjudul ditulis dengan {'#' * minimal} (atau lebih dalam), atau sebagai teks tebal "
            "(**...**).",
            baris,
        )


# --- a narrative with one section per computed item (`## <name or code>`) ---------------------------

JUDUL_BAGIAN = re.compile(r"^##[ \t]+(.+?)[ \t#]*$")  # a section: `## <indicator or program name>`


def kunci(s: str) -> str:
    """A section heading as matched: case, spacing and dashes do not matter."""
    return re.sub(r"[\s\-–—]+", " ", s).strip().casefold()


def bagian_teks(teks: str) -> tuple[str, list[tuple[str, str]]]:
    """A text as (what precedes the first `##`, [(heading, body), ...])."""
    awal: list[str] = []
    bagian: list[tuple[str, list[str]]] = []
    for baris in teks.splitlines(keepends=True):
        m = JUDUL_BAGIAN.match(baris.rstrip("\n"))
        if m:
            bagian.append((m[1], []))
        else:
            (bagian[-1][1] if bagian else awal).append(baris)
    return "".join(awal), [(j, "".join(b)) for j, b in bagian]


def berisi(teks: str) -> bool:
    """A body a reader sees something of: a paragraph, list item or table cell with a word in it (not only a
    rule, a heading or invisible characters)."""
    from markdown_it import MarkdownIt

    token = MarkdownIt("commonmark").enable("table").parse(teks)
    return any(
        t.type == "inline" and i and not token[i - 1].type.startswith("heading") and re.search(r"\w", t.content)
        for i, t in enumerate(token)
    )


def bagian_cocok(teks: str | None, *nama: str) -> list[tuple[str, str]]:
    """The sections headed by any of `nama`, as (heading, body)."""
    dicari = {kunci(n) for n in nama if n}
    return [(j, b) for j, b in bagian_teks(teks or "")[1] if kunci(j) in dicari]


def isi_bagian(teks: str | None, *nama: str) -> str:
    """The body of the one section headed by any of `nama` when a reader sees something of it ('' when there
    is none, or when it is written twice: see `bagian_cocok`)."""
    cocok = bagian_cocok(teks, *nama)
    return cocok[0][1] if len(cocok) == 1 and berisi(cocok[0][1]) else ""
