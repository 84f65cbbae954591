"""Reflect: write about what pulls you away from people, read back, see patterns change.

Writing is never lost: the form is kept as a draft (a small file of its own, see
reconnect.logic.drafts) a couple of seconds after a change, when leaving the area, on exit
and when the terminal goes away, and it is offered back the next time.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from dataclasses import replace
from typing import Any

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.reactive import var
from textual.timer import Timer
from textual.widgets import DataTable, Input, TabbedContent, TabPane

from reconnect.logic.drafts import (
    DraftUnreadable,
    ReflectionDraft,
    clear_draft,
    draft_path,
    load_draft,
    save_draft,
)
from reconnect.logic.patterns import pattern_frequencies
from reconnect.logic.prompts import prompt_order
from reconnect.logic.search import ReflectionIndex
from reconnect.records.content import PATTERNS
from reconnect.records.models import Reflection, first_error, now_local
from screens.areas.base import AreaScreen
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.reflection_view import ReflectionViewScreen
from widgets.pattern_chart import PatternChart
from widgets.reflection_form import BODY_LIMIT, ReflectionForm
from widgets.reflection_history import ReflectionHistory

# Keep the draft this long after the first unsaved change (also while typing on).
DRAFT_DELAY = 2.0


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


def _day(reflection: Reflection) -> str:
    return f"{reflection.at.astimezone():%A %-d %B}"


class ReflectScreen(AreaScreen):
    AREA_TITLE = "Reflect"
    ABOUT = (
        "Write about what pulled you away from people this week. Tick the patterns that "
        "showed up; the chart shows which fade and which persist over weeks. Private "
        "reflections stay out of exports unless you include them. Your writing is kept as "
        "a draft while you type."
    )

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("n", "show_tab('write')", "Write"),
        Binding("h", "show_tab('history')", "History"),
        Binding("c", "show_tab('chart')", "Chart"),
        Binding("slash", "search", "Search", key_display="/"),
        Binding("escape", "clear_filters", "Clear filters", key_display="esc"),
        Binding("u", "undo_delete", "Undo delete"),
    ]

    chart_weeks: var[int] = var(12, init=False)  # the pattern chart's period

    def __init__(self) -> None:
        super().__init__()
        self._index = ReflectionIndex([])
        self._loaded: tuple[int, ...] | None = None
        # The form's values not yet written to the draft file. Kept here, not read back
        # from the widgets, because on exit the widgets may already be gone.
        self._pending: ReflectionDraft | None = None
        self._draft_timer: Timer | None = None
        self._deleted: Reflection | None = None
        self._chart_stale = True

    def compose_body(self) -> ComposeResult:
        with TabbedContent(id="reflect-tabs"):
            with TabPane("Write", id="write"):
                yield ReflectionForm(id="form")
            with TabPane("History", id="history"):
                yield ReflectionHistory(id="history-view")
            with TabPane("Patterns", id="chart"):
                yield PatternChart(self.chart_weeks, id="pattern-chart")

    @property
    def form(self) -> ReflectionForm:
        return self.query_one("#form", ReflectionForm)

    @property
    def history(self) -> ReflectionHistory:
        return self.query_one("#history-view", ReflectionHistory)

    @property
    def _draft_path(self):
        return draft_path(self.store.path.parent)

    def on_mount(self) -> None:
        # The records before the draft is offered back; AreaScreen.on_mount (run next
        # by Textual) then finds nothing new to load.
        self._load_if_changed()
        self._offer_draft_back()
        self._watch_for_hangup(True)
        self.form.focus_first()

    def on_unmount(self) -> None:
        self._watch_for_hangup(False)
        self.keep_draft()

    def on_screen_suspend(self) -> None:
        self.keep_draft()

    # --- records ---------------------------------------------------------------------

    def refresh_data(self) -> None:
        records = self.store.reflections.all()
        loaded = tuple(map(id, records))  # the store hands out the same objects until a change
        if loaded == self._loaded:
            return
        self._loaded = loaded
        self._index = ReflectionIndex(records)
        self.history.show(self._index)
        self.form.offer_prompts(prompt_order(r.prompt for r in self._index.newest_first))
        self._chart_stale = True
        if self._active_tab() == "chart":
            self._draw_chart()

    def _draw_chart(self) -> None:
        today = self.reconnect.today
        first_day = self.reconnect.settings.first_day_of_week
        shown = pattern_frequencies(self._index.newest_first, today, self.chart_weeks, first_day)
        self.query_one(PatternChart).show(shown)
        self._chart_stale = False

    @on(PatternChart.PeriodChanged)
    def _period_changed(self, event: PatternChart.PeriodChanged) -> None:
        self.chart_weeks = event.weeks

    def watch_chart_weeks(self) -> None:
        self._draw_chart()

    @on(TabbedContent.TabActivated)
    def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id == "chart" and self._chart_stale:
            self._draw_chart()
        self.refresh_bindings()

    def _active_tab(self) -> str:
        return self.query_one(TabbedContent).active

    # --- the draft -------------------------------------------------------------------

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
        if self._draft_timer is None:
            self._draft_timer = self.set_timer(DRAFT_DELAY, self.keep_draft)

    def _unsaved(self, draft: ReflectionDraft) -> bool:
        """True when `draft` holds writing that is not saved as it stands."""
        if not draft.has_writing():
            return False
        if draft.editing_id:
            existing = self.store.reflections.get(draft.editing_id)
            return existing is None or draft_of(existing) != draft
        return True

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

    # --- saving ----------------------------------------------------------------------

    def action_save(self) -> None:
        draft = self.form.draft()
        problem = self._problem_with(draft)
        if problem:
            self.form.show_error(problem)
            self.notify(problem, severity="warning")
            return
        fields: dict[str, Any] = {
            "title": draft.title,
            "patterns": list(draft.patterns),
            "prompt": draft.prompt,
            "body": draft.body,
            "energy": draft.energy,
            "avoided": draft.avoided,
            "private": draft.private,
        }
        existing = self.store.reflections.get(draft.editing_id) if draft.editing_id else None
        try:
            if existing is not None:
                self.store.reflections.update(existing.model_copy(update=fields))
                message = f"Saved your changes to the reflection from {_day(existing)}."
            else:
                self.store.reflections.add(Reflection(at=now_local(), **fields))
                message = "Saved. Thank you for taking this time."
                if draft.editing_id:
                    message = "The reflection you edited was deleted meanwhile: saved as a new one."
        except ValidationError as exc:
            self.form.show_error(first_error(exc))
            self.notify(first_error(exc), severity="warning")
            return
        self._pending = None
        clear_draft(self._draft_path)
        self.show_change()
        self.form.reset(f"{message} It is in History (h).")
        self.form.focus_first()

    def _problem_with(self, draft: ReflectionDraft) -> str:
        if not draft.has_writing():
            return "Write a few words or tick a pattern first; then save."
        if len(draft.body) > BODY_LIMIT:
            over = len(draft.body) - BODY_LIMIT
            return (
                f"Too long to save by {over:,} characters (the limit is {BODY_LIMIT:,}). "
                "Your draft keeps every word."
            )
        return ""

    @on(ReflectionForm.SaveRequested)
    def _save_requested(self) -> None:
        self.action_save()

    @on(ReflectionForm.StartAfreshRequested)
    def _start_afresh(self) -> None:
        draft = self.form.draft()
        if not self._unsaved(draft):
            self._let_go()
            return
        question = (
            "Leave these changes unsaved? The reflection stays as it was."
            if draft.editing_id
            else "Let this reflection go? What you wrote will not be kept."
        )
        yes = "Discard changes" if draft.editing_id else "Let it go"
        self.app.push_screen(
            ConfirmDialog(question, yes, no="Keep writing"),
            lambda go: self._let_go() if go else None,
        )

    def _let_go(self) -> None:
        self._pending = None
        clear_draft(self._draft_path)
        self.form.reset()
        self.form.focus_first()

    # --- history: open, edit, delete ---------------------------------------------------

    @on(ReflectionHistory.Opened)
    def _opened(self, event: ReflectionHistory.Opened) -> None:
        reflection = self.store.reflections.get(event.reflection_id)
        if reflection is None:
            self.reload()
            return
        self.app.push_screen(
            ReflectionViewScreen(reflection),
            lambda choice: self._after_view(reflection, choice),
        )

    def _after_view(self, reflection: Reflection, choice: str | None) -> None:
        if choice == "edit":
            self._edit(reflection)
        elif choice == "delete":
            self.app.push_screen(
                ConfirmDialog(
                    f"Delete the reflection from {_day(reflection)}? "
                    "You can bring it back with u until you leave this area.",
                    "Delete",
                ),
                lambda sure: self._delete(reflection) if sure else None,
            )

    def _edit(self, reflection: Reflection) -> None:
        current = self.form.draft()
        if self._unsaved(current) and current.editing_id != reflection.id:
            self.notify(
                "You have unsaved writing in Write. Save it or start afresh first, "
                "so nothing is lost.",
                severity="warning",
                timeout=8,
            )
            self.action_show_tab("write")
            return
        self.form.fill(
            draft_of(reflection),
            f"Editing your reflection from {_day(reflection)}. Save keeps the changes; "
            "Start afresh leaves it as it was.",
        )
        self.action_show_tab("write")

    def _delete(self, reflection: Reflection) -> None:
        gone = self.store.reflections.delete(reflection.id)
        if gone is not None:
            self._deleted = gone
            self.notify(f"Deleted the reflection from {_day(gone)}. Press u to bring it back.")
        self.show_change()
        self.refresh_bindings()

    def action_undo_delete(self) -> None:
        if self._deleted is None:
            return
        restored, self._deleted = self._deleted, None
        if self.store.reflections.get(restored.id) is None:
            self.store.reflections.add(restored)
            self.notify(f"The reflection from {_day(restored)} is back.")
        self.show_change()
        self.refresh_bindings()

    # --- keys ------------------------------------------------------------------------

    def action_show_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        if tab == "write":
            self.form.focus_first()
        elif tab == "history":
            self.history.query_one(DataTable).focus()
        else:
            self.query_one(PatternChart).query_one("#period").focus()

    def action_search(self) -> None:
        self.query_one(TabbedContent).active = "history"
        self.history.query_one("#search", Input).focus()

    def action_clear_filters(self) -> None:
        self.history.clear_filters()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.is_mounted:
            return True
        tab = self._active_tab()
        if action == "save":
            return tab == "write"
        if action == "clear_filters":
            return tab == "history" and self.history.wanted.is_active()
        if action == "undo_delete":
            return self._deleted is not None
        return True
