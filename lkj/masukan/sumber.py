"""A Pemda's IKU taken from an OPD's computed indicator (params `sumber: {IKU: <OPD folder>/<indikator_id>}`).

One number, one source: the IKU's realisasi is the OPD's realisasi as its own build computed it
(<OPD>/data/processed/<YEAR>/capaian.csv, unrounded), never typed again in the Pemda's data. The OPD's
folder is a sibling of the Pemda's in the workspace (pemda.yml). The IKU becomes a row of the year's
realisasi langsung whose `sumber` names the OPD's file and row, so the audit trail leads into the OPD.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, replace

import pandas as pd

from .berkas import ASAL, proyek_opd, sidik_data
from .data import DataTahun
from .errors import DataError, Peringatan
from .params import Aturan, baca_aturan
from .proyek import Proyek
from .publikasi import Angka, baca_publikasi


@dataclass(frozen=True)
class PublikasiOpd:
    """A figure an OPD's own published report prints for an indicator a Pemda's IKU takes (the OPD's
    data/raw/<YEAR>/publikasi.csv, typed or read from its report): the Pemda's reviu compares them."""

    iku: str
    opd: str
    instansi: str
    indikator_id: str
    angka: Angka


@dataclass(frozen=True)
class Sumber:
    """What a Pemda takes from its OPDs: the data with the IKU rows, the OPDs' outdated numbers, the
    OPDs' published figures of those indicators."""

    data: DataTahun
    usang: list[Peringatan]
    publikasi: list[PublikasiOpd]


def isi_sumber(proyek: Proyek, aturan: Aturan, data: DataTahun) -> Sumber:
    """The year's data with each sourced IKU's realisasi taken from its OPD; a warning for each OPD
    whose numbers were computed from other data than it holds now (its last build failed, or it was not
    rebuilt since: a draft shows them, a final report refuses); the OPDs' published figures."""
    if not aturan.sumber:
        return Sumber(data, [], [])
    usang: list[Peringatan] = []
    terbit: list[PublikasiOpd] = []
    params = proyek.params(aturan.tahun)
    definisi = data.renstra.indikator.set_index("indikator_id")
    sendiri = set(data.realisasi_langsung.indikator_id) if data.realisasi_langsung is not None else set()
    sendiri |= set(data.komponen.indikator_id) if data.komponen is not None else set()
    baris = []
    for iku, opd, iid in aturan.sumber:

        def salah(masalah: str, saran: str, iku: str = iku) -> DataError:
            return DataError(params, f"sumber {iku}: {masalah}", saran, column="sumber")

        if iku not in set(data.pk.indikator_id):
            raise salah("indikator tidak ada di pk.csv", "Perbaiki kodenya atau hapus barisnya.")
        if definisi.loc[iku, "jenis_rumus"] != "langsung":
            raise salah("jenis_rumus indikator ini harus 'langsung'", "Ubah jenis_rumus-nya di indikator.csv Renstra.")
        if iku in sendiri:
            raise salah(
                "realisasinya juga diisi di data Pemda (realisasi_langsung.csv atau komponen.csv)",
                "Satu angka satu sumber: hapus baris itu dari data Pemda.",
            )
        asal = proyek_opd(proyek, opd)
        if not asal.root.is_dir():
            raise salah(f"folder OPD '{opd}' tidak ada di ruang kerja", "Periksa nama foldernya (lihat pemda.yml).")
        hasil = asal.processed(aturan.tahun) / "capaian.csv"
        if not hasil.is_file():
            raise salah(f"{opd} belum dihitung untuk {aturan.tahun}", "Bangun OPD itu dulu: make semua.")
        if not _sesuai_data(asal, aturan.tahun):
            usang.append(
                Peringatan(
                    f"realisasi IKU {iku} diambil dari hitungan {opd} yang lebih lama dari datanya sekarang "
                    f"(build {opd} terakhir gagal atau belum diulang); bangun ulang {opd} (make semua)",
                    proyek.relatif(hasil),
                )
            )
        rows = list(csv.DictReader(io.StringIO(asal.baca_teks(hasil))))
        nomor, row = next(((n, r) for n, r in enumerate(rows, start=2) if r["indikator_id"] == iid), (None, None))
        if row is None or nomor is None:
            raise salah(f"indikator {iid} tidak ada dalam hasil {opd}", "Periksa kode indikator OPD itu.")
        if row["satuan"] != definisi.loc[iku, "satuan"]:
            raise salah(
                f"satuan berbeda: {definisi.loc[iku, 'satuan']} di Pemda, {row['satuan']} di {opd}",
                "Samakan satuannya di indikator.csv Renstra Pemda.",
            )
        instansi = baca_aturan(asal, aturan.tahun).instansi
        terbit += [
            PublikasiOpd(iku, opd, instansi, iid, a)
            for a in baca_publikasi(asal, asal.tahun(aturan.tahun) / "publikasi.csv") or ()
            if a.subjek == iid and a.tahun == aturan.tahun and a.besaran == "realisasi" and a.nilai is not None
        ]
        baris.append(
            {
                "baris": None,
                "indikator_id": iku,
                "realisasi": float(row["realisasi"]) if row["realisasi"] else None,
                "keterangan": f"Realisasi {instansi} (indikator {iid})",
                "sumber": f"{opd}/data/processed/{aturan.tahun}/capaian.csv baris {nomor} ({instansi}, {iid})",
            }
        )
    lama = data.realisasi_langsung
    if lama is not None:
        lama = lama.assign(sumber=None)
    baru = pd.DataFrame(baris, columns=[*(lama.columns if lama is not None else baris[0])]).astype({"baris": object})
    gabung = baru if lama is None else pd.concat([lama, baru], ignore_index=True)
    return Sumber(replace(data, realisasi_langsung=gabung), usang, terbit)


def _sesuai_data(asal: Proyek, tahun: int) -> bool:
    """Whether the OPD's computed tables were computed from the data it holds now."""
    try:
        return json.loads(asal.baca_teks(asal.processed(tahun) / ASAL))["data"] == sidik_data(asal, tahun)
    except (OSError, ValueError, KeyError, TypeError, DataError):
        return False
