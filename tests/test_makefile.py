"""The Makefile checks every user variable without expanding it: a hostile value never runs.

These run `make` on the project's own Makefile; the refused cases stop while make reads the file,
so no virtual environment is needed.
"""

import os
import shutil
import subprocess

import pytest

from conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def make(*args: str) -> subprocess.CompletedProcess:
    # A parent `make test` must not pass its own flags or variables down.
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES")}
    return subprocess.run(
        ["make", "--no-print-directory", "-C", str(ROOT), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("target", "variable", "value", "pesan"),
    [
        ("data", "YEAR", "$(shell touch {s})", "YEAR '$(shell touch {s})' bukan tahun"),
        ("data", "YEAR", "2023$(shell touch {s})", "bukan tahun"),
        ("data", "YEAR", "`touch {s}`", "bukan tahun"),
        ("data", "YEAR", "2023; touch {s}", "bukan tahun"),
        ("report", "JOBS", "1; touch {s}", "JOBS '1; touch {s}' tidak sah"),
        ("report", "JOBS", "$(shell touch {s})", "JOBS"),
        ("report", "JOBS", "0", "JOBS '0' tidak sah"),
        ("report", "JOBS", "-1", "JOBS '-1' tidak sah"),
        ("reviu", "STRICT", "1; touch {s}", "STRICT"),
        ("reviu", "STRICT", "$(shell touch {s})", "STRICT"),
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
    baris = r.stderr.strip().splitlines()
    assert len(baris) == 1, r.stderr
    assert pesan.format(s=sentinel) in baris[0]
    assert "Stop." in baris[0]


def test_an_unknown_command_line_variable_is_not_expanded_into_a_recipe_environment(tmp_path):
    # Make expands exported command-line variables for every recipe it runs; the Makefile unexports them.
    sentinel = tmp_path / "dijalankan"
    r = make("help", f"TIDAK_DIKENAL=$(shell touch {sentinel})")
    assert r.returncode == 0, r.stderr
    assert "make report" in r.stdout
    assert not sentinel.exists()


def test_checked_values_reach_python_as_single_quoted_arguments():
    # -n prints the commands; -o treats the environment as built, so nothing runs at all.
    r = make("-n", "-o", ".venv/.installed", "report", "YEAR=2024", "JOBS=2")
    assert r.returncode == 0, r.stderr
    assert ".venv/bin/python -m lkj report '2024' -j '2'" in r.stdout
    r = make("-n", "-o", ".venv/.installed", "report", "KERNEL=segar")
    assert r.returncode == 0, r.stderr
    assert "--kernel 'segar'" in r.stdout
    r = make("-n", "-o", ".venv/.installed", "reviu", "YEAR= 2023 ", "STRICT=1")
    assert ".venv/bin/python -m lkj reviu '2023' --strict" in r.stdout
    r = make("-n", "-o", ".venv/.installed", "reviu", "STRICT=0")
    assert r.returncode == 0, r.stderr
    assert ".venv/bin/python -m lkj reviu '2023'" in r.stdout  # the default year
    assert "--strict" not in r.stdout
