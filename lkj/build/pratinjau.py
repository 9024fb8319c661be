"""Live preview while writing: one long-lived process that rebuilds the report whenever an input changes.

`make pratinjau YEAR=2023` keeps what a new `make report` process pays for again on every edit: the
libraries imported, the Jinja templates compiled, a pool of workers with their warm kernels, the parsed
PDF parts. Each rebuild is the ordinary `build()` with that pool, so its outputs (reports/, the executed
notebooks JupyterLab shows, the fingerprints) are exactly those of `make report`, which afterwards has
nothing to do. A change to lkj's own code restarts the process, so nothing runs on stale modules.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from ..masukan.berkas import berkas_masukan
from ..masukan.errors import DataError
from ..masukan.proyek import Proyek
from . import BuildResult, build, pool_baru
from .fingerprint import kode

Jejak = dict[str, tuple[int, int]]  # path -> (mtime_ns, size)


def _jejak(paths) -> Jejak:
    out = {}
    for p in paths:
        try:
            st = p.stat()
        except OSError:
            continue
        out[str(p)] = (st.st_mtime_ns, st.st_size)
    return out


def berkas_dipantau(proyek: Proyek, tahun: int) -> list[Path]:
    """Every file a build may read: the whole data, params and notebooks folders (so that a broken params
    file, a new year or a renamed narrative are all seen) and what params name elsewhere (the logo)."""
    p = proyek
    semua = [f for d in (p.raw, p.root / "params", p.notebooks) if d.is_dir() for f in sorted(d.rglob("*"))]
    with contextlib.suppress(DataError):  # broken params: the build says so; the folders are still watched
        semua += berkas_masukan(p, tahun)
    return semua


def _pool(jobs: int) -> ProcessPoolExecutor:
    pool = pool_baru(jobs)
    for _ in range(jobs):  # what every process pays at its first export and render, paid now
        pool.submit(_panaskan)
    return pool


def _panaskan() -> None:
    """Import and prepare, in each process, what a rebuild uses: the first rebuild would pay 1 s for it."""
    import pypdf  # noqa: F401

    from .. import reviu  # noqa: F401
    from ..excel import kertas_kerja  # noqa: F401
    from . import narrative  # noqa: F401 (the narrative refill: presentation, charts, Markdown)
    from .pdf import panaskan_pdf
    from .rakit import panaskan_ekspor

    panaskan_ekspor()
    panaskan_pdf()


class Pratinjau:
    """The preview's state: the worker pool and the files last seen (polled: stat is cheap and needs
    no watcher library)."""

    def __init__(self, tahun: int, root: Path, jobs: int | None = None, final: bool = False, kernel: str = "hangat"):
        self.tahun, self.proyek, self.final, self.kernel = tahun, Proyek.di(root), final, kernel
        self.jobs = jobs or os.cpu_count() or 1
        self.pool = _pool(self.jobs)
        _panaskan()
        self.rapi = False  # True: garbage collected and frozen since the last build
        self.kode = _jejak(kode())
        self.masukan: Jejak | None = None  # None: build at the first look

    def perubahan(self) -> str | None:
        """'kode' if lkj's code changed (the caller restarts), 'masukan' if an input did, else None."""
        if _jejak(kode()) != self.kode:
            return "kode"
        sekarang = _jejak(berkas_dipantau(self.proyek, self.tahun))
        if sekarang == self.masukan:
            self._rapikan()
            return None
        self.masukan = sekarang
        return "masukan"

    def _rapikan(self) -> None:
        """While idle after a build: collect garbage, then freeze what is left (libraries, caches) so the
        next build's collections skip it; a full collection during a build cost 0,15 s."""
        if not self.rapi:
            gc.unfreeze()
            gc.collect()
            gc.freeze()
            self.rapi = True

    def bangun(self, log=print) -> BuildResult:
        """One rebuild on the kept pool; a pool broken by a killed worker is replaced and the build rerun."""
        self.rapi = False
        try:
            return build(self.tahun, self.proyek.root, self.jobs, log, self.final, self.kernel, pool=self.pool)
        except BrokenProcessPool:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = _pool(self.jobs)
            return build(self.tahun, self.proyek.root, self.jobs, log, self.final, self.kernel, pool=self.pool)

    def tutup(self) -> None:
        self.pool.shutdown(cancel_futures=True)  # workers stop their kernels as they exit

    def __enter__(self) -> Pratinjau:
        return self

    def __exit__(self, *_) -> None:
        # a second Ctrl-C while the workers stop would leave a traceback
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        self.tutup()
