"""Import the analyst's workbook: cells to CSV text, validated by the CSV path itself, written atomically.

Each sheet becomes the text of its CSV (a number as its shortest exact decimal, text as typed);
the texts are written into a temporary copy of the project and read there by `baca_masukan`
(and `hitung`), so every rule of the CSV path applies, cross-checks included. An error is mapped
back from file and CSV row to sheet and Excel row. Only when everything is valid are the changed
CSVs written, each atomically, and only if none changed since the workbook was made (unless paksa).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import math
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from ..files import tulis_atomik
from ..hitung.pengukuran import hitung
from ..masukan.data import baca_renstra, baca_tahun
from ..masukan.errors import DataError
from ..masukan.model import baca_masukan
from ..masukan.params import RENSTRA, baca_aturan
from ..masukan.proyek import Proyek
from ..masukan.skema import Kolom
from . import csvteks
from .isian import SUMBER, berkas, sha256
from .xlsx import BERKAS_RENSTRA, BERKAS_TAHUN, lembar, skema


@dataclass
class Lembar:
    nama_berkas: str
    path: Path  # the CSV in the project
    header: list[str]
    baris: list[dict[str, str]]  # non-empty rows, cell texts
    baris_excel: list[int]  # Excel row of each
    ada_di_buku: bool = True
    catatan: list[str] = field(default_factory=list)  # cells read by meaning (a % format), for the report


def teks_sel(nilai, tempat: str, baris: int, kolom: str) -> str:
    """A cell's value as CSV text: numbers shortest and exact (1004, 58.5), text as typed."""
    if nilai is None:
        return ""
    if isinstance(nilai, bool):
        return "TRUE" if nilai else "FALSE"
    if isinstance(nilai, int):
        return str(nilai)
    if isinstance(nilai, float):
        if not math.isfinite(nilai):
            return repr(nilai)
        if nilai.is_integer() and abs(nilai) < 1e16:
            return str(int(nilai))
        return format(Decimal(repr(nilai)), "f")
    if isinstance(nilai, (dt.datetime, dt.date, dt.time, dt.timedelta)):
        raise DataError(
            tempat,
            f"sel berisi tanggal atau waktu ({nilai})",
            "Excel mengubah ketikan menjadi tanggal: format selnya sebagai Angka atau Teks lalu ketik ulang nilainya.",
            baris,
            kolom,
        )
    return str(nilai)


UKURAN_MAKS = 100_000_000  # bytes of a workbook once unzipped: a filled isian is a few MB at most
SIMPAN_XLSX = "Simpan ulang dari Excel atau LibreOffice sebagai 'Excel Workbook (.xlsx)'."


def cek_berkas_xlsx(file: Path) -> None:
    """Refuse, in one line and before any parsing, what is not an .xlsx or would unzip to too much."""
    with file.open("rb") as f:
        awal = f.read(8)
    if awal.startswith(b"\xd0\xcf\x11\xe0"):
        raise DataError(file, "berkas Excel lama (.xls, Excel 97–2003) tidak dapat dibaca", SIMPAN_XLSX)
    if not awal.startswith(b"PK\x03\x04") or file.suffix.lower() not in (".xlsx", ".xlsm"):
        raise DataError(
            file, f"bukan buku kerja Excel (.xlsx), melainkan berkas '{file.suffix or 'tanpa akhiran'}'", SIMPAN_XLSX
        )
    try:
        with zipfile.ZipFile(file) as z:
            ukuran = sum(i.file_size for i in z.infolist())
    except (zipfile.BadZipFile, OSError) as e:
        raise DataError(
            file, f"bukan buku kerja Excel (.xlsx) yang dapat dibaca ({type(e).__name__})", SIMPAN_XLSX
        ) from None
    if ukuran > UKURAN_MAKS:  # zipfile never inflates an entry past its declared size
        raise DataError(
            file,
            f"isi buku kerja terlalu besar setelah dibuka ({ukuran // 1_000_000} MB, paling besar "
            f"{UKURAN_MAKS // 1_000_000} MB)",
            "Hapus lembar dan format yang tidak perlu, atau buat ulang dengan make excel-isian.",
        )


