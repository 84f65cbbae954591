"""Start the app (or a hello-world Textual app) headless, exit once painted, print peak
memory in KiB. Run as a whole process by the benchmark."""

from __future__ import annotations

import resource
import sys
from datetime import date
from pathlib import Path


async def _exit_when_painted(pilot: object) -> None:
    await pilot.pause()  # type: ignore[attr-defined]
    pilot.app.exit()  # type: ignore[attr-defined]


def main() -> None:
    kind = sys.argv[1]
    if kind == "hello":
        from textual.app import App, ComposeResult
        from textual.widgets import Footer, Header, Static

        class Hello(App[None]):
            def compose(self) -> ComposeResult:
                yield Header()
                yield Static("Hello, world")
                yield Footer()

        app: object = Hello()
    else:
        from reconnect.app import make_app
        from reconnect.settings import Settings

        area = sys.argv[3] if len(sys.argv) > 3 else "today"
        app = make_app(
            Path(sys.argv[2]), today=date(2026, 11, 21), settings=Settings(), start_area=area
        )
    app.run(headless=True, size=(100, 30), auto_pilot=_exit_when_painted)  # type: ignore[attr-defined]
    print(peak_kib())


def peak_kib() -> int:
    """Peak resident memory of this process. VmHWM, not ru_maxrss: Linux carries
    ru_maxrss across exec, so a child of a big parent would report the parent's peak."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


if __name__ == "__main__":
    main()
