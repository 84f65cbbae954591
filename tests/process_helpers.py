"""Running a command the way the shell does, in a fresh interpreter, to see what it
loads (a prompt's command must stay light: no UI, no pydantic where nothing is
validated)."""

from __future__ import annotations

import subprocess
import sys


def run_in_a_process(argv: list[str], watch: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """reconnect's main(argv) in a new interpreter: the lines it printed, and the modules
    it loaded that are in `watch` (a top package, or one module by its full name)."""
    code = (
        "import sys\n"
        "from reconnect.cli.main import main\n"
        f"main({argv!r})\n"
        f"watch = {watch!r}\n"
        "loaded = [m for m in sys.modules if m in watch or m.split('.')[0] in watch]\n"
        "print('LOADED:' + ','.join(sorted(loaded)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    *printed, loaded = result.stdout.strip().splitlines()
    return printed, [m for m in loaded.removeprefix("LOADED:").split(",") if m]
