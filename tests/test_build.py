"""Build mechanics that need no full build: the plan and the kernel-start retry."""

import nbformat
import papermill

from lkj.build import notebook as B

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
        open(path, "w").write("{}")
        return nb

    monkeypatch.setattr(papermill, "execute_notebook", flaky)
    monkeypatch.setattr(B.time, "sleep", lambda s: None)
    keluar = tmp_path / "nb.ipynb"
    nb = nbformat.v4.new_notebook()
    assert B._jalankan(nb, tmp_path / "t.py", tmp_path / ".t.tmp.ipynb", keluar, {}, tmp_path, 3) is None
    assert len(calls) == 3 and keluar.is_file()


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
