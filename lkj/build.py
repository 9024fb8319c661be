"""The report build: data tables -> notebooks (papermill) -> HTML, audit HTML, PDF.

Each step is skipped when the fingerprint (sha256) of everything it reads is
unchanged, so a rebuild with nothing changed does no work and an edited
narrative reruns only the notebook that shows it. Notebooks run in parallel
processes. Outputs under reports/ are replaced only when every step succeeded.
Heavy libraries are imported inside the functions that need them, so the
"nothing changed" path stays fast.
"""
from __future__ import annotations

import contextlib
import csv
import hashlib
import json
import os
import re
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from .errors import DataError
from .files import tulis_atomik

LKJ = Path(__file__).resolve().parent
TEMPLATES = LKJ / "templates"
CODE = sorted(p for p in LKJ.glob("*.py"))


class BuildError(Exception):
    """A notebook or render step failed; the message says where."""


@dataclass(frozen=True)
class Notebook:
    """One papermill run of a notebook template."""
    nama: str                      # build/<YEAR>/nb/<nama>.ipynb
    template: str                  # notebooks/<template>.py
    params: dict = field(default_factory=dict)
    narasi: tuple[str, ...] = ()   # narrative files (without .md) it shows


def rencana(tahun: int, root: Path) -> list[Notebook]:
    """The notebooks of a report, in report order."""
    pk = root / "data" / "raw" / str(tahun) / "pk.csv"
    if not pk.is_file():
        raise DataError(pk, "berkas tidak ditemukan", "Laporan butuh pk.csv (lihat data/raw/README.md).")
    with open(pk, encoding="utf-8-sig", newline="") as f:
        nomor = sorted({int(r["sasaran_no"]) for r in csv.DictReader(f) if r.get("sasaran_no", "").strip().isdigit()})
    return [
        Notebook("01-pembuka", "pembuka", {}, ("kata_pengantar", "ikhtisar_eksekutif", "pendahuluan")),
        Notebook("02-perencanaan", "perencanaan", {}, ("bab2_renstra", "bab2_prioritas", "bab2_pk", "bab2_anggaran")),
        Notebook("03-pengukuran", "pengukuran", {}, ("bab3_pengukuran",)),
        *(Notebook(f"04-sasaran-{n:02d}", "sasaran", {"sasaran_no": n}, (f"sasaran-{n:02d}",)) for n in nomor),
        Notebook("05-anggaran", "anggaran", {}, ("anggaran",)),
        Notebook("06-penutup", "penutup", {}, ("penutup",)),
    ]  # then, made at assembly: 07-reviu (Catatan Reviu) and 08-provenance


# --- fingerprints -------------------------------------------------------------------------

def _tahun_pembanding(tahun: int, root: Path) -> int | None:
    path = root / "params" / f"{tahun}.yaml"
    m = re.search(r"^tahun_pembanding:\s*(\d{4})\s*$", path.read_text(encoding="utf-8"), re.M) if path.is_file() else None
    return int(m[1]) if m else None


def masukan_data(tahun: int, root: Path) -> list[Path]:
    """Every file the computed figures depend on (not the narrative)."""
    raw = root / "data" / "raw"
    files = [root / "params" / f"{tahun}.yaml", *CODE]
    for t in (tahun, _tahun_pembanding(tahun, root)):
        if t is not None:
            files += sorted((raw / str(t)).glob("*.csv"))
    files += sorted(raw.glob("renstra-*/*.csv"))
    return files


def masukan_proyek(tahun: int, root: Path) -> list[Path]:
    """Every input of a report: data, params, narrative, notebooks and lkj code (for provenance)."""
    narasi = sorted((root / "data" / "raw" / str(tahun) / "narasi").glob("*.md"))
    notebooks = sorted((root / "notebooks").glob("*.py"))
    return [*masukan_data(tahun, root), *narasi, *notebooks]


def sidik(paths: list[Path], extra: object = None) -> str:
    """sha256 over the files' names and contents (a missing file counts as such) and `extra`."""
    h = hashlib.sha256(json.dumps(extra, sort_keys=True, default=str).encode())
    for p in paths:
        h.update(str(p).encode() + b"\0")
        h.update(p.read_bytes() if p.is_file() else b"<tidak ada>")
    return h.hexdigest()


def _narasi_files(tahun: int, root: Path, nama: tuple[str, ...]) -> list[Path]:
    return [root / "data" / "raw" / str(tahun) / "narasi" / f"{n}.md" for n in nama]


