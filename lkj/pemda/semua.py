"""`lkj semua`: every project of a workspace built, the OPDs first and in parallel, then the Pemda, then the rekap.

Each project is built by `lkj.pipeline.build`, as `make report ROOT=<project>` builds it, into
<project>/reports/<YEAR>/. The projects are spread over one pool of builder processes (one per core):
each builder runs one project's build at a time (its notebooks on a warm kernel, its PDF in its own
process, so projects lay out in parallel). A builder keeps one worker for the OPDs it builds, and that
worker's warm kernel moves from project to project (tested: each OPD's outputs are those of its own
build). A builder imports the heavy libraries only when a project needs building, so an unchanged
workspace costs one fingerprint check per project. One project failing does not stop the others; each
failure is one line at the end.
"""

from __future__ import annotations

import functools
import os
import sys
import time
import traceback
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from ..masukan.errors import DataError
from .ruang import Ruang, baca_ruang


@dataclass
class HasilProyek:
    nama: str
    dibangun: bool = False  # False: already up to date
    galat: str | None = None  # one line when the build failed
    peringatan: list[str] = field(default_factory=list)
    sumber_usang: list[str] = field(default_factory=list)  # the Pemda: IKU taken from an OPD's outdated numbers
    detik: float = 0.0


@dataclass
class HasilSemua:
    ruang: Ruang
    proyek: list[HasilProyek]
    rekap: list[Path] = field(default_factory=list)

    @property
    def gagal(self) -> list[HasilProyek]:
        return [h for h in self.proyek if h.galat]


def _tanpa_persiapan() -> None:
    """A builder starts empty: a project that is up to date needs none of the heavy libraries."""


@functools.cache
def _pekerja_pembangun() -> ProcessPoolExecutor:
    """A builder's one worker, kept for every project the builder builds on one core: its warm kernel moves
    from project to project with its libraries imported, where a worker and a kernel per project paid
    their start and imports each time."""
    from multiprocessing import util

    from ..pipeline import hentikan, pool_baru

    pool = pool_baru(1, siapkan=_tanpa_persiapan)  # it imports what a project needs, when one is built
    # stopped when the builder ends (its worker idle by then): multiprocessing's exit joins a process's
    # children after its finalizers and before the executor's own exit hook, so an open pool waits forever
    util.Finalize(pool, hentikan, args=(pool,), exitpriority=10)
    return pool


def bangun_proyek(nama: str, tahun: int, folder: Path, jobs: int, final: bool, kernel: str) -> HasilProyek:
    """One project's build, in a builder process; a failure comes back as one line, never raised."""
    from ..pipeline import BelumFinal, BuildError, build

    mulai = time.perf_counter()
    hasil = HasilProyek(nama)
    try:
        pool = _pekerja_pembangun() if jobs == 1 else None
        r = build(tahun, folder, jobs, log=lambda s: None, final=final, kernel=kernel, pool=pool)
        hasil.dibangun = r.dirakit or bool(r.dijalankan)
        hasil.peringatan = [str(p) for p in r.peringatan]
        hasil.sumber_usang = [str(p) for p in r.sumber_usang]
    except DataError as e:
        hasil.galat = str(e).splitlines()[0] + (" (dan masalah lain)" if "\n" in str(e) else "")
    except BelumFinal as e:
        hasil.galat = f"belum final: {'; '.join(e.masalah)}"
    except BuildError as e:
        hasil.galat = str(e).splitlines()[0]
    except Exception as e:  # noqa: BLE001 (any failure of one project is its line; the others go on)
        if isinstance(e, BrokenProcessPool):  # its worker died: the next project gets a new one
            _pekerja_pembangun.cache_clear()
        log = folder / "build" / "lkj-galat.log"
        try:
            log.parent.mkdir(parents=True, exist_ok=True)
            log.write_text(traceback.format_exc(), encoding="utf-8")
            rincian = f" (rincian: {nama}/build/lkj-galat.log)"
        except OSError:
            rincian = ""
        hasil.galat = f"galat tak terduga: {type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}{rincian}"
    hasil.detik = time.perf_counter() - mulai
    return hasil


def semua(
    tahun: int,
    root: Path | str,
    jobs: int | None = None,
    final: bool = False,
    kernel: str = "hangat",
    log=print,
) -> HasilSemua:
    """Build every OPD (in parallel), then the Pemda, then the Inspektorat's rekap."""
    from ..pipeline import pool_baru

    ruang = baca_ruang(root)
    jobs = jobs or os.cpu_count() or 1
    hasil: dict[str, HasilProyek] = {}

    def selesai(h: HasilProyek) -> None:
        hasil[h.nama] = h
        if h.galat:
            log(f"  GAGAL  {h.nama}: {h.galat}")
        elif h.dibangun:
            log(f"  dibangun {h.nama} ({h.detik:.1f} s)")
        for w in h.sumber_usang:
            log(f"  {h.nama}: {w}")

    pool: ProcessPoolExecutor = pool_baru(min(jobs, len(ruang.proyek)), siapkan=_tanpa_persiapan)
    try:
        # the OPDs, one per builder at a time, each on one core (its notebooks one after another)
        tugas: dict[Future, str] = {
            pool.submit(bangun_proyek, nama, tahun, ruang.folder(nama), 1, final, kernel): nama for nama in ruang.opd
        }
        for f in as_completed(tugas):
            selesai(f.result())
        if ruang.pemda:  # after the OPDs, whose figures it may take; alone, on every core
            selesai(
                pool.submit(bangun_proyek, ruang.pemda, tahun, ruang.folder(ruang.pemda), jobs, final, kernel).result()
            )
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    from .rekap import tulis_rekap

    daftar = [hasil[n] for n in ruang.proyek]
    return HasilSemua(ruang, daftar, tulis_rekap(ruang, tahun, {h.nama: h.galat for h in daftar}))


def main_semua(tahun: int, root: Path | None, jobs: int | None, final: bool = False, kernel: str = "hangat") -> int:
    """The command line's `lkj semua`: progress on stderr, the failures one line each at the end."""
    mulai = time.perf_counter()
    h = semua(tahun, root or Path.cwd(), jobs, final, kernel, log=lambda s: print(s, file=sys.stderr, flush=True))
    dibangun = sum(1 for p in h.proyek if p.dibangun)
    print(
        f"{len(h.proyek)} proyek: {dibangun} dibangun, {len(h.proyek) - dibangun - len(h.gagal)} sudah mutakhir, "
        f"{len(h.gagal)} gagal ({time.perf_counter() - mulai:.1f} s)".replace(".", ",")
    )
    for path in h.rekap:
        print(f"→ {path.relative_to(h.ruang.root).as_posix()}")
    for gagal in h.gagal:
        print(f"GAGAL: {gagal.nama}: {gagal.galat}", file=sys.stderr)
    for p in h.proyek:
        for w in p.sumber_usang:
            print(f"{p.nama}: {w}", file=sys.stderr)
    return 1 if h.gagal else 0
