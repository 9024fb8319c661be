"""Sections made at assembly: the Catatan Reviu and the provenance of the build."""

from __future__ import annotations

import functools

from .. import fmt
from ..dokumen.html import blok_html
from ..dokumen.model import Daftar, Teks
from ..masukan.publikasi import Angka, dokumen_sumber
from ..reviu.aturan import ATURAN
from ..reviu.keluaran import TANPA_DOKUMEN
from ..reviu.temuan import KATEGORI, TINGKAT, Temuan
from .html import Kol, judul, p, tabel


def _jumlah_tingkat(r: tuple, i: int) -> str:
    return str(r[1][i])


def catatan_reviu(temuan: list[Temuan], publikasi: tuple[Angka, ...] | None, teks_judul: str, id_: str) -> str:
    """The 'Catatan Reviu': the documents the figures were read from, the rules, a summary, and every finding
    linked to its calculation."""
    sumber = (
        "angka yang dipublikasikan (publikasi.csv), data mentah dan narasi"
        if publikasi is not None
        else "data mentah dan narasi (tidak ada angka publikasi untuk tahun ini)"
    )
    ringkas = [(k, [sum(t.kategori == k and t.tingkat == g for t in temuan) for g in TINGKAT]) for k in KATEGORI]

    def angka(x: float | None) -> str:
        return fmt.angka(x, 3, minimal=0) if x is not None else fmt.KOSONG

    return blok_html(
        [
            judul(teks_judul, 2, id_),
            p(
                f"Reviu otomatis atas {sumber}. Angka yang sesuai tidak dicantumkan. Tingkat ",
                Teks("tinggi", tebal=True),
                " berarti selisihnya mengubah predikat. Daftar yang sama: reports/<tahun>/reviu-<tahun>.csv.",
            ),
            *_dokumen_sumber(publikasi),
            Daftar(tuple((Teks(a.kode, tebal=True), Teks(f": {a.nama}")) for a in ATURAN)),
            tabel(
                ringkas,
                [Kol("Kategori", lambda r: r[0])]
                + [Kol(g.capitalize(), functools.partial(_jumlah_tingkat, i=i), True) for i, g in enumerate(TINGKAT)]
                + [Kol("Jumlah", lambda r: str(sum(r[1])), True)],
                f"Ringkasan temuan reviu ({len(temuan)} temuan)",
                bernomor=False,
            ),
            tabel(
                temuan,
                [
                    Kol("Kode", lambda t: t.kode),
                    Kol("Kategori / tingkat", lambda t: f"{t.kategori} / {t.tingkat}"),
                    Kol("Lokasi", lambda t: "; ".join(t.semua_lokasi)),
                    Kol(
                        "Uraian",
                        lambda t: (
                            Teks(t.keterangan),
                            *((Teks(" (lihat perhitungan)", tautan=f"#{t.tautan}"),) if t.tautan else ()),
                        ),
                        lebar=3,
                    ),
                    Kol("Dilaporkan", lambda t: angka(t.nilai_dilaporkan), True),
                    Kol("Hasil hitung", lambda t: angka(t.nilai_hitung), True),
                ],
                "Daftar temuan reviu",
                id_="tabel-reviu",
                bernomor=False,
            ),
        ]
    )


def _dokumen_sumber(publikasi: tuple[Angka, ...] | None) -> list:
    """The table of the documents the published figures were read from (name, sha256, how many figures)."""
    if not publikasi:
        return []
    return [
        tabel(
            dokumen_sumber(publikasi),
            [
                Kol("Dokumen", lambda d: d[0] or f"({TANPA_DOKUMEN})", lebar=2),
                Kol("sha256", lambda d: d[1] or fmt.KOSONG, lebar=3),
                Kol("Angka", lambda d: fmt.angka(d[2]), True, lebar=0.6),
            ],
            "Dokumen sumber angka publikasi yang direviu",
            id_="tabel-reviu-dokumen",
            bernomor=False,
        )
    ]


def provenance(berkas: list[tuple[str, str]], commit: str, versi: str, teks_judul: str, id_: str) -> str:
    """The provenance section: sha256 of every input, the commit, Python and package versions."""
    return blok_html(
        [
            judul(teks_judul, 2, id_),
            p(f"Commit git: {commit}. {versi}. Aturan perhitungan: Audit B."),
            tabel(
                berkas,
                [Kol("Berkas", lambda r: r[0]), Kol("sha256", lambda r: r[1])],
                "Berkas masukan dan sidiknya",
                bernomor=False,
            ),
        ]
    )
