"""The last resort: an error nobody expected becomes one line and a private crash log.

A person should never meet a traceback; the people who fix the bug need one. The log goes
to the platform's user log folder (0600, like everything we write).
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path


def write_crash_log(details: str) -> Path | None:
    """Keep `details` (a traceback) in a new crash log; its path, or None if it could
    not be written either."""
    from reconnect.store.atomic import atomic_write
    from reconnect.store.paths import crash_log_dir

    path = crash_log_dir() / f"crash-{datetime.now():%Y%m%d-%H%M%S}-{os.getpid()}.log"
    try:
        atomic_write(path, details.encode("utf-8", "backslashreplace"))
    except OSError:
        return None
    return path


def crash_line(error_name: str, details: str) -> str:
    """The one line a person sees."""
    path = write_crash_log(details)
    where = f" The details are in {path}" if path else ""
    return (
        f"reconnect stopped on an unexpected error ({error_name}); nothing more was saved."
        f"{where} — please include that file if you report it."
    )
