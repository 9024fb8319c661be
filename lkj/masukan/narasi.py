"""Checks of a narrative file's meaning at input: what it may not do to the report's structure."""

from __future__ import annotations

from pathlib import Path

from .errors import DataError

JUDUL_BAB = 1  # h1 is a chapter (BAB): the notebooks' own; a narrative's sections start at ## (BAB I's A., B.)


def cek_judul(path: Path, teks: str) -> None:
    """Refuse a chapter heading (`# ...` or underlined with ===): it would add a BAB to the Daftar Isi
    and renumber what follows. Sections (`##`) and subheadings (`####`) are the narrative's own."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark")
    token = md.parse(teks)
    for i, t in enumerate(token):
        if t.type == "heading_open" and int(t.tag[1]) <= JUDUL_BAB:
            isi = token[i + 1].content if i + 1 < len(token) else ""
            raise DataError(
                path,
                f"judul bab ('{isi[:40]}') menambah bab pada Daftar Isi laporan",
                "Bab disusun oleh laporan sendiri: pakai ## untuk bagian, #### untuk subjudul, "
                "atau teks tebal (**...**).",
                t.map[0] + 1 if t.map else None,
            )