def _segar(stamp: Path, nilai: str, *keluaran: Path) -> bool:
    return stamp.is_file() and stamp.read_text() == nilai and all(k.is_file() for k in keluaran)


# --- running one notebook (in a worker process) ---------------------------------------------

KERNEL_START_ERRORS = ("Kernel died", "Kernel didn't respond", "ZMQError", "Address already in use", "TimeoutError")


def jalankan(template: Path, keluar: Path, params: dict, root: Path, percobaan: int = 3) -> list[str]:
    """Execute a jupytext notebook with papermill; return the warnings it printed."""
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


def _jalankan(nb, template: Path, tmp: Path, keluar: Path, params: dict, root: Path, percobaan: int) -> list[str]:
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    for i in range(percobaan):
        try:
            hasil = pm.execute_notebook(nb, str(tmp), parameters=params, kernel_name="python3",
                                        cwd=str(root), progress_bar=False, log_output=False)
            break
        except PapermillExecutionError as e:
            gagal = keluar.with_name(f"{keluar.stem}.gagal.ipynb")
            os.replace(tmp, gagal)
            pesan = e.evalue.splitlines()[0] if e.evalue else e.ename
            raise BuildError(f"{template.name} ({', '.join(f'{k}={v}' for k, v in params.items())}), "
                             f"sel ke-{e.cell_index + 1}: {e.ename}: {pesan} [notebook lengkap: {_rel(gagal, root)}]") from None
        except Exception as e:  # a kernel that failed to start (port race): try again
            tmp.unlink(missing_ok=True)
            if i == percobaan - 1 or not any(s in f"{type(e).__name__} {e}" for s in KERNEL_START_ERRORS):
                raise BuildError(f"{template.name}: kernel gagal dijalankan: {type(e).__name__}: {e}") from None
            time.sleep(0.5 + i)
    os.replace(tmp, keluar)
    peringatan = []
    for cell in hasil.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream" and out.get("name") == "stderr":
                peringatan += [s for s in out.get("text", "").splitlines() if s.startswith("PERINGATAN")]
    return peringatan


def _rel(p: Path, root: Path) -> str:
    try:
        return str(p.relative_to(root))
    except ValueError:
        return str(p)


# --- the whole build ---------------------------------------------------------------------------

@dataclass
class Hasil:
    dijalankan: list[str]
    dirakit: bool
    peringatan: list[str]
    waktu: dict[str, float] = field(default_factory=dict)  # seconds per phase: data, notebook, rakit


