"""The plan of the report (notebooks/laporan.yml): its parts, their notebooks and narrative.

Written once, read by the build, the fingerprints, the narrative loader and the
reviu's links. Like a Jupyter Book `_toc.yml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .errors import DataError
from .params import baca_yaml
from .proyek import Proyek

NAMA = re.compile(r"[a-z0-9][a-z0-9_\-]*")


@dataclass(frozen=True)
class Bagian:
    """One part of the report: one papermill run of a notebook."""

    nama: str  # build/<YEAR>/nb/<nama>.ipynb
    notebook: str  # notebooks/<notebook>.py
    params: dict = field(default_factory=dict)
    narasi: tuple[str, ...] = ()  # narrative files (without .md) it shows
    judul_narasi: int = 2  # the shallowest heading its narrative may use: one below the part's own above it


@dataclass(frozen=True)
class Rencana:
    bagian: tuple[Bagian, ...]
    jangkar_pola: dict[str, str]
    # the optional narrative file of notes on open data findings, shown beside the figure each is about, in
    # whichever part prints it (lkj.reviu.pengungkapan); '' none
    catatan: str = ""

    def jangkar(self, nama: str, **nilai: object) -> str:
        """A heading id other places link to: jangkar('langkah', indikator_id='IK02')."""
        return self.jangkar_pola[nama].format(**nilai)

    def cari(self, nama: str) -> Bagian:
        return next(b for b in self.bagian if b.nama == nama)

    @property
    def narasi(self) -> tuple[str, ...]:
        return tuple(n for b in self.bagian for n in b.narasi) + ((self.catatan,) if self.catatan else ())

    def judul_narasi(self, narasi: str) -> int:
        """The shallowest heading level (## = 2) the narrative file `narasi` may use."""
        return next((b.judul_narasi for b in self.bagian if narasi in b.narasi), 2)


def baca_rencana(proyek: Proyek, sasaran: list[int]) -> Rencana:
    """The plan, with the per-sasaran part expanded for the given sasaran numbers."""
    path = proyek.rencana
    isi = baca_yaml(proyek, path)

    def salah(masalah: str, kolom: str | None = None) -> DataError:
        return DataError(path, masalah, "Lihat komentar di notebooks/laporan.yml.", column=kolom)

    if not isinstance(isi, dict) or not {"bagian", "jangkar"} <= set(isi) <= {"bagian", "jangkar", "catatan"}:
        raise salah("berkas harus berisi kunci 'bagian' dan 'jangkar' (dan boleh 'catatan')")
    catatan = str(isi.get("catatan") or "")
    if catatan and not NAMA.fullmatch(catatan):
        raise salah(f"nama '{catatan}' tidak sah (huruf kecil, angka, '-' atau '_')", "catatan")
    jangkar = isi["jangkar"]
    if not isinstance(jangkar, dict) or not all(isinstance(v, str) for v in jangkar.values()):
        raise salah("'jangkar' harus daftar nama: pola id", "jangkar")
    out: list[Bagian] = []
    for b in isi["bagian"] or []:
        if not isinstance(b, dict) or not {"nama", "notebook"} <= set(b) <= {
            "nama",
            "notebook",
            "narasi",
            "per_sasaran",
            "judul_narasi",
        }:
            raise salah(f"bagian {b!r}: kunci yang sah nama, notebook, narasi, per_sasaran, judul_narasi", "bagian")
        judul = b.get("judul_narasi", 2)
        if type(judul) is not int or not 2 <= judul <= 6:
            raise salah(f"bagian {b['nama']}: 'judul_narasi' harus bilangan 2 sampai 6", "judul_narasi")
        if not NAMA.fullmatch(str(b["notebook"])) or not (proyek.notebooks / f"{b['notebook']}.py").is_file():
            raise salah(f"notebook '{b['notebook']}' tidak ada di notebooks/", "notebook")
        narasi = b.get("narasi") or []
        if not isinstance(narasi, list):
            raise salah(f"bagian {b['nama']}: 'narasi' harus daftar nama berkas", "narasi")
        daftar = [{"sasaran_no": n} for n in sasaran] if b.get("per_sasaran") else [{}]
        for params in daftar:
            nama = str(b["nama"]).format(**params)
            nama_narasi = tuple(str(n).format(**params) for n in narasi)
            for n in (nama, *nama_narasi):
                if not NAMA.fullmatch(n):
                    raise salah(f"nama '{n}' tidak sah (huruf kecil, angka, '-' atau '_')", "nama")
            out.append(Bagian(nama, str(b["notebook"]), params, nama_narasi, judul))
    semua = [n for b in out for n in b.narasi] + [b.nama for b in out] + ([catatan] if catatan else [])
    ganda = sorted({n for n in semua if semua.count(n) > 1})
    if ganda:
        raise salah(f"nama dipakai lebih dari sekali: {', '.join(ganda)}")
    return Rencana(tuple(out), dict(jangkar), catatan)
