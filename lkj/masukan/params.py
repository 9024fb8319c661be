"""Rules of one year, read from params/<YEAR>.yaml and validated completely."""

from __future__ import annotations

import datetime
import math
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import DataError
from .kosakata import SkalaError, SkalaPredikat
from .proyek import Proyek
from .skema import cek_teks

KUNCI_WAJIB: dict[str, type | tuple[type, ...]] = {
    "instansi": str,
    "pemerintah": str,
    "renstra": str,
    "tahun_pembanding": (int, type(None)),
    "digit_desimal": int,
    "batas_capaian": (int, float, type(None)),
    "indikator_rata_rata": (str, list),
    "skala_predikat": list,
}
KUNCI_OPSIONAL = {
    "penandatangan": (dict, type(None)),
    "logo": (str, type(None)),
    "sumber": (dict, type(None)),
    "perjanjian_kinerja": (dict, type(None)),
    "sk_iku": (dict, type(None)),
    "pernyataan_reviu": (dict, type(None)),
}
SUMBER = re.compile(r"([A-Za-z0-9][A-Za-z0-9_.\-]*)/([A-Za-z0-9][A-Za-z0-9_.\-]{0,39})")  # <OPD folder>/<indikator_id>
PENANDATANGAN = ("tempat", "tanggal", "jabatan", "nama", "pangkat", "nip")  # pangkat may be null: not printed
DIGIT_MAKS = 6
RENSTRA = re.compile(r"renstra-(\d{4})-(\d{4})")
# Optional blocks of the Lampiran, each a mapping of text entries (all required when the block is given):
# the PK as signed (its second party; the first is `penandatangan` unless given), the SK IKU, and the
# Inspektorat's Pernyataan Telah Direviu.
PIHAK = ("jabatan", "nama", "pangkat", "nip")  # pangkat and nip may be null (a Wali Kota has no NIP)
BLOK_LAMPIRAN: dict[str, tuple[str, ...]] = {
    "perjanjian_kinerja": ("tempat", "tanggal", "pihak_kedua"),
    "sk_iku": ("nomor", "tanggal"),
    "pernyataan_reviu": ("nomor", "tempat", "tanggal", "jabatan", "nama", "pangkat", "nip"),
}
BOLEH_KOSONG = {"pangkat", "nip"}
TEKS_MENTAH = {"nip", "tanggal"}  # read as the characters typed, never as a YAML number or date


@dataclass(frozen=True)
class Aturan:
    """The rules a year's report applies (params/<YEAR>.yaml)."""

    tahun: int
    instansi: str
    pemerintah: str
    renstra: str
    tahun_pembanding: int | None
    digit_desimal: int
    batas_capaian: float | None
    indikator_rata_rata: str | tuple[str, ...]
    skala: SkalaPredikat
    skala_daftar: tuple[dict, ...]
    penandatangan: dict[str, str | None] | None = None  # who signs the Kata Pengantar
    logo: Path | None = None  # cover logo, inside the project
    # a Pemda's IKU whose realisasi is an OPD's computed one: indikator_id -> (OPD folder, its indikator_id)
    sumber: tuple[tuple[str, str, str], ...] = ()
    # the PK as signed: tempat, tanggal, pihak_pertama and pihak_kedua (each jabatan, nama, pangkat, nip)
    perjanjian_kinerja: dict | None = None
    sk_iku: dict[str, str] | None = None  # nomor, tanggal of the decree setting the IKU
    pernyataan_reviu: dict[str, str | None] | None = None  # the Inspektorat's statement (Lampiran)

    def ikut_rata_rata(self, indikator_id: str) -> bool:
        return self.indikator_rata_rata == "semua" or indikator_id in self.indikator_rata_rata


class _YamlKetat(yaml.SafeLoader):
    """safe_load that refuses a key written twice (the second would silently win)."""


def _peta(loader: _YamlKetat, node: yaml.MappingNode) -> dict:
    out: dict = {}
    for k_node, v_node in node.value:
        k = loader.construct_object(k_node)
        if k in out:
            raise yaml.constructor.ConstructorError(None, None, f"kunci '{k}' ditulis dua kali", k_node.start_mark)
        if k in TEKS_MENTAH and isinstance(v_node, yaml.ScalarNode) and v_node.tag != "tag:yaml.org,2002:null":
            out[k] = v_node.value  # as typed: 'nip: 0123' is not the octal number 83, a date is not a date object
        else:
            out[k] = loader.construct_object(v_node, deep=True)
    return out


