"""make pratinjau: the long-lived preview rebuilds on every saved change, with the outputs of make report."""

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from test_report import baca, sidik_laporan

from lkj.__main__ import main
from lkj.files import tulis_atomik  # as JupyterLab saves: a temporary file renamed over the old
from lkj.masukan.proyek import KODE, Proyek
from lkj.pipeline import build, pratinjau
from lkj.pipeline.pratinjau import Pantauan, Pratinjau

from conftest import ROOT, masukan


def diam(s: str) -> None:
    pass


def tenang(p: Pratinjau) -> None:
    """Wait until no change is pending."""
    while p.perubahan(batas=0.5) is not None:
        pass


def test_preview_tells_code_inputs_and_outputs_from_the_rest(proyek):
    t = Pantauan(Proyek.di(proyek), 2023)
    assert t.jenis(str(KODE / "build" / "pdf.py")) == "kode"
    assert t.jenis(str(KODE / "build" / "__pycache__" / "pdf.cpython-311.pyc")) is None
    raw = proyek / "data/raw/2023"
    assert t.jenis(str(raw / "narasi" / "sasaran-02.md")) == "masukan"
    assert t.jenis(str(raw / "narasi" / ".sasaran-02.md.swp")) is None  # an editor's own file
    assert t.jenis(str(raw / "narasi" / ".ipynb_checkpoints" / "x.md")) is None
    assert t.jenis(str(proyek / "params" / "2024.yaml")) == "masukan"  # a new year's params
    assert t.jenis(str(proyek / "reports/2023/laporan-kinerja-2023.pdf")) == "masukan"
    assert t.jenis(str(proyek / "reports/2023/.laporan-kinerja-2023.pdf.x.tmp")) is None
    assert t.jenis(str(proyek / "build/2023/sidik/rakit")) is None
    assert t.jenis(str(proyek / "data/processed/2023/capaian.csv")) is None
    assert proyek / "reports/2023" in t.folder()


def test_preview_rebuilds_each_change_with_the_bytes_of_make_report(laporan):
    """A narrative edit is refilled without a kernel; a data edit reruns the notebooks on kernels kept
    from build to build; put back, the outputs are byte for byte those of the clean build."""
    root, _ = laporan
    asli = sidik_laporan(root)
    narasi, komponen = root / "data/raw/2023/narasi/sasaran-02.md", root / "data/raw/2023/komponen.csv"
    teks_narasi, teks_komponen = narasi.read_text(encoding="utf-8"), komponen.read_text(encoding="utf-8")
    try:
        with Pratinjau(2023, root, jobs=2) as p:
            assert p.perubahan() == "masukan" and not p.bangun(diam).dirakit  # first look: up to date
            assert p.perubahan(batas=0.5) is None
            tulis_atomik(narasi, teks_narasi + "\nKalimat pratinjau: {{ realisasi }}.\n")
            assert p.perubahan(batas=10) == "masukan"
            hasil = p.bangun(diam)
            assert hasil.narasi == ["04-sasaran-02"] and hasil.dijalankan == []
            assert "Kalimat pratinjau: 58,56%." in baca(root)
            assert p.perubahan(batas=1) is None  # the events of its own outputs start no build
            baris = next(b for b in teks_komponen.splitlines() if b.startswith("IK02,K01,"))
            komponen.write_text(teks_komponen.replace(baris, baris.rsplit(",", 1)[0] + ",200"), encoding="utf-8")
            assert p.perubahan(batas=10) == "masukan"  # written in place, not renamed: seen too
            semua = [b.nama for b in masukan(2023, root).rencana.bagian]
            assert sorted(p.bangun(diam).dijalankan) == sorted(semua)
            assert "Kalimat pratinjau: 58,56%." not in baca(root)  # the narrative's number follows the data
            tenang(p)
            tulis_atomik(narasi, teks_narasi)
            tulis_atomik(komponen, teks_komponen)
            assert p.perubahan(batas=10) == "masukan"
            assert p.bangun(diam).dijalankan
            assert sidik_laporan(root) == asli
            tenang(p)  # its own outputs: nothing to do
            assert not p.bangun(diam).dirakit
            (root / "reports/2023/laporan-kinerja-2023.pdf").unlink()  # an output removed meanwhile
            assert p.perubahan(batas=10) == "masukan" and p.bangun(diam).dirakit
            assert sidik_laporan(root) == asli
            (root / "build/2023/catatan.txt").write_text("bukan masukan")  # build/ is not watched
            tenang(p)
            assert p.perubahan(batas=0.5) is None
    finally:  # the shared build as it was, whatever failed above
        narasi.write_text(teks_narasi, encoding="utf-8")
        komponen.write_text(teks_komponen, encoding="utf-8")
        build(2023, root, log=diam)


