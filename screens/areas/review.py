"""Review: any week (the last full week by default) summed up, and three prompts saved
as that week's WeeklyReview. The next small step can become a step of a goal.

What is typed is kept as a draft (draft_keeping.py) and offered back; ctrl+q with words
not saved asks first (screens/dialogs/unsaved.py)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.events import Resize
from textual.reactive import var
from textual.widget import Widget
from textual.widgets import Button, Input, Select, Static

from reconnect.logic.checkin_week import checkin_week
from reconnect.logic.day_format import day_format
from reconnect.logic.drafts import ReviewDraft, review_draft_path
from reconnect.logic.ladder import goal_with_next_step
from reconnect.logic.overview import active_goals
from reconnect.logic.week_review import (
    COUNT_HEADING,
    checkin_for_week,
    summary_lines,
    week_summary,
)
from reconnect.logic.weeks import day_bounds, last_full_week, week_span, week_start
from reconnect.records.models import Goal, Step, WeeklyReview, first_error, now_local
from screens.areas.draft_keeping import KeepsDraft
from screens.dialogs.form_base import WRITE_ERRORS, not_saved_reason
from screens.dialogs.unsaved import UnsavedDialog, hold_words
from widgets.field_check import ModelField, as_int

WIDE = 110
# (field id, question, the model field that checks it, length limit); the next step is
# checked as a step title, since it may become one.
PROMPTS = (
    ("helped", "What helped this week?", (WeeklyReview, "helped"), 2_000),
    ("got_in_the_way", "What got in the way?", (WeeklyReview, "got_in_the_way"), 2_000),
    ("next_step", "One small next step", (Step, "title"), 200),
)


class ReviewScreen(KeepsDraft):
    AREA_TITLE = "Review"
    WORDS_IN = "this week's review"
    ABOUT = (
        "Look back at one week: the summary is made from what you logged, and three "
        "questions ask what helped, what got in the way and one small next step, which "
        "can become a step of a goal. What you write is kept as a draft until you save "
        "it (ctrl+s). ctrl+e exports a session report to bring to therapy."
    )

    BINDINGS = [
        # The buttons beside the week say these keys; the footer has no room for them.
        Binding("left_square_bracket", "week(-1)", "Earlier week", key_display="[", show=False),
        Binding("right_square_bracket", "week(1)", "Later week", key_display="]", show=False),
        Binding("ctrl+s", "save", "Save review", key_display="ctrl+s"),
        Binding("c", "checkin", "Check-in"),
        # Priority: the answers are text fields, and Input takes ctrl+e (end of line).
        Binding("ctrl+e", "export", "Export report", key_display="ctrl+e", priority=True),
    ]

    # The first day of the week shown: the last full week until the user moves.
    week: var[date | None] = var(None, init=False)

    def __init__(self) -> None:
        super().__init__()
        self._loaded: dict[str, object] = {}

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="week-bar"):
            yield Static(id="week-line")
            yield Button("◀ Earlier ([)", id="earlier", compact=True)
            yield Button("Later (]) ▶", id="later", compact=True)
        with VerticalScroll(id="review-scroll"), Vertical(id="review-body"):
            yield Static(id="summary")
            with Vertical(id="prompts"):
                for name, question, (model, field), limit in PROMPTS:
                    yield Static(question, classes="prompt")
                    yield Input(
                        id=name,
                        max_length=limit,
                        compact=True,
                        # Every prompt may be left empty.
                        validators=[ModelField(model, field, optional=True)],
                        placeholder="optional" if name != "next_step" else "something small",
                        select_on_focus=False,  # typing after tab adds, never erases
                    )
                    yield Static(id=f"{name}-error", classes="field-error")
                yield Static("Make the step part of a goal (optional)", classes="prompt")
                yield Select[str]([], prompt="Not a goal step", id="goal", compact=True)
                yield Static(id="goal-error", classes="field-error")
                yield Static(
                    "How uneasy do you expect it to feel? 0 (not at all) to 10",
                    classes="prompt",
                    id="expected-question",
                )
                yield Input(
                    id="expected",
                    compact=True,
                    placeholder="0–10, for goal steps",
                    validators=[
                        ModelField(Step, "predicted_discomfort", parse=as_int, optional=True)
                    ],
                )
                yield Static(id="expected-error", classes="field-error")
                with Horizontal(id="save-bar"):
                    yield Button("Save review (ctrl+s)", id="save", variant="primary", compact=True)
                    yield Static(id="save-state")

    def on_mount(self) -> None:
        # AreaScreen.on_mount runs after this by itself (Textual calls each class's
        # handler) and loads the data; the first resume right after it has nothing new.
        # So the first week is set without its watcher, which would load it once more.
        self.set_reactive(ReviewScreen.week, last_full_week(self.reconnect.today, self._first_day))
        self.query_one("#summary").border_title = "The week"
        self.query_one("#review-scroll").focus()
        # The records before the draft is offered back (as Reflect does).
        self._load_if_changed()
        self._offer_draft_back()
        self._watch_for_hangup(True)
        hold_words(self, True)

    def on_unmount(self) -> None:
        hold_words(self, False)

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width >= WIDE, "-wide")

    # --- the week shown ------------------------------------------------------------

    @property
    def _first_day(self) -> int:
        return self.reconnect.settings.first_day_of_week

    @property
    def _this_week(self) -> date:
        return week_start(self.reconnect.today, self._first_day)

    def _review(self) -> WeeklyReview | None:
        assert self.week is not None
        found = [
            r for r in self.store.reviews.all() if week_start(r.week, self._first_day) == self.week
        ]
        return max(found, key=lambda r: r.at) if found else None

    def refresh_data(self) -> None:
        week = self.week
        assert week is not None
        anchored = week_start(week, self._first_day)
        if anchored != week:
            # The first day of the week changed in Settings: show the week that holds the
            # one shown, so its saved review is found (and never taken for an empty one).
            self.set_reactive(ReviewScreen.week, anchored)
            self._loaded = {}
            week = anchored
        label = (
            ", last full week"
            if week == last_full_week(self.reconnect.today, self._first_day)
            else ", this week so far"
            if week == self._this_week
            else ""
        )
        self.query_one("#week-line", Static).update(f"Week of {week_span(week)}{label}")
        self.query_one("#later", Button).disabled = week >= self._this_week
        self._show_summary()
        if not self._dirty():
            self._load_prompts()
        self._show_save_state()

    def _show_summary(self) -> None:
        assert self.week is not None
        start, end = self._bounds()
        summary = week_summary(
            self.week,
            # From the week before too: its comfort is what this week's is compared with.
            self.store.connections.between(day_bounds(self.week - timedelta(days=7), 7)[0], end),
            self.store.reflections.between(start, end),
            self.store.goals.all(),
            self.store.people.all(),
            self.store.checkins.all(),
            self._first_day,
            groups=self.store.groups.all(),
        )
        offer_checkin = summary.checkin is None and self.week == checkin_week(
            self.reconnect.today, self._first_day
        )
        text = Text()
        for heading, words in summary_lines(summary):
            if text:
                text.append("\n")
            if heading == COUNT_HEADING:  # the count is small print, after depth and comfort
                text.append(f"{heading}: {words}", style="dim")
                continue
            text.append(f"{heading}: ", style="bold")
            text.append(words)
            if heading == "Check-in" and offer_checkin:
                text.append("\npress c to do it now", style="italic")
        self.query_one("#summary", Static).update(text)

    def _bounds(self) -> tuple[datetime, datetime]:
        assert self.week is not None
        return day_bounds(self.week, 7)

    def _goal_options(self, keep: str | None) -> list[tuple[str, str]]:
        goals = active_goals(self.store.goals.all(), self.reconnect.today)
        if keep and all(g.id != keep for g in goals):
            kept = self.store.goals.get(keep)
            goals += [kept] if kept else []
        return [(g.title, g.id) for g in goals]

    def _load_prompts(self) -> None:
        review = self._review()
        goal_id = review.next_step_goal_id if review else None
        for name, *_ in PROMPTS:
            self.query_one(f"#{name}", Input).value = getattr(review, name) if review else ""
            self._field_error(name, "")
        select = self.query_one("#goal", Select)
        select.set_options(self._goal_options(goal_id))
        select.value = goal_id if goal_id else Select.NULL
        self._field_error("goal", "")
        self._loaded = self._values()

    def _values(self) -> dict[str, object]:
        values: dict[str, object] = {
            name: self.query_one(f"#{name}", Input).value for name, *_ in PROMPTS
        }
        goal = self.query_one("#goal", Select).value
        values["next_step_goal_id"] = None if goal is Select.NULL else goal
        return values

    def _dirty(self) -> bool:
        return bool(self._loaded) and self._values() != self._loaded

    def _show_save_state(self) -> None:
        review = self._review()
        state = (
            "unsaved changes"
            if self._dirty()
            else f"saved {day_format(review.at, '%a {day} %b')}"
            if review
            else "not written yet"
        )
        self.query_one("#save-state", Static).update(state)

    def _field_error(self, name: str, message: str) -> None:
        error = self.query_one(f"#{name}-error", Static)
        error.update(message)
        error.display = bool(message)

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        result = event.validation_result
        if event.input.id:
            self._field_error(
                event.input.id,
                "" if result is None or result.is_valid else result.failure_descriptions[0],
            )
        self._field_error("goal", "")
        self._show_save_state()
        self.draft_changed()

    @on(Select.Changed)
    def _picked(self) -> None:
        self._field_error("goal", "")
        self._show_save_state()
        self.draft_changed()

    def _refuse(self, field_id: str, message: str) -> None:
        """A save that cannot happen: say why beside the field, and take the person to
        it (it may be out of view on a small screen)."""
        self._field_error(field_id, message)
        field = self.query_one(f"#{field_id}", Widget)
        field.focus()
        self.call_after_refresh(self.query_one(f"#{field_id}-error").scroll_visible)
        self.notify(f"Not saved: {message}", severity="warning")

    # --- the draft (draft_keeping.py) and the quit question (unsaved.py) -----------

    @property
    def _draft_path(self) -> Path:
        return review_draft_path(self.store.path.parent)

    def current_draft(self) -> ReviewDraft | None:
        if self.week is None or not self._loaded:
            return None  # the prompts are not loaded yet: nothing typed
        values = {k: v for k, v in self._values().items() if isinstance(v, str)}
        return ReviewDraft(
            week=self.week, expected=self.query_one("#expected", Input).value, **values
        )

    def _unsaved(self, draft: ReviewDraft | None) -> bool:
        if draft is None or not draft.has_writing():
            return False
        found = [
            r
            for r in self.store.reviews.all()
            if week_start(r.week, self._first_day) == week_start(draft.week, self._first_day)
        ]
        review = max(found, key=lambda r: r.at) if found else None
        saved = (
            (review.helped, review.got_in_the_way, review.next_step, review.next_step_goal_id)
            if review
            else ("", "", "", None)
        )
        return (
            draft.helped,
            draft.got_in_the_way,
            draft.next_step,
            draft.next_step_goal_id,
        ) != saved

    def _offer_draft_back(self) -> None:
        draft = self.read_draft(ReviewDraft)
        if draft is None or not self._unsaved(draft):
            return
        week = week_start(draft.week, self._first_day)
        if week > self._this_week:
            return
        if week != self.week:
            self.set_reactive(ReviewScreen.week, week)
            self._loaded = {}
            self.reload()
        saved = self._review()
        for name, *_ in PROMPTS:
            # A draft never blanks a saved answer: an answer is cleared by saving.
            words = getattr(draft, name) or (getattr(saved, name) if saved else "")
            self.query_one(f"#{name}", Input).value = words
        self.query_one("#expected", Input).value = draft.expected
        select = self.query_one("#goal", Select)
        select.set_options(self._goal_options(draft.next_step_goal_id))
        if draft.next_step_goal_id and self.store.goals.get(draft.next_step_goal_id):
            select.value = draft.next_step_goal_id
        when = (
            f" on {day_format(draft.saved_at.astimezone(), '%A {day} %B at %H:%M')}"
            if draft.saved_at
            else ""
        )
        self.notify(
            f"Welcome back. Here is the review you were writing{when}; ctrl+s saves it.",
            title=f"Week of {day_format(week, '{day} %b')}",
        )
        self._show_save_state()

    def has_typed_words(self) -> bool:
        return self.is_mounted and self._dirty()

    def save_typed_words(self) -> bool:
        self.action_save()
        return not self._dirty()

    def discard_typed_words(self) -> None:
        self._forget_draft()
        self._load_prompts()
        self._show_save_state()

    def show_typed_words(self) -> None:
        if self not in self.app.screen_stack:
            self.app.switch_mode("review")

    # --- actions -------------------------------------------------------------------

    @on(Button.Pressed, "#earlier")
    def _earlier(self) -> None:
        self.action_week(-1)

    @on(Button.Pressed, "#later")
    def _later(self) -> None:
        self.action_week(1)

    def action_week(self, step: int) -> None:
        assert self.week is not None
        target = self.week + timedelta(weeks=step)
        if target > self._this_week:
            return
        if not self._dirty():
            self.week = target
            return

        def answered(answer: str | None) -> None:
            if answer == "discard":
                self._forget_draft()
                self.week = target
            elif answer == "save" and self.save_typed_words():
                self.week = target

        self.app.push_screen(UnsavedDialog(self.WORDS_IN), answered)

    def watch_week(self) -> None:
        self._loaded = {}  # the prompts of the week now shown
        self.reload()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        assert self.week is not None
        values = self._values()
        next_step = str(values["next_step"]).strip()
        goal_id = values["next_step_goal_id"]
        for name in [*(p[0] for p in PROMPTS), "expected"]:
            field = self.query_one(f"#{name}", Input)
            result = field.validate(field.value)
            if result is not None and not result.is_valid:
                self._refuse(name, result.failure_descriptions[0])
                return
        if goal_id and not next_step:
            self._refuse("goal", "Write the next step above first, then pick its goal.")
            return
        expected = self.query_one("#expected", Input).value.strip()
        if goal_id and not expected.isdigit():
            # The expected discomfort is what the step is later compared with: ask for it.
            self._refuse("expected", "A goal step needs a number from 0 to 10 here.")
            return
        existing = self._review()
        try:
            record = WeeklyReview.model_validate(
                {
                    **(existing.model_dump() if existing else {"week": self.week}),
                    **values,
                    "at": now_local(),
                }
            )
            goal: Goal | None = None
            if isinstance(goal_id, str):
                found = self.store.goals.get(goal_id)
                if found is None:
                    self._refuse("goal", "That goal is gone; pick another or none.")
                    return
                previous = (
                    existing.next_step
                    if existing and existing.next_step_goal_id == goal_id
                    else None
                )
                goal = goal_with_next_step(found, next_step, previous, int(expected))
                goal = None if goal == found else goal
        except ValidationError as exc:
            self.notify(f"Not saved: {first_error(exc)}", severity="error")
            return
        try:
            with self.store.batch():
                if goal is not None:
                    self.store.goals.update(goal)
                if existing is not None:
                    self.store.reviews.update(record)
                else:
                    self.store.reviews.add(record)
        except WRITE_ERRORS as exc:
            # A full disk or a read-only folder: the words stay (and in the draft).
            self.notify(not_saved_reason(exc), severity="error", timeout=15)
            self.query_one("#save-state", Static).update("not saved: see the message")
            return
        self._forget_draft()
        added = f" The step is now part of \u201c{goal.title}\u201d." if goal else ""
        self.notify(f"Review saved for the week of {day_format(self.week, '{day} %b')}.{added}")
        self._loaded = {}
        self.show_change()

    def action_export(self) -> None:
        """The session report, ending with the week on screen."""
        from screens.dialogs.transfers import start_export

        assert self.week is not None
        start_export(self.reconnect, end=min(self.week + timedelta(days=6), self.reconnect.today))

    def action_checkin(self) -> None:
        from screens.dialogs.checkin import CheckInScreen

        # Filed by the same rule as from Today, whichever week is on screen.
        week = checkin_week(self.reconnect.today, self._first_day)
        existing = checkin_for_week(self.store.checkins.all(), week, self._first_day)
        self.app.push_screen(CheckInScreen(week, existing), lambda _: self._show_summary())
