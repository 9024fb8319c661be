"""Benchmark of the report build (`make bench`). Prints figures measured in one run.

Every build is run as a user runs it: a new `make report` (make, then `.venv/bin/lkj`), or, for the
preview, one `make pratinjau` process.
- preview: a narrative file saved as an editor saves it (a temporary file written, then renamed over the
  original), timed until the report HTML holds the new sentence (and the PDF is rewritten); five saves;
- `make report` after a one-narrative edit (best of 3) in Bab III, the longest chapter, and where its time
  goes (make, interpreter and command line, imports, the up-to-date check, data, narrative refill, report
  HTML, PDF, the rest); the same in Bab IV, a short chapter (the PDF lays out the edited chapter only);
- cold: full build from an empty build/, warm kernel pool (default) and fresh kernels (`KERNEL=segar`);
- the designs compared (README, Performance): a narrative edit with the narrative refilled in-process
  vs its notebook rerun on a warm or a fresh kernel; a data edit on warm vs fresh kernels;
- no-op, data-only edit (every notebook reruns), and the preview's data edit;
- floor: the same number of trivial notebooks (import pandas and matplotlib) through papermill, a
  fresh kernel each, with the same parallelism, plus one WeasyPrint render of the same page count;
- scaling: cold builds of synthetic projects with 10, 20, 40 and 80 indicators.

Times depend on the machine and its load: compare the ratios, measured in the same run.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import queue
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat
import yaml
from pypdf import PdfReader
from weasyprint import HTML

from lkj.masukan.model import baca_masukan
from lkj.masukan.proyek import Proyek
from lkj.pipeline.notebook import jalankan

ROOT = Path(__file__).resolve().parent.parent
TAHUN = 2023
NARASI = f"data/raw/{TAHUN}/narasi/sasaran-02.md"  # in Bab III, the report's longest chapter (one PDF piece)
NARASI_PENDEK = f"data/raw/{TAHUN}/narasi/penutup.md"  # in Bab IV (two pages)
# make's own variables must not reach the makes this starts (`make bench` runs this)
ENV = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES")}


def salin_proyek(tujuan: Path) -> Path:
    for folder in ("data/raw", "params", "notebooks"):
        shutil.copytree(ROOT / folder, tujuan / folder)
    return tujuan


def waktu(f, *args) -> float:
    mulai = time.perf_counter()
    f(*args)
    return time.perf_counter() - mulai


def make(target: str, root: Path, *variabel: str) -> subprocess.CompletedProcess:
    """`make TARGET ROOT=root ...`, as a user types it."""
    return subprocess.run(
        ["make", "-s", "--no-print-directory", "-C", str(ROOT), target, f"YEAR={TAHUN}", f"ROOT={root}", *variabel],
        check=True,
        capture_output=True,
        text=True,
        env=ENV,
    )


FASE: dict[str, float] = {}


def bangun(root: Path, kernel: str = "hangat") -> None:
    """`make report` in a new process; its phases (notebooks, assembly) read from its log."""
    FASE.clear()
    mulai = time.perf_counter()
    hasil = make("report", root, f"KERNEL={kernel}")
    total = time.perf_counter() - mulai
    for nama, pola in (("notebook", r"notebook selesai \(([\d.]+) s\)"), ("rakit", r"rakit selesai \(([\d.]+) s\)")):
        m = re.search(pola, hasil.stderr)
        FASE[nama] = float(m[1]) if m else 0.0
    FASE["lain"] = total - FASE["notebook"] - FASE["rakit"]  # make, process start, imports, validation, writing


def noop(root: Path) -> None:
    make("report", root)


def simpan_seperti_editor(path: Path, teks: str) -> None:
    """Save as an editor does (JupyterLab, vim, gedit): a temporary file beside it, renamed over it."""
    tmp = path.with_name(f".~{path.name}")
    tmp.write_text(teks, encoding="utf-8")
    os.replace(tmp, path)


def tambah_kalimat(root: Path, i: int = 0, berkas: str = NARASI) -> str:
    narasi = root / berkas
    kalimat = f"Kalimat tambahan {i} untuk uji kecepatan."
    simpan_seperti_editor(narasi, narasi.read_text(encoding="utf-8") + f"\n{kalimat}\n")
    return kalimat


def _jejak(path: Path) -> tuple | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


def tunggu_isi(path: Path, teks: str, batas: float = 120) -> float:
    """perf_counter() when `path` first holds `teks` (checked at every change of the file, every 5 ms)."""
    akhir, lama = time.monotonic() + batas, None
    while time.monotonic() < akhir:
        jejak = _jejak(path)
        if jejak != lama:
            lama = jejak
            if teks in path.read_text(encoding="utf-8", errors="replace"):
                return time.perf_counter()
        time.sleep(0.005)
    raise RuntimeError(f"{path.name} tidak memuat '{teks}' dalam {batas:.0f} s")


def tunggu_berubah(path: Path, lama: tuple | None, batas: float = 120) -> float:
    akhir = time.monotonic() + batas
    while time.monotonic() < akhir:
        if _jejak(path) != lama:
            return time.perf_counter()
        time.sleep(0.005)
    raise RuntimeError(f"{path.name} tidak ditulis ulang dalam {batas:.0f} s")


def pratinjau(root: Path, n_narasi: int) -> tuple[list[float], list[float], float]:
    """`make pratinjau` running on a built project: seconds from an editor-style save of a narrative edit to
    the report HTML holding the new sentence, and to the PDF rewritten (n edits); then two data edits, the
    second timed to the HTML rewritten (the first starts the kernels the preview then keeps)."""
    proses = subprocess.Popen(
        ["make", "-s", "--no-print-directory", "-C", str(ROOT), "pratinjau", f"YEAR={TAHUN}", f"ROOT={root}"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**ENV, "PYTHONUNBUFFERED": "1"},
        start_new_session=True,  # stopped as a group: make and lkj
    )
    baris: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [baris.put(b) for b in proses.stdout], daemon=True).start()
    html = root / f"reports/{TAHUN}/laporan-kinerja-{TAHUN}.html"
    pdf = html.with_suffix(".pdf")
    try:
        batas = time.monotonic() + 300
        while "sudah mutakhir" not in baris.get(timeout=300):
            if time.monotonic() > batas or proses.poll() is not None:
                raise RuntimeError("pratinjau tidak siap")
        ke_html, ke_pdf = [], []
        for i in range(n_narasi):
            time.sleep(1.0)  # a writer's pause between saves
            pdf_lama = _jejak(pdf)
            mulai = time.perf_counter()
            kalimat = tambah_kalimat(root, 100 + i)
            ke_html.append(tunggu_isi(html, kalimat) - mulai)
            ke_pdf.append(tunggu_berubah(pdf, pdf_lama) - mulai)
        for _ in range(2):
            time.sleep(1.0)
            lama = _jejak(html)
            mulai = time.perf_counter()
            ubah_realisasi(root)
            t_data = tunggu_berubah(html, lama) - mulai
        return ke_html, ke_pdf, t_data
    finally:
        os.killpg(proses.pid, signal.SIGTERM)
        try:
            proses.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(proses.pid, signal.SIGKILL)


# One narrative edit built in a new process, each step timed (the build's own functions, wrapped).
# argv: year, root, sentence, "tambalan" (the narrative refilled in-process, this design) or
# "tanpa-tambalan" (its notebook reruns), kernel, "tetap" (on a pool whose kernels a first build warmed,
# as in the preview) or "baru".
RINCIAN = """
import json, os, shutil, sys, time
from pathlib import Path
mulai = time.perf_counter()
import lkj.__main__, lkj.pipeline as b
t = {"cli": time.perf_counter() - mulai}
mulai = time.perf_counter()
b._sans_rfc3987()
import pandas, nbconvert, weasyprint, pypdf, lkj.pipeline.rakit, lkj.pipeline.pdf, lkj.tampil.laporan
t["impor"] = time.perf_counter() - mulai
from lkj.pipeline import pdf, rakit
from lkj.masukan import model
tahun, root, kalimat, cara, kernel, pool = int(sys.argv[1]), Path(sys.argv[2]), *sys.argv[3:]
pool = b.pool_baru(os.cpu_count()) if pool == "tetap" else None
if pool:
    shutil.rmtree(root / f"build/{tahun}/sidik")  # every notebook reruns: each worker's kernel is warm
    b.build(tahun, root, log=lambda s: None, kernel=kernel, pool=pool)
