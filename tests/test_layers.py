"""The core never imports the UI: it runs and is tested without a terminal."""

import subprocess
import sys

CORE = (
    "reconnect.models",
    "reconnect.content",
    "reconnect.storage",
    "reconnect.store",
    "reconnect.progress",
    "reconnect.drafts",
    "reconnect.patterns",
    "reconnect.prompt_rotation",
    "reconnect.reflection_search",
    "reconnect.settings",
    "reconnect.migrations",
    "reconnect.demo",
    "reconnect.cli",
    "reconnect.quicklog",
    "reconnect.log_command",
    "reconnect.consistency",
    "reconnect.ladder",
    "reconnect.documents",
    "reconnect.homework_plan",
    "reconnect.import_command",
    "reconnect.goal_actions",
    "reconnect.people_actions",
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
        "bad = sorted(m for m in sys.modules if m in ('reconnect.store', 'reconnect.app') "
        "or m.startswith('screens'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
