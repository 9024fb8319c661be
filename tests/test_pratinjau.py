"""make pratinjau: the long-lived preview rebuilds on every saved change, with the outputs of make report."""

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from test_report import baca, sidik_laporan

from lkj.build import pratinjau
from lkj.build.pratinjau import Pratinjau

from conftest import ROOT, masukan


def diam(s: str) -> None:
    pass


def test_preview_rebuilds_each_change_with_the_bytes_of_make_report(laporan, tmp_path, monkeypatch):
    """A narrative edit is refilled without a kernel; a data edit reruns the notebooks on kernels kept
    from build to build; put back, the outputs are byte for byte those of the clean build."""
    root, _ = laporan
    asli = sidik_laporan(root)
    narasi, komponen = root / "data/raw/2023/narasi/sasaran-02.md", root / "data/raw/2023/komponen.csv"
    teks_narasi, teks_komponen = narasi.read_text(encoding="utf-8"), komponen.read_text(encoding="utf-8")
    with Pratinjau(2023, root, jobs=2) as p:
        assert p.perubahan() == "masukan" and not p.bangun(diam).dirakit  # first look: already up to date
        assert p.perubahan() is None
        try:
            narasi.write_text(teks_narasi + "\nKalimat pratinjau: {{ realisasi }}.\n", encoding="utf-8")
            assert p.perubahan() == "masukan"
            hasil = p.bangun(diam)
            assert hasil.narasi == ["04-sasaran-02"] and hasil.dijalankan == []
            assert "Kalimat pratinjau: 58,56%." in baca(root)
            baris = next(b for b in teks_komponen.splitlines() if b.startswith("IK02,K01,"))
            komponen.write_text(teks_komponen.replace(baris, baris.rsplit(",", 1)[0] + ",200"), encoding="utf-8")
            assert p.perubahan() == "masukan"
            semua = [b.nama for b in masukan(2023, root).rencana.bagian]
            assert sorted(p.bangun(diam).dijalankan) == sorted(semua)
            assert "Kalimat pratinjau: 58,56%." not in baca(root)  # the narrative's number follows the data
        finally:
            narasi.write_text(teks_narasi, encoding="utf-8")
            komponen.write_text(teks_komponen, encoding="utf-8")
        assert p.perubahan() == "masukan"
        assert p.bangun(diam).dijalankan
        assert sidik_laporan(root) == asli

        kode = tmp_path / "modul.py"  # lkj's own code: the preview must restart, not run stale modules
        kode.write_text("x = 1\n")
        monkeypatch.setattr(pratinjau, "kode", lambda: [kode])
        p.kode = pratinjau._jejak([kode])
        assert p.perubahan() is None
        kode.write_text("x = 22\n")
        assert p.perubahan() == "kode"


def _anak(pid: int) -> list[int]:
    """Child processes of pid (Linux /proc)."""
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(stat.parent.name))
        except (OSError, ValueError, IndexError):
            continue
    return out


def test_preview_command_reports_errors_keeps_watching_and_stops_cleanly(laporan):
    root, _ = laporan
    pk, narasi = root / "data/raw/2023/pk.csv", root / "data/raw/2023/narasi/penutup.md"
    teks_pk, teks_narasi = pk.read_text(encoding="utf-8"), narasi.read_text(encoding="utf-8")
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
        batas = time.monotonic() + 120
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
        pk.write_text(teks_pk + "x,y\n", encoding="utf-8")
        tunggu("laporan tidak diperbarui")
        batas = time.monotonic() + 10  # stderr arrives on its own pipe
        while not any("data/raw/2023/pk.csv, baris 12" in g for g in galat) and time.monotonic() < batas:
            time.sleep(0.1)
        assert any("data/raw/2023/pk.csv, baris 12" in g for g in galat), galat
        pk.write_text(teks_pk, encoding="utf-8")
        tunggu("laporan sudah mutakhir")  # back as built: nothing to do, and it says so
        narasi.write_text(teks_narasi + "\nSatu kalimat lagi.\n", encoding="utf-8")
        assert "laporan diperbarui (narasi 06-penutup;" in tunggu("laporan diperbarui")
        assert "Satu kalimat lagi." in baca(root)
        narasi.write_text(teks_narasi, encoding="utf-8")
        tunggu("laporan diperbarui")
        pekerja = _anak(proses.pid)
        assert len(pekerja) >= 2
        proses.send_signal(signal.SIGTERM)
        assert proses.wait(timeout=60) == 0
        tunggu("Pratinjau dihentikan.")
        time.sleep(0.5)
        assert not [p for p in pekerja if Path(f"/proc/{p}").exists()], "proses pekerja tertinggal"
    finally:
        proses.kill()
        pk.write_text(teks_pk, encoding="utf-8")
        narasi.write_text(teks_narasi, encoding="utf-8")


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
    from lkj.build.pratinjau import berkas_dipantau
    from lkj.masukan.proyek import Proyek

    (proyek / "aset").mkdir()
    logo = proyek / "aset/logo.png"
    logo.write_bytes(b"\x89PNG\r\n\x1a\n")
    params = proyek / "params/2023.yaml"
    params.write_text(params.read_text(encoding="utf-8").replace("logo: null", "logo: aset/logo.png"), encoding="utf-8")
    assert logo in berkas_dipantau(Proyek.di(proyek), 2023)
    params.write_text("tahun: [\n", encoding="utf-8")  # broken params: the folders are still watched
    assert params in berkas_dipantau(Proyek.di(proyek), 2023)
