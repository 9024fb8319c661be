"""The Makefile hands every user variable to `lkj` as typed, never expanded: a hostile value never runs,
and lkj refuses a bad one in one line naming the variable.

These run `make` on the project's own Makefile, with the environment taken as installed (`-o`)."""

import os
import shutil
import subprocess

import pytest

from lkj.__main__ import argv_dari_make

from conftest import ROOT, salin

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def make(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    # A parent `make test` must not pass its own flags or variables down.
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES")}
    return subprocess.run(
        ["make", "--no-print-directory", "-C", str(ROOT), "-o", ".venv/.installed", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=120,
    )


def galat(r: subprocess.CompletedProcess) -> str:
    """The one line lkj (or the setup check) wrote, without make's own `*** Error` line."""
    baris = [b for b in r.stderr.strip().splitlines() if not b.startswith("make")]
    assert len(baris) == 1, r.stderr
    assert baris[0].startswith("GALAT: "), r.stderr
    return baris[0]


@pytest.mark.parametrize(
    ("target", "variable", "value", "pesan"),
    [
        ("data", "YEAR", "$(shell touch {s})", "YEAR '$(shell touch {s})' bukan tahun"),
        ("data", "YEAR", "2023$(shell touch {s})", "bukan tahun"),
        ("data", "YEAR", "`touch {s}`", "bukan tahun"),
        ("data", "YEAR", "$(touch {s})", "bukan tahun"),
        ("data", "YEAR", "2023; touch {s}", "bukan tahun"),
        ("data", "YEAR", "2023' ; touch {s}; '", "bukan tahun"),
        ("report", "YEAR", "20 23", "YEAR '20 23' bukan tahun"),
        ("report", "YEAR", "abcd", "YEAR 'abcd' bukan tahun"),
        ("report", "JOBS", "1; touch {s}", "JOBS '1; touch {s}' tidak sah"),
        ("report", "JOBS", "$(shell touch {s})", "JOBS"),
        ("report", "JOBS", "0", "JOBS '0' tidak sah"),
        ("report", "JOBS", "-1", "JOBS '-1' tidak sah"),
        ("report", "FINAL", "ya", "FINAL 'ya' tidak sah: tulis FINAL=1"),
        ("report", "ROOT", "-rf", "-rf: folder proyek tidak ditemukan"),
        ("report", "ROOT", "x\"'; touch {s}; '", "folder proyek tidak ditemukan"),
        ("reviu", "STRICT", "1; touch {s}", "STRICT"),
        ("reviu", "STRICT", "$(shell touch {s})", "STRICT"),
        ("excel-isian", "PAKSA", "$(shell touch {s})", "PAKSA"),
        ("report", "KERNEL", "$(shell touch {s})", "KERNEL"),
        ("report", "KERNEL", "dingin", "KERNEL 'dingin' tidak sah"),
        ("setup", "PYTHON", "$(shell touch {s})", "PYTHON"),
        ("setup", "PYTHON", "python3.11; touch {s}", "PYTHON"),
    ],
)
def test_a_hostile_variable_is_refused_in_one_line_and_never_runs(tmp_path, target, variable, value, pesan):
    sentinel = tmp_path / "dijalankan"
    r = make(target, f"{variable}={value.format(s=sentinel)}")
    assert r.returncode != 0
    assert not sentinel.exists()
    assert pesan.format(s=sentinel) in galat(r)


def test_an_unknown_command_line_variable_is_not_expanded_into_a_recipe_environment(tmp_path):
    # Make expands exported command-line variables for every recipe it runs; the Makefile unexports them.
    sentinel = tmp_path / "dijalankan"
    r = make("help", f"TIDAK_DIKENAL=$(shell touch {sentinel})", f"LKJ_YEAR=$(shell touch {sentinel})")
    assert r.returncode == 0, r.stderr
    assert "make report" in r.stdout
    assert not sentinel.exists()


def test_make_variables_become_the_subcommands_own_arguments():
    env = {"LKJ_YEAR": " 2024 ", "LKJ_JOBS": "2", "LKJ_KERNEL": "segar", "LKJ_FINAL": "1", "LKJ_STRICT": "1"}
    assert argv_dari_make(["report"], env) == ["report", "--final", "--jobs=2", "--kernel=segar", "--", "2024"]
    assert argv_dari_make(["reviu"], env) == ["reviu", "--strict", "--", "2024"]  # JOBS, FINAL are not reviu's
    env = {"LKJ_YEAR": "2023", "LKJ_FILE": "-isian 2023.xlsx", "LKJ_PAKSA": "0", "LKJ_ROOT": "-x"}
    assert argv_dari_make(["excel", "impor"], env) == ["excel", "impor", "--root=-x", "--", "2023", "-isian 2023.xlsx"]


def test_a_project_folder_with_spaces_and_quotes_reaches_lkj_whole(tmp_path):
    root = salin(tmp_path / "dinas 'uji' $(x) `y`")
    r = make("reviu", "YEAR=2023", f"ROOT={root}", "STRICT=0")
    assert r.returncode == 0, r.stderr
    assert (root / "reports/2023/reviu-2023.csv").is_file()
    assert "Reviu 2023 atas" in r.stdout