_YamlKetat.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _peta)


def baca_yaml(proyek: Proyek, path: Path) -> object:
    teks = proyek.baca_teks(path)
    try:
        return yaml.load(teks, Loader=_YamlKetat)  # noqa: S506 (a SafeLoader subclass)
    except ValueError as e:  # e.g. a number of thousands of digits (Python refuses to convert it)
        raise DataError(
            path,
            f"berkas YAML berisi nilai yang tidak dapat dibaca ({str(e)[:60]})",
            "Periksa angka yang sangat panjang; tulis teks (mis. NIP) di antara tanda petik.",
        ) from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        masalah = getattr(e, "problem", None) or "isi tidak dapat dibaca"
        raise DataError(
            path,
            f"berkas YAML tidak dapat dibaca: {masalah}",
            "Periksa indentasi, tanda ':' dan kunci ganda.",
            None if mark is None else mark.line + 1,
        ) from None


def baca_aturan(proyek: Proyek, tahun: int) -> Aturan:
    path = proyek.params(tahun)
    if not path.is_file() and not path.is_symlink():
        raise DataError(
            path,
            f"tidak ada aturan untuk tahun {tahun}",
            f"Salin params/ tahun lain menjadi {path.name} dan sesuaikan isinya.",
        )
    isi = baca_yaml(proyek, path)
    if not isinstance(isi, dict):
        raise DataError(path, "isi berkas bukan daftar kunci: nilai", "Lihat params/2023.yaml sebagai contoh.")

    def salah(kunci: str, masalah: str, saran: str) -> DataError:
        return DataError(path, masalah, saran, column=kunci)

    for kunci, jenis in KUNCI_WAJIB.items():
        if kunci not in isi:
            raise salah(kunci, f"kunci '{kunci}' tidak ada", "Tambahkan (lihat params/2023.yaml).")
        if not isinstance(isi[kunci], jenis) or isinstance(isi[kunci], bool):
            raise salah(
                kunci, f"nilai kunci '{kunci}' berjenis salah: {isi[kunci]!r}", "Lihat komentar di params/2023.yaml."
            )
    for kunci, jenis in KUNCI_OPSIONAL.items():
        if kunci in isi and (not isinstance(isi[kunci], jenis) or isinstance(isi[kunci], bool)):
            raise salah(
                kunci, f"nilai kunci '{kunci}' berjenis salah: {isi[kunci]!r}", "Lihat komentar di params/2023.yaml."
            )
    lain = sorted(map(str, set(isi) - set(KUNCI_WAJIB) - set(KUNCI_OPSIONAL)))
    if lain:
        raise salah(lain[0], f"kunci tidak dikenal: {', '.join(lain)}", "Hapus atau perbaiki ejaannya.")
    for kunci in ("instansi", "pemerintah"):
        if not isi[kunci].strip():
            raise salah(kunci, f"'{kunci}' kosong", "Tulis nama lengkapnya.")
    if not RENSTRA.fullmatch(isi["renstra"]):
        raise salah(
            "renstra",
            f"renstra '{isi['renstra']}' bukan nama folder Renstra",
            "Tulis nama folder di data/raw/, berbentuk renstra-<tahun awal>-<tahun akhir>, mis. renstra-2021-2026.",
        )
    pembanding = isi["tahun_pembanding"]
    if pembanding is not None and not 1900 < pembanding < tahun:
        raise salah(
            "tahun_pembanding",
            f"tahun_pembanding {pembanding} harus tahun sebelum {tahun}",
            "Isi tahun yang dibandingkan (mis. tahun lalu) atau null.",
        )
    if not 0 <= isi["digit_desimal"] <= DIGIT_MAKS:
        raise salah(
            "digit_desimal",
            f"digit_desimal {isi['digit_desimal']} di luar 0–{DIGIT_MAKS}",
            "Pemerintah lazimnya memakai 2 angka di belakang koma.",
        )
    batas = isi["batas_capaian"]
    if batas is not None and not (math.isfinite(batas) and batas >= 100):
        raise salah(
            "batas_capaian",
            f"batas_capaian {batas} di bawah 100 (capaian ditulis dalam persen)",
            "Mis. 100, 120, atau null.",
        )
    rata = isi["indikator_rata_rata"]
    if isinstance(rata, str) and rata != "semua":
        raise salah(
            "indikator_rata_rata",
            f"indikator_rata_rata '{rata}' tidak dikenal",
            "Isi 'semua' atau daftar indikator_id.",
        )
    if isinstance(rata, list) and (not rata or not all(isinstance(i, str) for i in rata) or len(set(rata)) < len(rata)):
        raise salah(
            "indikator_rata_rata",
            "indikator_rata_rata harus daftar indikator_id yang berbeda",
            "Mis. [IK01, IK02], atau 'semua'.",
        )
    skala = _skala(isi["skala_predikat"], salah)
    ttd = isi.get("penandatangan")
    if ttd is not None:
        kurang = [k for k in PENANDATANGAN if k not in ttd]
        asing = sorted(map(str, set(ttd) - set(PENANDATANGAN)))
        if kurang or asing:
            raise salah(
                "penandatangan",
                f"penandatangan: kunci {'yang kurang: ' + ', '.join(kurang) if kurang else ''}"
                f"{'; ' if kurang and asing else ''}{'tidak dikenal: ' + ', '.join(asing) if asing else ''}",
                "Isi tempat, tanggal, jabatan, nama, pangkat (boleh null) dan nip.",
            )
        for k, v in ttd.items():
            if (v is not None and not isinstance(v, (str, int))) or isinstance(v, bool):
                raise salah("penandatangan", f"penandatangan.{k} harus teks: {v!r}", "Tulis sebagai teks.")
            if v is not None:  # what the signed page prints: no invisible characters, a sane length
                cek_teks(str(v), f"penandatangan.{k}", path, None, "nilai")
        ttd = {k: None if ttd[k] is None or not str(ttd[k]).strip() else str(ttd[k]).strip() for k in PENANDATANGAN}
        if ttd["tanggal"] is not None:
            ttd["tanggal"] = tanggal_resmi(ttd["tanggal"], "penandatangan.tanggal", salah)
    logo = None
    if isi.get("logo"):
        logo = _logo(proyek, isi["logo"], salah)
    sumber = []
    for iku, asal in (isi.get("sumber") or {}).items():
        cocok = SUMBER.fullmatch(asal) if isinstance(asal, str) else None
        if cocok is None:
            raise salah(
                "sumber",
                f"sumber indikator '{iku}' tidak sah: {asal!r}",
                "Tulis <folder OPD di ruang kerja>/<indikator_id>, mis. IKU01: dinas-pendidikan/IK02.",
            )
        sumber.append((str(iku), cocok[1], cocok[2]))
    lampiran = {k: _blok_lampiran(isi.get(k), k, path, salah) for k in BLOK_LAMPIRAN}
    pk = lampiran["perjanjian_kinerja"]
    if pk is not None:
        pk["pihak_kedua"] = _pihak(pk["pihak_kedua"], "perjanjian_kinerja.pihak_kedua", path, salah)
        pertama = isi["perjanjian_kinerja"].get("pihak_pertama")
        if pertama is None and ttd is None:
            raise salah(
                "perjanjian_kinerja",
                "perjanjian_kinerja.pihak_pertama tidak ada dan penandatangan belum diisi",
                "Isi pihak_pertama (jabatan, nama, pangkat, nip), atau isi penandatangan (pihak pertama = "
                "yang menandatangani laporan).",
            )
        pk["pihak_pertama"] = (
            _pihak(pertama, "perjanjian_kinerja.pihak_pertama", path, salah)
            if pertama is not None
            else {k: ttd[k] for k in PIHAK}  # type: ignore[index]
        )
    return Aturan(
        tahun=tahun,
        instansi=isi["instansi"].strip(),
        pemerintah=isi["pemerintah"].strip(),
        renstra=isi["renstra"],
        tahun_pembanding=pembanding,
        digit_desimal=isi["digit_desimal"],
        batas_capaian=batas,
        indikator_rata_rata=rata if isinstance(rata, str) else tuple(rata),
        skala=skala,
        skala_daftar=tuple(isi["skala_predikat"]),
        penandatangan=ttd,
        logo=logo,
        sumber=tuple(sumber),
        perjanjian_kinerja=pk,
        sk_iku=lampiran["sk_iku"],
        pernyataan_reviu=lampiran["pernyataan_reviu"],
    )


