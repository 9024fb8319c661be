"""Build mechanics that need no full build: the plan, the kernel-start retry, the warm kernel."""

import json
import os
import time
from pathlib import Path

import nbformat
import papermill
import pytest

from lkj.pipeline import notebook as B

from conftest import masukan


def test_plan_has_one_notebook_per_sasaran_in_report_order():
    nama = [b.nama for b in masukan(2023).rencana.bagian]
    assert nama[:4] == ["00-depan", "01-pendahuluan", "02-perencanaan", "03-pengukuran"]
    assert nama[4:14] == [f"04-sasaran-{n:02d}" for n in range(1, 11)]
    assert nama[14:] == ["05-anggaran", "06-penutup"]


def test_kernel_start_race_is_retried(monkeypatch, tmp_path):
    calls = []

    def flaky(nb, path, **kw):
        calls.append(path)
        if len(calls) < 3:
            raise RuntimeError("Kernel died before replying to kernel_info")
        Path(path).write_text("{}")
        return nb

    monkeypatch.setattr(papermill, "execute_notebook", flaky)
    monkeypatch.setattr(B.time, "sleep", lambda s: None)
    keluar = tmp_path / "nb.ipynb"
    nb = nbformat.v4.new_notebook()
    assert B._jalankan(nb, tmp_path / "t.py", tmp_path / ".t.tmp.ipynb", keluar, {}, tmp_path, 3) is None
    assert len(calls) == 3 and (tmp_path / ".t.tmp.ipynb").is_file()  # the third try's output, to move into place


def test_other_kernel_errors_are_not_retried(monkeypatch, tmp_path):
    calls = []

    def broken(nb, path, **kw):
        calls.append(path)
        raise ValueError("No kernel named python9")

    monkeypatch.setattr(papermill, "execute_notebook", broken)
    try:
        B._jalankan({"cells": []}, tmp_path / "t.py", tmp_path / ".t.tmp.ipynb", tmp_path / "nb.ipynb", {}, tmp_path, 3)
    except B.BuildError as e:
        assert "kernel gagal dijalankan" in str(e) and "python9" in str(e)
    else:
        raise AssertionError("expected BuildError")
    assert len(calls) == 1


KEPALA = (
    "# ---\n# jupyter:\n#   kernelspec:\n#     display_name: Python 3\n"
    "#     language: python\n#     name: python3\n# ---\n"
)


@pytest.fixture
def kernel_hangat():
    yield
    B.WarmKernel.stop_current()


def jalankan_teks(tmp_path, nama: str, kode: str) -> dict:
    """Run a tiny jupytext notebook on this process's warm kernel; the executed notebook as JSON."""
    (tmp_path / f"{nama}.py").write_text(KEPALA + kode)
    B.jalankan(tmp_path / f"{nama}.py", tmp_path / f"{nama}.ipynb", {"x": 1}, tmp_path)
    return json.loads((tmp_path / f"{nama}.ipynb").read_text())


def keluaran_teks(nb: dict) -> list[str]:
    return ["".join(o.get("text", "")) for c in nb["cells"] for o in c.get("outputs", [])]


def test_warm_kernel_gives_the_next_notebook_a_fresh_namespace_and_counter(tmp_path, kernel_hangat):
    a = jalankan_teks(tmp_path, "a", "# %%\nimport os\nrahasia = 42\nprint(os.getpid())\n")
    b = jalankan_teks(tmp_path, "b", "# %%\nimport os\nassert 'rahasia' not in dir()\nprint(os.getpid())\n")
    assert keluaran_teks(a) == keluaran_teks(b)  # the same kernel ran both
    assert [c["execution_count"] for c in b["cells"]] == [1, 2]  # as in a fresh kernel: In [1], In [2]
    with pytest.raises(B.BuildError) as e:  # and a name it did define is really gone, not hidden
        jalankan_teks(tmp_path, "c", "# %%\nprint(rahasia)\n")
    assert "c.py (), sel ke-2: NameError: name 'rahasia' is not defined" in str(e.value)
    assert (tmp_path / "c.gagal.ipynb").is_file()