def baca_buku(file: Path, tahun: int) -> tuple[dict[str, Lembar], dict[str, str], str]:
    """The workbook's sheets as CSV texts, the sha256 recorded per sheet, and its Renstra folder."""
    tempat = file.name
    cek_berkas_xlsx(file)
    try:
        wb = load_workbook(file, data_only=True, read_only=False)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, InvalidFileException) as e:
        raise DataError(
            file, f"bukan buku kerja Excel (.xlsx) yang dapat dibaca ({type(e).__name__})", SIMPAN_XLSX
        ) from None
    if SUMBER not in wb.sheetnames:
        raise DataError(
            file,
            f"lembar tersembunyi '{SUMBER}' tidak ada",
            f"Pakai buku kerja dari 'make excel-isian YEAR={tahun}' (lembarnya jangan dihapus).",
        )
    meta, sha = {}, {}
    for a, b, c in wb[SUMBER].iter_rows(min_row=1, max_col=3, values_only=True):
        if a in ("tahun", "renstra"):
            meta[a] = str(b or "")
        elif a and a != "lembar":
            sha[str(a)] = str(c or "")
    if meta.get("tahun") != str(tahun):
        raise DataError(
            file,
            f"buku kerja ini untuk tahun {meta.get('tahun') or '(tidak diketahui)'}, bukan {tahun}",
            "Periksa YEAR dan FILE.",
        )
    renstra = meta.get("renstra", "")
    if not RENSTRA.fullmatch(renstra):
        raise DataError(
            f"{tempat}, lembar '{SUMBER}'",
            f"nama Renstra '{renstra}' tidak sah",
            f"Buat ulang buku kerja dengan 'make excel-isian YEAR={tahun}'.",
        )
    rumus = load_workbook(file, data_only=False, read_only=False)  # the same cells, formulas not evaluated
    out = {}
    for nama in BERKAS_TAHUN + BERKAS_RENSTRA:
        nm = lembar(nama)
        if nm in rumus.sheetnames:
            _tanpa_rumus(rumus[nm], f"{tempat}, lembar '{nm}'")
        if nm not in wb.sheetnames:
            raise DataError(
                tempat,
                f"lembar '{nm}' tidak ada",
                "Jangan menghapus atau mengganti nama lembar; buat ulang buku kerjanya bila perlu.",
            )
        out[nm] = _lembar(wb[nm], nama, f"{tempat}, lembar '{nm}'")
    return out, sha, renstra


def _tanpa_rumus(ws, tempat: str) -> None:
    """Data are typed values: a formula's value depends on the spreadsheet program (and a workbook saved by
    another program may hold none), so a formula cell is refused, named by row and column header."""
    judul = [c.value for c in next(ws.iter_rows(min_row=1, max_row=1), ())]
    for row in ws.iter_rows(min_row=2):
        for c in row:
            if c.data_type == "f" or (isinstance(c.value, str) and c.value.startswith("=") and c.data_type != "s"):
                kolom = judul[c.column - 1] if c.column - 1 < len(judul) and judul[c.column - 1] else c.column_letter
                raise DataError(
                    tempat,
                    f"sel berisi rumus Excel ({str(c.value)[:40]})",
                    "Ganti rumusnya dengan nilainya (salin, lalu tempel sebagai nilai).",
                    c.row,
                    str(kolom),
                )


def _persen(c, k: Kolom | None, tempat: str, kolom: str) -> tuple[object, str | None]:
    """A number shown with a % format means what it shows: 5,06% typed is stored 0.0506 and read as 5.06.

    Returns the value to use and a note for the import report; refused in a column that is not a figure."""
    v = c.value
    if not isinstance(v, (int, float)) or isinstance(v, bool) or "%" not in (c.number_format or ""):
        return v, None
    if k is None or k.jenis != "bilangan":
        raise DataError(
            tempat,
            f"sel berformat persen ({v:.10g} tampil sebagai {v * 100:.10g}%) di kolom yang bukan persen",
            "Ubah format selnya menjadi Number dan ketik angkanya tanpa %.",
            c.row,
            kolom,
        )
    nilai = Decimal(repr(float(v))) * 100
    teks = teks_sel(float(nilai), tempat, c.row, kolom)
    return float(nilai), f"{tempat}, baris {c.row}, kolom '{kolom}': sel berformat persen dibaca sebagai {teks}"