def ukur(modul, nama, kunci):
    f = getattr(modul, nama)
    def g(*a, **k):
        s = time.perf_counter()
        try:
            return f(*a, **k)
        finally:
            t[kunci] = t.get(kunci, 0) + time.perf_counter() - s
    setattr(modul, nama, g)
ukur(model, "baca_masukan", "data")
ukur(b, "_narasi_saja", "narasi")
ukur(rakit, "html_laporan", "html")
ukur(pdf, "render", "pdf")
if cara == "tanpa-tambalan":
    b._narasi_saja = lambda *a: False
narasi = root / f"data/raw/{tahun}/narasi/sasaran-02.md"
narasi.write_text(narasi.read_text(encoding="utf-8") + "\\n" + kalimat + "\\n", encoding="utf-8")
mulai = time.perf_counter()
hasil = b.build(tahun, root, log=lambda s: None, kernel=kernel, pool=pool)
t["build"] = time.perf_counter() - mulai
assert hasil.dirakit and kalimat in (root / f"reports/{tahun}/laporan-kinerja-{tahun}.html").read_text(), hasil
assert hasil.narasi if cara == "tambalan" else hasil.dijalankan, hasil
if pool:
    b.hentikan(pool)
print(json.dumps(t))
"""


def rincian(root: Path, i: int, cara: str = "tambalan", kernel: str = "hangat", pool: str = "baru") -> dict[str, float]:
    """One narrative edit built in a new process with each step timed; 'total' includes Python's start."""
    mulai = time.perf_counter()
    hasil = subprocess.run(
        [sys.executable, "-c", RINCIAN, str(TAHUN), str(root), f"Kalimat rincian {i}.", cara, kernel, pool],
        check=True,
        capture_output=True,
        text=True,
    )
    return {**json.loads(hasil.stdout), "total": time.perf_counter() - mulai}


