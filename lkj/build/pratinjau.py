"""Live preview while writing: one long-lived process that rebuilds the report whenever an input changes.

`make pratinjau YEAR=2023` keeps what a new `make report` process pays for again on every edit: the
libraries imported, the Jinja templates compiled, a pool of workers with their warm kernels, the parsed
PDF parts. Each rebuild is the ordinary `build()` with that pool, so its outputs (reports/, the executed
notebooks JupyterLab shows, the fingerprints) are exactly those of `make report`, which afterwards has
nothing to do. A change to lkj's own code restarts the process, so nothing runs on stale modules.
"""

from __future__ import annotations

import gc
import os
import signal
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from ..masukan.berkas import tersembunyi
from ..masukan.errors import DataError
from ..masukan.params import baca_aturan
from ..masukan.proyek import Proyek
from . import BuildResult, build, hentikan, keluaran, panaskan, pool_baru
from .fingerprint import kode

Snapshot = dict[str, tuple[int, int, int, int]]  # path -> (mtime_ns, ctime_ns, size, inode)


def _snapshot(paths) -> Snapshot:
    out = {}
    for p in paths:
        try:
            st = p.stat()
        except OSError:
            continue
        out[str(p)] = (st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino)  # ctime: also `cp -p`
    return out


class _Logo:
    """The logo params name, read again only when the params file changed (not at every poll)."""

    def __init__(self) -> None:
        self.kunci: tuple | None = None
        self.path: list[Path] = []

    def __call__(self, proyek: Proyek, tahun: int) -> list[Path]:
        params = proyek.params(tahun)
        kunci = tuple(_snapshot([params]).values())
        if kunci != self.kunci:
            try:
                logo = baca_aturan(proyek, tahun).logo
            except DataError:  # broken params: the build says so; the folders are still watched
                logo = None
            self.kunci, self.path = kunci, [logo] if logo else []
        return self.path


def berkas_dipantau(proyek: Proyek, tahun: int, logo: _Logo | None = None) -> list[Path]:
    """Every file a build may read or fingerprint: the whole data, params and notebooks folders (so that a
    broken params file, a new year or a renamed narrative are all seen), the logo params name, git's
    record of the commit (the provenance shows it), and the outputs (one deleted or overwritten by
    another command is made again)."""
    p = proyek
    semua = [
        f
        for d in (p.raw, p.root / "params", p.notebooks)
        if d.is_dir()
        for f in sorted(d.rglob("*"))
        if not tersembunyi(f, d)
    ]
    git = p.root / ".git"
    if git.is_dir():
        semua += [git / "HEAD", git / "index", git / "packed-refs", *sorted((git / "refs" / "heads").rglob("*"))]
    return semua + (logo or _Logo())(p, tahun) + keluaran(p, tahun)


def siapkan() -> None:
    """Import and prepare, in each process, what a rebuild uses: the first rebuild would pay 1 s for it."""
    import pypdf  # noqa: F401

    from .. import reviu  # noqa: F401
    from ..excel import kertas_kerja  # noqa: F401
    from . import narrative  # noqa: F401 (the narrative refill: presentation, charts, Markdown)
    from .rakit import siapkan_ekspor

    siapkan_ekspor()


def siapkan_pekerja() -> None:
    """A worker's preparation: the build's libraries, the above, and the fonts (workers render the PDF)."""
    from .pdf import siapkan_pdf

    panaskan()
    siapkan()
    siapkan_pdf()


class Pratinjau:
    """The preview's state: the worker pool and the files last seen (polled: stat is cheap and needs
    no watcher library)."""

    def __init__(self, tahun: int, root: Path, jobs: int | None = None, final: bool = False, kernel: str = "hangat"):
        self.tahun, self.proyek, self.final, self.kernel = tahun, Proyek.di(root), final, kernel
        self.jobs = jobs or os.cpu_count() or 1
        self.pool: ProcessPoolExecutor = pool_baru(self.jobs, siapkan_pekerja)
        siapkan()
        self.logo = _Logo()
        self.tertata = False  # True: garbage collected and frozen since the last build
        self.kode = _snapshot(kode())
        self.masukan: Snapshot | None = None  # None: build at the first look

    def perubahan(self) -> str | None:
        """'kode' if lkj's code changed (the caller restarts), 'masukan' if an input did, else None."""
        if _snapshot(kode()) != self.kode:
            return "kode"
        sekarang = _snapshot(berkas_dipantau(self.proyek, self.tahun, self.logo))
        if sekarang == self.masukan:
            self._collect_garbage()
            return None
        self.masukan = sekarang
        return "masukan"

    def _collect_garbage(self) -> None:
        """While idle after a build: collect garbage, then freeze what is left (libraries, caches) so the
        next build's collections skip it; a full collection during a build cost 0,15 s."""
        if not self.tertata:
            gc.unfreeze()
            gc.collect()
            gc.freeze()
            self.tertata = True

    def bangun(self, log=print) -> BuildResult:
        """One rebuild on the kept pool; a pool broken by a killed worker is replaced and the build rerun."""
        self.tertata = False
        try:
            return build(self.tahun, self.proyek.root, self.jobs, log, self.final, self.kernel, pool=self.pool)
        except BrokenProcessPool:
            hentikan(self.pool)
            self.pool = pool_baru(self.jobs, siapkan_pekerja)
            return build(self.tahun, self.proyek.root, self.jobs, log, self.final, self.kernel, pool=self.pool)

    def tutup(self) -> None:
        """Stop the workers, and with them their kernels, without waiting for work in progress."""
        hentikan(self.pool)

    def __enter__(self) -> Pratinjau:
        return self

    def __exit__(self, *_) -> None:
        sebelum = signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C would leave a traceback
        try:
            self.tutup()
        finally:
            signal.signal(signal.SIGINT, sebelum)
