"""User settings: TOML in the platform's config folder, validated by a pydantic model."""

from __future__ import annotations

import tomllib
from pathlib import Path

import tomli_w
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from reconnect.records.content import DEFAULT_CRISIS_LINES
from reconnect.records.models import first_error

# Where the file is lives in a module of its own, light enough for `reconnect remind`.
from reconnect.settings_file import (  # noqa: F401 (kept here too, where callers look)
    SETTINGS_FILE_NAME,
    config_dir,
    settings_path,
)
from reconnect.store.atomic import atomic_write


class CrisisLineSetting(BaseModel):
    model_config = ConfigDict(extra="forbid")

    region: str = Field(min_length=1, max_length=60)
    text: str = Field(min_length=1, max_length=200)


# A short list to look at in a hard moment, not an address book.
MAX_RESOURCES = 8


class ResourceSetting(BaseModel):
    """One of the person's own people or places: their therapist, a group, a local help
    line or 2-1-1 service, a friend to call. Shown in Help under the crisis lines."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=60)
    reach: str = Field(min_length=1, max_length=200)


def _default_lines() -> list[CrisisLineSetting]:
    return [CrisisLineSetting(region=c.region, text=c.text) for c in DEFAULT_CRISIS_LINES]


class Settings(BaseModel):
    model_config = ConfigDict(extra="ignore")

    theme: str = Field(default="textual-dark", max_length=60)
    # 0 = Monday … 6 = Sunday.
    first_day_of_week: int = Field(default=0, ge=0, le=6)
    crisis_lines: list[CrisisLineSetting] = Field(default_factory=_default_lines)
    resources: list[ResourceSetting] = Field(default_factory=list, max_length=MAX_RESOURCES)
    # Where the data lives when neither --data-dir nor RECONNECT_DATA_DIR says; None is
    # the platform's user data folder. Kept as typed ("~/notes/reconnect").
    data_folder: str | None = Field(default=None, max_length=1000)
    # Encrypted data folders whose passphrase this machine keeps in the system keyring
    # (`reconnect encrypt --remember`): a per-machine choice, so here and not in the
    # (perhaps synced) data folder.
    remembered_folders: list[str] = Field(default_factory=list, max_length=100)

    @field_validator("data_folder")
    @classmethod
    def _full_path(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        value = value.strip()
        if not Path(value).expanduser().is_absolute():
            raise ValueError("give the data folder's whole path, starting with / or ~")
        return value


WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def load_settings(path: Path | None = None) -> tuple[Settings, str | None]:
    """The settings, and a one-line warning when the file could not be used.

    A broken file is never overwritten: the caller keeps the defaults in memory only.
    """
    path = path or settings_path()
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings(), None
    except OSError as exc:
        return Settings(), f"Could not read settings ({exc.strerror}): {path}; using defaults."
    try:
        return Settings.model_validate(tomllib.loads(raw)), None
    except tomllib.TOMLDecodeError as exc:
        problem = f"not valid TOML ({exc})"
    except ValidationError as exc:
        problem = first_error(exc)
    return Settings(), f"Settings file ignored, {problem}: {path}. Fix or delete it."


def configured_data_folder() -> Path | None:
    """The data folder chosen in Settings, if any (a broken settings file chooses none)."""
    settings, _ = load_settings()
    return Path(settings.data_folder).expanduser() if settings.data_folder else None


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write atomically, so a crash never leaves half a settings file."""
    path = path or settings_path()
    atomic_write(
        path, tomli_w.dumps(settings.model_dump(mode="json", exclude_none=True)).encode("utf-8")
    )
