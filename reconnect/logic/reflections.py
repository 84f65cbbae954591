"""A reflection between the form and the store: the model's length limits, a saved
reflection as a draft to edit, whether a draft holds unsaved writing, what stops it
being saved, and the fields it is saved with."""

from __future__ import annotations

from typing import Any

from reconnect.logic.day_format import day_format
from reconnect.logic.drafts import ReflectionDraft
from reconnect.records.content import PATTERNS
from reconnect.records.models import Reflection


def max_length(field: str) -> int:
    """The model's length limit for a text field, so the form never disagrees with it."""
    limits = [
        m.max_length for m in Reflection.model_fields[field].metadata if hasattr(m, "max_length")
    ]
    return int(limits[0])


BODY_LIMIT = max_length("body")
AVOIDED_LIMIT = max_length("avoided")


def draft_of(reflection: Reflection) -> ReflectionDraft:
    return ReflectionDraft(
        title=reflection.title,
        # Catalogue order, as the form gives them back, so an untouched edit compares equal.
        patterns=tuple(p.id for p in PATTERNS if p.id in reflection.patterns),
        prompt=reflection.prompt,
        body=reflection.body,
        energy=reflection.energy,
        avoided=reflection.avoided,
        private=reflection.private,
        editing_id=reflection.id,
    )


def is_unsaved(draft: ReflectionDraft, edited: Reflection | None) -> bool:
    """True when `draft` holds writing not saved as it stands. `edited` is the stored
    reflection it edits (None for a new one, or one deleted meanwhile)."""
    if not draft.has_writing():
        return False
    return edited is None or draft_of(edited) != draft


def save_problem(draft: ReflectionDraft) -> str:
    """Why the draft cannot be saved as it is, or ""."""
    if not draft.has_writing():
        return "Write a few words or tick a pattern first; then save."
    if len(draft.body) > BODY_LIMIT:
        over = len(draft.body) - BODY_LIMIT
        return (
            f"Too long to save by {over:,} characters (the limit is {BODY_LIMIT:,}). "
            "Your draft keeps every word."
        )
    return ""


def reflection_fields(draft: ReflectionDraft) -> dict[str, Any]:
    """The fields a reflection is saved with (a new one adds `at`)."""
    return {
        "title": draft.title,
        "patterns": list(draft.patterns),
        "prompt": draft.prompt,
        "body": draft.body,
        "energy": draft.energy,
        "avoided": draft.avoided,
        "private": draft.private,
    }


def day_words(reflection: Reflection) -> str:
    """'Saturday 21 November', the local day it was written."""
    return f"{day_format(reflection.at.astimezone(), '%A {day} %B')}"
