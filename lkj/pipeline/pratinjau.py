"""Live preview while writing: one long-lived process that rebuilds the report whenever an input changes.

`make pratinjau YEAR=2023` keeps what a new `make report` process pays for again on every edit: the
libraries imported, the Jinja templates compiled, a pool of workers with their warm kernels, the parsed
PDF parts. Each rebuild is the ordinary `build()` with that pool, so its outputs (reports/, the executed
notebooks JupyterLab shows, the fingerprints) are exactly those of `make report`, which afterwards has
nothing to do. A change to lkj's own code restarts the process, so nothing runs on stale modules.
Files are watched with watchfiles (inotify events on Linux), not polled.
"""

from __future__ import annotations

import contextlib
import gc
import os
import queue
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import watchfiles

from ..masukan.berkas import tersembunyi
from ..masukan.errors import DataError
from ..masukan.params import baca_aturan
from ..masukan.proyek import KODE, Proyek
from . import BuildResult, build, hentikan, keluaran, panaskan, pool_baru

# watchfiles hands over a batch once no event came for STEP_MS (an editor's save, a temporary file written
# then renamed over the original, is one burst within a few ms), and at the latest after DEBOUNCE_MS of
# continuous events (a `git checkout`).
STEP_MS = 30
DEBOUNCE_MS = 400


def _jejak(path: str) -> tuple | None:
    """What tells one version of a file from another (None: missing)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


class Pantauan:
    """What the preview watches: the whole data, params and notebooks folders (so that a broken params
    file, a new year or a renamed narrative are all seen), the logo params name, git's record of the
    commit (the provenance shows it), the outputs (one deleted or overwritten by another command is made
    again), and lkj's own code (the preview restarts)."""

    def __init__(self, proyek: Proyek, tahun: int) -> None:
        self.proyek, self.tahun = proyek, tahun
        self.masukan = [d for d in (proyek.raw, proyek.root / "params", proyek.notebooks) if d.is_dir()]
        self.git = proyek.root / ".git"  # a folder in a clone (a worktree's .git is a file: not watched)
        self.keluaran = [str(k) for k in keluaran(proyek, tahun)]
        self.berkas = set(self.keluaran)
        if self.git.is_dir():
            self.berkas |= {str(self.git / n) for n in ("HEAD", "index", "packed-refs")}
        self.logo: Path | None = None
        self.baca_logo()

    def baca_logo(self) -> bool:
        """Read again the logo params name (after params changed); True if it moved."""
        try:
            logo = baca_aturan(self.proyek, self.tahun).logo
        except DataError:  # broken params: the build says so; the folders are still watched
            logo = None
        berubah, self.logo = logo != self.logo, logo
        return berubah

    def folder(self) -> list[Path]:
        """The folders to watch (they must exist): an output folder is made, if it can be, to watch it."""
        reports = self.proyek.reports(self.tahun)
        with contextlib.suppress(OSError):
            reports.mkdir(parents=True, exist_ok=True)
        semua = [*self.masukan, KODE, reports, *([self.git] if self.git.is_dir() else [])]
        if self.logo and self.logo.parent != self.proyek.root:  # not the whole project (.venv, build/...)
            semua.append(self.logo.parent)
        return [d for d in semua if d.is_dir()]

    def jenis(self, path: str) -> str | None:
        """'kode' for a file of lkj's code, 'masukan' for an input or output, None for anything else."""
        p = Path(path)
        if p.is_relative_to(KODE):
            return None if "__pycache__" in p.parts or tersembunyi(p, KODE) else "kode"
        if path in self.berkas or p == self.logo:
            return "masukan"
        if self.git.is_dir() and p.is_relative_to(self.git / "refs" / "heads"):
            return "masukan"
        return next(("masukan" for d in self.masukan if p.is_relative_to(d) and not tersembunyi(p, d)), None)

    def __call__(self, _change, path: str) -> bool:  # watchfiles' filter
        return self.jenis(path) is not None


