"""The floors of ../shared/DESIGN.md hold: the core runs without a terminal, and the
shell's quick paths stay light. Every module is found by itself, so a new one is covered
without editing a list."""

from __future__ import annotations

import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import reconnect

ROOT = Path(__file__).resolve().parent.parent
UI = ("textual", "textual_plotext", "screens", "widgets")
# The face: the app, `python -m` (it runs), and the browser door (textual-serve: no
# textual in it, but its name starts with one).
FACE = ("reconnect.app", "reconnect.__main__", "reconnect.cli.web_server")


def core_modules() -> list[str]:
    found = [m.name for m in pkgutil.walk_packages(reconnect.__path__, "reconnect.")]
    return sorted(m for m in found if m not in FACE)


def loaded_after(imports: list[str], prefixes: tuple[str, ...]) -> list[str]:
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in imports)
        + f"print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in {prefixes!r}"
        + f" or m.startswith({prefixes!r}))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return [m for m in out.stdout.strip().split(",") if m]


def test_the_module_list_is_found_not_written() -> None:
    modules = core_modules()
    assert "reconnect.store.store" in modules and "reconnect.transfer.report" in modules
    assert len(modules) > 40


def test_no_core_module_imports_the_ui() -> None:
    assert loaded_after(core_modules(), UI) == []


def test_help_and_usage_errors_load_no_storage_code() -> None:
    code = (
        "import sys\nfrom reconnect.cli.main import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = ('reconnect.store.store', 'reconnect.store.storage', 'tinydb', 'pydantic',"
        " 'orjson', 'textual')\n"
        "print('LOADED:' + ','.join(sorted(m for m in sys.modules if m.startswith(heavy))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines()[-1] == "LOADED:"  # after the help text


def test_the_import_contracts_hold() -> None:
    """import-linter's contracts in pyproject.toml: the floors, the UI out of the core,
    widgets that are handed data."""
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint is not None, "import-linter is a test dependency"
    out = subprocess.run([lint], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stdout[-3000:]
