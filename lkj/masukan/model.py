"""Every input of one year's report, read and validated once (`baca_masukan`).

The plan, the notebooks, the reviu and the build all use this one model; no
later stage opens a raw file. The build hands it to the notebooks pickled
(build/<YEAR>/masukan.pickle), so they see exactly what was validated.
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass
from pathlib import Path

from .berkas import folder_tahun, tersembunyi
from .bukti import bukti_hilang
from .data import DataTahun, baca_renstra, baca_tahun
from .ejaan import periksa_ejaan
from .errors import DataError, Peringatan
from .kelengkapan import sel_kosong
from .narasi import cek_judul
from .params import Aturan, baca_aturan
from .proyek import Proyek
from .publikasi import Angka, baca_publikasi
from .rencana import Rencana, baca_rencana
from .skema import peringatan_csv
from .sumber import PublikasiOpd, isi_sumber
from .tinjauan import narasi_belum_ditinjau


@dataclass(frozen=True)
class Masukan:
    proyek: Proyek
    aturan: Aturan
    data: DataTahun
    pembanding: DataTahun | None
    rencana: Rencana
    narasi: dict[str, str | None]  # name -> text (None: file missing or empty)
    publikasi: tuple[Angka, ...] | None
    peringatan: tuple[Peringatan, ...]
    narasi_disalin: tuple[str, ...] = ()  # narrative names still as tahun-baru copied them (lkj.masukan.tinjauan)
    sumber_usang: tuple[Peringatan, ...] = ()  # a Pemda's IKU from an OPD whose numbers are older than its data
    publikasi_opd: tuple[PublikasiOpd, ...] = ()  # what those OPDs' own reports print for them
    riwayat: tuple[DataTahun, ...] = ()  # the earlier years of the Renstra period with data (`tahun_riwayat`)

    @property
    def tahun(self) -> int:
        return self.aturan.tahun

    def narasi_path(self, nama: str) -> Path:
        return self.proyek.narasi(self.tahun, nama)

    def pickle(self) -> bytes:
        return pickle.dumps(self, protocol=5)


def baca_masukan(proyek: Proyek, tahun: int) -> Masukan:
    """Read and validate every input of a year; a problem stops with one DataError."""
    folder_tahun(proyek, tahun)  # "no data for this year" before "no params"
    aturan = baca_aturan(proyek, tahun)
    renstra = baca_renstra(proyek, aturan.renstra)
    if not renstra.tahun_awal <= tahun <= renstra.tahun_akhir:
        raise DataError(
            proyek.params(tahun),
            f"tahun {tahun} di luar periode Renstra {aturan.renstra} ({renstra.tahun_awal}–{renstra.tahun_akhir})",
            "Isi renstra dengan folder Renstra yang periodenya mencakup tahun ini "
            "(buat dulu folder renstra-<tahun awal>-<tahun akhir> bila periode baru).",
            column="renstra",
        )
    sumber = isi_sumber(proyek, aturan, baca_tahun(proyek, tahun, renstra))  # a Pemda's IKU from its OPDs
    data = sumber.data
    pembanding = None
    if aturan.tahun_pembanding is not None:
        if not (proyek.tahun(aturan.tahun_pembanding) / "pk.csv").is_file():
            raise DataError(
                proyek.params(tahun),
                f"tahun pembanding {aturan.tahun_pembanding} tidak punya "
                f"data (data/raw/{aturan.tahun_pembanding}/pk.csv)",
                "Tambahkan data tahun itu, atau isi tahun_pembanding: null.",
                column="tahun_pembanding",
            )
        pembanding = baca_tahun(proyek, aturan.tahun_pembanding, renstra)
    riwayat = tuple(
        pembanding if pembanding is not None and y == pembanding.tahun else baca_tahun(proyek, y, renstra)
        for y in tahun_riwayat(proyek, tahun, renstra.tahun_awal)
    )
    if aturan.indikator_rata_rata != "semua":
        asing = [i for i in aturan.indikator_rata_rata if i not in set(data.pk.indikator_id)]
        if asing:
            raise DataError(
                proyek.params(tahun),
                f"indikator_rata_rata menyebut indikator yang tidak ada di pk.csv: {', '.join(asing)}",
                "Hapus atau perbaiki kodenya.",
                column="indikator_rata_rata",
            )
    rencana = baca_rencana(proyek, sorted(set(data.pk.sasaran_no)))
    narasi, peringatan = _baca_narasi(proyek, tahun, rencana)
    peringatan += _cek_anggaran(proyek, data) + sel_kosong(proyek, data)
    for d in {id(d): d for d in (data, pembanding, *riwayat)}.values():  # each year's warnings once
        if d is not None:
            peringatan += peringatan_csv(d.pk, d.komponen, d.realisasi_langsung, d.rencana_aksi)
    peringatan += peringatan_csv(renstra.indikator) + renstra.peringatan_tahun(
        tahun, proyek.relatif(renstra.folder / "indikator.csv")
    )
    disalin = tuple(p.stem for p in narasi_belum_ditinjau(proyek, tahun))
    peringatan += [
        Peringatan("narasi masih salinan tahun lalu, belum ditinjau", proyek.relatif(proyek.narasi(tahun, n)))
        for n in disalin
    ]
    peringatan += bukti_hilang(proyek, data.bukti, data.folder / "bukti.csv") + sumber.usang
    peringatan += tahun_tanpa_pk(proyek, tahun, renstra.tahun_awal)
    publikasi = baca_publikasi(proyek, proyek.tahun(tahun) / "publikasi.csv")
    return Masukan(
        proyek,
        aturan,
        data,
        pembanding,
        rencana,
        narasi,
        publikasi,
        tuple(peringatan),
        disalin,
        tuple(sumber.usang),
        tuple(sumber.publikasi),
        riwayat,
    )


def tahun_riwayat(proyek: Proyek, tahun: int, awal: int) -> list[int]:
    """The earlier years of the Renstra period (from its first year) whose folder has a pk.csv: the years
    the per-indicator comparison of Bab III shows beside this one."""
    # a pk.csv that is not a file is read, so that the reader names it
    return [y for y in range(awal, tahun) if (p := proyek.tahun(y) / "pk.csv").exists() or p.is_symlink()]


def tahun_tanpa_pk(proyek: Proyek, tahun: int, awal: int) -> list[Peringatan]:
    """An earlier year of the period whose folder holds data but no pk.csv: left out of the comparison."""
    return [
        Peringatan(f"tahun {y} tidak ditampilkan di perbandingan antartahun: pk.csv tidak ada", proyek.relatif(f))
        for y in range(awal, tahun)
        if (f := proyek.tahun(y)).is_dir() and any(f.glob("*.csv")) and y not in tahun_riwayat(proyek, tahun, awal)
    ]


def _baca_narasi(proyek: Proyek, tahun: int, rencana: Rencana) -> tuple[dict[str, str | None], list[Peringatan]]:
    narasi: dict[str, str | None] = {}
    peringatan = []
    for nama in rencana.narasi:
        path = proyek.narasi(tahun, nama)
        teks = proyek.baca_teks(path) if path.exists() or path.is_symlink() else None
        if teks:
            cek_judul(path, teks, rencana.judul_narasi(nama))
            peringatan += periksa_ejaan(teks, proyek.relatif(path))
        narasi[nama] = teks if teks and teks.strip() else None
        if narasi[nama] is None and nama != rencana.catatan:  # optional: see lkj.reviu.pengungkapan
            peringatan.append(Peringatan("narasi belum diisi", proyek.relatif(path)))
    folder = proyek.tahun(tahun) / "narasi"
    for p in sorted(folder.glob("*")) if folder.is_dir() else []:
        if not tersembunyi(p, folder) and (p.stem not in narasi or p.suffix != ".md"):
            peringatan.append(
                Peringatan(
                    "berkas narasi tidak dipakai laporan (tidak tercantum di notebooks/laporan.yml)", proyek.relatif(p)
                )
            )
    return narasi, peringatan


def _cek_anggaran(proyek: Proyek, data: DataTahun) -> list[Peringatan]:
    if data.anggaran is None:
        return []
    path = proyek.relatif(data.folder / "anggaran.csv")
    return [
        Peringatan(
            f"realisasi anggaran program {r.program_kode} melebihi pagu (serapan di atas 100%)",
            f"{path}, baris {r.baris}",
        )
        for r in data.anggaran.itertuples(index=False)
        if r.realisasi is not None and r.realisasi > r.pagu
    ]


def muat(path: Path) -> Masukan:
    """The model the build validated (build/<YEAR>/masukan.pickle)."""
    model = pickle.loads(path.read_bytes())
    if not isinstance(model, Masukan):
        raise DataError(path, "bukan model masukan lkj", "Jalankan ulang: make report.")
    return model
