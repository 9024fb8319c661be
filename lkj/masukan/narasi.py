"""Checks of a narrative file's meaning at input: what it may not do to the report's structure."""

from __future__ import annotations

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
