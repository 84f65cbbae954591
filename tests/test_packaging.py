"""Textual is a range for the app, and an exact pin for the snapshot tests alone."""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import version
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent


def pins() -> dict[str, str]:
    lines = (ROOT / "constraints.txt").read_text().splitlines()
    pairs = (line.split("==") for line in lines if line.strip() and not line.startswith("#"))
    return {name.strip(): pinned.strip() for name, pinned in pairs}


def requirements() -> dict[str, Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    found = (Requirement(r) for r in project["dependencies"])
    return {r.name: r for r in found}


def test_the_app_asks_for_a_range_and_the_pins_lie_inside_it() -> None:
    wanted = requirements()
    assert all(spec.operator != "==" for spec in wanted["textual"].specifier)
    for name, pinned in pins().items():
        if name in wanted:
            assert wanted[name].specifier.contains(pinned), name


def test_the_tests_and_ci_install_with_the_pins() -> None:
    command = "pip install -c constraints.txt -e '.[test]'"
    assert command in (ROOT / "README.md").read_text()
    # CI adds the dev extra (ruff) to the test one; the pins are the same.
    ci = (ROOT / ".ci" / "run").read_text()
    assert re.search(r"-c constraints\.txt -e '\.\[test(,\w+)*\]'", ci)


def test_the_snapshots_run_on_the_pinned_textual() -> None:
    assert version("textual") == pins()["textual"], (
        "The snapshots need the pinned Textual: python -m pip install -c constraints.txt "
        "-e '.[test]'"
    )


def test_every_environment_variable_the_code_reads_is_in_the_readme() -> None:
    read = re.compile(r"""environ(?:\.get|\.setdefault|\[)\(?["']([A-Z_]+)["']""")
    names = {
        name
        for package in ("reconnect", "screens", "widgets")
        for source in (ROOT / package).rglob("*.py")
        for name in read.findall(source.read_text(encoding="utf-8"))
    }
    assert {"RECONNECT_DATA_DIR", "RECONNECT_CONFIG_DIR"} <= names
    readme = (ROOT / "README.md").read_text()
    assert [name for name in sorted(names) if f"`{name}`" not in readme] == []
