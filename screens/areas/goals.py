"""Goals: every goal with its next step, how this week is going, and its consistency."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.reactive import var
from textual.widgets import DataTable, Static

from reconnect.logic.consistency import Consistency, consistency_all
from reconnect.logic.day_format import day_format
from reconnect.logic.next_step_words import no_next_step
from reconnect.logic.removals import RecordRemoved, Removal
from reconnect.logic.weeks import midnight, week_start
from reconnect.records.content import GOAL_STATUS_LABELS, CommunityKindInfo
from reconnect.records.models import Goal, GoalKind, GoalStatus
from screens.areas.undo import UndoArea
from widgets.hanging import Hanging
from widgets.score_spark import score_text

FINISHED = (GoalStatus.DONE, GoalStatus.LET_GO)
GOAL_MIN = 32
# (heading, key, width) of the columns after the goal's. The last: the share of weekly
# aims met, smoothed; the bars are the last 10 weeks.
OTHER_COLUMNS = (("State", "state", 16), ("Week", "week", 7), ("Steady, 10 wk", "score", 15))
# Columns' cell padding (1 each side of 4 columns), the body's padding, a scrollbar.
ROOM_AROUND = 8 + 2 + 2


def status_text(goal: Goal, today: date) -> Text:
    """Two short lines: the state, and homework with its due day."""
    hw = goal.homework
    due = f"due {day_format(hw.due_on, '%a {day} %b')}" if hw and hw.due_on else ""
    if goal.status is GoalStatus.PAUSED and goal.paused_until and goal.paused_until >= today:
        # Two lines, as homework's are: "resting to 12 Dec" is a cell too wide.
        text = Text(f"resting\nuntil {day_format(goal.paused_until, '{day} %b')}")
    elif goal.status in FINISHED:
        text = Text(GOAL_STATUS_LABELS[goal.status])
    elif hw is not None:
        return Text.assemble(("homework", "italic"), "\n", (due, "bold"))
    else:
        text = Text("active")
    if hw is not None:
        text.append("\nhomework", style="italic")
    return text


def sort_key(goal: Goal, today: date) -> tuple[int, date, date]:
    """Homework due soonest first, then active, resting, and finished goals."""
    due = goal.homework.due_on if goal.homework and goal.homework.due_on else None
    if goal.status in FINISHED:
        group = 3
    elif goal.status is GoalStatus.PAUSED and goal.paused_until and goal.paused_until >= today:
        group = 2
    else:
        group = 0 if due else 1
    return (group, due or date.max, goal.created_at.date())


class GoalsScreen(UndoArea):
    AREA_TITLE = "Goals"
    ABOUT = (
        "A goal is a ladder of small steps, easiest first. Steady is a forgiving score "
        "that grows as a habit does: each week you meet your weekly aim raises it (four "
        "good weeks make 50%), a missed week lowers it a little, and resting weeks do not "
        "count. There are no streaks to lose."
    )

    BINDINGS = [
        Binding("n", "new_goal", "New goal"),
        Binding("enter", "open_goal", "Open", show=False),
        Binding("f", "toggle_finished", "Finished"),
        Binding("i", "import_plan", "Import plan"),
        Binding("j", "find_community", "Find a community"),
    ]

    show_finished: var[bool] = var(False, init=False)

    def __init__(self) -> None:
        super().__init__()
        self._goal_ids: list[str] = []
        self._goal_width = GOAL_MIN

    def compose_body(self) -> ComposeResult:
        with Vertical(id="goals-body"):
            yield Static(id="goals-intro")
            table: DataTable[Text | str] = DataTable(id="goal-table", cursor_type="row")
            self._add_columns(table, GOAL_MIN)
            yield table
            yield Static(
                "enter opens a goal · n new goal · f shows finished ones · "
                "i imports a therapist's homework plan · j finds a community",
                id="goals-hint",
            )

    def _add_columns(self, table: DataTable[Text | str], goal_width: int) -> None:
        self._goal_width = goal_width
        table.add_column("Goal · next step", width=goal_width, key="goal")
        for heading, key, width in OTHER_COLUMNS:
            table.add_column(heading, width=width, key=key)

    def on_resize(self, event: events.Resize) -> None:
        # The goal column takes the room the others leave: long titles get it.
        fixed = sum(width for _, _, width in OTHER_COLUMNS) + ROOM_AROUND
        width = max(GOAL_MIN, event.size.width - fixed)
        if width != self._goal_width:
            table = self.query_one("#goal-table", DataTable)
            table.clear(columns=True)
            self._add_columns(table, width)
            if self.is_mounted:
                self.refresh_data()

    def refresh_data(self) -> None:
        today = self.reconnect.today
        goals = self.store.goals.all()
        shown = [g for g in goals if self.show_finished or g.status not in FINISHED]
        shown.sort(key=lambda g: sort_key(g, today))
        scores = self._consistency(shown, today)
        table = self.query_one("#goal-table", DataTable)
        selected = self.selected_goal_id()
        table.clear()
        self._goal_ids = [g.id for g in shown]
        for goal in shown:
            # Rows grow to hold a wrapped title or step: nothing is cut.
            table.add_row(*self._row(goal, scores[goal.id], today), key=goal.id, height=None)
        if selected in self._goal_ids:
            table.move_cursor(row=self._goal_ids.index(selected))
        table.display = bool(shown)
        self._show_intro(goals, shown, scores)

    def _consistency(self, goals: list[Goal], today: date) -> dict[str, Consistency]:
        if not goals:
            return {}
        first_day = self.reconnect.settings.first_day_of_week
        earliest = min(week_start(g.created_at.date(), first_day) for g in goals)
        connections = self.store.connections.between(midnight(earliest))
        return consistency_all(goals, connections, today, first_day)

    def _row(self, goal: Goal, result: Consistency, today: date) -> tuple[Hanging, Text, str, Text]:
        # A step too long for the column wraps under its own first word, not the edge.
        title = Hanging().add("", Text(goal.title, style="bold"))
        step = goal.next_step()
        if step is not None:
            title.add("next: ", step.title)
        else:
            title.add("", Text(no_next_step(bool(goal.steps)), style="dim"))
        week = "–"
        if goal.weekly_target:
            met = result.this_week >= goal.weekly_target
            week = f"{result.this_week} ✓" if met else f"{result.this_week} of {goal.weekly_target}"
        empty = "no weekly aim" if not goal.weekly_target else "starts this week"
        score = score_text(result.score, result.recent(10), empty=empty)
        if goal.status in FINISHED:
            score = Text("")
        return title, status_text(goal, today), week, score

    def _show_intro(
        self, goals: list[Goal], shown: list[Goal], scores: dict[str, Consistency]
    ) -> None:
        intro = self.query_one("#goals-intro", Static)
        if not goals:
            intro.update(
                "No goals yet. A goal is a ladder of small steps, easiest first: press n to "
                "make one. Homework from a therapist comes in a plan file: press i to "
                "import it (ctrl+o there shows how a plan is written). Looking for a group "
                "to belong to? j shows the kinds of community and a gentle way in."
            )
            return
        active = sum(1 for g in goals if g.status is GoalStatus.ACTIVE)
        resting = sum(1 for g in goals if g.status is GoalStatus.PAUSED)
        finished = sum(1 for g in goals if g.status in FINISHED)
        parts = [f"{active} active"]
        if resting:
            parts.append(f"{resting} resting (those weeks don't count)")
        parts.append(f"{finished} finished" + ("" if self.show_finished else " (f shows them)"))
        text = Text(" · ".join(parts))
        # Away from every goal with a weekly aim: greet, never count what was missed.
        aims = [scores[g.id] for g in shown if g.weekly_target and g.status is GoalStatus.ACTIVE]
        if aims and all(r.welcome_back for r in aims):
            text.append(
                "\nWelcome back. There is nothing to catch up on: one small step on any goal "
                "is a fine way to start again.",
                style="bold",
            )
        intro.update(text)

    def selected_goal_id(self) -> str | None:
        table = self.query_one("#goal-table", DataTable)
        if not self._goal_ids or not 0 <= table.cursor_row < len(self._goal_ids):
            return None
        return self._goal_ids[table.cursor_row]

    def show_restored(self, removal: Removal) -> None:
        if isinstance(removal, RecordRemoved) and removal.record.id in self._goal_ids:
            table = self.query_one("#goal-table", DataTable)
            table.move_cursor(row=self._goal_ids.index(removal.record.id))

    # --- actions -------------------------------------------------------------------

    def action_open_goal(self) -> None:
        goal_id = self.selected_goal_id()
        if goal_id:
            from screens.areas.goal_detail import GoalScreen

            self.app.push_screen(GoalScreen(goal_id))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_goal()

    def action_toggle_finished(self) -> None:
        self.show_finished = not self.show_finished

    def watch_show_finished(self) -> None:
        self.reload()

    def action_new_goal(self, title: str = "", kind: GoalKind = GoalKind.REACH_OUT) -> None:
        from screens.dialogs.goal_form import GoalForm

        def saved(goal: Goal | None) -> None:
            if goal is None:
                return
            self.show_change()
            from reconnect.logic.goal_words import made_words
            from screens.areas.goal_detail import GoalScreen

            self.app.push_screen(GoalScreen(goal.id))
            self.notify(f"Goal made. {made_words(goal)}", title=goal.title)

        form = GoalForm(
            self.store.people.all(),
            self.reconnect.today,
            title=title,
            kind=kind,
            save=self.store.goals.add,
        )
        self.app.push_screen(form, saved)

    def action_find_community(self) -> None:
        """The community guide; a kind chosen there starts a "Join a community" goal."""
        from screens.dialogs.community_guide import CommunityGuide, try_title

        def chosen(info: CommunityKindInfo | None) -> None:
            if info is not None:
                self.action_new_goal(try_title(info), GoalKind.JOIN_COMMUNITY)

        self.app.push_screen(CommunityGuide(), chosen)

    def action_import_plan(self) -> None:
        """The app's one import flow, for a homework plan."""
        self.reconnect.action_import("plan")
