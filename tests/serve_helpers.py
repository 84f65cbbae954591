"""Running `reconnect serve` for a test, and the system's Chromium for the browser tests."""

from __future__ import annotations

import contextlib
import os
import queue
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest

INSTALL_HINT = (
    "the browser tests need Chromium and Playwright: apt-get install chromium "
    "(Debian, Ubuntu; chromium-browser elsewhere) and pip install -e '.[test]'"
)
STARTED_WITHIN = 30.0


def chromium_or_skip() -> str:
    """The system's Chromium. Missing: a skip saying how to install it, or, where CI is
    set, a failure (CI installs it, so its absence is a broken CI)."""
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        path = None
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"CI is set and {INSTALL_HINT}")
        pytest.skip(INSTALL_HINT)
    return path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Served:
    """A running `reconnect serve`: its address and what it has printed since."""

    url: str
    port: int
    process: subprocess.Popen[str]
    said: list[str] = field(default_factory=list)

    def printed(self) -> str:
        return "".join(self.said)


def _read_into(stream: object, lines: queue.Queue[str], said: list[str]) -> None:
    for line in stream:  # type: ignore[attr-defined]
        said.append(line)
        lines.put(line)


@contextlib.contextmanager
def served(*args: str) -> Iterator[Served]:
    """`reconnect serve --port <free> *args` in its own process group, killed whole at
    the end (the server and every app process it started)."""
    port = free_port()
    command = [sys.executable, "-m", "reconnect", "serve", "--port", str(port), *args]
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    said: list[str] = []
    reader = threading.Thread(target=_read_into, args=(process.stdout, lines, said), daemon=True)
    reader.start()
    try:
        url = None
        while url is None:  # the address has a line of its own, after a sentence
            line = lines.get(timeout=STARTED_WITHIN)
            url = next((word for word in line.split() if word.startswith("http://")), None)
        yield Served(url, port, process, said)
    finally:
        stop(process)


def stop(process: subprocess.Popen[str]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=10)
    with contextlib.suppress(ProcessLookupError):  # app processes left behind, if any
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=10)


def wait_until(check: Callable[[], object], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {timeout:.0f} s for {what}")
        time.sleep(0.1)