def n_bagian(root: Path) -> int:
    return len(baca_masukan(Proyek.di(root), TAHUN).rencana.bagian)


def floor(n_notebook: int, n_halaman: int, kerja: Path) -> tuple[float, float]:
    """n trivial notebooks through papermill (same pool as the build) + one PDF of n pages:
    seconds for the notebooks and for the PDF."""
    nb = nbformat.v4.new_notebook(
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
    )
    nb.cells = [
        nbformat.v4.new_code_cell("tahun = 2023", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("import pandas\nimport matplotlib\nprint(tahun)"),
    ]
    sumber = kerja / "trivial.py"
    import jupytext

    jupytext.write(nb, sumber, fmt="py:percent")
    halaman = "".join(
        f'<h1 style="break-before: page">Halaman {i}</h1><p>{"Teks laporan. " * 200}</p>' for i in range(n_halaman)
    )
    html = f"<html><head><style>@page {{ size: A4; margin: 2cm }}</style></head><body>{halaman}</body></html>"
    mulai = time.perf_counter()
    with ProcessPoolExecutor(max_workers=min(os.cpu_count() or 1, n_notebook)) as pool:
        list(
            pool.map(
                functools.partial(jalankan, kernel="segar"),
                [sumber] * n_notebook,
                [kerja / f"nb-{i}.ipynb" for i in range(n_notebook)],
                [{"tahun": TAHUN}] * n_notebook,
                [kerja] * n_notebook,
            )
        )
    t_nb = time.perf_counter() - mulai
    HTML(string=html).write_pdf()
    return t_nb, time.perf_counter() - mulai - t_nb


def sintetis(root: Path, n: int) -> Path:
    """A project with n sasaran of one ratio indicator each, n programs, no narrative."""
    raw = root / "data/raw"
    renstra = raw / "renstra-2021-2026"
    tahun = raw / str(TAHUN)
    for d in (renstra, tahun, root / "params"):
        d.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "notebooks", root / "notebooks")
    (renstra / "tujuan.csv").write_text("tujuan_id,tujuan\nT1,Tujuan uji\n")
    (renstra / "sasaran.csv").write_text(
        "sasaran_no,tujuan_id,sasaran\n" + "".join(f"{i},T1,Sasaran uji {i}\n" for i in range(1, n + 1))
    )
    (renstra / "indikator.csv").write_text(
        "indikator_id,sasaran_no,indikator,satuan,polaritas,jenis_rumus,rumus,target_1,target_2,target_3,target_4,target_5\n"
        + "".join(
            f"IK{i:02d},{i},Persentase uji {i},%,positif,rasio,A / B × 100%,40,45,50,55,60\n" for i in range(1, n + 1)
        )
    )
    (tahun / "pk.csv").write_text(
        "sasaran_no,indikator_id,sasaran,indikator,target\n"
        + "".join(f"{i},IK{i:02d},Sasaran uji {i},Persentase uji {i},50\n" for i in range(1, n + 1))
    )
    (tahun / "komponen.csv").write_text(
        "indikator_id,komponen_id,kelompok,peran,uraian,satuan,target,realisasi\n"
        + "".join(
            f"IK{i:02d},K01,,pembilang,Jumlah A,unit,{10 + i},{5 + i}\n"
            f"IK{i:02d},K02,,populasi,Jumlah B,unit,{20 + i},\n"
            for i in range(1, n + 1)
        )
    )
    (tahun / "anggaran.csv").write_text(
        "program_kode,program,pagu,realisasi\n"
        + "".join(f"P{i:02d},Program uji {i},{1000000 * i},{800000 * i}\n" for i in range(1, n + 1))
    )
    (tahun / "program_indikator.csv").write_text(
        "program_kode,indikator_id\n" + "".join(f"P{i:02d},IK{i:02d}\n" for i in range(1, n + 1))
    )
    params = yaml.safe_load((ROOT / f"params/{TAHUN}.yaml").read_text())
    params["tahun_pembanding"] = None
    (root / f"params/{TAHUN}.yaml").write_text(yaml.safe_dump(params, allow_unicode=True, sort_keys=False))
    return root


