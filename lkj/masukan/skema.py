"""Raw CSV files against their schemas: the one reader of every table.

Every problem stops with a `DataError` naming the file, the spreadsheet row
(header = row 1) and the column of the cell that is wrong, and saying what to
do. A value accepted here means the same thing in every later stage.
"""

from __future__ import annotations

import csv
import io
import math
import re
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import DataError, DataErrors, Peringatan
from .kosakata import JENIS_RUMUS, PERAN, POLARITAS
from .proyek import Proyek

if TYPE_CHECKING:
    import pandas as pd

KODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]{0,39}")  # IDs: safe in file names, HTML ids and formulas
PANJANG_SEL = 5000  # characters in one cell
BATAS_ANGKA = (1e-6, 1e15)  # |x| outside this (but not 0) is a typing error, not a figure
PEMISAH_LAIN = {";": "titik koma (;)", "\t": "tab", "|": "garis tegak (|)"}  # delimiters other than the comma
KATA_MAKS = 100  # characters of one word (no space) in a name: longer ones cannot wrap on a page
RIBUAN_TUNGGAL = re.compile(r"[1-9][0-9]{0,2}\.[0-9]{3}")  # '1.004': 1,004 or 1004 typed the Indonesian way?


@dataclass(frozen=True)
class Kolom:
    nama: str
    jenis: str = "teks"  # teks | kode | bilangan | bulat | rupiah | pilihan
    wajib: bool = True  # an empty cell is an error
    pilihan: tuple[str, ...] = ()
    minimum: float | None = 0  # numbers below are rejected (None: no lower bound)
    kata_maks: int | None = KATA_MAKS  # longest word of a text cell (None: any, e.g. a source with a URL)

    @property
    def angka(self) -> bool:
        return self.jenis in ("bilangan", "bulat", "rupiah")


def _kutip(s: str, n: int = 40) -> str:
    """A cell value as quoted in a message: never a whole 200 kB cell."""
    return s if len(s) <= n else s[:n] + f"… ({len(s)} karakter)"


def _digit_asing(s: str) -> str | None:
    """The first digit that is not 0-9 (Arabic-Indic, full-width, superscript...), if any."""
    return next((c for c in s if not c.isascii() and unicodedata.category(c) in ("Nd", "No", "Nl")), None)


def _bilangan(teks: str, kolom: Kolom, file, row) -> float | int:
    s = teks.strip()
    q = _kutip(s)

    def err(problem: str, fix: str) -> DataError:
        return DataError(file, problem, fix, row, kolom.nama)

    if s in {"-", "–", "—"}:
        raise err(f"nilai '{s}' bukan angka", "Kosongkan sel bila data tidak ada (jangan diisi tanda hubung).")
    if s.endswith("%"):
        raise err(f"nilai '{q}' memakai tanda %", f"Tulis angkanya saja: {_kutip(s[:-1].strip())}.")
    asing = _digit_asing(s)
    if asing is not None:
        raise err(
            f"nilai '{q}' memakai angka selain angka Latin 0–9 ('{asing}', U+{ord(asing):04X})",
            "Ketik ulang angkanya dengan angka 0–9.",
        )
    if s.startswith("+"):
        raise err(f"nilai '{q}' memakai tanda +", f"Tulis tanpa tanda +: {_kutip(s[1:].strip())}.")
    if "," in s or re.fullmatch(r"-?[0-9]{1,3}(\.[0-9]{3}){2,}", s):
        raise err(
            f"nilai '{q}' ditulis dengan format angka Indonesia",
            f"Tulis tanpa pemisah ribuan dan dengan titik sebagai pemisah desimal, mis. {_kutip(_saran(s))}.",
        )
    if re.fullmatch(r"-?([0-9]+(\.[0-9]*)?|\.[0-9]+)[eE][-+]?[0-9]+", s):
        # Excel saves a number shown as 5.73E+09 exactly so: the hidden digits are lost.
        raise err(
            f"nilai '{q}' ditulis dalam notasi ilmiah (E)",
            "Tulis angka lengkapnya tanpa E; di Excel ubah format sel menjadi Number lalu simpan ulang.",
        )
    if not re.fullmatch(r"-?([0-9]+(\.[0-9]*)?|\.[0-9]+)", s):
        raise err(f"nilai '{q}' bukan angka", "Isi dengan angka biasa, mis. 1004 atau 58.5.")
    x = float(s) + 0.0  # -0 is 0
    if not math.isfinite(x) or (x != 0 and not BATAS_ANGKA[0] <= abs(x) <= BATAS_ANGKA[1]):
        raise err(f"nilai '{q}' di luar rentang wajar", "Periksa angkanya: kemungkinan salah ketik.")
    if kolom.minimum is not None and x < kolom.minimum:
        raise err(f"nilai {q} negatif", "Nilai ini tidak boleh negatif; periksa sumber datanya.")
    if kolom.jenis == "bulat" and not re.fullmatch(r"[0-9]+", s):
        raise err(f"nilai '{q}' bukan bilangan bulat", "Isi dengan bilangan bulat tanpa desimal, mis. 3.")
    if kolom.jenis == "rupiah" and x != int(x):
        raise err(f"nilai '{q}' berisi pecahan rupiah", _saran_rupiah(s))
    return int(s) if kolom.jenis == "bulat" else int(x) if kolom.jenis == "rupiah" else x


