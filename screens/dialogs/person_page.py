"""A person's own page, opened with enter in People: who they are to you, their rhythm,
important dates and notes, every moment with them (newest first), depth and comfort
month by month, and the goals and steps that name them.

From here: l (or c) logs a moment with them, enter edits the moment under the cursor,
e changes their details, m makes a reach-out goal."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from reconnect.logic.goal_words import made_words
from reconnect.logic.people import counterpart_for
from reconnect.logic.person_page import MonthPoint, by_month, dates_words, goals_naming
from reconnect.logic.plural import plural
from reconnect.logic.support_flow import flows_by_person, flows_words
from reconnect.logic.weeks import local_date
from reconnect.records.content import GOAL_STATUS_LABELS
from reconnect.records.models import Connection, Goal, GoalKind, Person, label
from widgets.hanging import Hanging
from widgets.moment_table import MomentTable
from widgets.score_spark import BARS

if TYPE_CHECKING:
    from reconnect.app import ReconnectApp
    from reconnect.logic.connections import Saved

INDENT = "  ↳ "  # marks the lines of a goal's steps, under the goal
CELL = 5  # a month's width in the month rows: "3.2▅ "


def month_rows(points: list[MonthPoint]) -> Text:
    """Month names, then depth, comfort and the count under each: a bar and the mean,
    or a dim dot for a month with nothing logged (a gap, not a zero)."""
    text = Text("Month    ", style="bold")
    for point in points:
        text.append(f"{point.month:%b}".ljust(CELL))
    for name, value in (("Depth", "depth"), ("Comfort", "comfort")):
        text.append(f"\n{name:<9}", style="bold")
        for point in points:
            mean: float | None = getattr(point, value)
            if mean is None:
                text.append("·".ljust(CELL), style="dim")
            else:
                bar = BARS[round((mean - 1) / 4 * (len(BARS) - 1))]
                text.append(f"{mean:.1f}{bar}".ljust(CELL))
    text.append(f"\n{'Moments':<9}", style="bold")
    for point in points:
        text.append(str(point.moments).ljust(CELL), style="" if point.moments else "dim")
    return text


def goal_lines(person: Person, goals: list[Goal]) -> Text | Hanging:
    """Each goal naming them and its steps; a long title wraps under its own words."""
    mentions = goals_naming(person, goals)
    if not mentions:
        return Text("No goal names them yet; m makes a small reach-out goal.", style="dim")
    text = Hanging()
    for mention in mentions:
        goal = mention.goal
        title = Text(goal.title, style="bold")
        # The Goals list's own word ("resting", not the stored "paused").
        title.append(f" ({GOAL_STATUS_LABELS[goal.status]})", style="not bold dim")
        text.add(Text("• ", style="bold"), title)
        following = goal.next_step()
        if following is not None and mention.linked:
            text.add(f"{INDENT}next: ", following.title)
        for step in mention.steps:
            if step is not following or not mention.linked:
                text.add(f"{INDENT}step: ", step.title + (" ✓ done" if step.done else ""))
    return text


class PersonPage(ModalScreen[None]):
    DEFAULT_CLASSES = "dialog"  # the shared frame: screens/dialogs/dialogs.tcss
    BINDINGS = [
        Binding("escape,q", "dismiss(None)", "Close", key_display="esc"),
        Binding("l,c", "log", "Log a moment with them", key_display="l"),
        Binding("e", "edit", "Change details"),
        Binding("m", "make_goal", "Reach-out goal"),
    ]

    def __init__(self, person: Person) -> None:
        super().__init__()
        self.person = person
        self._moments: list[Connection] = []  # newest first, as the table shows them

    @property
    def reconnect(self) -> ReconnectApp:
        return cast("ReconnectApp", self.app)

    def compose(self) -> ComposeResult:
        with Vertical(id="person-box", classes="dialog-frame"):
            with VerticalScroll(id="person-body", can_focus=False):
                yield Static(id="person-title", markup=False)
                yield Static(id="person-rhythm", markup=False)
                yield Static(id="person-support", markup=False)
                yield Static(id="person-dates", markup=False)
                yield Static(id="person-notes", markup=False)
                yield Static(id="moments-heading", classes="part")
                yield MomentTable(id="person-moments")
                yield Static(
                    "Depth and comfort by month (means, 1–5; · nothing logged)", classes="part"
                )
                yield Static(id="person-months")
                yield Static("Goals and steps that name them", classes="part")
                yield Static(id="person-goals")
            yield Static(
                "l log a moment with them · enter edit one · e change · m goal · esc close",
                id="person-hint",
            )

    def on_mount(self) -> None:
        self.show()
        self.query_one("#person-moments").focus()
        # Open at the top, name first: focusing the table would scroll to it.
        body = self.query_one("#person-body", VerticalScroll)
        self.call_after_refresh(body.scroll_home, animate=False)

    def show(self) -> None:
        """Load the person and their moments afresh and fill the page."""
        store = self.reconnect.store
        today = self.reconnect.today
        self.person = person = store.people.get(self.person.id) or self.person
        ids = store.connections.ids_for_person(person.id)
        self._moments = store.connections.many(reversed(ids))
        title = f"{person.name} · {label(person.circle)}"
        if person.safe:
            title += " · ✓ safe: I can be myself with them"
        if person.archived:
            title += " · archived"
        self.query_one("#person-title", Static).update(title)
        self.query_one("#person-rhythm", Static).update(self._rhythm())
        support = flows_words(flows_by_person(self._moments).get(person.id))
        self.query_one("#person-support", Static).update(
            support or "No support logged with them yet."
        )
        dates = self.query_one("#person-dates", Static)
        words = dates_words(person, today)
        dates.update("\n".join(words) if words else "No dates yet (e adds a birthday).")
        notes = self.query_one("#person-notes", Static)
        notes.update(f"Notes: {person.notes}")
        notes.display = bool(person.notes)
        self._fill_moments()
        months = by_month(self._moments, today)
        self.query_one("#person-months", Static).update(month_rows(months))
        self.query_one("#person-goals", Static).update(goal_lines(person, store.goals.all()))

    def _rhythm(self) -> str:
        person = self.person
        if self._moments:
            days = (self.reconnect.today - local_date(self._moments[0].at)).days
            last = {0: "today", 1: "yesterday"}.get(days, f"{days} days ago")
            words = f"Last in touch {last}"
        else:
            days, words = None, "Nothing logged with them yet"
        if person.cadence_days:
            every = "every day" if person.cadence_days == 1 else f"every {person.cadence_days} days"
            words += f" · you'd like to be in touch {every}"
            if days is not None and days > person.cadence_days:
                words += "; a short message is enough"
        return words + "."

    def _fill_moments(self) -> None:
        table = self.query_one("#person-moments", MomentTable)
        table.show(self._moments)
        table.display = bool(self._moments)
        heading = "Moments together" + (
            f" ({plural(len(self._moments), 'moment')}, newest first)"
            if self._moments
            else ": none yet; l logs one"
        )
        self.query_one("#moments-heading", Static).update(heading)

    def _changed(self) -> None:
        self.show()
        self.reconnect.publish_data_changed()

    # --- actions -------------------------------------------------------------------

    def action_log(self) -> None:
        """The Log's own form, with this person filled in."""
        from reconnect.logic.connection_form import Prefill
        from screens.dialogs.log_entry import LogEntryDialog

        person = self.person

        def saved(result: Saved | None) -> None:
            if result is not None:
                self._changed()
                # The page itself shows it: the cursor on the new row says it was saved,
                # where a notice would cover the page's keys.
                self.query_one("#person-moments", MomentTable).point_at(result.connection.id)

        prefill = Prefill(counterpart=counterpart_for(person), person_id=person.id)
        self.app.push_screen(LogEntryDialog(prefill=prefill), saved)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        from screens.dialogs.log_entry import LogEntryDialog

        moment = self.reconnect.store.connections.get(str(event.row_key.value))
        if moment is None:
            return

        def saved(result: Saved | None) -> None:
            if result is not None:
                self._changed()  # the row shows the change; no notice over the page's keys
                self.query_one("#person-moments", MomentTable).point_at(result.connection.id)

        self.app.push_screen(LogEntryDialog(moment), saved)

    def action_edit(self) -> None:
        from screens.dialogs.person_form import PersonForm

        store = self.reconnect.store

        def save(edited: Person) -> None:
            if store.people.get(edited.id) is None:
                raise ValueError(f"{edited.name} is no longer in People; nothing was saved.")
            store.people.update(edited)

        def saved(edited: Person | None) -> None:
            if edited is not None:
                self._changed()

        form = PersonForm(self.reconnect.today, self.person, store.people.all(), save=save)
        self.app.push_screen(form, saved)

    def action_make_goal(self) -> None:
        from screens.dialogs.goal_form import GoalForm

        store = self.reconnect.store
        person = self.person

        def saved(goal: object) -> None:
            if isinstance(goal, Goal):
                self._changed()
                self.notify(f"It's in Goals (g). {made_words(goal)}", title=goal.title)

        form = GoalForm(
            store.people.all(),
            self.reconnect.today,
            title=f"Reach out to {person.name}",
            kind=GoalKind.REACH_OUT,
            person_id=person.id,
            save=store.goals.add,
        )
        self.app.push_screen(form, saved)
