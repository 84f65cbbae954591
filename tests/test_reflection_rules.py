"""A reflection between the form and the store: as a draft to edit, unsaved or not,
what stops a save, the fields it is saved with."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from reconnect.logic.day_format import day_format
from reconnect.logic.drafts import ReflectionDraft
from reconnect.logic.reflections import (
    BODY_LIMIT,
    day_words,
    draft_of,
    is_unsaved,
    reflection_fields,
    save_problem,
)
from reconnect.records.content import PATTERNS
from reconnect.records.models import Reflection

AT = datetime(2026, 11, 21, 12, tzinfo=UTC)


def _reflection() -> Reflection:
    # Ticked in the other order than the catalogue's: the draft puts them in its order.
    patterns = [PATTERNS[2].id, PATTERNS[0].id]
    return Reflection(at=AT, title="A quiet week", body="I stayed in.", patterns=patterns)


def test_an_untouched_edit_is_not_unsaved_a_changed_one_is() -> None:
    saved = _reflection()
    draft = draft_of(saved)
    assert draft.editing_id == saved.id
    assert draft.patterns == (PATTERNS[0].id, PATTERNS[2].id)
    assert not is_unsaved(draft, saved)
    assert is_unsaved(replace(draft, body="I stayed in. Then I called."), saved)
    assert is_unsaved(draft, None)  # deleted meanwhile: the writing is only here now
    assert not is_unsaved(ReflectionDraft(prompt="Only a prompt"), None)


def test_what_stops_a_save() -> None:
    assert save_problem(ReflectionDraft()).startswith("Write a few words")
    assert save_problem(ReflectionDraft(body="fine")) == ""
    too_long = ReflectionDraft(body="x" * (BODY_LIMIT + 3))
    assert save_problem(too_long).startswith("Too long to save by 3 characters")


def test_the_fields_saved_make_the_reflection_again() -> None:
    saved = _reflection()
    again = Reflection(at=AT, **reflection_fields(draft_of(saved)))
    assert draft_of(again.model_copy(update={"id": saved.id})) == draft_of(saved)
    assert day_words(saved) == f"{day_format(AT.astimezone(), '%A {day} %B')}"
