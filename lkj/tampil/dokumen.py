"""The parts of an official document around the numbers: cover, signature block, lists of contents."""

from __future__ import annotations

from pathlib import Path

from ..dokumen.model import DaftarOtomatis, KotakDraf, Sampul, TandaTangan
from ..masukan.params import Aturan

MIME = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}


def sampul(aturan: Aturan, tahun: int) -> Sampul:
    """The cover: government, title, agency, year; the logo (embedded) when params name one."""
    logo = Path(aturan.logo) if aturan.logo is not None else None
    return Sampul(
        aturan.pemerintah.upper(),
        "LAPORAN KINERJA",
        aturan.instansi.upper(),
        tahun,
        logo.read_bytes() if logo else b"",
        MIME[logo.suffix.lower()] if logo else "",
    )


def tanda_tangan(aturan: Aturan) -> TandaTangan | KotakDraf:
    """Place and date, office title, room for signature and stamp, name, rank, NIP."""
    t = aturan.penandatangan
    if t is None:
        return KotakDraf("Blok tanda tangan belum diisi.")
    # An empty date (a new year's params) is a blank to fill in by hand, with the year it must fall in.
    tanggal = t.get("tanggal") or f"……………… {aturan.tahun + 1} (tanggal belum diisi)"
    tempat = f"{t['tempat']}, {tanggal}" if t.get("tempat") else ""
    return TandaTangan(
        tempat, (t.get("jabatan") or "").upper(), t.get("nama") or "", t.get("pangkat") or "", t.get("nip") or ""
    )


def daftar() -> list[DaftarOtomatis]:
    """The Daftar Isi, Daftar Tabel and Daftar Gambar, filled (and given page numbers) at assembly."""
    return [
        DaftarOtomatis("isi", "Daftar Isi"),
        DaftarOtomatis("tabel", "Daftar Tabel"),
        DaftarOtomatis("gambar", "Daftar Gambar"),
    ]