def test_warm_kernel_that_dies_or_hangs_is_restarted_and_the_notebook_rerun_once(tmp_path, kernel_hangat, monkeypatch):
    monkeypatch.setattr(B, "BATAS_SEL", 3)
    for nama, mogok in (("mati", "os._exit(1)"), ("macet", "time.sleep(60)")):
        kode = (
            f"# %%\nimport os, pathlib, time\nif not pathlib.Path('{nama}.sekali').exists():\n"
            f"    pathlib.Path('{nama}.sekali').touch()\n    {mogok}\nprint('selesai')\n"
        )
        assert keluaran_teks(jalankan_teks(tmp_path, nama, kode)) == ["selesai\n"]
    kode = "# %%\nimport os, threading\nthreading.Timer(0.3, os._exit, [1]).start()\n"
    jalankan_teks(tmp_path, "nanti", kode)  # its kernel dies after the notebook, before the next one
    time.sleep(1)
    assert keluaran_teks(jalankan_teks(tmp_path, "lagi", "# %%\nprint('hidup')\n")) == ["hidup\n"]
    kode = "# %%\nimport os\nos._exit(1)\n"  # dies every time: reported, not retried forever
    with pytest.raises(B.BuildError, match=r"selalu\.py: kernel gagal dijalankan: DeadKernelError"):
        jalankan_teks(tmp_path, "selalu", kode)


@pytest.mark.parametrize("rintangan", ["reports/2023/laporan-kinerja-2023.pdf/", "reports"])
def test_an_output_blocked_by_a_folder_or_file_stops_before_any_work_with_one_line(proyek, rintangan, capsys):
    from lkj.__main__ import main

    path = proyek / rintangan
    if rintangan.endswith("/"):
        path.mkdir(parents=True)
    else:
        path.write_text("bukan folder")
    assert main(["report", "2023", "--root", str(proyek)]) == 1
    galat = capsys.readouterr().err.strip().splitlines()
    assert len(galat) == 1 and galat[0].startswith(f"GALAT: {rintangan.rstrip('/')} adalah ")
    assert "Pindahkan atau ganti nama" in galat[0]
    assert not (proyek / "build/2023/nb").exists()  # stopped before any notebook ran


def test_editor_and_jupyterlab_files_are_neither_inputs_nor_warnings(proyek):
    """JupyterLab's checkpoints, vim's swap files and emacs' locks beside the data: not fingerprinted (no
    rerun, nothing new in the provenance) and not reported as unused narrative."""
    from lkj.masukan.proyek import Proyek
    from lkj.pipeline import Sidik

    pr = Proyek.di(proyek)
    sebelum = Sidik.hitung(pr, 2023)
    raw = proyek / "data/raw/2023"
    for folder in (raw / ".ipynb_checkpoints", raw / "narasi/.ipynb_checkpoints"):
        folder.mkdir()
        (folder / "komponen-checkpoint.csv").write_text("salinan")
    (raw / "narasi/.sasaran-02.md.swp").write_bytes(b"\0vim")
    (raw / ".#komponen.csv").symlink_to("root@host.12345:1700000000")
    sesudah = Sidik.hitung(pr, 2023)
    assert (sesudah.data, sesudah.semua, sesudah.berkas) == (sebelum.data, sebelum.semua, sebelum.berkas)
    assert not [w for w in masukan(2023, proyek).peringatan if "tidak dipakai" in w.pesan]
    (raw / "narasi/catatan.md").write_text("bukan bagian laporan")  # a visible stray file still is reported
    assert [w.sumber for w in masukan(2023, proyek).peringatan if "tidak dipakai" in w.pesan] == [
        "data/raw/2023/narasi/catatan.md"
    ]


def test_an_unusable_source_date_epoch_is_replaced_before_any_kernel_inherits_it(monkeypatch):
    """SOURCE_DATE_EPOCH="" made IPython fail at start, so every kernel hung for its 60 s timeout."""
    from lkj import pipeline

    for nilai, hasil in (("", "0"), ("kemarin", "0"), ("1700000000", "1700000000")):
        monkeypatch.setenv("SOURCE_DATE_EPOCH", nilai)
        pipeline._source_date_epoch()
        assert os.environ["SOURCE_DATE_EPOCH"] == hasil
