"""Where settings.toml is, and the first day of the week read from it without the
Settings model: building that model (pydantic) costs more than all the rest of
`reconnect remind`, which needs this one value. Standard library (and platformdirs,
lazily) only.
"""

from __future__ import annotations

import os
from pathlib import Path

SETTINGS_FILE_NAME = "settings.toml"
MONDAY = 0


def config_dir() -> Path:
    env = os.environ.get("RECONNECT_CONFIG_DIR")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_config_path

    return user_config_path("reconnect", appauthor=False)


def settings_path() -> Path:
    return config_dir() / SETTINGS_FILE_NAME


def first_day_of_week(path: Path | None = None) -> int:
    """Settings' first day of the week (0 Monday … 6 Sunday); Monday, the default, when
    the file is missing or unreadable or the value is not one."""
    try:
        text = (path or settings_path()).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return MONDAY
    import tomllib  # only when there is a file: no settings yet costs nothing

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return MONDAY
    value = data.get("first_day_of_week", MONDAY)
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 6:
        return value
    return MONDAY