BULAN = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]
_NAMA_BULAN = {b.casefold(): i for i, b in enumerate(BULAN, start=1)} | {"pebruari": 2, "nopember": 11}
_TANGGAL = (
    (re.compile(r"(?:(\d{1,2})\s+)?([^\W\d_]+)\s+(\d{4})"), ("hari", "bulan", "tahun")),  # 31 Januari 2025
    (re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"), ("tahun", "bulan", "hari")),  # 2025-01-31
    (re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})"), ("hari", "bulan", "tahun")),  # 31-01-2025, 31/01/2025
)


def tanggal_resmi(teks: str, nama: str, salah) -> str:
    """A date as an official letter prints it ('31 Januari 2025', or 'Januari 2025' with the day left to
    write by hand), from the forms people type; a misspelt month or an impossible day is refused."""
    for pola, urutan in _TANGGAL:
        m = pola.fullmatch(" ".join(teks.split()))
        if m is None:
            continue
        bagian = dict(zip(urutan, m.groups(), strict=True))
        bulan = bagian["bulan"]
        nomor = int(bulan) if bulan.isdigit() else _NAMA_BULAN.get(bulan.casefold())
        try:
            if nomor is None:
                raise ValueError
            datetime.date(int(bagian["tahun"]), nomor, int(bagian["hari"] or 1))
        except ValueError:
            break
        hari = f"{int(bagian['hari'])} " if bagian["hari"] else ""
        return f"{hari}{BULAN[nomor - 1]} {bagian['tahun']}"
    raise salah(
        nama.split(".")[0],
        f"{nama} '{teks}' bukan tanggal yang dapat dibaca",
        "Tulis mis. 31 Januari 2025 (nama bulan dalam bahasa Indonesia) atau 2025-01-31.",
    )