def _lembar(ws, nama: str, tempat: str) -> Lembar:
    sel_baris = list(ws.iter_rows())
    judul = [
        teks_sel(c.value, tempat, 1, get_column_letter(j)).strip()
        for j, c in enumerate(sel_baris[0] if sel_baris else (), 1)
    ]
    while judul and not judul[-1]:
        judul.pop()
    jenis = {k.nama: k for k in skema(nama, judul)}
    baris, nomor, catatan = [], [], []
    for i, cells in enumerate(sel_baris[1:], start=2):
        sel = []
        for j, c in enumerate(cells):
            kolom = judul[j] if j < len(judul) and judul[j] else get_column_letter(j + 1)
            v, cat = _persen(c, jenis.get(kolom), tempat, kolom)
            sel.append(v)
            catatan += [cat] if cat else []
        teks = [
            teks_sel(v, tempat, i, judul[j] if j < len(judul) and judul[j] else get_column_letter(j + 1))
            for j, v in enumerate(sel)
        ]
        if not any(t.strip() for t in teks):
            continue
        lebih = next((j for j in range(len(judul), len(teks)) if teks[j].strip()), None)
        if lebih is not None:
            raise DataError(
                tempat,
                f"sel di kolom {get_column_letter(lebih + 1)} berisi data tetapi kolomnya tanpa judul",
                "Hapus isi sel itu (kolom yang sah: " + ", ".join(k.nama for k in skema(nama, judul)) + ").",
                i,
                get_column_letter(lebih + 1),
            )
        baris.append(dict(zip(judul, teks + [""] * (len(judul) - len(teks)))))
        nomor.append(i)
    return Lembar(nama, Path(), judul, baris, nomor, catatan=catatan)


