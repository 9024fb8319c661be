"""Load and validate the raw data of one year (read-only).

Every problem stops with a `DataError` naming the file, row and column and
saying what to do. Row numbers are spreadsheet rows: the header is row 1.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .errors import DataError
from .formulas import JENIS_RUMUS, PERAN, POLARITAS


# --- column types ---------------------------------------------------------------

@dataclass(frozen=True)
class Kolom:
    nama: str
    jenis: str = "teks"          # teks | bilangan | bulat | pilihan
    wajib: bool = True           # an empty cell is an error
    pilihan: tuple[str, ...] = ()
    minimum: float | None = 0    # numbers below are rejected (None: no lower bound)


def _bilangan(teks: str, kolom: Kolom, file, row) -> float:
    s = teks.strip()
    err = lambda problem, fix: DataError(file, problem, fix, row, kolom.nama)  # noqa: E731
    if s in {"-", "–", "—"}:
        raise err(f"nilai '{s}' bukan angka",
                  "Kosongkan sel bila data tidak ada (jangan diisi tanda hubung).")
    if s.endswith("%"):
        raise err(f"nilai '{s}' memakai tanda %", f"Tulis angkanya saja: {s[:-1].strip()}.")
    if "," in s or re.fullmatch(r"-?\d{1,3}(\.\d{3}){2,}", s):
        raise err(f"nilai '{s}' ditulis dengan format angka Indonesia",
                  "Tulis tanpa pemisah ribuan dan dengan titik sebagai pemisah desimal, "
                  f"mis. {_saran(s)}.")
    try:
        x = float(s)
    except ValueError:
        raise err(f"nilai '{s}' bukan angka", "Isi dengan angka, mis. 1004 atau 58.5.") from None
    if x != x or x in (float("inf"), float("-inf")):
        raise err(f"nilai '{s}' bukan angka terhingga", "Isi dengan angka biasa.")
    if kolom.minimum is not None and x < kolom.minimum:
        raise err(f"nilai {s} negatif", "Nilai ini tidak boleh negatif; periksa sumber datanya.")
    if kolom.jenis == "bulat" and x != int(x):
        raise err(f"nilai '{s}' bukan bilangan bulat", "Isi dengan bilangan bulat, mis. 1.")
    return int(x) if kolom.jenis == "bulat" else x


def _saran(s: str) -> str:
    bulat, _, pecahan = s.replace(".", "").partition(",")
    return bulat + ("." + pecahan if pecahan else "")


# --- schemas ----------------------------------------------------------------------

B = "bilangan"
SKEMA: dict[str, tuple[Kolom, ...]] = {
    "tujuan.csv": (Kolom("tujuan_id"), Kolom("tujuan")),
    "sasaran.csv": (Kolom("sasaran_no", "bulat"), Kolom("tujuan_id"), Kolom("sasaran")),
    "indikator.csv": (
        Kolom("indikator_id"), Kolom("sasaran_no", "bulat"), Kolom("indikator"), Kolom("satuan"),
        Kolom("polaritas", "pilihan", pilihan=tuple(POLARITAS)),
        Kolom("jenis_rumus", "pilihan", pilihan=tuple(JENIS_RUMUS)),
        Kolom("rumus"),
        *(Kolom(f"target_{i}", B, wajib=False) for i in range(1, 6)),
    ),
    "pk.csv": (Kolom("sasaran_no", "bulat"), Kolom("indikator_id"), Kolom("sasaran"),
               Kolom("indikator"), Kolom("target", B)),
    "komponen.csv": (
        Kolom("indikator_id"), Kolom("komponen_id"), Kolom("kelompok", wajib=False),
        Kolom("peran", "pilihan", pilihan=tuple(PERAN)), Kolom("uraian"),
        Kolom("satuan", wajib=False), Kolom("target", B, wajib=False),
        Kolom("realisasi", B, wajib=False),
    ),
    "realisasi_langsung.csv": (Kolom("indikator_id"), Kolom("realisasi", B, wajib=False, minimum=None),
                               Kolom("keterangan", wajib=False)),
    "anggaran.csv": (Kolom("program_kode"), Kolom("program"), Kolom("pagu", B),
                     Kolom("realisasi", B, wajib=False)),
    "program_indikator.csv": (Kolom("program_kode"), Kolom("indikator_id")),
}
KUNCI = {  # unique key of each file
    "tujuan.csv": ("tujuan_id",), "sasaran.csv": ("sasaran_no",),
    "indikator.csv": ("indikator_id",), "pk.csv": ("indikator_id",),
    "komponen.csv": ("indikator_id", "komponen_id"), "realisasi_langsung.csv": ("indikator_id",),
    "anggaran.csv": ("program_kode",), "program_indikator.csv": ("program_kode", "indikator_id"),
}


def baca_csv(path: Path, nama_skema: str | None = None) -> pd.DataFrame:
    """Read one raw CSV against its schema. Adds `baris` (spreadsheet row)."""
    path = Path(path)
    skema = SKEMA[nama_skema or path.name]
    if not path.is_file():
        raise DataError(path, "berkas tidak ditemukan",
                        "Buat berkas ini (lihat data/raw/README.md untuk kolomnya).")
    raw = path.read_bytes()
    try:
        teks = raw.decode("utf-8-sig")  # a BOM from Excel's "CSV UTF-8" is accepted
    except UnicodeDecodeError as e:
        row = raw[: e.start].count(b"\n") + 1
        raise DataError(path, "berkas tidak berenkode UTF-8",
                        "Simpan ulang sebagai 'CSV UTF-8 (Comma delimited)'.", row) from None
    baris = list(csv.reader(teks.splitlines()))
    if not baris or not any(c.strip() for c in baris[0]):
        raise DataError(path, "berkas kosong (tidak ada baris judul kolom)",
                        "Isi baris pertama dengan nama kolom: " + ",".join(k.nama for k in skema) + ".")
    header = [c.strip() for c in baris[0]]
    if len(header) == 1 and ";" in header[0]:
        raise DataError(path, "pemisah kolom adalah titik koma (;), bukan koma",
                        "Simpan ulang sebagai 'CSV UTF-8 (Comma delimited)' atau ganti ';' dengan ','.", 1)
    for k in skema:
        if k.nama not in header:
            raise DataError(path, f"kolom '{k.nama}' tidak ada",
                            "Tambahkan kolom itu pada baris judul (lihat data/raw/README.md).", 1, k.nama)
    data = []
    for nomor, sel in enumerate(baris[1:], start=2):
        if not any(c.strip() for c in sel):
            continue  # blank line
        if len(sel) != len(header):
            raise DataError(path, f"jumlah sel {len(sel)}, seharusnya {len(header)}",
                            "Periksa koma di dalam teks: apit teks berkoma dengan tanda petik.", nomor)
        rec = dict(zip(header, sel))
        out = {"baris": nomor}
        for k in skema:
            nilai = rec[k.nama].strip()
            if not nilai:
                if k.wajib:
                    raise DataError(path, "sel kosong", "Kolom ini wajib diisi.", nomor, k.nama)
                out[k.nama] = None if k.jenis in (B, "bulat") else ""
            elif k.jenis in (B, "bulat"):
                out[k.nama] = _bilangan(nilai, k, path, nomor)
            elif k.jenis == "pilihan" and nilai not in k.pilihan:
                raise DataError(path, f"nilai '{nilai}' tidak dikenal",
                                "Pilih salah satu: " + ", ".join(k.pilihan) + ".", nomor, k.nama)
            else:
                out[k.nama] = nilai
        data.append(out)
    df = pd.DataFrame(data, columns=["baris"] + [k.nama for k in skema])
    for k in skema:  # numbers stay Python numbers; an empty cell is None, never NaN
        if k.jenis in (B, "bulat"):
            df[k.nama] = pd.Series([r[k.nama] for r in data], index=df.index, dtype=object)
    _cek_unik(df, path, KUNCI[nama_skema or path.name])
    return df


def _cek_unik(df: pd.DataFrame, path: Path, kunci: tuple[str, ...]) -> None:
    seen: dict[tuple, int] = {}
    for rec in df.itertuples(index=False):
        key = tuple(getattr(rec, k) for k in kunci)
        if key in seen:
            raise DataError(path, f"{'/'.join(kunci)} '{'/'.join(map(str, key))}' ganda "
                                  f"(sudah ada di baris {seen[key]})",
                            "Setiap baris harus unik: hapus atau ganti salah satunya.",
                            rec.baris, kunci[-1])
        seen[key] = rec.baris


def _cek_rujukan(df: pd.DataFrame, path: Path, kolom: str, sah, tempat: str) -> None:
    for rec in df.itertuples(index=False):
        nilai = getattr(rec, kolom)
        if nilai not in sah:
            raise DataError(path, f"{kolom} '{nilai}' tidak ada di {tempat}",
                            f"Tambahkan dulu ke {tempat} atau perbaiki kodenya.", rec.baris, kolom)


# --- one year's data ----------------------------------------------------------------

@dataclass
class Renstra:
    folder: Path
    tahun_awal: int
    tahun_akhir: int
    tujuan: pd.DataFrame
    sasaran: pd.DataFrame
    indikator: pd.DataFrame

    def tahun_ke(self, tahun: int) -> int | None:
        k = tahun - self.tahun_awal + 1
        return k if 1 <= k <= 5 else None


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


def baca_renstra(folder: Path) -> Renstra:
    m = re.fullmatch(r"renstra-(\d{4})-(\d{4})", folder.name)
    if not m:
        raise DataError(folder, "nama folder Renstra harus berbentuk renstra-<tahun awal>-<tahun akhir>",
                        "Ganti nama foldernya, mis. renstra-2021-2026.")
    if not folder.is_dir():
        raise DataError(folder, "folder Renstra tidak ditemukan",
                        "Periksa kunci 'renstra' di params/<tahun>.yaml.")
    tujuan = baca_csv(folder / "tujuan.csv")
    sasaran = baca_csv(folder / "sasaran.csv")
    indikator = baca_csv(folder / "indikator.csv")
    _cek_rujukan(sasaran, folder / "sasaran.csv", "tujuan_id", set(tujuan.tujuan_id), "tujuan.csv")
    _cek_rujukan(indikator, folder / "indikator.csv", "sasaran_no", set(sasaran.sasaran_no), "sasaran.csv")
    return Renstra(folder, int(m[1]), int(m[2]), tujuan, sasaran, indikator)


def ada_tahun(raw: Path, tahun: int) -> bool:
    return (raw / str(tahun) / "pk.csv").is_file()


def baca_tahun(raw: Path, tahun: int, renstra_folder: str) -> DataTahun:
    """Load and cross-check every raw file of one year."""
    folder = raw / str(tahun)
    if not folder.is_dir():
        ada = sorted(p.name for p in raw.iterdir() if p.name.isdigit())
        raise DataError(folder, f"tidak ada data untuk tahun {tahun}",
                        f"Tahun yang tersedia: {', '.join(ada) or 'tidak ada'}. "
                        "Buat folder ini (lihat data/raw/README.md, 'Menambah tahun baru').")
    renstra = baca_renstra(raw / renstra_folder)
    pk = baca_csv(folder / "pk.csv")
    indikator_ids = set(renstra.indikator.indikator_id)
    for rec in pk.itertuples(index=False):
        if rec.indikator_id not in indikator_ids:
            raise DataError(folder / "pk.csv", f"indikator '{rec.indikator_id}' tidak punya definisi",
                            f"Tambahkan definisinya ke {renstra.folder.name}/indikator.csv.",
                            rec.baris, "indikator_id")
    pk_ids = set(pk.indikator_id)

    def opsional(nama):
        p = folder / nama
        return baca_csv(p) if p.exists() else None

    komponen = opsional("komponen.csv")
    if komponen is not None:
        _cek_rujukan(komponen, folder / "komponen.csv", "indikator_id", pk_ids, "pk.csv")
        _cek_komponen(komponen, folder / "komponen.csv")
    langsung = opsional("realisasi_langsung.csv")
    if langsung is not None:
        _cek_rujukan(langsung, folder / "realisasi_langsung.csv", "indikator_id", pk_ids, "pk.csv")
        if komponen is not None:
            for rec in langsung.itertuples(index=False):
                if rec.indikator_id in set(komponen.indikator_id):
                    raise DataError(folder / "realisasi_langsung.csv",
                                    f"indikator '{rec.indikator_id}' juga punya data di komponen.csv",
                                    "Satu indikator satu sumber: hapus baris ini atau komponennya.",
                                    rec.baris, "indikator_id")
    anggaran = opsional("anggaran.csv")
    peta = opsional("program_indikator.csv")
    if peta is not None:
        if anggaran is None:
            raise DataError(folder / "anggaran.csv", "berkas tidak ditemukan, padahal program_indikator.csv ada",
                            "Tambahkan anggaran.csv atau hapus program_indikator.csv.")
        _cek_rujukan(peta, folder / "program_indikator.csv", "program_kode",
                     set(anggaran.program_kode), "anggaran.csv")
        _cek_rujukan(peta, folder / "program_indikator.csv", "indikator_id", pk_ids, "pk.csv")
    return DataTahun(tahun, folder, renstra, pk, komponen, langsung, anggaran, peta)


def _cek_komponen(df: pd.DataFrame, path: Path) -> None:
    for rec in df.itertuples(index=False):
        if rec.peran == "populasi":
            if rec.target is None:
                raise DataError(path, "komponen berperan populasi tanpa nilai target",
                                "Tulis besar populasinya di kolom target.", rec.baris, "target")
            if rec.realisasi is not None:
                raise DataError(path, "komponen berperan populasi juga berisi realisasi",
                                "Populasi ditulis di kolom target saja; kosongkan realisasi "
                                "(atau ganti perannya menjadi penyebut).", rec.baris, "realisasi")
        if rec.peran in ("kelompok", "rincian") and not rec.kelompok:
            raise DataError(path, f"komponen berperan {rec.peran} tanpa nama kelompok",
                            "Isi kolom kelompok (mis. G1) agar rincian dapat dikaitkan.", rec.baris, "kelompok")
