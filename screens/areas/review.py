"""Review: any week (the last full week by default) summed up, and three prompts saved
as that week's WeeklyReview. The next small step can become a step of a goal."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.events import Resize
from textual.reactive import var
from textual.widgets import Button, Input, Select, Static

from reconnect.logic.checkin_week import checkin_week
from reconnect.logic.ladder import goal_with_next_step
from reconnect.logic.overview import active_goals
from reconnect.logic.week_review import checkin_for_week, summary_lines, week_summary
from reconnect.logic.weeks import day_bounds, last_full_week, week_span, week_start
from reconnect.records.models import Goal, Step, WeeklyReview, first_error, now_local
from screens.areas.base import AreaScreen
from widgets.field_check import ModelField, as_int

WIDE = 110
# (field id, question, the model field that checks it, length limit); the next step is
# checked as a step title, since it may become one.
PROMPTS = (
    ("helped", "What helped this week?", (WeeklyReview, "helped"), 2_000),
    ("got_in_the_way", "What got in the way?", (WeeklyReview, "got_in_the_way"), 2_000),
    ("next_step", "One small next step", (Step, "title"), 200),
)


class ReviewScreen(AreaScreen):
    AREA_TITLE = "Review"
    ABOUT = (
        "Look back at one week: the summary is made from what you logged, and three "
        "questions ask what helped, what got in the way and one small next step, which "
        "can become a step of a goal. ctrl+e exports a session report to bring to "
        "therapy."
    )

    BINDINGS = [
        # The buttons beside the week say these keys; the footer has no room for them.
        Binding("left_square_bracket", "week(-1)", "Earlier week", key_display="[", show=False),
        Binding("right_square_bracket", "week(1)", "Later week", key_display="]", show=False),
        Binding("ctrl+s", "save", "Save review", key_display="ctrl+s"),
        Binding("c", "checkin", "Check-in"),
        Binding("ctrl+e", "export", "Export report", key_display="ctrl+e"),
    ]

    # The first day of the week shown: the last full week until the user moves.
    week: var[date | None] = var(None, init=False)

    def __init__(self) -> None:
        super().__init__()
        self._loaded: dict[str, object] = {}
        self._leave_warned = False

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="week-bar"):
            yield Static(id="week-line")
            yield Button("◀ Earlier [", id="earlier", compact=True)
            yield Button("Later ] ▶", id="later", compact=True)
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
            self.store.connections.between(start, end),
            self.store.reflections.between(start, end),
            self.store.goals.all(),
            self.store.people.all(),
            self.store.checkins.all(),
            self._first_day,
        )
        text = Text()
        for heading, words in summary_lines(summary):
            if text:
                text.append("\n")
            text.append(f"{heading}: ", style="bold")
            text.append(words)
        if summary.checkin is None and self.week == checkin_week(
            self.reconnect.today, self._first_day
        ):
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
        self._leave_warned = False

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
            else f"saved {review.at:%a %-d %b}"
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

    @on(Select.Changed)
    def _picked(self) -> None:
        self._field_error("goal", "")
        self._show_save_state()

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
        if self._dirty() and not self._leave_warned:
            self._leave_warned = True
            self.notify(
                "This week's review has unsaved changes: ctrl+s saves them. "
                "Move again to leave them unsaved.",
                severity="warning",
            )
            return
        self.week = target

    def watch_week(self) -> None:
        self._loaded = {}  # the prompts of the week now shown
        self.reload()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        assert self.week is not None
        values = self._values()
        next_step = str(values["next_step"]).strip()
        goal_id = values["next_step_goal_id"]
        if goal_id and not next_step:
            self._field_error("goal", "Write the next step above first, then pick its goal.")
            return
        expected = self.query_one("#expected", Input).value.strip()
        if goal_id and not expected.isdigit():
            # The expected discomfort is what the step is later compared with: ask for it.
            self._field_error("expected", "A goal step needs a number from 0 to 10 here.")
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
                    self._field_error("goal", "That goal is gone; pick another or none.")
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
        with self.store.batch():
            if goal is not None:
                self.store.goals.update(goal)
            if existing is not None:
                self.store.reviews.update(record)
            else:
                self.store.reviews.add(record)
        added = f" The step is now part of \u201c{goal.title}\u201d." if goal else ""
        self.notify(f"Review saved for the week of {self.week:%-d %b}.{added}")
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
