"""The environment files agree with each other."""

import re

import yaml

from conftest import ROOT


def pins(lines):
    return dict(
        re.match(r"([A-Za-z0-9_.-]+)==(\S+)", s.strip()).groups()
        for s in lines
        if s.strip() and not s.strip().startswith("#")
    )


def test_environment_yml_lists_the_same_packages_as_requirements_txt():
    req = pins((ROOT / "requirements.txt").read_text().splitlines())
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert pins(pip) == req
    assert "python=3.11" in env["dependencies"]


def test_lock_file_pins_every_requirement_at_the_same_version():
    norm = lambda d: {k.lower().replace("_", "-"): v for k, v in d.items()}  # noqa: E731
    req = norm(pins((ROOT / "requirements.txt").read_text().splitlines()))
    lock = norm(pins((ROOT / "requirements.lock").read_text().splitlines()))
    assert {k: lock.get(k) for k in req} == req


def test_the_wheel_carries_the_notebooks_and_builds_a_project_without_them(tmp_path):
    """lkj as a package: every module and template, and the report plan with its notebooks as lkj/notebooks,
    so a project folder with only data/raw and params is read with the plan the wheel ships."""
    import os
    import shutil
    import subprocess
    import sys
    import zipfile

    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", tmp_path, ROOT],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("lkj-*.whl")
    isi = set(zipfile.ZipFile(wheel).namelist())
    harus = {p.relative_to(ROOT).as_posix() for p in (ROOT / "lkj").rglob("*") if p.is_file() and p.suffix != ".pyc"}
    harus |= {f"lkj/notebooks/{p.name}" for p in (ROOT / "notebooks").iterdir() if p.suffix in (".py", ".yml")}
    assert harus - isi == set()
    paket = tmp_path / "paket"
    zipfile.ZipFile(wheel).extractall(paket)
    proyek = shutil.copytree(ROOT / "examples" / "dinas-contoh", tmp_path / "opd")
    env = {**os.environ, "PYTHONPATH": str(paket)}
    kode = "import lkj.masukan.proyek as p; print(p.NOTEBOOKS)"
    assert subprocess.run([sys.executable, "-c", kode], env=env, cwd=tmp_path, capture_output=True, text=True,
                          check=True).stdout.strip() == str(paket / "lkj" / "notebooks")  # fmt: skip
    r = subprocess.run([sys.executable, "-m", "lkj", "data", "2024", "--root", proyek], env=env, cwd=tmp_path,
                       capture_output=True, text=True)  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert (proyek / "data" / "processed" / "2024" / "capaian.csv").is_file()
    assert not (proyek / "notebooks").exists()
