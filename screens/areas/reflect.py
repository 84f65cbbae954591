"""Reflect: write about what pulls you away from people, read back, see patterns change.

Writing is never lost: the draft-keeping part is reflect_drafts.py (ReflectScreen is
built on it); the rules between the form and the store are reconnect.logic.reflections.
"""

from __future__ import annotations

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.reactive import var
from textual.widgets import DataTable, Input, TabbedContent, TabPane

from reconnect.logic.patterns import pattern_frequencies
from reconnect.logic.prompts import prompt_order
from reconnect.logic.reflections import day_words, draft_of, reflection_fields, save_problem
from reconnect.logic.removals import delete_reflection
from reconnect.logic.search import ReflectionIndex
from reconnect.records.models import Reflection, first_error, now_local
from reconnect.store.write_failure import WRITE_ERRORS
from screens.areas.reflect_drafts import DraftKeeping
from screens.areas.reflect_editor import open_in_own_editor
from screens.areas.undo import UndoArea
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.form_base import not_saved_reason
from screens.dialogs.reflection_view import ReflectionViewScreen
from screens.write_guard import write_guard
from widgets.pattern_chart import PatternChart
from widgets.reflection_form import ReflectionForm
from widgets.reflection_history import ReflectionHistory


class ReflectScreen(DraftKeeping, UndoArea):
    AREA_TITLE = "Reflect"
    ABOUT = (
        "Write about what pulled you away from people this week. Tick the patterns that "
        "showed up; the chart shows which fade and which persist over weeks. Private "
        "reflections stay out of exports unless you include them. Your writing is kept as "
        "a draft while you type."
    )

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("ctrl+o", "own_editor", "Editor", key_display="^o"),
        Binding("n", "show_tab('write')", "Write"),
        Binding("h", "show_tab('history')", "History"),
        Binding("c", "show_tab('chart')", "Chart"),
        Binding("slash", "search", "Search", key_display="/"),
        Binding("escape", "clear_filters", "Clear filters", key_display="esc"),
    ]

    chart_weeks: var[int] = var(12, init=False)  # the pattern chart's period

    def __init__(self) -> None:
        super().__init__()
        self._index = ReflectionIndex([])
        self._loaded: tuple[int, ...] | None = None
        self._chart_stale = True

    def compose_body(self) -> ComposeResult:
        with TabbedContent(id="reflect-tabs"):
            with TabPane("Write", id="write"):
                yield ReflectionForm(id="form")
            with TabPane("History", id="history"):
                yield ReflectionHistory(
                    search_delay=self.reconnect.delays.search, id="history-view"
                )
            with TabPane("Patterns", id="chart"):
                yield PatternChart(self.chart_weeks, id="pattern-chart")

    @property
    def history(self) -> ReflectionHistory:
        return self.query_one("#history-view", ReflectionHistory)

    def on_mount(self) -> None:
        # The records before the draft is offered back; AreaScreen.on_mount (run next
        # by Textual) then finds nothing new to load.
        self._load_if_changed()
        self._offer_draft_back()
        self._watch_for_hangup(True)
        self.form.focus_first()

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

    # --- saving ----------------------------------------------------------------------

    def action_save(self) -> None:
        draft = self.form.draft()
        problem = save_problem(draft)
        if problem:
            self.form.show_error(problem)
            self.notify(problem, severity="warning")
            return
        fields = reflection_fields(draft)
        existing = self.store.reflections.get(draft.editing_id) if draft.editing_id else None
        try:
            if existing is not None:
                self.store.reflections.update(existing.model_copy(update=fields))
                message = f"Saved your changes to the reflection from {day_words(existing)}."
            else:
                self.store.reflections.add(Reflection(at=now_local(), **fields))
                message = "Saved. Thank you for taking this time."
                if draft.editing_id:
                    message = "The reflection you edited was deleted meanwhile: saved as a new one."
        except ValidationError as exc:
            self.form.show_error(first_error(exc))
            self.notify(first_error(exc), severity="warning")
            return
        except WRITE_ERRORS as exc:  # the words stay in the editor, and in the draft
            self.form.show_error(not_saved_reason(exc))
            self.notify(not_saved_reason(exc), severity="error", timeout=15)
            self.draft_changed()
            return
        self._forget_draft()
        self.show_change()
        self.form.reset(f"{message} It is in History (h).")
        self.form.focus_first()

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
        self._forget_draft()
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
            ReflectionViewScreen(
                reflection, self.store.other_versions("reflections", reflection.id)
            ),
            lambda choice: self._after_view(reflection, choice),
        )

    def _after_view(self, reflection: Reflection, choice: str | None) -> None:
        if choice == "edit":
            self._edit(reflection)
        elif choice == "delete":
            self.app.push_screen(
                ConfirmDialog(
                    f"Delete the reflection from {day_words(reflection)}? "
                    "You can bring it back with u until you close the app.",
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
            f"Editing your reflection from {day_words(reflection)}. Save keeps the changes; "
            "Start afresh leaves it as it was.",
        )
        self.action_show_tab("write")

    def _delete(self, reflection: Reflection) -> None:
        with write_guard(self, "the delete") as guard:
            removal = delete_reflection(self.store, reflection.id)
        if not guard.failed:
            self.offer_undo(removal)

    # --- keys ------------------------------------------------------------------------

    def action_show_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        if tab == "write":
            self.form.focus_first()
        elif tab == "history":
            self.history.query_one(DataTable).focus()
        else:
            self.query_one(PatternChart).query_one("#period").focus()

    def action_own_editor(self) -> None:
        open_in_own_editor(self)

    def action_search(self) -> None:
        self.query_one(TabbedContent).active = "history"
        self.history.query_one("#search", Input).focus()

    def action_clear_filters(self) -> None:
        self.history.clear_filters()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.is_mounted:
            return True
        tab = self._active_tab()
        if action in ("save", "own_editor"):
            return tab == "write"
        if action == "clear_filters":
            return tab == "history" and self.history.wanted.is_active()
        return super().check_action(action, parameters)
