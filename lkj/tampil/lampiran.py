"""Sections made at assembly: the Catatan Reviu and the provenance of the build."""

from __future__ import annotations

from .. import fmt
from ..reviu.aturan import ATURAN
from ..reviu.temuan import KATEGORI, TINGKAT, Temuan
from .html import Kol, e, judul, tabel


def catatan_reviu(temuan: list[Temuan], ada_publikasi: bool, teks_judul: str, id_: str) -> str:
    """The 'Catatan Reviu': rules, a summary, and every finding linked to its calculation."""
    sumber = (
        "angka yang dipublikasikan (publikasi.csv), data mentah dan narasi"
        if ada_publikasi
        else "data mentah dan narasi (tidak ada angka publikasi untuk tahun ini)"
    )
    ringkas = [(k, [sum(t.kategori == k and t.tingkat == g for t in temuan) for g in TINGKAT]) for k in KATEGORI]

    def angka(x: float | None) -> str:
        return fmt.angka(x, 3, minimal=0) if x is not None else fmt.KOSONG

    return (
        judul(teks_judul, 2, id_)
        + f"<p>Reviu otomatis atas {sumber}. Angka yang sesuai tidak dicantumkan. Tingkat <strong>tinggi</strong> "
        "berarti selisihnya mengubah predikat. Daftar yang sama: <code>reports/&lt;tahun&gt;/reviu-&lt;tahun&gt;.csv</code>.</p>"
        + "<ul>"
        + "".join(f"<li><strong>{a.kode}</strong>: {e(a.nama)}</li>" for a in ATURAN)
        + "</ul>"
        + tabel(
            ringkas,
            [Kol("Kategori", lambda r: r[0])]
            + [Kol(g.capitalize(), (lambda i: lambda r: str(r[1][i]))(i), True) for i, g in enumerate(TINGKAT)]
            + [Kol("Jumlah", lambda r: str(sum(r[1])), True)],
            f"Ringkasan temuan reviu ({len(temuan)} temuan)",
            "ringkasan-reviu",
        )
        + tabel(
            temuan,
            [
                Kol("Kode", lambda t: t.kode),
                Kol("Kategori / tingkat", lambda t: f"{t.kategori} / {t.tingkat}"),
                Kol("Lokasi", lambda t: "<br>".join(e(x) for x in t.lokasi), html=True),
                Kol(
                    "Uraian",
                    lambda t: (
                        e(t.keterangan) + (f' <a href="#{e(t.tautan)}">(lihat perhitungan)</a>' if t.tautan else "")
                    ),
                    html=True,
                ),
                Kol("Dilaporkan", lambda t: angka(t.nilai_dilaporkan), True),
                Kol("Hasil hitung", lambda t: angka(t.nilai_hitung), True),
            ],
            "Daftar temuan reviu",
            "reviu",
            id_="tabel-reviu",
        )
    )


def provenance(berkas: list[tuple[str, str]], commit: str, versi: str, teks_judul: str, id_: str) -> str:
    """The provenance section: sha256 of every input, the commit, Python and package versions."""
    return (
        judul(teks_judul, 2, id_)
        + f"<p>Commit git: <code>{e(commit)}</code>. {e(versi)}. Aturan perhitungan: Audit B.</p>"
        + tabel(
            berkas,
            [Kol("Berkas", lambda r: r[0]), Kol("sha256", lambda r: r[1])],
            "Berkas masukan dan sidiknya",
            "provenance",
        )
    )
