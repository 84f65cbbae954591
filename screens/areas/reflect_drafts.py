"""Reflect's drafts: the reflection form kept as a draft (the mechanism is
draft_keeping.py, shared with Review) and offered back the next time."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from textual import on

from reconnect.logic.day_format import day_format
from reconnect.logic.drafts import ReflectionDraft, draft_path
from reconnect.logic.reflections import is_unsaved
from screens.areas.draft_keeping import KeepsDraft
from widgets.reflection_form import ReflectionForm


class DraftKeeping(KeepsDraft):
    """The base of ReflectScreen: its `#form` kept as a draft."""

    @property
    def form(self) -> ReflectionForm:
        return self.query_one("#form", ReflectionForm)

    @property
    def _draft_path(self) -> Path:
        return draft_path(self.store.path.parent)

    def current_draft(self) -> ReflectionDraft:
        return self.form.draft()

    def _offer_draft_back(self) -> None:
        draft = self.read_draft(ReflectionDraft)
        if draft is None:
            self.form.reset()
            return
        when = (
            f" on {day_format(draft.saved_at.astimezone(), '%A {day} %B at %H:%M')}"
            if draft.saved_at
            else ""
        )
        if draft.editing_id and self.store.reflections.get(draft.editing_id):
            banner = f"Welcome back. Here are the changes you were making{when}; nothing was lost."
        else:
            draft = replace(draft, editing_id=None)
            banner = f"Welcome back. Here is the reflection you were writing{when}."
        self.form.fill(draft, banner)

    @on(ReflectionForm.Changed)
    def _form_changed(self) -> None:
        self.form.show_error("")
        self.draft_changed()

    def _unsaved(self, draft: ReflectionDraft) -> bool:
        edited = self.store.reflections.get(draft.editing_id) if draft.editing_id else None
        return is_unsaved(draft, edited)