def _teks_isian(v: object, nama: str, path: Path, salah) -> str | None:
    """One text entry of a params block: a string or number as typed, None when empty."""
    if (v is not None and not isinstance(v, (str, int))) or isinstance(v, bool):
        raise salah(nama.split(".")[0], f"{nama} harus teks: {v!r}", "Tulis sebagai teks.")
    if v is None or not str(v).strip():
        return None
    cek_teks(str(v), nama, path, None, "nilai")
    return str(v).strip()


def _blok_lampiran(blok: dict | None, kunci: str, path: Path, salah) -> dict | None:
    """An optional block of the Lampiran (BLOK_LAMPIRAN): exactly its keys, every entry but pangkat/nip filled."""
    if blok is None:
        return None
    harus = BLOK_LAMPIRAN[kunci]
    boleh = (*harus, "pihak_pertama") if kunci == "perjanjian_kinerja" else harus
    _cek_kunci(blok, harus, boleh, kunci, kunci, f"Isi {', '.join(harus)} (lihat data/raw/README.md).", salah)
    out: dict = {}
    for k in harus:
        v = blok[k]
        if k == "pihak_kedua":
            out[k] = v
            continue
        out[k] = _teks_isian(v, f"{kunci}.{k}", path, salah)
        if k == "tanggal" and out[k] is not None:
            out[k] = tanggal_resmi(out[k], f"{kunci}.tanggal", salah)
        if out[k] is None and k not in BOLEH_KOSONG:
            raise salah(kunci, f"{kunci}.{k} kosong", f"Isi {kunci}.{k}, atau hapus seluruh blok {kunci}.")
    return out


def _cek_kunci(isi: dict, harus, boleh, kunci: str, nama: str, saran: str, salah) -> None:
    """A block has every key it must and none it may not: one line naming both lists otherwise."""
    kurang = [k for k in harus if k not in isi]
    asing = sorted(map(str, set(isi) - set(boleh)))
    if kurang or asing:
        raise salah(
            kunci,
            f"{nama}: kunci {'yang kurang: ' + ', '.join(kurang) if kurang else ''}"
            f"{'; ' if kurang and asing else ''}{'tidak dikenal: ' + ', '.join(asing) if asing else ''}",
            saran,
        )


def _pihak(pihak: object, nama: str, path: Path, salah) -> dict[str, str | None]:
    """A party of the PK: jabatan and nama required, pangkat and nip may be null."""
    kunci = nama.split(".")[0]
    if not isinstance(pihak, dict):
        raise salah(kunci, f"{nama} harus berisi jabatan, nama, pangkat, nip: {pihak!r}", "Lihat data/raw/README.md.")
    saran = "Isi jabatan, nama, pangkat (boleh null) dan nip (boleh null)."
    _cek_kunci(pihak, PIHAK, PIHAK, kunci, nama, saran, salah)
    out = {k: _teks_isian(pihak[k], f"{nama}.{k}", path, salah) for k in PIHAK}
    for k in ("jabatan", "nama"):
        if out[k] is None:
            raise salah(kunci, f"{nama}.{k} kosong", f"Isi {nama}.{k}.")
    return out