def ubah_realisasi(root: Path) -> None:
    """One realisasi of komponen.csv one higher (a data-only edit)."""
    path = root / f"data/raw/{TAHUN}/komponen.csv"
    pola = re.compile(r"^(IK02,K01,.*,)(\d+)$", re.M)
    teks, n = pola.subn(lambda m: f"{m[1]}{int(m[2]) + 1}", path.read_text(), count=1)
    assert n == 1, "komponen.csv: baris IK02,K01 tidak ditemukan"
    simpan_seperti_editor(path, teks)


def koma(x: float, digit: int = 1) -> str:
    return f"{x:.{digit}f}".replace(".", ",")


def perlambatan() -> float:
    """Wall time over CPU time of a fixed pure-Python loop: 1,0 on an idle machine, 3 when other jobs leave
    this process a third of a core."""
    dinding, cpu = time.perf_counter(), time.process_time()
    sum(i * i for i in range(3_000_000))
    return (time.perf_counter() - dinding) / (time.process_time() - cpu)


def jalankan_diam(perintah: list[str]) -> None:
    subprocess.run(perintah, check=True, capture_output=True, env=ENV)


def terbaik(n: int, f, *args) -> float:
    return min(waktu(f, *args) for _ in range(n))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--skala", default="10,20,40,80", help="indicator counts for the scaling runs ('' to skip)")
    args = ap.parse_args()
    beban, lambat = os.getloadavg()[0], perlambatan()
    with tempfile.TemporaryDirectory(prefix="lkj-bench-") as tmp:
        tmp = Path(tmp)
        root, segar = salin_proyek(tmp / "proyek"), salin_proyek(tmp / "proyek-segar")
        t_cold = waktu(bangun, root)
        fase = dict(FASE)
        t_segar = waktu(bangun, segar, "segar")
        fase_segar = dict(FASE)
        n_nb = n_bagian(root)
        n_hal = len(PdfReader(root / f"reports/{TAHUN}/laporan-kinerja-{TAHUN}.pdf").pages)
        t_noop = terbaik(3, noop, root)
        t_make = terbaik(3, jalankan_diam, ["make", "-s", "-n", "-C", str(ROOT), "report"])
        t_cli = terbaik(3, jalankan_diam, [str(Path(sys.executable).with_name("lkj")), "--help"])
        edit = []
        for i in range(3):
            tambah_kalimat(root, i)
            edit.append((waktu(bangun, root), dict(FASE)))
        t_edit, fase_edit = min(edit, key=lambda x: x[0])
        edit_pendek = []
        for i in range(3):
            tambah_kalimat(root, 20 + i, NARASI_PENDEK)
            edit_pendek.append(waktu(bangun, root))
        r = rincian(root, 10)
        banding = {
            "tanpa tambalan, kernel baru": rincian(root, 11, "tanpa-tambalan", "segar"),
            "tambalan, pool hangat": rincian(root, 12, "tambalan", "hangat", "tetap"),
            "tanpa tambalan, pool hangat": rincian(root, 13, "tanpa-tambalan", "hangat", "tetap"),
        }
        ubah_realisasi(root)
        t_data = waktu(bangun, root)
        ubah_realisasi(segar)
        t_data_segar = waktu(bangun, segar, "segar")
        ke_html, ke_pdf, t_pratinjau_data = pratinjau(root, 5)
        (tmp / "floor").mkdir()
        t_floor_nb, t_floor_pdf = floor(n_nb, n_hal, tmp / "floor")
        t_floor = t_floor_nb + t_floor_pdf
        skala = []
        for n in [int(x) for x in args.skala.split(",") if x.strip()]:
            proyek = sintetis(tmp / f"sintetis-{n}", n)
            skala.append((n, waktu(bangun, proyek), n_bagian(proyek)))
    beban_akhir, lambat_akhir = os.getloadavg()[0], perlambatan()

    def fase_teks(f: dict[str, float]) -> str:
        lain = f"rest (make, start, imports, data, writing) {koma(f['lain'])}"
        return f"notebooks {koma(f['notebook'])}; assembly {koma(f['rakit'])}; {lain}"

    def tercapai(ok: bool) -> str:
        return "met" if ok else "**not met**"

    def langkah(r: dict[str, float]) -> str:
        sisa = r["build"] - r.get("data", 0) - r.get("narasi", 0) - r.get("html", 0) - r.get("pdf", 0)
        bagian = [("Python + lkj", r["total"] - r["impor"] - r["build"]), ("imports", r["impor"])]
        bagian += [(k, r.get(v, 0)) for k, v in (("data", "data"), ("narrative", "narasi"), ("HTML", "html"))]
        bagian += [("PDF", r.get("pdf", 0)), ("rest: audit, reviu, writing", sisa)]
        return "; ".join(f"{k} {koma(v, 2)}" for k, v in bagian)

    print(f"lkj build benchmark ({os.cpu_count()} cores; {n_nb} notebooks, {n_hal} PDF pages)")
    print(
        f"Load average {koma(beban)} at the start, {koma(beban_akhir)} at the end; a pure-Python loop ran "
        f"{koma(lambat)} and {koma(lambat_akhir)} times slower than its CPU time (1,0: an idle machine).\n"
    )
    print("| | time (s) | ratio / goal |\n|---|---|---|")
    m_html, m_pdf = statistics.median(ke_html), statistics.median(ke_pdf)
    ok = m_html <= 1.0 and max(ke_html) <= 1.5
    print(
        f"| one narrative edit saved as an editor does, `make pratinjau` running: until the HTML holds it "
        f"(median, max of {len(ke_html)}) | {koma(m_html, 2)}, {koma(max(ke_html), 2)} "
        f"| goal median ≤ 1,0, max ≤ 1,5: {tercapai(ok)} |"
    )
    print(
        f"| the same saves: until the PDF is rewritten (median, max) | {koma(m_pdf, 2)}, {koma(max(ke_pdf), 2)} "
        f"| {koma(m_pdf - m_html, 2)} s after the HTML |"
    )
    print(
        f"| one narrative edit (Bab III, `sasaran-02.md`), `make report` (new process; best of 3) "
        f"| {koma(t_edit, 2)} ({fase_teks(fase_edit)}) "
        f"| goal ≤ 3 s: {tercapai(t_edit <= 3)} |"
    )
    print(f"| where it goes (one more edit, each step timed) | {koma(r['total'], 2)}: {langkah(r)} | |")
    print(
        f"| the same in Bab IV (`penutup.md`, a 2-page chapter; best of 3) | {koma(min(edit_pendek), 2)} "
        f"| goal ≤ 3 s: {tercapai(min(edit_pendek) <= 3)} |"
    )
    print(
        f"| the fixed costs: make (`make -n`); Python + command line (`lkj --help`); no-op `make report` "
        f"| {koma(t_make, 2)}; {koma(t_cli, 2)}; {koma(t_noop, 2)} | no-op goal ≤ 0,3 s: {tercapai(t_noop <= 0.3)} |"
    )
    print(f"| cold build, warm kernel pool | {koma(t_cold)} ({fase_teks(fase)}) | |")
    print(
        f"| cold build, fresh kernel per notebook (`KERNEL=segar`) | {koma(t_segar)} ({fase_teks(fase_segar)}) "
        f"| warm pool saves {koma(t_segar - t_cold)} s |"
    )
    print(
        f"| floor: {n_nb} trivial notebooks (papermill, fresh kernels) + one PDF of {n_hal} pages "
        f"| {koma(t_floor)} (notebooks {koma(t_floor_nb)}; PDF {koma(t_floor_pdf)}) | |"
    )
    print(f"| cold / floor, warm pool | | {koma(t_cold / t_floor, 2)}; goal ≤ 1,0: {tercapai(t_cold <= t_floor)} |")
    print(f"| cold / floor, fresh kernels | | {koma(t_segar / t_floor, 2)} |")
    print(
        f"| one realisasi edit (all notebooks rerun), warm pool | {koma(t_data)} | {koma(t_data / t_cold, 2)} × cold |"
    )
    print(
        f"| the same, fresh kernels (`KERNEL=segar`) | {koma(t_data_segar)} "
        f"| warm pool saves {koma(t_data_segar - t_data)} s |"
    )
    print(
        f"| one realisasi edit, `make pratinjau` running (its kernels warm from the edit before) "
        f"| {koma(t_pratinjau_data)} | {koma(t_pratinjau_data / t_cold, 2)} × cold |"
    )
    print(f"| design: narrative refilled in-process (this design), new process | {koma(r['build'], 2)} (build) | |")
    for nama, b in banding.items():
        print(
            f"| design: narrative edit, {nama} | {koma(b['build'], 2)} (build) | {koma(b['build'] / r['build'], 2)} × |"
        )
    for n, t, nb in skala:
        print(f"| synthetic, {n} indicators ({nb} notebooks) | {koma(t)} | {koma(t / n, 2)} s per indicator |")


if __name__ == "__main__":
    main()