def _saran_rupiah(s: str) -> str:
    """Advice for a rupiah with a fraction: '1.500' is 1500 typed with a thousands dot; '4691686177.50' has sen."""
    utuh, _, pecahan = s.partition(".")
    if len(pecahan) == 3:  # one dot before three digits: a thousands separator
        return (
            f"Tulis rupiah utuh tanpa pemisah ribuan; bila maksudnya {utuh + pecahan} rupiah, tulis {utuh + pecahan}."
        )
    bulat = int(Decimal(s).quantize(Decimal(1), ROUND_HALF_UP))
    return f"Anggaran ditulis dalam rupiah utuh, tanpa sen: tulis {bulat} (dibulatkan) atau {utuh}."


def _saran(s: str) -> str:
    bulat, _, pecahan = s.replace(".", "").partition(",")
    return bulat + ("." + pecahan if pecahan else "")


def cek_teks(nilai: str, kolom: str | None, file, row, apa: str = "sel") -> None:
    """Checks every cell (and header name) gets, whatever its type: length and invisible characters."""
    if len(nilai) > PANJANG_SEL:
        raise DataError(
            file,
            f"isi {apa} terlalu panjang ({len(nilai)} karakter)",
            f"Persingkat menjadi paling banyak {PANJANG_SEL} karakter.",
            row,
            kolom,
        )
    aneh = next((c for c in nilai if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp", "Co", "Cs")), None)
    if aneh is not None:
        raise DataError(
            file,
            f"{apa} berisi karakter tak terlihat U+{ord(aneh):04X} ({unicodedata.name(aneh, 'karakter kontrol')})",
            "Ketik ulang isi sel ini tanpa pindah baris, tab atau karakter kontrol.",
            row,
            kolom,
        )


def _teks(nilai: str, kolom: Kolom, file, row) -> str:
    if kolom.jenis == "teks" and kolom.kata_maks is not None:
        kata = max(nilai.split(), key=len, default="")
        if len(kata) > kolom.kata_maks:
            raise DataError(
                file,
                f"teks berisi satu kata sepanjang {len(kata)} karakter tanpa spasi ('{_kutip(kata, 20)}')",
                f"Periksa isinya: satu kata paling panjang {kolom.kata_maks} karakter (tulis dengan spasi).",
                row,
                kolom.nama,
            )
    if kolom.jenis == "kode" and not KODE.fullmatch(nilai):
        raise DataError(
            file,
            f"kode '{_kutip(nilai)}' tidak sah",
            "Kode hanya boleh berisi huruf, angka, '_', '.' atau '-' (tanpa spasi atau tanda petik), "
            "paling panjang 40 karakter, mis. IK01.",
            row,
            kolom.nama,
        )
    if kolom.jenis == "pilihan" and nilai not in kolom.pilihan:
        raise DataError(
            file,
            f"nilai '{_kutip(nilai)}' tidak dikenal",
            "Pilih salah satu: " + ", ".join(kolom.pilihan) + ".",
            row,
            kolom.nama,
        )
    return nilai


# --- schemas ----------------------------------------------------------------------------------

B = "bilangan"
K = "kode"
SKEMA: dict[str, tuple[Kolom, ...]] = {
    "tujuan.csv": (Kolom("tujuan_id", K), Kolom("tujuan")),
    "sasaran.csv": (Kolom("sasaran_no", "bulat"), Kolom("tujuan_id", K), Kolom("sasaran")),
    "indikator.csv": (
        Kolom("indikator_id", K),
        Kolom("sasaran_no", "bulat"),
        Kolom("indikator"),
        Kolom("satuan"),
        Kolom("polaritas", "pilihan", pilihan=tuple(POLARITAS)),
        Kolom("jenis_rumus", "pilihan", pilihan=tuple(JENIS_RUMUS)),
        Kolom("rumus"),
        *(Kolom(f"target_{i}", B, wajib=False) for i in range(1, 6)),
    ),  # target_1 ... target_<n>: as many as the Renstra has years with a target (skema_indikator)
    "pk.csv": (
        Kolom("sasaran_no", "bulat"),
        Kolom("indikator_id", K),
        Kolom("sasaran"),
        Kolom("indikator"),
        Kolom("target", B),
    ),
    "komponen.csv": (
        Kolom("indikator_id", K),
        Kolom("komponen_id", K),
        Kolom("kelompok", K, wajib=False),
        Kolom("peran", "pilihan", pilihan=tuple(PERAN)),
        Kolom("uraian"),
        Kolom("satuan", wajib=False),
        Kolom("target", B, wajib=False),
        Kolom("realisasi", B, wajib=False),
    ),
    "realisasi_langsung.csv": (
        Kolom("indikator_id", K),
        Kolom("realisasi", B, wajib=False, minimum=None),
        Kolom("keterangan", wajib=False, kata_maks=None),
    ),
    "anggaran.csv": (
        Kolom("program_kode", K),
        Kolom("program"),
        Kolom("pagu", "rupiah"),
        Kolom("realisasi", "rupiah", wajib=False),
    ),
    "program_indikator.csv": (Kolom("program_kode", K), Kolom("indikator_id", K)),
    "organisasi.csv": (Kolom("unit_id", K), Kolom("unit"), Kolom("atasan_id", K, wajib=False)),
    "pegawai.csv": (
        Kolom("kelompok", "pilihan", pilihan=("golongan", "pendidikan")),
        Kolom("uraian"),
        Kolom("jumlah", "bulat"),
    ),
    "rencana_aksi.csv": (
        Kolom("indikator_id", K),
        Kolom("kegiatan", wajib=False),
        *(Kolom(f"triwulan_{i}", B, wajib=False, minimum=None) for i in range(1, 5)),
    ),
}
TARGET = re.compile(r"target_([1-9][0-9]?)")


def jumlah_target(header: list[str]) -> int:
    """How many Renstra years indikator.csv has targets for: its columns target_1 ... target_<n>."""
    nomor = {int(m[1]) for h in header if (m := TARGET.fullmatch(h.strip()))}
    n = 0
    while n + 1 in nomor:
        n += 1
    return n


def skema_indikator(n: int) -> tuple[Kolom, ...]:
    """indikator.csv's columns for a Renstra with targets for n years."""
    tetap = tuple(k for k in SKEMA["indikator.csv"] if not TARGET.fullmatch(k.nama))
    return (*tetap, *(Kolom(f"target_{i}", B, wajib=False) for i in range(1, max(n, 1) + 1)))


KUNCI = {  # unique key of each file
    "tujuan.csv": ("tujuan_id",),
    "sasaran.csv": ("sasaran_no",),
    "indikator.csv": ("indikator_id",),
    "pk.csv": ("indikator_id",),
    "komponen.csv": ("indikator_id", "komponen_id"),
    "realisasi_langsung.csv": ("indikator_id",),
    "anggaran.csv": ("program_kode",),
    "program_indikator.csv": ("program_kode", "indikator_id"),
    "organisasi.csv": ("unit_id",),
    "pegawai.csv": ("kelompok", "uraian"),
    "rencana_aksi.csv": ("indikator_id", "kegiatan"),
    "bukti.csv": ("indikator_id", "komponen_id", "berkas"),  # schema: masukan/bukti.py (not in the isian workbook)
    "standar.csv": ("indikator_id", "tahun", "tingkat"),  # schema: masukan/standar.py (the Renstra folder)
}


def baca_csv(
    proyek: Proyek, path: Path, skema: tuple[Kolom, ...] | None = None, nomor_baris: str = "baris"
) -> pd.DataFrame:
    """Read one raw CSV against its schema. Adds the column `nomor_baris` (spreadsheet row).

    Numbers stay Python numbers and an empty number is None, never NaN."""
    skema = skema or SKEMA[path.name]
    teks = proyek.baca_teks(path)
    # Long cells are reported with their row and column below, not as a csv module error.
    csv.field_size_limit(max(csv.field_size_limit(), len(teks) + 1))
    baris: list[list[str]] = []
    pembaca = csv.reader(io.StringIO(teks, newline=""), strict=True)
    try:
        baris.extend(pembaca)
    except csv.Error as e:
        raise DataError(
            path,
            f"CSV tidak dapat dibaca ({e})",
            "Periksa tanda petik: teks yang berisi koma atau tanda petik diapit tanda petik, "
            'dan tanda petik di dalamnya ditulis dua kali ("").',
            len(baris) + 1,
        ) from None
    if not baris or not any(c.strip() for c in baris[0]):
        raise DataError(
            path,
            "berkas kosong (tidak ada baris judul kolom)",
            "Isi baris pertama dengan nama kolom: " + ",".join(k.nama for k in skema) + ".",
        )
    pemisah = next((p for p in PEMISAH_LAIN if len(baris[0]) == 1 and p in baris[0][0]), None)
    if pemisah is not None:  # before the invisible-character check: a tab is a delimiter here
        raise DataError(
            path,
            f"pemisah kolom adalah {PEMISAH_LAIN[pemisah]}, bukan koma",
            f"Simpan ulang sebagai 'CSV UTF-8 (Comma delimited)' atau ganti {PEMISAH_LAIN[pemisah]} dengan ','.",
            1,
        )
    for i, h in enumerate(baris[0]):
        cek_teks(
            h,
            "".join(c for c in h if unicodedata.category(c)[0] != "C").strip() or None,
            path,
            1,
            f"judul kolom ke-{i + 1}",
        )
    header = [c.strip() for c in baris[0]]
    if path.name == "indikator.csv" and skema is SKEMA["indikator.csv"]:  # the Renstra's length is in its data
        skema = skema_indikator(jumlah_target(header))
    dikenal = [k.nama for k in skema]
    for i, h in enumerate(header):
        if h and h in header[:i]:
            raise DataError(
                path,
                f"kolom '{h}' muncul dua kali (kolom ke-{header.index(h) + 1} dan ke-{i + 1})",
                "Hapus salah satunya.",
                1,
                h,
            )
    asing = [h for h in header if h and h not in dikenal]
    for k in skema:
        if k.nama not in header:
            mirip = f" (ada kolom tak dikenal '{_kutip(asing[0])}': salah eja?)" if asing else ""
            raise DataError(
                path,
                f"kolom '{k.nama}' tidak ada{mirip}",
                "Tambahkan kolom itu pada baris judul (lihat data/raw/README.md).",
                1,
                k.nama,
            )
    if asing:
        raise DataError(
            path,
            f"kolom '{_kutip(asing[0])}' tidak dikenal",
            "Hapus kolom itu; kolom yang sah: " + ", ".join(dikenal) + " (lihat data/raw/README.md).",
            1,
            _kutip(asing[0]),
        )
    # Columns without a header (Excel saves formatted empty columns as trailing commas) are
    # ignored while they are empty; a value in one is refused, never dropped silently.
    tanpa_judul = [i for i, h in enumerate(header) if not h]
    data = []
    peringatan = []
    nomor = 1
    kosong: list[DataError] = []  # every empty required cell is listed, one line each (e.g. a new year's scaffold)
    try:
        for sel in baris[1:]:
            nomor += 1
            if not any(c.strip() for c in sel):
                continue  # blank line
            if len(sel) > len(header) and not any(c.strip() for c in sel[len(header) :]):
                sel = sel[: len(header)]
            if len(sel) < len(header) and all(i in tanpa_judul for i in range(len(sel), len(header))):
                sel = sel + [""] * (len(header) - len(sel))
            if len(sel) != len(header):
                raise DataError(
                    path,
                    f"jumlah sel {len(sel)}, seharusnya {len(header)}",
                    "Periksa koma di dalam teks: apit teks berkoma dengan tanda petik.",
                    nomor,
                )
            for i in tanpa_judul:
                if sel[i].strip():
                    raise DataError(
                        path,
                        f"kolom ke-{i + 1} tanpa judul berisi '{_kutip(sel[i].strip())}'",
                        "Beri kolom itu judul yang sah atau pindahkan isinya; kolom yang sah: "
                        + ", ".join(dikenal)
                        + ".",
                        nomor,
                    )
            rec = dict(zip(header, sel))
            out: dict[str, object] = {nomor_baris: nomor}
            for k in skema:
                cek_teks(rec[k.nama], k.nama, path, nomor)
                nilai = rec[k.nama].strip()
                if not nilai:
                    if k.wajib:
                        kosong.append(DataError(path, "sel kosong", "Kolom ini wajib diisi.", nomor, k.nama))
                    out[k.nama] = None if k.angka else ""
                elif k.angka:
                    out[k.nama] = _bilangan(nilai, k, path, nomor)
                    if k.jenis == "bilangan" and RIBUAN_TUNGGAL.fullmatch(nilai):
                        peringatan.append(
                            Peringatan(
                                f"nilai {nilai} dibaca sebagai {nilai.replace('.', ',')}; bila maksudnya "
                                f"{nilai.replace('.', '')}, tulis tanpa titik ribuan",
                                f"{proyek.relatif(path)}, baris {nomor}, kolom '{k.nama}'",
                            )
                        )
                else:
                    out[k.nama] = _teks(nilai, k, path, nomor)
            data.append(out)
    except DataError:
        if kosong:  # the empty cells come first in the file: report them first
            raise DataErrors(kosong) from None
        raise
    if kosong:
        raise (kosong[0] if len(kosong) == 1 else DataErrors(kosong))
    import pandas as pd  # here, not at import: the build's "nothing changed" check needs no pandas

    df = pd.DataFrame(data, columns=[nomor_baris, *dikenal])
    for k in skema:
        if k.angka:
            df[k.nama] = pd.Series([r[k.nama] for r in data], index=df.index, dtype=object)
    if nomor_baris == "baris":
        cek_unik(df, path, KUNCI.get(path.name, ()))
    df.attrs["peringatan"] = peringatan
    return df


def peringatan_csv(*tabel: pd.DataFrame | None) -> list[Peringatan]:
    """The warnings `baca_csv` raised while reading these tables (values that may be mistyped)."""
    return [w for df in tabel if df is not None for w in df.attrs.get("peringatan", [])]


def cek_unik(df: pd.DataFrame, path: Path, kunci: tuple[str, ...]) -> None:
    if not kunci:
        return
    seen: dict[tuple, tuple[int, tuple]] = {}
    for rec in df.itertuples(index=False):
        asli = tuple(getattr(rec, k) for k in kunci)
        key = tuple(v.casefold() if isinstance(v, str) else v for v in asli)  # p01 and P01 are one code
        if key in seen:
            baris_lain, asli_lain = seen[key]
            beda = f", ditulis '{_kutip('/'.join(map(str, asli_lain)))}' di sana" if asli_lain != asli else ""
            raise DataError(
                path,
                f"{'/'.join(kunci)} '{_kutip('/'.join(map(str, asli)))}' ganda (sudah ada di baris {baris_lain}{beda})",
                "Setiap baris harus unik, juga tanpa membedakan huruf besar dan kecil: hapus atau ganti salah satunya.",
                rec.baris,
                kunci[-1],
            )
        seen[key] = (rec.baris, asli)


def cek_rujukan(df: pd.DataFrame, path: Path, kolom: str, sah, tempat: str) -> None:
    for rec in df.itertuples(index=False):
        nilai = getattr(rec, kolom)
        if nilai not in sah:
            raise DataError(
                path,
                f"{kolom} '{_kutip(str(nilai))}' tidak ada di {tempat}",
                f"Tambahkan dulu ke {tempat} atau perbaiki kodenya.",
                rec.baris,
                kolom,
            )