class _Pengamat:
    """watchfiles in a thread, from the moment it is made: each batch of changed paths goes on a queue."""

    def __init__(self, pantauan: Pantauan) -> None:
        self.antre: queue.Queue[set[str]] = queue.Queue()
        self.berhenti = threading.Event()
        folder = pantauan.folder()
        self.thread = threading.Thread(target=self._jalan, args=(folder, pantauan), daemon=True)
        self.thread.start()

    def _jalan(self, folder: list[Path], pantauan: Pantauan) -> None:
        for batch in watchfiles.watch(
            *folder,
            watch_filter=pantauan,
            step=STEP_MS,
            debounce=DEBOUNCE_MS,
            stop_event=self.berhenti,
            raise_interrupt=False,
        ):
            self.antre.put({path for _, path in batch})

    def tutup(self) -> None:
        self.berhenti.set()
        self.thread.join(timeout=5)


def siapkan() -> None:
    """Import and prepare, in each process, what a rebuild uses: the first rebuild would pay 1 s for it."""
    import pypdf  # noqa: F401

    from .. import reviu  # noqa: F401
    from ..excel import kertas_kerja  # noqa: F401
    from ..tampil import narasi  # noqa: F401 (narrative filled at assembly: presentation, charts, Markdown)
    from .rakit import siapkan_ekspor

    siapkan_ekspor()


def siapkan_pekerja() -> None:
    """A worker's preparation: the build's libraries, the above, and the fonts (workers render the PDF)."""
    from .pdf import siapkan_pdf

    panaskan()
    siapkan()
    siapkan_pdf()


class Pratinjau:
    """The preview's state: the worker pool and the watcher of the files a build depends on."""

    def __init__(self, tahun: int, root: Path, jobs: int | None = None, final: bool = False, kernel: str = "hangat"):
        self.tahun, self.proyek, self.final, self.kernel = tahun, Proyek.di(root), final, kernel
        self.jobs = jobs or os.cpu_count() or 1
        self.pool: ProcessPoolExecutor = pool_baru(self.jobs, siapkan_pekerja)
        self.pantauan = Pantauan(self.proyek, self.tahun)
        self.pengamat = _Pengamat(self.pantauan)  # watching before the first build: no save is missed
        siapkan()
        self.tertata = False  # True: garbage collected and frozen since the last build
        self.pertama = True  # build at the first look
        self.ditulis: dict[str, tuple | None] = {}  # each output as the last build left it

    def perubahan(self, batas: float | None = None) -> str | None:
        """Wait for a change: 'kode' if lkj's code changed (the caller restarts), 'masukan' if an input or
        output did (not the outputs as the last build wrote them); None after `batas` seconds without one.
        While waiting, garbage is collected once."""
        if self.pertama:
            self.pertama = False
            return "masukan"
        self._collect_garbage()
        akhir = None if batas is None else time.monotonic() + batas
        paths: set[str] = set()
        while not paths:
            try:
                paths = self.pengamat.antre.get(timeout=None if akhir is None else max(0, akhir - time.monotonic()))
            except queue.Empty:
                return None
            while not self.pengamat.antre.empty():  # everything saved meanwhile goes into one build
                paths |= self.pengamat.antre.get()
            paths = {p for p in paths if p not in self.ditulis or _jejak(p) != self.ditulis[p]}
        jenis = {self.pantauan.jenis(p) for p in paths}
        params = str(self.proyek.params(self.tahun))
        if params in paths and self.pantauan.baca_logo():  # the logo may be in another folder now
            self.pengamat.tutup()
            self.pengamat = _Pengamat(self.pantauan)
        return "kode" if "kode" in jenis else "masukan"

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
            return build(
                self.tahun, self.proyek.root, self.jobs, log, self.final, self.kernel, pool=self.pool, html_dulu=True
            )
        except BrokenProcessPool:
            hentikan(self.pool)
            self.pool = pool_baru(self.jobs, siapkan_pekerja)
            return build(
                self.tahun, self.proyek.root, self.jobs, log, self.final, self.kernel, pool=self.pool, html_dulu=True
            )
        finally:  # the outputs as written: their own events start no build
            self.ditulis = {p: _jejak(p) for p in self.pantauan.keluaran}

    def tutup(self) -> None:
        """Stop the watcher and the workers, and with them their kernels, without waiting for work in progress."""
        self.pengamat.tutup()
        hentikan(self.pool)

    def __enter__(self) -> Pratinjau:
        return self

    def __exit__(self, *_) -> None:
        sebelum = signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C would leave a traceback
        try:
            self.tutup()
        finally:
            signal.signal(signal.SIGINT, sebelum)
