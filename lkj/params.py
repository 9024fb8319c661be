"""Rules of one year, read from params/<YEAR>.yaml."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import DataError
from .formulas import SkalaError, SkalaPredikat

KUNCI_WAJIB = {
    "instansi": str, "pemerintah": str, "renstra": str, "tahun_pembanding": (int, type(None)),
    "digit_desimal": int, "batas_capaian": (int, float, type(None)),
    "indikator_rata_rata": (str, list), "skala_predikat": list,
}


@dataclass(frozen=True)
class Aturan:
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

    def ikut_rata_rata(self, indikator_id: str) -> bool:
        return self.indikator_rata_rata == "semua" or indikator_id in self.indikator_rata_rata


def baca_aturan(path: Path, tahun: int) -> Aturan:
    path = Path(path)
    if not path.is_file():
        raise DataError(path, f"tidak ada aturan untuk tahun {tahun}",
                        f"Salin params/ tahun lain menjadi {path.name} dan sesuaikan isinya.")
    try:
        isi = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as e:
        row = getattr(getattr(e, "problem_mark", None), "line", None)
        raise DataError(path, "berkas YAML tidak dapat dibaca", "Periksa indentasi dan tanda ':'.",
                        None if row is None else row + 1) from None
    except UnicodeDecodeError:
        raise DataError(path, "berkas tidak berenkode UTF-8", "Simpan ulang sebagai UTF-8.") from None
    if not isinstance(isi, dict):
        raise DataError(path, "isi berkas bukan daftar kunci: nilai", "Lihat params/2023.yaml sebagai contoh.")
    for kunci, jenis in KUNCI_WAJIB.items():
        if kunci not in isi:
            raise DataError(path, f"kunci '{kunci}' tidak ada", "Tambahkan (lihat params/2023.yaml).",
                            column=kunci)
        if not isinstance(isi[kunci], jenis) or isinstance(isi[kunci], bool):
            raise DataError(path, f"nilai kunci '{kunci}' berjenis salah: {isi[kunci]!r}",
                            "Lihat komentar di params/2023.yaml.", column=kunci)
    lain = set(isi) - set(KUNCI_WAJIB)
    if lain:
        raise DataError(path, f"kunci tidak dikenal: {', '.join(sorted(lain))}",
                        "Hapus atau perbaiki ejaannya.", column=sorted(lain)[0])
    rata = isi["indikator_rata_rata"]
    if isinstance(rata, str) and rata != "semua":
        raise DataError(path, f"indikator_rata_rata '{rata}' tidak dikenal",
                        "Isi 'semua' atau daftar indikator_id.", column="indikator_rata_rata")
    if isi["batas_capaian"] is not None and isi["batas_capaian"] <= 0:
        raise DataError(path, "batas_capaian harus positif atau null", "Mis. 100, 120, atau null.",
                        column="batas_capaian")
    try:
        for k in isi["skala_predikat"]:
            if not isinstance(k, dict) or set(k) != {"predikat", "dari", "sampai"}:
                raise SkalaError(f"setiap kelas butuh tepat kunci predikat, dari, sampai: {k!r}")
        skala = SkalaPredikat.dari_daftar(isi["skala_predikat"])
    except SkalaError as e:
        raise DataError(path, f"skala_predikat ditolak: {e}",
                        "Setiap kelas harus bersambung: 'sampai' satu kelas = 'dari' kelas berikutnya.",
                        column="skala_predikat") from None
    return Aturan(
        tahun=tahun, instansi=isi["instansi"], pemerintah=isi["pemerintah"], renstra=isi["renstra"],
        tahun_pembanding=isi["tahun_pembanding"], digit_desimal=isi["digit_desimal"],
        batas_capaian=isi["batas_capaian"],
        indikator_rata_rata=rata if isinstance(rata, str) else tuple(rata),
        skala=skala, skala_daftar=tuple(isi["skala_predikat"]),
    )
