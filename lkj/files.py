"""Atomic file writes: a reader sees the old file or the new one, never half of one; and the one message
for a failure of the environment (disk full, no permission, a path blocked, a wrong kind of file)."""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def tulis_atomik(path: Path, isi: str | bytes, tmp_dir: Path | None = None) -> None:
    """Write via a temporary file and rename. `tmp_dir` (same filesystem) keeps even the
    temporary file out of the target folder."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp_dir = Path(tmp_dir or path.parent)
    tmp_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=tmp_dir, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(isi.encode("utf-8") if isinstance(isi, str) else isi)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# What went wrong in the environment, and what to do, by errno (in Indonesian, like every message).
MASALAH_OS: dict[int, tuple[str, str]] = {
    errno.ENOSPC: ("disk penuh", "Kosongkan ruang disk (mis. hapus folder build/ yang lama), lalu ulangi."),
    errno.EDQUOT: ("kuota disk habis", "Kosongkan ruang disk atau minta kuota tambahan, lalu ulangi."),
    errno.EACCES: (
        "tidak ada izin",
        "Periksa izin berkas/folder ini (atau tutup program yang menguncinya), lalu ulangi.",
    ),
    errno.EPERM: ("tidak diizinkan", "Periksa izin dan atribut berkas ini (mis. chattr +i), lalu ulangi."),
    errno.EROFS: ("disk hanya-baca", "Pakai folder di disk yang dapat ditulisi, lalu ulangi."),
    errno.ENOTDIR: (
        "sebagian jalurnya adalah berkas, bukan folder",
        "Pindahkan atau ganti nama berkas yang menghalangi jalur itu, lalu ulangi.",
    ),
    errno.EISDIR: ("ini folder, padahal yang diperlukan berkas", "Pindahkan atau ganti nama folder itu, lalu ulangi."),
    errno.ENOENT: ("tidak ditemukan", "Periksa nama dan letaknya, lalu ulangi."),
    errno.EEXIST: ("sudah ada sebagai berkas", "Pindahkan atau ganti nama berkas itu, lalu ulangi."),
    errno.EXDEV: (
        "tidak dapat dipindahkan antar-disk",
        "Letakkan folder proyek dan keluarannya pada disk yang sama, lalu ulangi.",
    ),
}


def pesan_lingkungan(e: OSError, relatif: Callable[[Path], str] = Path.as_posix) -> str:
    """One line for an OSError: the file (as `relatif` shows it), what went wrong, what to do."""
    apa, saran = MASALAH_OS.get(e.errno or 0, (e.strerror or type(e).__name__, "Periksa berkas ini, lalu ulangi."))
    berkas = e.filename if e.filename is not None else e.filename2
    tempat = relatif(Path(os.fsdecode(berkas))) if berkas is not None else "berkas tak disebut sistem"
    return f"{tempat}: {apa}. {saran}"