def build(tahun: int, root: Path, jobs: int | None = None, log=print) -> Hasil:
    root = Path(root).resolve()
    build_dir = root / "build" / str(tahun)
    nb_dir = build_dir / "nb"
    stamps = build_dir / "sidik"
    stamps.mkdir(parents=True, exist_ok=True)

    # 1. what changed: data tables, notebooks, assembly
    data_sidik = sidik(masukan_data(tahun, root))
    processed = root / "data" / "processed" / str(tahun) / "capaian.csv"
    data_segar = _segar(stamps / "data", data_sidik, processed)
    if not (root / "data" / "raw" / str(tahun)).is_dir():
        from .data import baca_tahun
        baca_tahun(root / "data" / "raw", tahun, "")  # stops: no data for this year, lists those there are
    langkah = rencana(tahun, root)
    tugas = {}
    for l in langkah:
        template = root / "notebooks" / f"{l.template}.py"
        s = sidik([template, *_narasi_files(tahun, root, l.narasi)], [data_sidik, l.params])
        keluar = nb_dir / f"{l.nama}.ipynb"
        if not _segar(stamps / l.nama, s, keluar):
            # root "." = the kernel's working folder (cwd=root): no absolute path in any output
            tugas[l.nama] = (template, keluar, {"tahun": tahun, **l.params, "root": "."}, s)
    urutan = [nb_dir / f"{l.nama}.ipynb" for l in langkah]
    reports = root / "reports" / str(tahun)
    keluaran = [reports / f"laporan-kinerja-{tahun}{s}" for s in (".html", "-audit.html", ".pdf")]
    keluaran.append(reports / f"reviu-{tahun}.csv")
    semua_masukan = masukan_proyek(tahun, root)

    def rakit_sidik() -> str:
        from .provenance import git
        return sidik([*urutan, *sorted(TEMPLATES.rglob("*")), *semua_masukan], git(root))

    if data_segar and not tugas and _segar(stamps / "rakit", rakit_sidik(), *keluaran):
        return Hasil([], False, [])

    # One pool for the whole build: workers load the libraries while the main process validates
    # the data (or, when only notebooks changed, after their notebooks), notebooks run in parallel,
    # and the main process computes the reviu and provenance sections meanwhile.
    mulai = time.perf_counter()
    jobs = jobs or os.cpu_count() or 1
    peringatan: list[str] = []
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        if not data_segar:
            for _ in range(jobs):
                pool.submit(_panaskan)
            from .__main__ import cmd_data
            try:
                cmd_data(tahun, root, log)  # validates every input: bad data stops here with one line
            except BaseException:
                pool.shutdown(cancel_futures=True)
                raise
            tulis_atomik(stamps / "data", data_sidik)
        waktu = {"data": time.perf_counter() - mulai}
        futures = {pool.submit(jalankan, t, k, prm, root): nama for nama, (t, k, prm, _) in tugas.items()}
        if tugas:
            log(f"menjalankan {len(tugas)} notebook: {', '.join(tugas)}")
        if data_segar:
            for _ in range(jobs):
                pool.submit(_panaskan)
        tambahan, reviu_csv = _bagian_perakitan(tahun, root, semua_masukan)
        galat = []
        for f in as_completed(futures):
            try:
                peringatan += f.result()
                tulis_atomik(stamps / futures[f], tugas[futures[f]][3])
            except BuildError as e:
                galat.append(str(e))
        if galat:
            raise BuildError(" | ".join(sorted(galat)))
        waktu["notebook"] = time.perf_counter() - mulai - waktu["data"]
        if tugas:
            log(f"  notebook selesai ({waktu['notebook']:.1f} s)")

        # 3. assemble HTML, audit HTML and PDF
        from . import pdf
        from .rakit import html_audit, html_laporan
        log("merakit HTML, HTML audit, PDF dan CSV reviu")
        audit = pool.submit(html_audit, urutan, tahun, tambahan)
        laporan = html_laporan(urutan, tahun, tambahan)
        isi_pdf, terpotong = pdf.render(laporan, f"Laporan Kinerja {tahun}", build_dir / "pdf", pool)
        peringatan += terpotong
        hasil_akhir = (laporan, audit.result(), isi_pdf, reviu_csv)
    waktu["rakit"] = time.perf_counter() - mulai - waktu["data"] - waktu["notebook"]
    log(f"  rakit selesai ({waktu['rakit']:.1f} s)")
    for path, data in zip(keluaran, hasil_akhir):
        tulis_atomik(path, data, tmp_dir=build_dir)  # nothing half-written ever appears in reports/
    tulis_atomik(stamps / "rakit", rakit_sidik())
    return Hasil(list(tugas), True, sorted(set(peringatan)), waktu)


def _panaskan() -> None:
    """Load the build's libraries in an idle worker (they take a second to import)."""
    import jupytext  # noqa: F401
    import nbconvert  # noqa: F401
    import papermill  # noqa: F401
    import weasyprint  # noqa: F401


def _bagian_perakitan(tahun: int, root: Path, semua_masukan: list[Path]) -> tuple[list, str]:
    """The sections made at assembly (Catatan Reviu, provenance) and the reviu CSV."""
    from . import provenance, reviu
    from .rakit import sel_html
    temuan, ada_publikasi = reviu.periksa(tahun, root)
    tambahan = [
        sel_html("07-reviu", reviu.lampiran_html(temuan, ada_publikasi, "Lampiran 5. Catatan Reviu"),
                 "dibuat saat perakitan: lkj.reviu.periksa (sama dengan reviu-<tahun>.csv)"),
        sel_html("08-provenance", provenance.html(root, semua_masukan, "lampiran-provenance",
                                                  "Lampiran 6. Asal-usul Data (Provenance)"),
                 "dibuat saat perakitan: lkj.provenance.html"),
    ]
    return tambahan, reviu.ke_csv(temuan)


def main_report(tahun: int, root: Path, jobs: int | None) -> None:
    mulai = time.perf_counter()
    hasil = build(tahun, root, jobs, log=lambda s: print(s, file=sys.stderr))
    for w in hasil.peringatan:
        print(w, file=sys.stderr)
    if not hasil.dijalankan and not hasil.dirakit:
        print(f"reports/{tahun}: sudah mutakhir (tidak ada masukan yang berubah)")
    else:
        print(f"reports/{tahun}/laporan-kinerja-{tahun}.html, -audit.html, .pdf, reviu-{tahun}.csv "
              f"({time.perf_counter() - mulai:.1f} s)")
