"""Assembly on the model: the blocks the notebooks displayed become one resolved document.

Narrative blocks are refilled (from the files as they are now, with the values the notebooks stored),
tables and figures numbered per Bab, references resolved, and the Daftar Isi, Tabel and Gambar filled.
No output format is read or written here.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from .model import (
    AwalBagian,
    Blok,
    Daftar,
    DaftarOtomatis,
    Dokumen,
    EntriDaftar,
    Gambar,
    Isi,
    Judul,
    KotakDraf,
    Narasi,
    Paragraf,
    Tabel,
    Teks,
)

BAB = re.compile(r"bab-(\d+)")
LABEL_BAB = re.compile(r"(BAB [IVXLC]+)\s+(.*)", re.S)  # "BAB III Akuntabilitas Kinerja"


@dataclass
class Tampilan:
    """One display of a notebook: its blocks, and whether it belongs to the audit version only."""

    blok: list[Blok]
    audit: bool = False


@dataclass
class Bagian:
    """One part of the plan (an executed notebook): its displays in order."""

    nama: str
    tampilan: list[Tampilan] = field(default_factory=list)


class RujukanHilang(Exception):  # noqa: N818 (the final report refuses; the message names each place)
    """References to numbered tables or figures that do not exist."""

    def __init__(self, salah: list[str], ada: list[str]):
        self.salah, self.ada = salah, ada
        super().__init__(
            f"rujukan ke tabel/gambar yang tidak ada: {', '.join(salah)}. "
            f"Placeholder yang tersedia: {', '.join(ada) or 'tidak ada'}."
        )


def _peta(blok: Blok, f: Callable[[Blok], Blok]) -> Blok:
    """`f` applied to a block and to the blocks of a narrative."""
    if isinstance(blok, Narasi):
        blok = dataclasses.replace(blok, blok=tuple(_peta(b, f) for b in blok.blok))
    return f(blok)


def _semua(bagian: list[Bagian], audit: bool = False):
    """Every block in reading order (narrative blocks inside), of the report or, with `audit`, of all."""
    for b in bagian:
        for t in b.tampilan:
            if audit or not t.audit:
                for x in t.blok:
                    yield x
                    if isinstance(x, Narasi):
                        yield from x.blok


def _ganti_isi(blok: Blok, f: Callable[[Teks], Teks]) -> Blok:
    """`f` applied to every run of inline text of a block."""

    def isi(x: Isi) -> Isi:
        return tuple(f(t) for t in x)

    if isinstance(blok, Paragraf):
        return dataclasses.replace(blok, isi=isi(blok.isi))
    if isinstance(blok, Daftar):
        return dataclasses.replace(blok, butir=tuple(isi(b) for b in blok.butir))
    if isinstance(blok, Tabel):
        return dataclasses.replace(
            blok,
            baris=tuple(tuple(isi(c) for c in r) for r in blok.baris),
            kaki=tuple(tuple(isi(c) for c in r) for r in blok.kaki),
            catatan=tuple(isi(c) for c in blok.catatan),
        )
    return blok


def _nomori(bagian: list[Bagian]) -> dict[str, str]:
    """Labels ("Tabel 3.1") of the numbered tables and figures the report shows, by id, per Bab in order.
    Front matter, Lampiran and audit displays are not numbered."""
    label: dict[str, str] = {}
    bab: str | None = None
    hitung: dict[str, int] = {}
    for x in _semua(bagian):
        if isinstance(x, Judul) and x.tingkat == 1:
            m = BAB.fullmatch(x.id)
            bab = m[1] if m else None
        elif isinstance(x, (Tabel, Gambar)) and x.bernomor and bab and x.id:
            jenis = "Tabel" if isinstance(x, Tabel) else "Gambar"
            hitung[jenis + bab] = hitung.get(jenis + bab, 0) + 1
            label[x.id] = f"{jenis} {bab}.{hitung[jenis + bab]}"
    return label


def _daftar(dok: list[Blok]) -> dict[str, tuple[EntriDaftar, ...]]:
    """The entries of the Daftar Isi, Tabel and Gambar, from the numbered document."""
    isi: list[EntriDaftar] = []
    tabel: list[EntriDaftar] = []
    gambar: list[EntriDaftar] = []
    for x in dok:
        rata = x.blok if isinstance(x, Narasi) else (x,)
        for b in rata:
            if isinstance(b, Judul) and b.tingkat <= 3 and b.daftar_isi:
                m = LABEL_BAB.fullmatch(b.teks) if b.tingkat == 1 else None
                isi.append(EntriDaftar(m[1] if m else "", m[2] if m else b.teks, b.id, b.tingkat))
            elif isinstance(b, DaftarOtomatis) and b.jenis != "isi":
                isi.append(EntriDaftar("", b.judul, f"daftar-{b.jenis}-judul", 1))
            elif isinstance(b, (Tabel, Gambar)) and b.label:
                (tabel if isinstance(b, Tabel) else gambar).append(EntriDaftar(b.label, b.judul, b.id, 2))
    return {"isi": tuple(isi), "tabel": tuple(tabel), "gambar": tuple(gambar)}


def _ubah(bagian: list[Bagian], f: Callable[[Blok], Blok]) -> list[Bagian]:
    """Every part with `f` applied to each of its blocks (and to the blocks inside narratives)."""
    return [Bagian(b.nama, [Tampilan([_peta(x, f) for x in t.blok], t.audit) for t in b.tampilan]) for b in bagian]


def susun(
    bagian: list[Bagian], final: bool = False, narasi: Callable[[Narasi], Narasi] | None = None
) -> tuple[Dokumen, list[Bagian]]:
    """The resolved report (front matter, Bab I-IV, Lampiran) and every part with its displays resolved
    the same way (for the audit version). `narasi`: refills a narrative block from its file. A reference
    to nothing is a red mark in a draft; the final report refuses it (RujukanHilang)."""
    if narasi is not None:
        isi_ulang = narasi
        bagian = [
            Bagian(
                b.nama,
                [Tampilan([isi_ulang(x) if isinstance(x, Narasi) else x for x in t.blok], t.audit) for t in b.tampilan],
            )
            for b in bagian
        ]
    label = _nomori(bagian)
    salah: list[str] = []

    def rujuk(t: Teks) -> Teks:
        if not t.rujukan:
            return t
        ident = t.rujukan.replace("_", "-")
        if ident in label:
            return Teks(label[ident], tautan=f"#{ident}")
        if t.teks not in salah:
            salah.append(t.teks)
        return Teks(f"[rujukan tidak ditemukan: {t.rujukan}]", merah=True)

    def selesaikan(x: Blok) -> Blok:
        if isinstance(x, (Tabel, Gambar)) and x.id in label:
            x = dataclasses.replace(x, label=label[x.id])
        return _ganti_isi(x, rujuk)

    bagian = _ubah(bagian, selesaikan)
    if salah and final:
        raise RujukanHilang(salah, sorted(k.replace("-", "_") for k in label))
    blok: list[Blok] = []
    sudah_arab = False
    for i, b in enumerate(bagian):
        isi = [x for t in b.tampilan if not t.audit for x in t.blok]
        bab = any(isinstance(x, Judul) and BAB.fullmatch(x.id) for x in isi)
        penomoran: Literal["romawi", "arab", "lanjut"] = (
            "romawi" if i == 0 else "arab" if bab and not sudah_arab else "lanjut"
        )
        sudah_arab = sudah_arab or penomoran == "arab"
        blok += [AwalBagian(b.nama, penomoran), *isi]
    if final:  # a draft's marks for the writer, inside narratives too
        blok = [
            dataclasses.replace(x, blok=tuple(b for b in x.blok if not isinstance(b, KotakDraf)))
            if isinstance(x, Narasi)
            else x
            for x in blok
            if not isinstance(x, KotakDraf) and not (isinstance(x, Narasi) and x.kosong)
        ]
    entri = _daftar(blok)

    def isi_daftar(x: Blok) -> Blok:
        return dataclasses.replace(x, entri=entri[x.jenis]) if isinstance(x, DaftarOtomatis) else x

    return Dokumen([isi_daftar(x) for x in blok], final), _ubah(bagian, isi_daftar)
