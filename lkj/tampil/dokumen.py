"""The parts of an official document around the numbers: cover, signature block, lists of contents."""

from __future__ import annotations

import base64
from pathlib import Path

from ..masukan.params import Aturan
from .html import e, tag

MIME = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}


def sampul(aturan: Aturan, tahun: int) -> str:
    """The cover: government, title, agency, year; the logo (embedded) when params name one."""
    logo = ""
    if aturan.logo is not None:
        data = base64.b64encode(Path(aturan.logo).read_bytes()).decode("ascii")
        logo = f'<img class="sampul-logo" alt="Logo" src="data:{MIME[aturan.logo.suffix.lower()]};base64,{data}">'
    return (
        f'<section class="sampul">{logo}'
        f'<p class="sampul-pemerintah">{e(aturan.pemerintah.upper())}</p>'
        '<h1 class="sampul-judul" id="sampul">LAPORAN KINERJA</h1>'
        f'<p class="sampul-instansi">{e(aturan.instansi.upper())}</p>'
        f'<p class="sampul-tahun">TAHUN {tahun}</p></section>'
    )


def tanda_tangan(aturan: Aturan) -> str:
    """Place and date, office title, room for signature and stamp, name in bold, rank, NIP."""
    t = aturan.penandatangan
    if t is None:
        return tag("div", "<strong>Blok tanda tangan belum diisi.</strong>", kelas="narasi-kosong")

    def baris(k: str, kelas: str, isi: str | None = None) -> str:
        nilai = t.get(k)
        return tag("p", e(isi or nilai), kelas=kelas) if nilai else ""

    tempat = f"{t['tempat']}, {t['tanggal']}" if t.get("tempat") and t.get("tanggal") else None
    return tag(
        "div",
        baris("tempat", "ttd-tempat", tempat)
        + baris("jabatan", "ttd-jabatan", (t.get("jabatan") or "").upper())
        + '<div class="ttd-ruang"></div>'
        + (tag("p", f"<strong>{e(t['nama'])}</strong>", kelas="ttd-nama") if t.get("nama") else "")
        + baris("pangkat", "ttd-pangkat")
        + baris("nip", "ttd-nip", f"NIP. {t['nip']}" if t.get("nip") else None),
        kelas="tanda-tangan",
    )


def daftar(nav_id: str, judul: str) -> str:
    """An empty list of contents, tables or figures; filled (and given page numbers) at assembly."""
    return f'<nav id="{nav_id}" class="daftar-isi"><h1 id="{nav_id}-judul">{e(judul)}</h1></nav>'
