"""`reconnect serve --demo` to the first full Today frame in the browser's page, beside
`reconnect --demo` to the same frame in a terminal (a pty), run by run in pairs.

The browser (the system's Chromium, driven by Playwright) is open before the clock
starts, as a person's is; the clock runs from spawning `reconnect serve` through its
printed address, the page, the websocket and the app process it starts, to the last
frame before a quiet of QUIET seconds once Today's words have arrived. Without
Chromium or Playwright a note says so and the measure is skipped.

No target yet, for reading: the path is serial. The server starts (its imports, aiohttp
most of all, about half a second), the page loads textual.js, and only when the page's
websocket opens does the app process start, which is the terminal's whole figure. The
time to the printed address is shown beside it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from typing import Any

from bench.common import (
    BENCH_TODAY,
    Context,
    Result,
    app_env,
    interleaved,
    paired_result,
    reconnect_script,
)
from bench.frame import QUIET, first_frame
from bench.start_measures import TODAY_MARKER

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Each frame the page receives, with the wall-clock time it arrived (ms since the epoch).
STAMP_FRAMES = """
window.__served = [];
const NativeSocket = window.WebSocket;
window.WebSocket = class extends NativeSocket {
  constructor(...args) {
    super(...args);
    this.addEventListener("message", (event) => {
      if (typeof event.data !== "string") {
        window.__served.push([Date.now(), new TextDecoder().decode(event.data)]);
      }
    });
  }
};
"""
TIMEOUT = 60.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def page_frame(browser: Any, env: dict[str, str], printed: list[float]) -> float:
    """Seconds from spawning `reconnect serve --demo` to the page's first full frame (and,
    into `printed`, to its printed address)."""
    argv = [reconnect_script(), "--today", BENCH_TODAY.isoformat(), "serve", "--demo"]
    argv += ["--port", str(free_port())]
    page = browser.new_page()
    page.add_init_script(STAMP_FRAMES)
    start = time.time()
    server = subprocess.Popen(
        argv, stdout=subprocess.PIPE, text=True, env=env, start_new_session=True
    )
    try:
        assert server.stdout is not None
        url = None
        while url is None:  # the address has a line of its own, after a sentence
            line = server.stdout.readline()
            if not line:
                raise RuntimeError("reconnect serve ended without printing its address")
            url = next((w for w in line.split() if w.startswith("http://")), None)
        printed.append(time.time() - start)
        page.goto(url)
        return (last_frame_time(page) - start * 1000) / 1000
    finally:
        page.close()
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def last_frame_time(page: Any) -> float:
    """When the last frame before a quiet arrived, once Today's words were drawn."""
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        served = page.evaluate("window.__served")
        text = "".join(chunk for _, chunk in served)
        if TODAY_MARKER in text and served and time.time() * 1000 - served[-1][0] > QUIET * 1000:
            return float(served[-1][0])
        time.sleep(0.02)
    raise RuntimeError(f"the page drew no {TODAY_MARKER!r} within {TIMEOUT:.0f} s")


def serve_first_frame(ctx: Context) -> list[Result]:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        chromium = None
    if chromium is None:
        print(
            "bench: Chromium or Playwright is missing (apt-get install chromium; pip install "
            "playwright): the serve page's first frame is skipped",
            file=sys.stderr,
        )
        return []
    env = app_env(ctx)
    terminal_argv = [reconnect_script(), "--today", BENCH_TODAY.isoformat(), "--demo"]
    runs = max(3, ctx.runs // 3)
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as profile:
        browser = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=chromium,
            args=CHROMIUM_ARGS,
            headless=True,
            viewport={"width": 1000, "height": 640},
        )
        try:
            printed: list[float] = []

            def served() -> float:
                return page_frame(browser, env, printed)

            def terminal() -> float:
                return first_frame(terminal_argv, TODAY_MARKER, env).seconds

            served()  # warm-up, uncounted: bytecode cached, as for a second start
            terminal()
            printed.clear()
            page_times, terminal_times = interleaved(served, terminal, runs)
        finally:
            browser.close()
    return [
        paired_result(
            "reconnect serve --demo to the first full Today frame in the browser's page",
            page_times,
            terminal_times,
            "none yet (reference: reconnect --demo in a terminal)",
            None,
        ),
        Result(
            "of which: reconnect serve to its printed address",
            statistics.median(printed) * 1000,
            None,
            "ms",
            "none yet",
            None,
        ),
    ]
