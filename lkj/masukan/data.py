"""The raw data of one year and of its Renstra period, loaded and cross-checked."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .berkas import folder_tahun
from .bukti import baca_bukti
from .errors import DataError, Peringatan
from .kosakata import RUMUS_PERSEN
from .params import RENSTRA
from .proyek import Proyek
from .skema import baca_csv, cek_rujukan, jumlah_target
from .standar import baca_standar

# Which component roles each formula type uses; other roles are an error (they would be ignored).
PERAN_RUMUS = {
    "rasio": {"pembilang", "penyebut", "populasi", "rincian", "info"},
    "rata_rasio": {"kelompok", "rincian", "info"},
    "pertumbuhan": {"tahun_n", "tahun_sebelumnya", "info"},
    "jumlah": {"bagian", "info"},
    "nilai": {"nilai", "info"},
    "langsung": set(),
}


@dataclass
class Renstra:
    folder: Path
    tahun_awal: int
    tahun_akhir: int
    tujuan: pd.DataFrame
    sasaran: pd.DataFrame
    indikator: pd.DataFrame
    jumlah_target: int = 5  # years with a target: indikator.csv's columns target_1 ... target_<n>
    standar: pd.DataFrame | None = None  # national / provincial standard per indicator and year (standar.csv)

    def tahun_ke(self, tahun: int) -> int | None:
        """Which Renstra year `tahun` is (1 = first), None when the Renstra sets no target for it."""
        k = tahun - self.tahun_awal + 1
        return k if 1 <= k <= self.jumlah_target else None

    @property
    def tahun_target(self) -> range:
        """The years the Renstra sets targets for."""
        return range(self.tahun_awal, self.tahun_awal + self.jumlah_target)

    @property
    def kolom_target(self) -> list[str]:
        return [f"target_{i}" for i in range(1, self.jumlah_target + 1)]

    @property
    def target_akhir(self) -> str:
        """The column of the end-of-period target."""
        return f"target_{self.jumlah_target}"

    def peringatan_tahun(self, tahun: int, sumber: str) -> list[Peringatan]:
        """One line when a year inside the period has no Renstra target (e.g. a transition year)."""
        if self.tahun_ke(tahun) is not None:
            return []
        t = self.tahun_target
        return [
            Peringatan(
                f"Renstra {self.folder.name} memberi target tahun {t[0]}–{t[-1]} (target_1 s.d. "
                f"target_{self.jumlah_target}), tidak untuk {tahun}: perbandingan dengan target Renstra "
                "tahun ini tidak dihitung",
                sumber,
            )
        ]


@dataclass
class DataTahun:
    tahun: int
    folder: Path
    renstra: Renstra
    pk: pd.DataFrame
    komponen: pd.DataFrame | None
    realisasi_langsung: pd.DataFrame | None
    anggaran: pd.DataFrame | None
    program_indikator: pd.DataFrame | None
    organisasi: pd.DataFrame | None = None  # units and who reports to whom (the organisation chart)
    bukti: pd.DataFrame | None = None  # evidence (data dukung) per indicator or component row
    pegawai: pd.DataFrame | None = None  # staff counts by golongan and by education (Bab I)
    rencana_aksi: pd.DataFrame | None = None  # quarterly targets and activities per indicator (Lampiran)


def baca_renstra(proyek: Proyek, nama: str) -> Renstra:
    folder = proyek.di_dalam(proyek.raw / nama, "folder Renstra")
    m = RENSTRA.fullmatch(folder.name)
    if not m:
        raise DataError(
            folder,
            "nama folder Renstra harus berbentuk renstra-<tahun awal>-<tahun akhir>",
            "Ganti nama foldernya, mis. renstra-2021-2026.",
        )
    if not folder.is_dir():
        raise DataError(folder, "folder Renstra tidak ditemukan", "Periksa kunci 'renstra' di params/<tahun>.yaml.")
    if int(m[2]) < int(m[1]):
        raise DataError(
            folder,
            f"periode Renstra berakhir ({m[2]}) sebelum dimulai ({m[1]})",
            "Ganti nama foldernya menjadi renstra-<tahun awal>-<tahun akhir>.",
        )
    tujuan = baca_csv(proyek, folder / "tujuan.csv")
    sasaran = baca_csv(proyek, folder / "sasaran.csv")
    indikator = baca_csv(proyek, folder / "indikator.csv")
    cek_rujukan(sasaran, folder / "sasaran.csv", "tujuan_id", set(tujuan.tujuan_id), "tujuan.csv")
    cek_rujukan(indikator, folder / "indikator.csv", "sasaran_no", set(sasaran.sasaran_no), "sasaran.csv")
    for rec in indikator.itertuples(index=False):
        if rec.jenis_rumus in RUMUS_PERSEN and rec.satuan != "%":
            raise DataError(
                folder / "indikator.csv",
                f"rumus {rec.jenis_rumus} menghasilkan persen, tetapi satuan "
                f"indikator {rec.indikator_id} '{rec.satuan}'",
                "Tulis satuan %, atau pakai rumus jumlah, nilai atau langsung untuk satuan lain.",
                rec.baris,
                "satuan",
            )
    n = jumlah_target(list(indikator.columns))
    if int(m[1]) + n - 1 > int(m[2]):
        raise DataError(
            folder / "indikator.csv",
            f"target untuk {n} tahun (target_1 s.d. target_{n}), padahal periode {folder.name} hanya "
            f"{int(m[2]) - int(m[1]) + 1} tahun",
            "Hapus kolom target yang berlebih, atau ganti nama folder sesuai periodenya.",
            1,
            f"target_{n}",
        )
    standar = baca_standar(proyek, folder, set(indikator.indikator_id), int(m[1]), int(m[2]))
    return Renstra(folder, int(m[1]), int(m[2]), tujuan, sasaran, indikator, n, standar)


def baca_tahun(proyek: Proyek, tahun: int, renstra: Renstra) -> DataTahun:
    """Load and cross-check every raw file of one year."""
    folder = folder_tahun(proyek, tahun)
    pk_path = folder / "pk.csv"
    pk = baca_csv(proyek, pk_path)
    if pk.empty:
        raise DataError(
            pk_path,
            "berkas tidak berisi satu indikator pun (hanya baris judul)",
            "Isi satu baris per indikator Perjanjian Kinerja (lihat data/raw/README.md).",
            2,
        )
    definisi = renstra.indikator.set_index("indikator_id")
    for rec in pk.itertuples(index=False):
        if rec.indikator_id not in definisi.index:
            raise DataError(
                pk_path,
                f"indikator '{rec.indikator_id}' tidak punya definisi",
                f"Tambahkan definisinya ke {renstra.folder.name}/indikator.csv.",
                rec.baris,
                "indikator_id",
            )
        no_renstra = definisi.loc[rec.indikator_id, "sasaran_no"]
        if rec.sasaran_no != no_renstra:
            raise DataError(
                pk_path,
                f"indikator '{rec.indikator_id}' ada di sasaran {rec.sasaran_no}, sedangkan "
                f"Renstra ({renstra.folder.name}/indikator.csv) menaruhnya di sasaran {no_renstra}",
                "Samakan nomor sasarannya dengan Renstra.",
                rec.baris,
                "sasaran_no",
            )
    nama_sasaran: dict[int, tuple[str, int]] = {}
    for rec in pk.itertuples(index=False):
        nama, baris = nama_sasaran.setdefault(rec.sasaran_no, (rec.sasaran, rec.baris))
        if rec.sasaran != nama:
            raise DataError(
                pk_path,
                f"sasaran {rec.sasaran_no} ditulis berbeda dengan baris {baris} "
                f"('{rec.sasaran[:40]}' dan '{nama[:40]}')",
                "Satu nomor sasaran satu rumusan: samakan teksnya.",
                rec.baris,
                "sasaran",
            )
    pk_ids = set(pk.indikator_id)

    def opsional(nama: str) -> pd.DataFrame | None:
        p = folder / nama
        return baca_csv(proyek, p) if p.exists() or p.is_symlink() else None

    komponen = opsional("komponen.csv")
    if komponen is not None:
        cek_rujukan(komponen, folder / "komponen.csv", "indikator_id", pk_ids, "pk.csv")
        _cek_komponen(komponen, folder / "komponen.csv", definisi)
    langsung = opsional("realisasi_langsung.csv")
    if langsung is not None:
        cek_rujukan(langsung, folder / "realisasi_langsung.csv", "indikator_id", pk_ids, "pk.csv")
        ber_komponen = set(komponen.indikator_id) if komponen is not None else set()
        for rec in langsung.itertuples(index=False):
            if rec.indikator_id in ber_komponen:
                raise DataError(
                    folder / "realisasi_langsung.csv",
                    f"indikator '{rec.indikator_id}' juga punya data di komponen.csv",
                    "Satu indikator satu sumber: hapus baris ini atau komponennya.",
                    rec.baris,
                    "indikator_id",
                )
    anggaran = opsional("anggaran.csv")
    peta = opsional("program_indikator.csv")
    if peta is not None:
        if anggaran is None:
            raise DataError(
                folder / "anggaran.csv",
                "berkas tidak ditemukan, padahal program_indikator.csv ada",
                "Tambahkan anggaran.csv atau hapus program_indikator.csv.",
            )
        cek_rujukan(peta, folder / "program_indikator.csv", "program_kode", set(anggaran.program_kode), "anggaran.csv")
        cek_rujukan(peta, folder / "program_indikator.csv", "indikator_id", pk_ids, "pk.csv")
    organisasi = opsional("organisasi.csv")
    if organisasi is not None:
        _cek_organisasi(organisasi, folder / "organisasi.csv")
    bukti = baca_bukti(proyek, folder / "bukti.csv", pk_ids, komponen)
    pegawai = opsional("pegawai.csv")
    if pegawai is not None:
        _cek_pegawai(pegawai, folder / "pegawai.csv")
    rencana_aksi = opsional("rencana_aksi.csv")
    if rencana_aksi is not None:
        cek_rujukan(rencana_aksi, folder / "rencana_aksi.csv", "indikator_id", pk_ids, "pk.csv")
        _cek_rencana_aksi(rencana_aksi, folder / "rencana_aksi.csv")
    return DataTahun(
        tahun, folder, renstra, pk, komponen, langsung, anggaran, peta, organisasi, bukti, pegawai, rencana_aksi
    )


def _cek_pegawai(df: pd.DataFrame, path: Path) -> None:
    """Each person is counted once by golongan and once by education: the two totals agree."""
    jumlah = {k: int(df[df.kelompok == k].jumlah.sum()) for k in ("golongan", "pendidikan") if (df.kelompok == k).any()}
    if len(set(jumlah.values())) > 1:
        raise DataError(
            path,
            f"jumlah pegawai menurut golongan ({jumlah['golongan']}) berbeda dengan jumlah menurut pendidikan "
            f"({jumlah['pendidikan']})",
            "Setiap pegawai dihitung satu kali pada setiap kelompok: periksa angka kolom jumlah.",
            int(df.baris.iloc[-1]),
            "jumlah",
        )


TRIWULAN = [f"triwulan_{i}" for i in range(1, 5)]


def _cek_rencana_aksi(df: pd.DataFrame, path: Path) -> None:
    """Each row says something: an activity or at least one quarterly target."""
    for rec in df.itertuples(index=False):
        if not rec.kegiatan and all(getattr(rec, t) is None for t in TRIWULAN):
            raise DataError(
                path,
                "baris tanpa kegiatan dan tanpa target triwulan",
                "Isi kegiatan atau target triwulan_1 s.d. triwulan_4, atau hapus baris ini.",
                rec.baris,
                "kegiatan",
            )


def _cek_organisasi(df: pd.DataFrame, path: Path) -> None:
    """One head unit; every other unit reports to a unit in the file, without cycles."""
    atasan = dict(zip(df.unit_id, df.atasan_id))
    puncak = [r for r in df.itertuples(index=False) if not r.atasan_id]
    if len(puncak) != 1:
        raise DataError(
            path,
            f"harus ada tepat satu unit pimpinan (atasan_id kosong), ditemukan {len(puncak)}",
            "Kosongkan atasan_id hanya untuk pimpinan (mis. Kepala Dinas).",
            puncak[1].baris if len(puncak) > 1 else None,
            "atasan_id",
        )
    for r in df.itertuples(index=False):
        if r.atasan_id and r.atasan_id not in atasan:
            raise DataError(
                path, f"atasan_id '{r.atasan_id}' tidak ada di kolom unit_id", "Perbaiki kodenya.", r.baris, "atasan_id"
            )
        seen, u = set(), r.unit_id
        while u:
            if u in seen:
                raise DataError(
                    path,
                    f"unit '{r.unit_id}' melingkar: atasannya kembali ke unit itu sendiri",
                    "Periksa atasan_id.",
                    r.baris,
                    "atasan_id",
                )
            seen.add(u)
            u = atasan[u]


def _cek_komponen(df: pd.DataFrame, path: Path, definisi: pd.DataFrame) -> None:
    for rec in df.itertuples(index=False):
        jenis = definisi.loc[rec.indikator_id, "jenis_rumus"]
        if rec.peran not in PERAN_RUMUS[jenis]:
            boleh = ", ".join(sorted(PERAN_RUMUS[jenis])) or "tidak ada (rumus langsung memakai realisasi_langsung.csv)"
            raise DataError(
                path,
                f"peran '{rec.peran}' tidak dipakai rumus {jenis} indikator {rec.indikator_id}",
                f"Peran yang sah untuk rumus {jenis}: {boleh}; atau perbaiki jenis_rumus di indikator.csv.",
                rec.baris,
                "peran",
            )
        if rec.peran == "populasi":
            if rec.target is None:
                raise DataError(
                    path,
                    "komponen berperan populasi tanpa nilai target",
                    "Tulis besar populasinya di kolom target.",
                    rec.baris,
                    "target",
                )
            if rec.realisasi is not None:
                raise DataError(
                    path,
                    "komponen berperan populasi juga berisi realisasi",
                    "Populasi ditulis di kolom target saja; kosongkan realisasi "
                    "(atau ganti perannya menjadi penyebut).",
                    rec.baris,
                    "realisasi",
                )
        if rec.peran in ("kelompok", "rincian") and not rec.kelompok:
            raise DataError(
                path,
                f"komponen berperan {rec.peran} tanpa nama kelompok",
                "Isi kolom kelompok (mis. G1) agar rincian dapat dikaitkan.",
                rec.baris,
                "kelompok",
            )
    # A group is one `kelompok` row; a rincian names an existing group of its indicator.
    kelompok: dict[tuple[str, str], int] = {}
    for rec in df[df.peran == "kelompok"].itertuples(index=False):
        if (rec.indikator_id, rec.kelompok) in kelompok:
            raise DataError(
                path,
                f"kelompok '{rec.kelompok}' indikator {rec.indikator_id} sudah ada di baris "
                f"{kelompok[rec.indikator_id, rec.kelompok]}",
                "Satu kelompok satu baris berperan kelompok; sub-butirnya berperan rincian.",
                rec.baris,
                "kelompok",
            )
        kelompok[rec.indikator_id, rec.kelompok] = rec.baris
    for rec in df[df.peran == "rincian"].itertuples(index=False):
        if (rec.indikator_id, rec.kelompok) not in kelompok:
            raise DataError(
                path,
                f"rincian menyebut kelompok '{rec.kelompok}' yang tidak ada pada indikator {rec.indikator_id}",
                "Tambahkan baris berperan kelompok dengan kode itu, atau perbaiki kodenya.",
                rec.baris,
                "kelompok",
            )
