"""What a report notebook needs, in one object: `lap = Laporan.muat(tahun, root, ...)`."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd

from ..dokumen.model import Narasi
from ..hitung.pengukuran import (
    Pengukuran,
    hitung,
    hitung_anggaran,
    hitung_pembanding,
    hitung_renstra,
    hitung_riwayat,
)
from ..masukan import model
from ..masukan.errors import DataError
from ..masukan.proyek import Proyek
from ..masukan.rencana import Bagian
from . import narasi


@dataclass
class Laporan:
    m: model.Masukan
    p: Pengukuran
    lalu: Pengukuran | None
    bagian: Bagian | None  # the part of the plan this notebook renders (None: run by hand)

    @classmethod
    def muat(cls, tahun: int, root: str | Path | None = None, masukan: str = "", bagian: str = "") -> Laporan:
        """The build passes `masukan` (the validated model it pickled) and `bagian` (the part's name);
        run by hand in JupyterLab, the inputs are read and validated afresh."""
        proyek = Proyek.di(root)
        m = model.muat(proyek.root / masukan) if masukan else model.baca_masukan(proyek, int(tahun))
        p, lalu = hitung(m)
        return cls(m, p, lalu, m.rencana.cari(bagian) if bagian else None)

    @property
    def tahun(self) -> int:
        return self.p.tahun

    @property
    def digit(self) -> int:
        return self.p.aturan.digit_desimal

    @cached_property
    def anggaran(self) -> pd.DataFrame | None:
        return hitung_anggaran(self.p)

    @cached_property
    def renstra(self) -> pd.DataFrame:
        return hitung_renstra(self.p)

    @cached_property
    def pembanding(self) -> pd.DataFrame:
        return hitung_pembanding(self.p, self.lalu)

    @cached_property
    def riwayat(self) -> pd.DataFrame:
        """Every year of the Renstra period with data, per indicator (`hitung_riwayat`)."""
        return hitung_riwayat(self.m, self.p)

    def jangkar(self, nama: str, **nilai: object) -> str:
        """A heading id named in notebooks/laporan.yml."""
        return self.m.rencana.jangkar(nama, **nilai)

    @cached_property
    def butir_rekomendasi(self) -> list[dict[str, str]]:
        """Bab IV's items: the indicators below target and the programs with low serapan."""
        return narasi.butir_rekomendasi(self.p, self.anggaran)

    def rekomendasi(self, nama: str) -> Narasi:
        """The narrative file `nama` laid out with one section per item of `butir_rekomendasi`."""
        return self.narasi(nama, butir=self.butir_rekomendasi)

    @cached_property
    def butir_catatan(self) -> list[dict]:
        """The open findings on the data that need the writer's note, per indicator and `Umum`."""
        from ..reviu import periksa
        from ..reviu.pengungkapan import butir_catatan

        return butir_catatan(periksa(self.m), self.p) if self.m.rencana.catatan else []

    def catatan_data(self, indikator_id: str | None = None) -> Narasi | None:
        """The writer's notes ("Catatan: ...") on the open data findings of one indicator, printed under its
        calculation; without an indicator, those of `Umum` and the file's own problems (Bab III). None when
        there is nothing to show here."""
        nama = self.m.rencana.catatan
        butir = [b for b in self.butir_catatan if b["kode"] == (indikator_id or "umum")]
        if not nama or (indikator_id and not butir):
            return None
        konteks = narasi.nilai_placeholder(self.p, self.lalu, self.anggaran)
        konteks[narasi.CATATAN] = narasi.nilai_catatan(butir, None if indikator_id else self.butir_catatan)
        return narasi.tampilkan(self.m.narasi[nama], self.m.proyek.relatif(self.m.narasi_path(nama)), konteks)

    def narasi(self, nama: str, sasaran_no: int | None = None, butir: list[dict[str, str]] | None = None) -> Narasi:
        """The narrative file `narasi/<nama>.md` as a block, placeholders filled (the values are kept in it:
        assembly refills it from the file). Only files the plan lists for this part may be shown."""
        boleh = self.bagian.narasi if self.bagian else self.m.rencana.narasi
        if nama not in boleh:
            raise DataError(
                self.m.proyek.rencana,
                f"narasi '{nama}' tidak tercantum untuk bagian {self.bagian.nama if self.bagian else 'mana pun'}",
                f"Tambahkan '{nama}' ke daftar narasi bagian itu.",
                column="narasi",
            )
        konteks = narasi.nilai_placeholder(self.p, self.lalu, self.anggaran, sasaran_no)
        if butir is not None:
            konteks[narasi.BUTIR] = json.dumps(butir, ensure_ascii=False)
        return narasi.tampilkan(
            self.m.narasi[nama],
            self.m.proyek.relatif(self.m.narasi_path(nama)),
            konteks,
            disalin=nama in self.m.narasi_disalin,
        )