def test_preview_writes_the_html_before_the_pdf_is_laid_out_and_make_report_keeps_the_set(laporan, monkeypatch):
    """The writer sees an edit in the HTML while the PDF (seconds) is still being made; `make report`
    replaces its outputs only as one set."""
    from lkj.pipeline import pdf

    root, _ = laporan
    narasi = root / "data/raw/2023/narasi/penutup.md"
    teks = narasi.read_text(encoding="utf-8")
    render, dilihat = pdf.render, []

    def render_melihat(*a, **k):  # what the report HTML holds when the PDF starts
        dilihat.append(baca(root))
        return render(*a, **k)

    monkeypatch.setattr(pdf, "render", render_melihat)
    try:
        for i, html_dulu in enumerate((True, False)):
            tulis_atomik(narasi, teks + f"\nKalimat pratinjau nomor {i}.\n")
            assert build(2023, root, log=diam, html_dulu=html_dulu).dirakit
            assert (f"Kalimat pratinjau nomor {i}." in dilihat[-1]) is html_dulu
            assert f"Kalimat pratinjau nomor {i}." in baca(root)
    finally:
        narasi.write_text(teks, encoding="utf-8")
        monkeypatch.setattr(pdf, "render", render)
        build(2023, root, log=diam)


def test_preview_restarts_itself_in_place_when_lkj_code_changes(proyek, monkeypatch):
    class Palsu:  # a preview that sees lkj's code changed at once
        def __init__(self, *args):
            pass

        def __enter__(self):
            return self

        def __exit__(self, *args):
            pass

        def perubahan(self, batas=None):
            return "kode"

        def tutup(self):
            pass

    dipanggil = []

    def execv(program, argv):
        dipanggil.append((program, argv))
        raise SystemExit(0)

    monkeypatch.setattr(pratinjau, "Pratinjau", Palsu)
    monkeypatch.setattr(os, "execv", execv)
    sigterm = signal.getsignal(signal.SIGTERM)
    with pytest.raises(SystemExit):
        main(["pratinjau", "2023", "--root", str(proyek)])
    assert dipanggil == [(sys.executable, sys.orig_argv)]  # the same command, a fresh interpreter
    assert signal.getsignal(signal.SIGTERM) is sigterm  # the handlers it set are put back


