"""Running one notebook with papermill (in a worker process).

Two ways, with the same output: a fresh kernel per notebook (`segar`, papermill's default), or one
warm kernel per worker process (`hangat`, the default), kept for the whole build. Before each notebook
the warm kernel's namespace is reset (imported modules stay loaded) and its execution counter restarts
at 1, so the executed notebook is the one a fresh kernel makes. A warm kernel that dies or hangs is
restarted and the notebook rerun once.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from pathlib import Path
from typing import Any

from ..files import tulis_atomik
from ..masukan.proyek import Proyek


class BuildError(Exception):
    """A notebook or render step failed; the message says where."""


KERNEL = ("hangat", "segar")  # warm pool (default) or a fresh kernel per notebook
BATAS_SEL = 600  # seconds a cell of a warm kernel may run before it counts as hung
TAMPIL = ("tahun", "sasaran_no")  # parameters named in an error message
KERNEL_START_ERRORS = ("Kernel died", "Kernel didn't respond", "ZMQError", "Address already in use", "TimeoutError")


def jalankan(
    template: Path,
    keluar: Path,
    params: dict,
    root: Path,
    percobaan: int = 3,
    kernel: str = "hangat",
    stempel: tuple[Path, str] | None = None,
) -> None:
    """Execute a jupytext notebook with papermill into `keluar` (kept as *.gagal.ipynb if a cell fails).
    `stempel`: (path, value) of the fingerprint written with the output; the old one is removed just
    before the output is replaced, so a run cut short between the two leaves no stamp (it reruns), and a
    failed run leaves the previous output and its stamp as they were."""
    import jupytext

    nb = jupytext.read(template)
    tmp = keluar.with_name(f".{keluar.stem}.{os.getpid()}.tmp.ipynb")
    keluar.parent.mkdir(parents=True, exist_ok=True)
    with _stderr_ke(keluar.with_suffix(".log")):  # kernel chatter goes to a log, not the terminal
        _jalankan(nb, template, tmp, keluar, params, root, percobaan, kernel)
    if stempel:
        stempel[0].unlink(missing_ok=True)
    os.replace(tmp, keluar)
    if stempel:
        tulis_atomik(*stempel)


@contextlib.contextmanager
def _stderr_ke(path: Path):
    sys.stderr.flush()
    simpan = os.dup(2)
    with open(path, "w") as log:
        os.dup2(log.fileno(), 2)
        try:
            yield
        finally:
            sys.stderr.flush()
            os.dup2(simpan, 2)
            os.close(simpan)


def _jalankan(
    nb, template: Path, tmp: Path, keluar: Path, params: dict, root: Path, percobaan: int, kernel: str = "hangat"
) -> None:
    import papermill as pm
    from nbclient.exceptions import CellTimeoutError, DeadKernelError
    from papermill.exceptions import PapermillExecutionError

    diulang = False  # a warm kernel that died or hung: the notebook is rerun once
    for i in range(percobaan):
        try:
            if kernel == "segar":
                pm.execute_notebook(
                    nb,
                    str(tmp),
                    parameters=params,
                    kernel_name="python3",
                    cwd=str(root),
                    progress_bar=False,
                    log_output=False,
                    request_save_on_cell_execute=False,  # see WarmKernel.execute
                )
            else:
                WarmKernel.for_root(root).execute(nb, tmp, params)
            break
        except PapermillExecutionError as e:
            gagal = keluar.with_name(f"{keluar.stem}.gagal.ipynb")
            os.replace(tmp, gagal)
            pesan = e.evalue.splitlines()[0] if e.evalue else e.ename
            raise BuildError(
                f"{template.name} ({', '.join(f'{k}={v}' for k, v in params.items() if k in TAMPIL)}), "
                f"sel ke-{e.cell_index + 1}: {e.ename}: {pesan} [notebook lengkap: {Proyek(root).relatif(gagal)}]"
            ) from None
        except Exception as e:  # a kernel that failed to start (port race), died or hung: try again
            tmp.unlink(missing_ok=True)
            if kernel != "segar":
                WarmKernel.stop_current()
            if kernel != "segar" and not diulang and isinstance(e, DeadKernelError | CellTimeoutError):
                diulang = True
                continue
            if i == percobaan - 1 or not any(s in f"{type(e).__name__} {e}" for s in KERNEL_START_ERRORS):
                raise BuildError(f"{template.name}: kernel gagal dijalankan: {type(e).__name__}: {e}") from None
            time.sleep(0.5 + i)


# What runs in the warm kernel before each notebook: a fresh namespace (modules stay imported), the
# execution counter back at 1 (this code is run without history, so it does not count itself), the
# working folder the project's root (a builder of `lkj semua` moves its kernel from project to project),
# and the warnings already shown forgotten (leaving `catch_warnings` resets the modules' registries of
# them), so a notebook shows the warnings a fresh kernel would.
RESET = (
    "get_ipython().reset(new_session=True)\nget_ipython().execution_count = 1\n"
    "__import__('os').chdir({root!r})\nwith __import__('warnings').catch_warnings():\n    pass"
)


class WarmKernel:
    """One kernel kept by this process (started at its first notebook, with cwd = the project root, and
    moved to another project's root when given one)."""

    _current: WarmKernel | None = None

    def __init__(self, root: Path):
        from jupyter_client.manager import AsyncKernelManager

        self.root = Path(root)
        self.pid = os.getpid()  # a forked child inherits the reference, not the kernel
        self.km = AsyncKernelManager(kernel_name="python3")
        self.kc: Any = None  # the kernel client nbclient made on the first notebook, kept for the next ones

    @classmethod
    def for_root(cls, root: Path) -> WarmKernel:
        if cls._current is not None and cls._current.pid != os.getpid():
            cls._current = None  # the parent process's kernel: leave it to the parent
        if cls._current is not None:
            cls._current.root = Path(root)  # another project: the kernel moves there at its next reset
        if cls._current is None:
            from multiprocessing import util

            cls._current = cls(root)
            # a worker process ends through multiprocessing's exit path, which runs finalizers, not atexit
            util.Finalize(cls._current, cls._current.stop, exitpriority=10)
        return cls._current

    @classmethod
    def stop_current(cls) -> None:
        if cls._current is not None:
            cls._current.stop()
            cls._current = None

    def execute(self, nb, output: Path, params: dict) -> None:
        """papermill's execute_notebook on this kernel (see _WarmEngine), after a namespace reset."""
        import papermill as pm
        from jupyter_core.utils import run_sync

        _register_engine()
        if self.kc is not None and not run_sync(self.km.is_alive)():
            self.stop()  # died since its last notebook: nbclient starts it again below
        if self.kc is not None:
            self._reset()
        pm.execute_notebook(
            nb,
            str(output),
            parameters=params,
            engine_name="lkj-hangat",
            kernel_name="python3",
            cwd=str(self.root),  # where a (re)started kernel starts
            progress_bar=False,
            log_output=False,
            # written once at the end (or at a failing cell), not at each cell's start and end: papermill
            # rewrites the whole notebook each time, a third of the worker's time on a sasaran notebook
            request_save_on_cell_execute=False,
            execution_timeout=BATAS_SEL,
            warm=self,
        )

    def _reset(self) -> None:
        from jupyter_core.utils import run_sync

        async def reset():
            kode = RESET.format(root=str(self.root.resolve()))
            return await self.kc.execute_interactive(kode, store_history=False, timeout=60, allow_stdin=False)

        balasan = run_sync(reset)()
        if balasan["content"]["status"] != "ok":
            raise RuntimeError(f"reset kernel gagal: {balasan['content'].get('evalue')}")

    def stop(self) -> None:
        from jupyter_core.utils import run_sync

        if self.kc is not None:
            self.kc.stop_channels()
            self.kc = None
        if self.km.has_kernel:
            with contextlib.suppress(Exception):
                run_sync(self.km.shutdown_kernel)(now=True)


def _register_engine() -> None:
    """papermill's nbclient engine, on the warm kernel and its client instead of new ones."""
    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import NBClientEngine, papermill_engines
    from papermill.log import logger

    class _WarmEngine(NBClientEngine):
        @classmethod
        def execute_managed_notebook(
            cls,
            nb_man,
            kernel_name,
            log_output=False,
            stdout_file=None,
            stderr_file=None,
            start_timeout=60,
            execution_timeout=None,
            warm=None,
            **kwargs,
        ):
            client = PapermillNotebookClient(
                nb_man,
                km=warm.km,
                timeout=execution_timeout,
                startup_timeout=start_timeout,
                kernel_name=kernel_name,
                log=logger,
                log_output=log_output,
                stdout_file=stdout_file,
                stderr_file=stderr_file,
            )
            client.kc = warm.kc
            try:
                return client.execute()
            finally:
                warm.kc = client.kc

    papermill_engines.register("lkj-hangat", _WarmEngine)
