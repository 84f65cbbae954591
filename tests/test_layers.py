"""The core never imports the UI: it runs and is tested without a terminal."""

import subprocess
import sys

CORE = (
    "reconnect.records.models",
    "reconnect.records.content",
    "reconnect.store.storage",
    "reconnect.store.store",
    "reconnect.logic.progress",
    "reconnect.logic.drafts",
    "reconnect.logic.patterns",
    "reconnect.logic.prompts",
    "reconnect.logic.search",
    "reconnect.settings",
    "reconnect.store.migrations",
    "reconnect.demo",
    "reconnect.cli.main",
    "reconnect.logic.connections",
    "reconnect.cli.log_command",
    "reconnect.logic.consistency",
    "reconnect.logic.ladder",
    "reconnect.transfer.documents",
    "reconnect.transfer.homework_plan",
    "reconnect.cli.import_command",
    "reconnect.cli.arg_types",
    "reconnect.logic.weeks",
    "reconnect.transfer.importers",
    "reconnect.logic.goals",
    "reconnect.logic.people",
)


def test_core_does_not_import_textual() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in CORE)
        + "ui = ('textual', 'screens', 'widgets')\n"
        + "bad = sorted(m for m in sys.modules if m.split('.')[0] in ui)\n"
        + "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_widgets_do_not_import_the_store_or_screens() -> None:
    code = (
        "import sys, pkgutil, importlib, widgets\n"
        "for m in pkgutil.iter_modules(widgets.__path__):\n"
        "    importlib.import_module('widgets.' + m.name)\n"
        "bad = sorted(m for m in sys.modules if m in ('reconnect.store.store', 'reconnect.app') "
        "or m.startswith('screens'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