def _keturunan(pid: int) -> dict[int, str]:
    """Every process descended from pid, with its command line (Linux /proc)."""
    induk: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            induk[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
    out, baru = {}, [pid]
    while baru:
        baru = [c for c, i in induk.items() if i in baru and c not in out]
        for c in baru:
            try:
                out[c] = Path(f"/proc/{c}/cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                out[c] = ""
    return out


def _keturunan_lama(anak: dict[int, str]) -> dict[int, str]:
    """Those of `anak` still running (the same command line: a pid may have been reused)."""
    out = {}
    for p, c in anak.items():
        try:
            if Path(f"/proc/{p}/cmdline").read_bytes().replace(b"\0", b" ").decode() == c:
                out[p] = c
        except OSError:
            continue
    return out


def test_preview_command_reports_errors_keeps_watching_and_stops_cleanly(laporan):
    root, _ = laporan
    pk, narasi = root / "data/raw/2023/pk.csv", root / "data/raw/2023/narasi/penutup.md"
    komponen = root / "data/raw/2023/komponen.csv"
    teks_pk, teks_narasi = pk.read_text(encoding="utf-8"), narasi.read_text(encoding="utf-8")
    teks_komponen = komponen.read_text(encoding="utf-8")
    proses = subprocess.Popen(
        [sys.executable, "-m", "lkj", "pratinjau", "2023", "--root", str(root), "-j", "2"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    baris: queue.Queue[str] = queue.Queue()
    galat: list[str] = []
    threading.Thread(target=lambda: [baris.put(b) for b in proses.stdout], daemon=True).start()
    threading.Thread(target=lambda: [galat.append(b) for b in proses.stderr], daemon=True).start()

    def tunggu(teks: str) -> str:
        batas = time.monotonic() + 300  # a data rebuild on a loaded 2-core machine
        while time.monotonic() < batas:
            try:
                b = baris.get(timeout=1)
            except queue.Empty:
                continue
            if teks in b:
                return b
        raise AssertionError(f"tidak muncul: {teks!r}; stderr: {''.join(galat)}")

    try:
        assert "Pratinjau 2023: reports/2023/ diperbarui" in tunggu("Pratinjau 2023")
        tunggu("laporan sudah mutakhir")
        tulis_atomik(pk, teks_pk + "x,y\n")
        tunggu("laporan tidak diperbarui")
        batas = time.monotonic() + 10  # stderr arrives on its own pipe
        while not any("data/raw/2023/pk.csv, baris 12" in g for g in galat) and time.monotonic() < batas:
            time.sleep(0.1)
        assert any("data/raw/2023/pk.csv, baris 12" in g for g in galat), galat
        tulis_atomik(pk, teks_pk)
        tunggu("laporan sudah mutakhir")  # back as built: nothing to do, and it says so
        tulis_atomik(narasi, teks_narasi + "\nSatu kalimat lagi.\n")
        assert "laporan diperbarui (narasi 06-penutup;" in tunggu("laporan diperbarui")
        assert "Satu kalimat lagi." in baca(root)
        tulis_atomik(narasi, teks_narasi)
        tunggu("laporan diperbarui (narasi 06-penutup;")
        tulis_atomik(komponen, teks_komponen.replace(",106\n", ",107\n", 1))
        tunggu("notebook dijalankan")  # the workers now have kernels
        anak = _keturunan(proses.pid)
        assert len(anak) >= 4 and any("ipykernel" in c for c in anak.values()), anak
        tulis_atomik(komponen, teks_komponen)  # and stopped while this rebuild runs
        time.sleep(1)
        proses.send_signal(signal.SIGTERM)
        assert proses.wait(timeout=60) == 0
        tunggu("Pratinjau dihentikan.")
        batas = time.monotonic() + 15  # a kernel notices within a second or two that its worker is gone
        while (sisa := _keturunan_lama(anak)) and time.monotonic() < batas:
            time.sleep(0.2)
        assert not sisa, f"proses pekerja atau kernel tertinggal: {sisa}"
        assert "Traceback" not in "".join(galat)
    finally:
        proses.kill()
        pk.write_text(teks_pk, encoding="utf-8")
        narasi.write_text(teks_narasi, encoding="utf-8")
        komponen.write_text(teks_komponen, encoding="utf-8")
        build(2023, root, log=diam)  # a rebuild cut short leaves nothing that passes for built


def test_nothing_changed_check_imports_no_pandas(laporan):
    """The no-op path stays fast: its process never imports pandas (0,15 s of the 0,3 s budget)."""
    root, _ = laporan
    kode = (
        "import sys\nfrom lkj.__main__ import main\n"
        f"assert main(['report', '2023', '--root', {str(root)!r}]) == 0\n"
        "print('pandas' in sys.modules)"
    )
    hasil = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True, cwd=ROOT, check=True)
    assert hasil.stdout.splitlines() == ["reports/2023: sudah mutakhir (tidak ada masukan yang berubah)", "False"]


def test_preview_watches_the_logo_wherever_params_put_it(proyek):
    (proyek / "aset").mkdir()
    logo = proyek / "aset/logo.png"
    from PIL import Image

    Image.new("RGB", (8, 8), "red").save(logo)  # a whole image: the input stage decodes the logo
    params = proyek / "params/2023.yaml"
    params.write_text(params.read_text(encoding="utf-8").replace("logo: null", "logo: aset/logo.png"), encoding="utf-8")
    t = Pantauan(Proyek.di(proyek), 2023)
    assert t.jenis(str(logo)) == "masukan" and logo.parent in t.folder()
    params.write_text("tahun: [\n", encoding="utf-8")  # broken params: the folders are still watched
    assert t.baca_logo() and t.logo is None
    assert proyek / "params" in t.folder()
