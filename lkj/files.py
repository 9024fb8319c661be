"""Atomic file writes: a reader sees the old file or the new one, never half of one; and the one message
for a failure of the environment (disk full, no permission, a path blocked, a wrong kind of file)."""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path


def tulis_atomik(path: Path, isi: str | bytes) -> None:
    """Write via a temporary file beside it and rename: a reader sees the old file or the new one."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _tulis_sementara(path, isi, path.parent)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def ganti_bersama(isi: dict[Path, str | bytes]) -> None:
    """Replace a set of files as one, all or none. Each new file is first written beside its target (the
    same filesystem, so the rename works wherever the folder lives); then, one by one, the old file is
    kept (a hard link, or a copy) and the new one renamed over it. When a step fails, the files already
    replaced are put back and the OSError names the target. A reader sees each file old or new, whole."""
    baru: dict[Path, Path] = {}
    lama: dict[Path, Path | None] = {}  # replaced target -> its kept old version (None: there was none)
    sedang = next(iter(isi), None)  # the target being handled, named in an error
    try:
        for sedang, data in isi.items():
            sedang.parent.mkdir(parents=True, exist_ok=True)
            baru[sedang] = _tulis_sementara(sedang, data, sedang.parent)
        for sedang, tmp in baru.items():
            simpanan = _simpan_lama(sedang)
            try:
                os.replace(tmp, sedang)
            except OSError:
                if simpanan is not None:
                    simpanan.unlink()
                raise
            lama[sedang] = simpanan
    except OSError as e:
        for path, simpanan in lama.items():  # the ones replaced go back; best effort, the first error counts
            try:
                if simpanan is None:
                    path.unlink()
                else:
                    os.replace(simpanan, path)
            except OSError:
                pass
        raise OSError(e.errno, e.strerror, os.fspath(sedang) if sedang else None) from e
    finally:
        for tmp in baru.values():
            tmp.unlink(missing_ok=True)
    for simpanan in lama.values():
        if simpanan is not None:
            simpanan.unlink(missing_ok=True)


def _tulis_sementara(path: Path, isi: str | bytes, folder: Path) -> Path:
    """`isi` in a new hidden file in `folder`, named after `path`."""
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(isi.encode("utf-8") if isinstance(isi, str) else isi)
        os.chmod(tmp, 0o644)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def _simpan_lama(path: Path) -> Path | None:
    """The current file kept under a hidden name beside it (None when there is none), to put back."""
    if not path.exists():
        return None
    fd, simpanan = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".lama")
    os.close(fd)
    os.unlink(simpanan)
    try:
        os.link(path, simpanan)
    except OSError:  # a filesystem without hard links (or an immutable file, whose rename then fails)
        shutil.copy2(path, simpanan)
    return Path(simpanan)


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