LOGO_MAKS = 2_000_000  # bytes
GAMBAR = {b"\x89PNG\r\n\x1a\n": (".png",), b"\xff\xd8\xff": (".jpg", ".jpeg")}  # signature -> suffixes


def _logo(proyek: Proyek, nama: str, salah) -> Path:
    """The cover logo: a PNG or JPEG inside the project, checked by its bytes (a raster image cannot load
    anything else; SVG is refused, since it can)."""
    logo = proyek.di_dalam(proyek.root / nama, "logo")
    isi = proyek.baca(logo)
    if not any(isi.startswith(sig) and logo.suffix.lower() in akhiran for sig, akhiran in GAMBAR.items()):
        raise salah(
            "logo",
            f"logo '{nama}' bukan gambar PNG atau JPEG",
            "Simpan logo sebagai .png atau .jpg, atau tulis logo: null.",
        )
    if len(isi) > LOGO_MAKS:
        raise salah(
            "logo",
            f"logo '{nama}' terlalu besar ({len(isi) // 1000} kB)",
            f"Perkecil gambarnya (paling besar {LOGO_MAKS // 1_000_000} MB).",
        )
    masalah = masalah_gambar(isi)
    if masalah:
        raise salah("logo", f"logo '{nama}' {masalah}", "Simpan ulang logonya sebagai PNG atau JPEG yang utuh.")
    return logo


PIKSEL_MAKS = 4000  # pixels per side of a cover logo; a larger image only slows the PDF (or exhausts memory)


def masalah_gambar(isi: bytes) -> str | None:
    """What is wrong with a raster image's content (its size read first, then every pixel decoded), or None."""
    import io
    import warnings

    from PIL import Image, ImageFile

    batas, terpotong = Image.MAX_IMAGE_PIXELS, ImageFile.LOAD_TRUNCATED_IMAGES
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            Image.MAX_IMAGE_PIXELS = None  # only the header is read before our own, smaller limit applies
            try:
                gambar = Image.open(io.BytesIO(isi))
            finally:
                Image.MAX_IMAGE_PIXELS = batas
            with gambar:
                lebar, tinggi = gambar.size
                if max(lebar, tinggi) > PIKSEL_MAKS:
                    return (
                        f"berukuran {lebar}×{tinggi} piksel (paling besar {PIKSEL_MAKS}×{PIKSEL_MAKS}); "
                        "perkecil gambarnya"
                    )
                # WeasyPrint sets LOAD_TRUNCATED_IMAGES on import (a half-black cover): not for this check
                ImageFile.LOAD_TRUNCATED_IMAGES = False
                gambar.load()  # a truncated or corrupt file fails here
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombWarning, Image.DecompressionBombError) as e:
        return f"rusak atau terpotong ({str(e)[:60] or type(e).__name__})"
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = terpotong
    return None


def _skala(daftar: list, salah) -> SkalaPredikat:
    try:
        nama: list[str] = []
        for k in daftar:
            if not isinstance(k, dict) or set(k) != {"predikat", "dari", "sampai"}:
                raise SkalaError(f"setiap kelas butuh tepat kunci predikat, dari, sampai: {k!r}")
            if not isinstance(k["predikat"], str) or not k["predikat"].strip():
                raise SkalaError(f"nama predikat harus teks: {k['predikat']!r}")
            if k["predikat"] in nama:
                raise SkalaError(f"predikat '{k['predikat']}' ditulis dua kali")
            nama.append(k["predikat"])
            for batas in ("dari", "sampai"):
                v = k[batas]
                if v is not None and (isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v)):
                    raise SkalaError(f"kelas '{k['predikat']}': '{batas}' harus angka tanpa % atau null, bukan {v!r}")
        angka = [abs(k[b]) for k in daftar for b in ("dari", "sampai") if k[b] is not None]
        if angka and max(angka) <= 1:
            raise SkalaError(
                f"batas kelas ditulis sebagai pecahan ({', '.join(map(str, angka[:3]))}), "
                "padahal capaian dalam persen: tulis mis. 91, bukan 0.91"
            )
        return SkalaPredikat.dari_daftar(daftar)
    except SkalaError as e:
        raise salah(
            "skala_predikat",
            f"skala_predikat ditolak: {e}",
            "Setiap kelas harus bersambung: 'sampai' satu kelas = 'dari' kelas berikutnya.",
        ) from None
