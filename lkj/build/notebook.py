"""Running one notebook with papermill (in a worker process)."""

from __future__ import annotations

import contextlib
import os
import sys
import time
from pathlib import Path

from ..masukan.proyek import Proyek


class BuildError(Exception):
    """A notebook or render step failed; the message says where."""


TAMPIL = ("tahun", "sasaran_no")  # parameters named in an error message
KERNEL_START_ERRORS = ("Kernel died", "Kernel didn't respond", "ZMQError", "Address already in use", "TimeoutError")


def jalankan(template: Path, keluar: Path, params: dict, root: Path, percobaan: int = 3) -> None:
    """Execute a jupytext notebook with papermill into `keluar` (kept as *.gagal.ipynb if a cell fails)."""
    import jupytext

    nb = jupytext.read(template)
    tmp = keluar.with_name(f".{keluar.stem}.{os.getpid()}.tmp.ipynb")
    keluar.parent.mkdir(parents=True, exist_ok=True)
    with _stderr_ke(keluar.with_suffix(".log")):  # kernel chatter goes to a log, not the terminal
        return _jalankan(nb, template, tmp, keluar, params, root, percobaan)


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


def _jalankan(nb, template: Path, tmp: Path, keluar: Path, params: dict, root: Path, percobaan: int) -> None:
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    for i in range(percobaan):
        try:
            pm.execute_notebook(
                nb,
                str(tmp),
                parameters=params,
                kernel_name="python3",
                cwd=str(root),
                progress_bar=False,
                log_output=False,
            )
            break
        except PapermillExecutionError as e:
            gagal = keluar.with_name(f"{keluar.stem}.gagal.ipynb")
            os.replace(tmp, gagal)
            pesan = e.evalue.splitlines()[0] if e.evalue else e.ename
            raise BuildError(
                f"{template.name} ({', '.join(f'{k}={v}' for k, v in params.items() if k in TAMPIL)}), "
                f"sel ke-{e.cell_index + 1}: {e.ename}: {pesan} [notebook lengkap: {Proyek(root).relatif(gagal)}]"
            ) from None
        except Exception as e:  # a kernel that failed to start (port race): try again
            tmp.unlink(missing_ok=True)
            if i == percobaan - 1 or not any(s in f"{type(e).__name__} {e}" for s in KERNEL_START_ERRORS):
                raise BuildError(f"{template.name}: kernel gagal dijalankan: {type(e).__name__}: {e}") from None
            time.sleep(0.5 + i)
    os.replace(tmp, keluar)
