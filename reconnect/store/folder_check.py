"""Whether a folder can hold reconnect's data: one check for Settings (before keeping a
chosen folder) and for every start (before anything is read or written there), so a
typo or an unplugged drive is named as such, never as a write that failed.

Standard library only: every shell command runs it at start.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def folder_problem(folder: Path) -> str | None:
    """Why reconnect cannot keep its data in `folder`, in a few words to follow "cannot
    use FOLDER: " ("it is a file, not a folder"), or None when it can: a folder it may
    write in, or a missing one it can create. Leaves nothing behind."""
    try:
        return _problem(folder)
    except OSError as exc:  # a folder above it we may not look into, a dead mount
        return f"reconnect cannot reach it ({exc.strerror or exc})"


def _problem(folder: Path) -> str | None:
    # The folder itself, else the nearest folder above it that exists (/ always does).
    existing = next(level for level in (folder, *folder.parents) if level.exists())
    if not existing.is_dir():
        return "it is a file, not a folder" if existing == folder else f"{existing} is a file"
    if existing == folder:
        if not os.access(folder, os.R_OK | os.W_OK | os.X_OK):
            return "reconnect is not allowed to read and write in it"
        return None
    # Missing: it would be made inside `existing`. Try it, for os.access says yes to root
    # even where nothing can be made (/proc).
    try:
        probe = tempfile.mkdtemp(prefix=".reconnect-check-", dir=existing)
    except OSError:
        return f"it does not exist, and cannot be created in {existing}"
    os.rmdir(probe)
    return None
