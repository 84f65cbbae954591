"""Where the user's data lives: --data-dir, else $RECONNECT_DATA_DIR, else the folder
chosen in Settings (the CLI passes it as `explicit`), else the platform's user data folder."""

from __future__ import annotations

import os
from pathlib import Path


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get("RECONNECT_DATA_DIR")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path("reconnect", appauthor=False)


def data_dir_given_by(explicit: str | os.PathLike[str] | None = None) -> str | None:
    """What chose the data folder over the one in Settings: "--data-dir" (given as
    `explicit`), "RECONNECT_DATA_DIR", or None when Settings (or the default) decides."""
    if explicit:
        return "--data-dir"
    return "RECONNECT_DATA_DIR" if os.environ.get("RECONNECT_DATA_DIR") else None


def crash_log_dir() -> Path:
    """Where a crash log goes: the platform's user log folder."""
    from platformdirs import user_log_path

    return user_log_path("reconnect", appauthor=False)
