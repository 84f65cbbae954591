"""The reflection (and the week's review) being written, each kept in a small file of
its own so no writing is lost.

Floor 2: standard library and the catalogue only. A draft lives beside the data file
(reflection-draft.json, review-draft.json), private to the user (0600), and every write
is atomic: a temp file in the same folder, fsync, os.replace, fsync the folder; in an
encrypted data folder it is sealed like the records (store/unlocked.py). A draft
is deliberately not validated like a record: it keeps text that is still too long to save.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Protocol

from reconnect.store.sealing import SealedFileAltered, SealedFileCutShort
from reconnect.store.unlocked import read_private, write_private

DRAFT_FILE_NAME = "reflection-draft.json"
REVIEW_DRAFT_FILE_NAME = "review-draft.json"


class Draft(Protocol):
    def has_writing(self) -> bool: ...

    def to_json(self) -> dict[str, Any]: ...


class DraftUnreadable(Exception):
    """The draft file could not be read; it was moved aside (to `kept_at`), not deleted."""

    def __init__(self, kept_at: Path) -> None:
        super().__init__(f"An unreadable draft was kept at {kept_at}")
        self.kept_at = kept_at


@dataclass(frozen=True)
class ReflectionDraft:
    """What the reflection form holds, as plain values."""

    title: str = ""
    patterns: tuple[str, ...] = ()
    prompt: str = ""
    body: str = ""
    energy: int | None = None
    avoided: str = ""
    private: bool = False
    # The saved reflection being edited; None for a new one.
    editing_id: str | None = None
    saved_at: datetime | None = field(default=None, compare=False)

    def has_writing(self) -> bool:
        """True when there is something the user would miss (a prompt alone is not)."""
        return bool(
            self.title.strip()
            or self.body.strip()
            or self.avoided.strip()
            or self.patterns
            or self.energy is not None
        )

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["patterns"] = list(self.patterns)
        data["saved_at"] = self.saved_at.isoformat() if self.saved_at else None
        return data

    @classmethod
    def from_json(cls, data: object) -> ReflectionDraft:
        """Read leniently: a wrong-typed field is dropped, never the writing around it."""
        if not isinstance(data, dict):
            raise ValueError("a draft is a JSON object")

        def text(key: str) -> str:
            value = data.get(key, "")
            return value if isinstance(value, str) else ""

        patterns = data.get("patterns", [])
        energy = data.get("energy")
        editing_id = data.get("editing_id")
        saved_at = None
        with contextlib.suppress(TypeError, ValueError):
            saved_at = datetime.fromisoformat(data.get("saved_at"))  # type: ignore[arg-type]
        return cls(
            title=text("title"),
            patterns=tuple(p for p in patterns if isinstance(p, str))
            if isinstance(patterns, list)
            else (),
            prompt=text("prompt"),
            body=text("body"),
            energy=energy
            if isinstance(energy, int) and not isinstance(energy, bool) and 1 <= energy <= 5
            else None,
            avoided=text("avoided"),
            private=data.get("private") is True,
            editing_id=editing_id if isinstance(editing_id, str) and editing_id else None,
            saved_at=saved_at,
        )


def _saved_at(data: dict[str, Any]) -> datetime | None:
    with contextlib.suppress(TypeError, ValueError):
        return datetime.fromisoformat(data.get("saved_at"))  # type: ignore[arg-type]
    return None


@dataclass(frozen=True)
class ReviewDraft:
    """What the Review area's prompts hold for one week, as plain values."""

    week: date
    helped: str = ""
    got_in_the_way: str = ""
    next_step: str = ""
    next_step_goal_id: str | None = None
    expected: str = ""
    saved_at: datetime | None = field(default=None, compare=False)

    def has_writing(self) -> bool:
        return bool(
            self.helped.strip()
            or self.got_in_the_way.strip()
            or self.next_step.strip()
            or self.next_step_goal_id
            or self.expected.strip()
        )

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["week"] = self.week.isoformat()
        data["saved_at"] = self.saved_at.isoformat() if self.saved_at else None
        return data

    @classmethod
    def from_json(cls, data: object) -> ReviewDraft:
        """Read leniently: a wrong-typed field is dropped, never the writing around it."""
        if not isinstance(data, dict):
            raise ValueError("a draft is a JSON object")
        try:
            week = date.fromisoformat(data.get("week"))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            raise ValueError("a review draft names its week") from None

        def text(key: str) -> str:
            value = data.get(key, "")
            return value if isinstance(value, str) else ""

        goal_id = data.get("next_step_goal_id")
        return cls(
            week=week,
            helped=text("helped"),
            got_in_the_way=text("got_in_the_way"),
            next_step=text("next_step"),
            next_step_goal_id=goal_id if isinstance(goal_id, str) and goal_id else None,
            expected=text("expected"),
            saved_at=_saved_at(data),
        )


def draft_path(data_dir: Path) -> Path:
    return data_dir / DRAFT_FILE_NAME


def review_draft_path(data_dir: Path) -> Path:
    return data_dir / REVIEW_DRAFT_FILE_NAME


def save_draft(path: Path, draft: Draft) -> None:
    """Write the draft atomically and durably; the file is 0600."""
    # ASCII JSON escapes everything, even a lone surrogate pasted into the editor.
    payload = json.dumps(draft.to_json(), ensure_ascii=True).encode("ascii")
    write_private(path, payload)  # sealed when the folder is encrypted


def load_draft(path: Path, kind: Any = ReflectionDraft) -> Any:
    """The saved draft of `kind` (a class with from_json), or None when there is none (or
    it holds no writing).

    A damaged file is moved aside (so the next save cannot overwrite it) and
    DraftUnreadable says where it went.
    """
    try:
        raw = read_private(path)
    except FileNotFoundError:
        return None
    except (
        SealedFileAltered,
        SealedFileCutShort,
    ):  # sealed, and damaged: kept aside like any unreadable draft
        raw = b"\xff"
    try:
        draft = kind.from_json(json.loads(raw.decode("utf-8")))
    except (UnicodeDecodeError, ValueError):
        kept_at = _aside_name(path)
        os.replace(path, kept_at)
        raise DraftUnreadable(kept_at) from None
    return draft if draft.has_writing() else None


def clear_draft(path: Path) -> None:
    """Forget the draft (after it was saved as a reflection or let go)."""
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def _aside_name(path: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.stem}.unreadable-{stamp}{path.suffix}")
    n = 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}.unreadable-{stamp}-{n}{path.suffix}")
    return candidate
