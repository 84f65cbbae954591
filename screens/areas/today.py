"""Today: this week at a glance, goals with their next step, who is drifting."""

from __future__ import annotations

from datetime import date, timedelta

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.events import Click
from textual.widgets import Static

from reconnect.areas import AREAS
from reconnect.logic.checkin_week import checkin_week
from reconnect.logic.day_format import day_format
from reconnect.logic.drift import drifting_from
from reconnect.logic.next_step_words import no_next_step
from reconnect.logic.overview import active_goals, depth_mix, lead_words
from reconnect.logic.plural import plural
from reconnect.logic.week_review import checkin_for_week
from reconnect.logic.weeks import local_date, week_bounds
from reconnect.records.models import Connection, Person
from screens.areas.base import AreaScreen
from widgets.depth_mix import depth_mix_text
from widgets.hanging import Hanging

# After this long without a logged connection, Today says welcome back.
WELCOME_BACK_AFTER = timedelta(days=14)
MAX_GOALS = 4
MAX_DRIFTING = 3


class TodayScreen(AreaScreen):
    AREA_TITLE = "Today"
    ABOUT = (
        "This week so far: how deep your moments of connection went (1 greeting … 5 plan "
        "made, support given or received), how comfortable they felt and whether you could "
        "be yourself; then how many moments there were. "
        "Goals show their next small step; homework due soonest comes first. Losing touch "
        "lists people past the rhythm you wished for. Nothing here is a score to beat: it "
        "is a place to pick one small thing."
    )

    BINDINGS = [
        Binding("c", "checkin", "Weekly check-in"),
        Binding("y", "why", "Why this matters", show=False),
    ]

    def compose_body(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(id="date-line")
            yield Static(id="welcome")
            yield Static(id="checkin-offer")
            with Grid():
                yield Static(id="week-summary", classes="panel")
                yield Static(id="goals", classes="panel")
                yield Static(id="drifting", classes="panel")
                yield Static(id="where", classes="panel")

    def on_mount(self) -> None:
        for panel_id, title in (
            ("week-summary", "This week"),
            ("goals", "Goals"),
            ("drifting", "Losing touch"),
            ("where", "Where to go"),
        ):
            self.query_one(f"#{panel_id}").border_title = title
        # AreaScreen.on_mount runs next by itself and loads the records.

    def refresh_data(self) -> None:
        today = self.reconnect.today
        first_day = self.reconnect.settings.first_day_of_week
        start, end = week_bounds(today, first_day)
        week = self.store.connections.between(start, end)
        everything_empty = not week and self._store_is_empty()

        self.query_one("#date-line", Static).update(
            f"{day_format(today, '%A {day} %B %Y')} · week of {day_format(start, '%a {day} %b')}"
        )
        self._show_welcome(everything_empty, bool(week))
        self._show_checkin_offer()
        self._show_week(week)
        self._show_goals()
        self._show_drifting()
        self._show_where(everything_empty)

    def _store_is_empty(self) -> bool:
        return self.store.is_empty()

    def _show_welcome(self, empty: bool, logged_this_week: bool) -> None:
        welcome = self.query_one("#welcome", Static)
        message = ""
        if empty:
            message = (
                "Welcome to reconnect. This is a quiet place to notice small moments of "
                "connection and take the next small step. Nothing leaves this computer. "
                "Start anywhere below; a hello to a neighbour counts."
            )
        elif not logged_this_week:
            latest = self._latest_connection_day()
            if latest is not None and self.reconnect.today - latest >= WELCOME_BACK_AFTER:
                message = (
                    "Welcome back. There is nothing to catch up on: pick one small thing for today."
                )
        welcome.update(message)
        welcome.display = bool(message)

    def _show_checkin_offer(self) -> None:
        """Offered while this week has no check-in; `c` opens it either way."""
        offer = self.query_one("#checkin-offer", Static)
        first_day = self.reconnect.settings.first_day_of_week
        start = checkin_week(self.reconnect.today, first_day)
        missing = checkin_for_week(self.store.checkins.all(), start, first_day) is None
        if missing:
            text = Text()
            text.append(" c ", style="bold reverse")
            text.append(
                f" The check-in for the week of {day_format(start, '{day} %b')}: "
                "three short questions "
                "about the past seven days."
            )
            offer.update(text)
        offer.display = missing

    def on_click(self, event: Click) -> None:
        if event.widget is not None and event.widget.id == "checkin-offer":
            self.action_checkin()

    def action_why(self) -> None:
        from screens.dialogs.help import show_why

        show_why(self.app)

    def action_checkin(self) -> None:
        from screens.dialogs.checkin import CheckInScreen

        first_day = self.reconnect.settings.first_day_of_week
        start = checkin_week(self.reconnect.today, first_day)
        existing = checkin_for_week(self.store.checkins.all(), start, first_day)
        self.app.push_screen(
            CheckInScreen(start, existing), lambda _: self.reconnect.publish_data_changed()
        )

    def _latest_connection_day(self) -> date | None:
        latest = self.store.connections.latest_time()
        return None if latest is None else local_date(latest)

    def _show_week(self, week: list[Connection]) -> None:
        panel = self.query_one("#week-summary", Static)
        if not week:
            panel.update(
                "Nothing logged yet this week.\nA two-line \u201cthinking of you\u201d text "
                "counts, and so does a smile at the shop."
            )
            return
        # How deep and how comfortable first; the count is small print at the end.
        text = Text()
        text.append(f"{lead_words(week)}\n", style="bold")
        text.append_text(depth_mix_text(depth_mix(week)))
        text.append(f"\n{plural(len(week), 'moment')} so far this week", style="dim")
        panel.update(text)

    def _show_goals(self) -> None:
        panel = self.query_one("#goals", Static)
        goals = active_goals(self.store.goals.all(), self.reconnect.today)
        # Homework due soonest first, then the rest in the order they were made.
        goals.sort(
            key=lambda g: (
                g.homework is None or g.homework.due_on is None,
                g.homework.due_on if g.homework and g.homework.due_on else self.reconnect.today,
            )
        )
        if not goals:
            panel.update(
                "No active goals yet. A goal is a ladder of small steps, easiest first: "
                "press g to make one."
            )
            return
        # A step too long for the panel wraps under its own first word, not the edge.
        text = Hanging()
        for goal in goals[:MAX_GOALS]:
            title = Text(goal.title, style="bold")
            if goal.homework and goal.homework.due_on:
                title.append(
                    f"  homework, due {day_format(goal.homework.due_on, '%a {day} %b')}",
                    style="italic",
                )
            step = goal.next_step()
            text.add("", title)
            if step is not None:
                text.add("  next: ", step.title)
            else:
                text.add("  ", Text(no_next_step(bool(goal.steps)), style="dim"))
        if len(goals) > MAX_GOALS:
            text.add("", Text(f"and {len(goals) - MAX_GOALS} more", style="dim"))
        panel.update(text)

    def _show_drifting(self) -> None:
        panel = self.query_one("#drifting", Static)
        people = self.store.people.all()
        drifts = drifting_from(
            people, self.store.connections.latest_by_person(), self.reconnect.today
        )
        if not drifts:
            panel.update(_no_drift_words(people))
            return
        text = Hanging()
        for drift in drifts[:MAX_DRIFTING]:
            name = Text(drift.person.name, style="bold")
            name.append(f": {drift.days_since} days since contact")
            hoped = Text(f"you hoped for every {drift.person.cadence_days} days", style="dim")
            text.add("", name).add("  ", hoped)
        if len(drifts) > MAX_DRIFTING:
            text.add("", Text(f"and {len(drifts) - MAX_DRIFTING} more", style="dim"))
        panel.update(text)

    def _show_where(self, first_run: bool) -> None:
        """On a first run, what each area is for; after that, just the keys."""
        text = Hanging()  # a line too long wraps under its words, not under the key
        others = [a for a in AREAS if a.name != "today"]
        if first_run:
            for area in others:
                text.add(key_mark(area.key_label), f"{area.title}: {area.hint}")
        else:
            for pair in range(0, len(others), 2):
                line = Text()
                for area in others[pair : pair + 2]:
                    line.append_text(key_mark(area.key_label)).append(f"{area.title:<10} ")
                line.rstrip()
                text.add("", line)
        # One line at 80 columns, also beside a scrollbar; ? works on every screen.
        text.add(key_mark("?"), "Help and crisis lines anywhere")
        if first_run:
            text.add(key_mark("y"), "Why this matters: how connection helps")
        self.query_one("#where", Static).update(text)


def _no_drift_words(people: list[Person]) -> str:
    """Nobody drifting, said for where the person is: no one added yet, no rhythm
    wished for yet, or everyone within theirs."""
    if not people:
        return (
            "Add the people who matter in People (p), with how often you'd like to be in "
            "touch: this box then says, gently, when it has been a while."
        )
    if not any(p.cadence_days for p in people):
        return (
            "Choose how often you'd like to be in touch with someone (p, then e on their "
            "name), and this box says when it has been a while."
        )
    return "Nobody is past the contact rhythm you wished for."


def key_mark(key: str) -> Text:
    """' l ' in reverse and a space: the key a line of Where to go starts with."""
    return Text.assemble((f" {key} ", "bold reverse"), " ")
