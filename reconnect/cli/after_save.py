"""Saying what was saved, once it is on disk.

The exit status of a command that writes says whether the record is on disk. Once it
is, output that cannot be written (stdout closed, a reader that went away: a broken
pipe) must not turn the status into a failure: a script that retries on failure would
save the same moment twice.
"""

from __future__ import annotations

import os
import sys


def say_after_save(*lines: str) -> None:
    """Print lines to stdout; if stdout is gone, drop them quietly."""
    out = sys.stdout
    if out is None:  # started with stdout closed
        return
    try:
        for line in lines:
            print(line, file=out)
        out.flush()
    except (OSError, ValueError):  # BrokenPipeError, EIO; ValueError: a closed file
        _silence(out)


def _silence(out: object) -> None:
    """Point stdout at the null device, so the flush at exit does not fail again (and
    would otherwise set the exit status to 120)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        sys.stdout = None  # type: ignore[assignment]