def _csv(header: list[str], baris: list[dict[str, str]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows([r.get(h, "") for h in header] for r in baris)
    return buf.getvalue()


def _salin_proyek(proyek: Proyek, ke: Path) -> Proyek:
    shutil.copytree(proyek.raw, ke / "data" / "raw", symlinks=True)
    if (proyek.root / "params").is_dir():
        shutil.copytree(proyek.root / "params", ke / "params", symlinks=True)
    if proyek.notebooks.is_dir():
        shutil.copytree(proyek.notebooks, ke / "notebooks", symlinks=True, ignore=shutil.ignore_patterns("*.ipynb"))
    return Proyek.di(ke)


def periksa_buku(proyek: Proyek, tahun: int, lembar_: dict[str, Lembar], renstra: str, tempat: str) -> list[str]:
    """Validate the sheets as the CSV path would, in a temporary copy of the project. Returns notes."""
    catatan = []
    with tempfile.TemporaryDirectory(prefix="lkj-impor-") as tmp:
        salinan = _salin_proyek(proyek, Path(tmp))
        peta = berkas(salinan, tahun, renstra)
        asal = {}
        for nm, lb in lembar_.items():
            path = peta[nm]
            if not lb.baris and not lb.path.exists():
                path.unlink(missing_ok=True)
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(_csv(lb.header, lb.baris), encoding="utf-8")
            asal[path.resolve()] = nm
        try:
            tahun_cek = [tahun]
            if any(_berubah(lembar_[lembar(n)]) for n in BERKAS_RENSTRA):  # a Renstra serves other years too
                tahun_cek += [
                    int(p.stem)
                    for p in sorted((salinan.root / "params").glob("*.yaml"))
                    if p.stem.isdigit()
                    and int(p.stem) != tahun
                    and salinan.tahun(int(p.stem)).is_dir()
                    and baca_aturan(salinan, int(p.stem)).renstra == renstra
                ]
            for t in tahun_cek:
                if salinan.params(t).is_file():
                    hitung(baca_masukan(salinan, t))
                else:
                    baca_tahun(salinan, t, baca_renstra(salinan, renstra))
                    catatan.append(
                        f"params/{t}.yaml belum ada: data diperiksa tanpa aturan tahun itu (capaian belum dihitung)."
                    )
        except DataError as e:
            raise _peta_galat(e, asal, lembar_, proyek, Path(tmp), tempat) from None
    return catatan


def _berubah(lb: Lembar) -> bool:
    lama = lb.path.read_bytes() if lb.path.exists() else None
    if lama is None:
        return bool(lb.baris)
    return _csv(lb.header, lb.baris) != _csv(*_kanonik(lama))


def _kanonik(data: bytes) -> tuple[list[str], list[dict[str, str]]]:
    rows = [
        r for r in csv.reader(io.StringIO(data.decode("utf-8-sig", "replace"), newline="")) if any(c.strip() for c in r)
    ]
    header = [c.strip() for c in rows[0]] if rows else []
    return header, [dict(zip(header, r)) for r in rows[1:]]


def _peta_galat(
    e: DataError, asal: dict[Path, str], lembar_: dict[str, Lembar], proyek: Proyek, tmp: Path, tempat: str
) -> DataError:
    """The error of a temporary CSV, told as sheet, Excel row and column header."""
    p = Path(e.file)
    nm = asal.get(p.resolve()) if p.is_absolute() else None
    if nm is None:
        try:  # a file the workbook does not hold (params, another year): name the real one
            return DataError(proyek.root / p.resolve().relative_to(tmp.resolve()), e.problem, e.fix, e.row, e.column)
        except ValueError:
            return e
    lb = lembar_[nm]
    row = e.row
    if row is not None and row >= 2 and row - 2 < len(lb.baris_excel):
        row = lb.baris_excel[row - 2]
    return DataError(f"{tempat}, lembar '{nm}'", _sebut_lembar(e.problem), _sebut_lembar(e.fix), row, e.column)


def _sebut_lembar(teks: str) -> str:
    """'tidak ada di pk.csv' -> "tidak ada di lembar 'pk'": the analyst sees sheets, not files."""
    for n in BERKAS_TAHUN + BERKAS_RENSTRA:
        teks = re.sub(rf"(?<![\w/.-]){re.escape(n)}", f"lembar '{lembar(n)}'", teks)
    return teks


def impor(proyek: Proyek, tahun: int, file: Path, paksa: bool = False) -> list[str]:
    """Validate the workbook and write the CSVs that changed. Returns the lines to print."""
    if not file.is_file():
        raise DataError(file, "berkas tidak ditemukan", f"Buat dulu dengan 'make excel-isian YEAR={tahun}'.")
    lembar_, sha, renstra = baca_buku(file, tahun)
    if proyek.params(tahun).is_file() and baca_aturan(proyek, tahun).renstra != renstra:
        raise DataError(
            file,
            f"buku kerja memakai {renstra}, sedangkan params/{tahun}.yaml memakai {baca_aturan(proyek, tahun).renstra}",
            f"Buat ulang buku kerja: make excel-isian YEAR={tahun}.",
        )
    peta = berkas(proyek, tahun, renstra)
    for nm, lb in lembar_.items():
        lb.path = peta[nm]
    catatan = periksa_buku(proyek, tahun, lembar_, renstra, file.name)
    tulis: list[tuple[Lembar, str]] = []
    sebelum: dict[str, list[dict[str, str]]] = {}  # each CSV's rows before this import
    laporan = []
    for lb in lembar_.values():
        kolom = skema(lb.nama_berkas, lb.header)
        lama = csvteks.baca(proyek, lb.path)
        if lama is None and not lb.baris:
            continue
        baru = csvteks.tulis(lb.nama_berkas, kolom, lama, lb.baris)
        rel = proyek.relatif(lb.path)
        sebelum[rel] = lama.baris if lama else []
        if baru is None:
            laporan.append(f"  {rel}: tidak berubah")
            continue
        tambah, hapus, ubah = csvteks.perubahan(lb.nama_berkas, kolom, lama, lb.baris)
        baris = [
            f"  {rel}: {len(tambah)} baris ditambah, {len(hapus)} dihapus, {len(ubah)} diubah"
            + (" (berkas baru)" if lama is None else "")
        ]
        baris += [f"      + {t}" for t in tambah] + [f"      - {t}" for t in hapus] + [f"      ~ {t}" for t in ubah]
        laporan += baris
        tulis.append((lb, baru))
    buku = id_buku(tahun, renstra, sha)
    terakhir = baca_catatan_impor(proyek, tahun)
    dari_impor_ini = terakhir.get("berkas", {}) if terakhir.get("buku") == buku else {}
    asal_impor = terakhir.get("asal", {}) if terakhir.get("buku") == buku else {}  # rows before its first import

    def dari_buku_ini(lb: Lembar) -> bool:
        """The CSV is as the workbook was made from it (not yet imported from this workbook)."""
        return sha256(proyek, lb.path) == sha.get(lembar(lb.nama_berkas), "")

    def milik_kita(lb: Lembar) -> bool:
        """The CSV is as the workbook was made from it, or as this workbook's last import wrote it."""
        return dari_buku_ini(lb) or sha256(proyek, lb.path) == dari_impor_ini.get(proyek.relatif(lb.path))

    konflik = [lb for lb, _ in tulis if not milik_kita(lb)]
    batal = [
        (proyek.relatif(lb.path), x)
        for lb, _ in tulis
        if not konflik and not dari_buku_ini(lb) and isinstance(asal_impor.get(proyek.relatif(lb.path)), list)
        for x in csvteks.dibatalkan(
            lb.nama_berkas,
            skema(lb.nama_berkas, lb.header),
            asal_impor[proyek.relatif(lb.path)],
            sebelum[proyek.relatif(lb.path)],
            lb.baris,
        )
    ]
    if batal and not paksa:  # another copy of the same workbook, without what the last import wrote
        raise DataError(
            file,
            f"buku kerja ini akan membatalkan isian impor sebelumnya ({terakhir.get('file', '?')}): "
            + "; ".join(f"{rel}, {x}" for rel, x in batal[:5])
            + (f"; dan {len(batal) - 5} lagi" if len(batal) > 5 else ""),
            "Tidak ada yang ditulis. Bila ini salinan lain dari buku kerja yang sama, isi bagian Anda pada buku "
            f"kerja yang terakhir diimpor, atau buat buku kerja baru dari data sekarang (make excel-isian "
            f"YEAR={tahun} PAKSA=1); bila nilai lama itu memang yang benar, ulangi impor dengan PAKSA=1.",
        )
    if konflik and not paksa:
        raise DataError(
            file,
            "berkas berikut diubah orang atau program lain sejak buku kerja ini dibuat atau terakhir diimpor: "
            + ", ".join(f"{proyek.relatif(lb.path)} (diubah {_waktu(lb.path)})" for lb in konflik),
            "Tidak ada yang ditulis. Agar perubahan itu tetap ada: buat buku kerja baru "
            f"(make excel-isian YEAR={tahun} PAKSA=1) dan isi ulang bagian Anda; agar isian buku kerja ini "
            "yang dipakai dan perubahan itu ditimpa: ulangi impor dengan PAKSA=1.",
        )
    asal_baru = [proyek.relatif(lb.path) for lb, _ in tulis if dari_buku_ini(lb) or paksa]
    for lb, teks in tulis:
        tulis_atomik(lb.path, teks)
    if tulis:
        tulis_catatan_impor(
            proyek,
            tahun,
            {
                "buku": buku,
                "file": file.name,
                "berkas": {
                    **dari_impor_ini,
                    **{proyek.relatif(lb.path): sha256(proyek, lb.path) for lb, _ in tulis},
                },
                "asal": {
                    **{rel: x for rel, x in asal_impor.items() if rel in dari_impor_ini},
                    **{rel: sebelum[rel] for rel in asal_baru},
                },
            },
        )
    kepala = f"Impor {file.name} untuk tahun {tahun}: " + (
        f"{len(tulis)} berkas ditulis" if tulis else "tidak ada perubahan, tidak ada berkas yang ditulis"
    )
    persen = [c for lb in lembar_.values() for c in lb.catatan]
    return [kepala, *laporan, *persen, *catatan]


CATATAN_IMPOR = ".impor-excel.json"  # dot-file: never an input of the report


def path_catatan_impor(proyek: Proyek, tahun: int) -> Path:
    """What the last import of a year's workbook wrote (sha256 per CSV), so importing it again is not a conflict."""
    return proyek.tahun(tahun) / CATATAN_IMPOR


def id_buku(tahun: int, renstra: str, sha: dict[str, str]) -> str:
    """A workbook's identity: the CSV states it was made from (kept when Excel saves it again)."""
    return hashlib.sha256(json.dumps([tahun, renstra, sorted(sha.items())]).encode()).hexdigest()


def baca_catatan_impor(proyek: Proyek, tahun: int) -> dict:
    path = path_catatan_impor(proyek, tahun)
    try:
        isi = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    except (ValueError, OSError):
        isi = {}  # unreadable: the guard then knows only the workbook's own record (stricter, never looser)
    return isi if isinstance(isi, dict) and isinstance(isi.get("berkas", {}), dict) else {}


def tulis_catatan_impor(proyek: Proyek, tahun: int, isi: dict) -> None:
    tulis_atomik(path_catatan_impor(proyek, tahun), json.dumps(isi, indent=1, sort_keys=True) + "\n")


def _waktu(path: Path) -> str:
    """When a file was last changed, as people read it (local time)."""
    return dt.datetime.fromtimestamp(path.stat().st_mtime).strftime("%d-%m-%Y %H:%M")
