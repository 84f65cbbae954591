"""Time a whole process from spawn to its first full frame, under a pseudo-terminal.

The process runs as a user would run it: a real terminal (a pty, TERM=xterm-256color,
100x30), its own console script or file. Its output is read until a known text of the
first screen has been drawn and then the output has gone quiet; the time of the last
byte of that frame is the figure. The process is then killed: shutdown and interpreter
teardown are not timed (both sides would pay them and pull the ratio towards 1). Peak
memory is VmHWM from /proc, read just before the kill.
"""

from __future__ import annotations

import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import termios
import time
from dataclasses import dataclass
from pathlib import Path

COLUMNS, LINES = 100, 30
# Quiet this long after the marker: the frame is done. The figure is the time of the
# last byte before the quiet, so the wait itself is not counted.
QUIET = 0.25
TIMEOUT = 60.0
_ESCAPE = re.compile(rb"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])")


@dataclass
class Frame:
    seconds: float  # spawn to the last byte of the first full frame
    peak_kib: int  # VmHWM of the process just before it was killed


class NoFrame(RuntimeError):
    """The process ended or stalled before drawing the expected text."""


def peak_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def visible_text(raw: bytes) -> str:
    """What the screen shows, roughly: the output without escape sequences."""
    return _ESCAPE.sub(b"", raw).decode("utf-8", "replace")


def first_frame(argv: list[str], marker: str, env: dict[str, str] | None = None) -> Frame:
    """Spawn argv under a pty and time it to its first full frame showing `marker`."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
    child_env = dict(os.environ if env is None else env)
    child_env.update(TERM="xterm-256color", COLUMNS=str(COLUMNS), LINES=str(LINES))
    for name in ("NO_COLOR", "TEXTUAL_HEADLESS"):
        child_env.pop(name, None)
    start = time.perf_counter()
    process = subprocess.Popen(
        argv, stdin=slave, stdout=slave, stderr=slave, env=child_env, start_new_session=True
    )
    os.close(slave)
    output = b""
    seen_at: float | None = None
    last_byte = start
    try:
        while True:
            now = time.perf_counter()
            if now - start > TIMEOUT:
                raise NoFrame(f"no frame with {marker!r} within {TIMEOUT:.0f} s: {argv}")
            wait = QUIET if seen_at is not None else 0.5
            ready, _, _ = select.select([master], [], [], wait)
            if not ready:
                if seen_at is not None:
                    break  # quiet since the last byte: the frame is complete
                if process.poll() is not None:
                    raise NoFrame(f"{argv} ended ({process.returncode}): {visible_text(output)}")
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the child closed the terminal
                chunk = b""
            if not chunk:
                if seen_at is not None:
                    break
                raise NoFrame(f"{argv} closed the terminal: {visible_text(output)[-500:]}")
            last_byte = time.perf_counter()
            output += chunk
            if seen_at is None and marker in visible_text(output):
                seen_at = last_byte
        peak = peak_kib(process.pid)
        return Frame(last_byte - start, peak)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        os.close(master)
