"""How long the app waits before its background work. Tests set every delay to zero and
wait for the work itself, never for a fixed time."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Delays:
    # Between looks for another process's writes (`reconnect log` in a shell); 0: never
    # (the caller checks by itself).
    change_check: float = 2.0
    # Quiet time after the last keystroke before a reflection draft is saved.
    draft_save: float = 2.0
    # Typing pause before a history search runs, so a fast typist is not slowed.
    search: float = 0.15


IMMEDIATE = Delays(change_check=0, draft_save=0, search=0)
