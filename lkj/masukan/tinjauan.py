"""What a signed (final) report needs from the inputs beyond validity: a signature dated after the year,
and narrative that is the year's own, not last year's carried over unread.

`tahun-baru` copies last year's narrative and records the sha256 of each copy in
data/raw/<YEAR>/narasi/.disalin.json (a dot-file: never an input, never fingerprinted). A copy
whose text still has that hash has not been reviewed; editing the file clears the mark.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .errors import DataError
from .params import Aturan
from .proyek import Proyek

DISALIN = ".disalin.json"


def _sidik(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def path_disalin(proyek: Proyek, tahun: int) -> Path:
    return proyek.tahun(tahun) / "narasi" / DISALIN


def catat_disalin(proyek: Proyek, tahun: int, lalu: int, salinan: list[Path]) -> None:
    """Record the narrative files `tahun-baru` copied from `lalu` (with the hash of the copied text)."""
    if not salinan:
        return
    path = path_disalin(proyek, tahun)
    catatan: dict = _baca(proyek, path) if path.is_file() else {"dari": lalu, "berkas": {}}
    catatan["berkas"].update({p.name: _sidik(p.read_bytes()) for p in salinan})
    path.write_text(json.dumps(catatan, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def _baca(proyek: Proyek, path: Path) -> dict:
    try:
        isi = json.loads(proyek.baca_teks(path))
        if not isinstance(isi, dict) or not isinstance(isi.get("berkas"), dict):
            raise ValueError
        return isi
    except ValueError:
        raise DataError(
            path,
            "catatan narasi yang disalin tidak dapat dibaca",
            "Hapus berkas ini bila semua narasi sudah ditinjau; make tahun-baru membuatnya lagi untuk tahun baru.",
        ) from None


def narasi_belum_ditinjau(proyek: Proyek, tahun: int) -> list[Path]:
    """Narrative files still exactly as `tahun-baru` copied them from the previous year."""
    path = path_disalin(proyek, tahun)
    if not path.is_file():
        return []
    out = []
    for nama, sidik in sorted(_baca(proyek, path)["berkas"].items()):
        p = path.parent / str(nama)
        if "/" not in str(nama) and p.is_file() and _sidik(proyek.baca(p)) == sidik:
            out.append(p)
    return out


def masalah_penandatangan(proyek: Proyek, aturan: Aturan) -> list[str]:
    """What keeps the signature block from being signed: missing entries, a date not after the year."""
    params = proyek.relatif(proyek.params(aturan.tahun))
    ttd = aturan.penandatangan
    if ttd is None:
        return [f"{params}: blok tanda tangan (penandatangan) belum diisi"]
    out = [f"{params}: penandatangan.{k} kosong" for k, v in ttd.items() if v is None and k != "pangkat"]
    tanggal = ttd.get("tanggal")
    # params gave the date as a letter prints it, ending in its year (params.tanggal_resmi)
    if tanggal is not None and int(tanggal.split()[-1]) <= aturan.tahun:
        out.append(
            f"{params}: penandatangan.tanggal '{tanggal}' tidak setelah tahun laporan {aturan.tahun} "
            f"(laporan tahun {aturan.tahun} ditandatangani pada tahun {aturan.tahun + 1} atau sesudahnya)"
        )
    return out


def masalah_narasi_disalin(proyek: Proyek, tahun: int) -> list[str]:
    rel = proyek.relatif(path_disalin(proyek, tahun))
    return [
        f"{proyek.relatif(p)}: narasi masih salinan tahun lalu, belum ditinjau (ubah teksnya, atau hapus namanya "
        f"dari {rel} bila teksnya sudah benar untuk tahun ini)"
        for p in narasi_belum_ditinjau(proyek, tahun)
    ]


def masalah_final(proyek: Proyek, aturan: Aturan) -> list[str]:
    """Everything of the inputs' own that keeps a year's report from being final, one line each."""
    return masalah_penandatangan(proyek, aturan) + masalah_narasi_disalin(proyek, aturan.tahun)
