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
