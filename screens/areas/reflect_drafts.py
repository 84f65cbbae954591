"""The part of Reflect that never loses writing: the form is kept as a draft (a small
file of its own, see reconnect.logic.drafts) a couple of seconds after a change, when
leaving the area, on exit and when the terminal goes away, and it is offered back the
next time."""

from __future__ import annotations

import asyncio
import contextlib
import signal
from dataclasses import replace
from pathlib import Path

from textual import on
from textual.timer import Timer

from reconnect.logic.drafts import (
    DraftUnreadable,
    ReflectionDraft,
    clear_draft,
    draft_path,
    load_draft,
    save_draft,
)
from reconnect.logic.reflections import is_unsaved
from reconnect.records.models import now_local
from screens.areas.base import AreaScreen
from widgets.reflection_form import ReflectionForm


class DraftKeeping(AreaScreen):
    """The base of ReflectScreen: its `#form` kept as a draft."""

    def __init__(self) -> None:
        super().__init__()
        # The form's values not yet written to the draft file. Kept here, not read back
        # from the widgets, because on exit the widgets may already be gone.
        self._pending: ReflectionDraft | None = None
        self._draft_timer: Timer | None = None

    @property
    def form(self) -> ReflectionForm:
        return self.query_one("#form", ReflectionForm)

    @property
    def _draft_path(self) -> Path:
        return draft_path(self.store.path.parent)

    def on_unmount(self) -> None:
        self._watch_for_hangup(False)
        self.keep_draft()

    def on_screen_suspend(self) -> None:
        self.keep_draft()

    def _offer_draft_back(self) -> None:
        try:
            draft = load_draft(self._draft_path)
        except DraftUnreadable as exc:
            self.notify(
                f"An earlier draft could not be read; it was kept at {exc.kept_at}.",
                severity="warning",
                timeout=15,
            )
            return
        except OSError as exc:
            self.notify(f"Could not read your draft: {exc.strerror}.", severity="warning")
            return
        if draft is None:
            self.form.reset()
            return
        when = f" on {draft.saved_at.astimezone():%A %-d %B at %H:%M}" if draft.saved_at else ""
        if draft.editing_id and self.store.reflections.get(draft.editing_id):
            banner = f"Welcome back. Here are the changes you were making{when}; nothing was lost."
        else:
            draft = replace(draft, editing_id=None)
            banner = f"Welcome back. Here is the reflection you were writing{when}."
        self.form.fill(draft, banner)

    @on(ReflectionForm.Changed)
    def _form_changed(self) -> None:
        self.form.show_error("")
        self._pending = self.form.draft()
        # The app's quiet time after the first unsaved change (also while typing on).
        delay = self.reconnect.delays.draft_save
        if delay <= 0:
            self.keep_draft()  # no quiet time asked for (tests): keep it now
        elif self._draft_timer is None:
            self._draft_timer = self.set_timer(delay, self.keep_draft)

    def _unsaved(self, draft: ReflectionDraft) -> bool:
        """True when `draft` holds writing that is not saved as it stands."""
        edited = self.store.reflections.get(draft.editing_id) if draft.editing_id else None
        return is_unsaved(draft, edited)

    def _forget_draft(self) -> None:
        """After the writing was saved or let go: nothing left to keep."""
        self._pending = None
        clear_draft(self._draft_path)

    def keep_draft(self) -> None:
        """Write the form to the draft file now, if it changed since the last time."""
        if self._draft_timer is not None:
            self._draft_timer.stop()
            self._draft_timer = None
        draft, self._pending = self._pending, None
        if draft is None:
            return
        try:
            if self._unsaved(draft):
                save_draft(self._draft_path, replace(draft, saved_at=now_local()))
            else:
                clear_draft(self._draft_path)
        except OSError as exc:
            self._pending = self._pending or draft  # try again with the next change
            self.notify(
                f"Could not keep a draft ({exc.strerror}). Your words are still on screen.",
                severity="warning",
            )

    def _watch_for_hangup(self, on: bool) -> None:
        """A closed terminal or a polite kill: keep the draft before going."""
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGHUP, signal.SIGTERM):
                if on:
                    loop.add_signal_handler(sig, self._hung_up)
                else:
                    loop.remove_signal_handler(sig)

    def _hung_up(self) -> None:
        with contextlib.suppress(Exception):  # the widgets may be half gone already
            self._pending = self.form.draft()
        self.keep_draft()
        self.app.exit()
