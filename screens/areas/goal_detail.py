"""One goal: its ladder of steps, predicted against felt discomfort, consistency and
homework; complete a step and log its connection in the same move."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, DataTable, Static

from reconnect.logic import ladder
from reconnect.logic.consistency import Consistency, consistency
from reconnect.logic.goals import complete_step_and_log, delete_goal, linked_connections
from reconnect.logic.people import counterpart_for
from reconnect.logic.weeks import midnight, week_start
from reconnect.records.content import GOAL_KIND_LABELS
from reconnect.records.models import Goal, GoalStatus, Homework, Step, label
from screens.areas.base import AreaScreen
from screens.dialogs.choice_menu import ChoiceMenu
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.date_prompt import DatePrompt, Picked
from screens.dialogs.step_done import StepDone, StepDoneForm
from widgets.score_spark import score_text

# Until a goal has this many judged weeks, its score is explained as just starting.
JUST_STARTED_WEEKS = 4


def discomfort_text(goal: Goal) -> Text:
    summary = ladder.discomfort(goal)
    if summary is None:
        return Text(
            "When a step is done you'll record how uncomfortable it really felt, next to "
            "what you expected.",
            style="dim",
        )
    steps = "step" if summary.steps == 1 else f"{summary.steps} steps"
    text = Text(f"Done {steps}: expected ", style="")
    text.append(f"{summary.predicted:.1f}", style="bold")
    text.append(" on average, felt ")
    text.append(f"{summary.actual:.1f}", style="bold")
    text.append(" (out of 10). ")
    if summary.difference >= 0.5:
        text.append("The fear was bigger than the reality.", style="italic")
    elif summary.difference <= -0.5:
        text.append("Harder than expected: a smaller step next is a fine choice.", style="italic")
    else:
        text.append("About as expected: you read yourself well.", style="italic")
    return text


class GoalScreen(AreaScreen):
    """Pushed over the Goals area; esc goes back to the list."""

    AREA_TITLE = "Goals"
    ABOUT = (
        "Each step has a difficulty and the discomfort you expected (0–10). When a step "
        "is done you say how it really felt; the goal then compares expected with felt. "
        "Usually the fear is bigger than the reality, and seeing that is the point."
    )

    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("a", "add_step", "Add step"),
        Binding("c", "complete_step", "Step done"),
        Binding("d", "plan_step", "Plan a day", show=False),
        Binding("e", "edit_goal", "Edit"),
        Binding("s", "rest", "Rest/resume"),
        Binding("x", "more", "More"),
        Binding("shift+up", "move_step(-1)", "Move step up", show=False),
        Binding("shift+down", "move_step(1)", "Move step down", show=False),
        Binding("delete", "remove_step", "Remove step", show=False),
    ]

    def __init__(self, goal_id: str) -> None:
        super().__init__()
        self.goal_id = goal_id
        self.goal: Goal | None = None
        self._step_ids: list[str] = []
        self._first_show = True

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="goal-body", can_focus=False):
            yield Static(id="goal-info")
            yield Static(id="goal-rhythm")
            table: DataTable[Text | str] = DataTable(id="ladder", cursor_type="row")
            table.add_column(" ", width=1, key="mark")
            table.add_column("Step (easiest first)", width=33, key="title")
            table.add_column("Diff", width=4, key="difficulty")
            table.add_column("Expected", width=8, key="predicted")
            table.add_column("Felt", width=5, key="actual")
            table.add_column("When", width=11, key="when")
            yield table
            yield Static(id="discomfort")
            with Horizontal(id="goal-actions"):
                yield Button("Add step (a)", id="add-step", compact=True)
                yield Button("Step done (c)", id="complete-step", compact=True, variant="primary")
                yield Button("Edit (e)", id="edit-goal", compact=True)
                yield Button("Rest (s)", id="rest", compact=True)
                yield Button("More (x)", id="more", compact=True)

    def on_mount(self) -> None:
        self._load_if_changed()  # the ladder first, then the cursor goes into it
        self.query_one("#ladder").focus()

    def refresh_data(self) -> None:
        goal = self.store.goals.get(self.goal_id)
        if goal is None:
            self.notify("That goal is no longer there.")
            self.dismiss()
            return
        self.goal = goal
        self.title = f"Goals › {goal.title}"
        today = self.reconnect.today
        self.query_one("#goal-info", Static).update(self._info(goal, today))
        self.query_one("#goal-rhythm", Static).update(self._rhythm(goal, today))
        self._show_ladder(goal, today)
        self.query_one("#discomfort", Static).update(discomfort_text(goal))
        resting = ladder.is_paused(goal, today)
        self.query_one("#rest", Button).label = "Resume (s)" if resting else "Rest (s)"

    def _info(self, goal: Goal, today: date) -> Text:
        text = Text()
        text.append(goal.title, style="bold underline")
        text.append("\n")
        text.append(GOAL_KIND_LABELS[goal.kind.value], style="bold")
        if ladder.is_paused(goal, today):
            until = f" until {goal.paused_until:%a %-d %b}" if goal.paused_until else ""
            text.append(f" · resting{until} (these weeks don't count)")
        elif goal.status is not GoalStatus.ACTIVE and goal.status is not GoalStatus.PAUSED:
            text.append(f" · {label(goal.status)}")
        else:
            text.append(" · active")
        if goal.weekly_target:
            text.append(f" · aim: {goal.weekly_target} a week")
        if goal.person_id:
            person = self.store.people.get(goal.person_id)
            if person is not None:
                text.append(f" · with {person.name}")
        if goal.why:
            text.append(f"\nWhy: {goal.why}", style="italic")
        if goal.homework is not None:
            text.append_text(self._homework(goal.homework))
        return text

    def _homework(self, hw: Homework) -> Text:
        text = Text()
        text.append("\nHomework", style="bold")
        if hw.assigned_by:
            text.append(f" from {hw.assigned_by}")
        text.append(f", set {hw.assigned_on:%-d %b}")
        if hw.due_on:
            text.append(f", due {hw.due_on:%a %-d %b}", style="bold")
        if hw.discuss_in_session:
            text.append(" · to talk about in session")
        if hw.instructions:
            text.append(f"\n{hw.instructions.strip()}")
        if hw.outcome:
            text.append(f"\nHow it went: {label(hw.outcome)}", style="bold")
            if hw.obstacles:
                text.append(f"; in the way: {hw.obstacles.strip()}")
        return text

    def _rhythm(self, goal: Goal, today: date) -> Text:
        first_day = self.reconnect.settings.first_day_of_week
        since = midnight(week_start(goal.created_at.date(), first_day))
        result: Consistency = consistency(
            goal, self.store.connections.between(since), today, first_day
        )
        if not goal.weekly_target:
            return Text(
                "No weekly aim: set one with Edit (e) to see a consistency score.", style="dim"
            )
        text = Text("Consistency ")
        text.append_text(
            score_text(result.score, result.recent(), empty="starts when this week is done")
        )
        text.append(f"  (12 weeks) · this week {result.this_week}, aim {goal.weekly_target}")
        if result.this_week >= goal.weekly_target:
            text.append(" ✓ met")
        if result.score is not None and result.judged < JUST_STARTED_WEEKS:
            # A smoothed score starts low by design; say so before it discourages.
            text.append(
                "\nJust started: the score grows a little with every week you meet your aim.",
                style="italic",
            )
        if result.welcome_back and goal.status is not GoalStatus.DONE:
            text.append(
                "\nWelcome back. Nothing to make up for: one small step this week is plenty.",
                style="bold",
            )
        return text

    def _show_ladder(self, goal: Goal, today: date) -> None:
        table = self.query_one("#ladder", DataTable)
        row = table.cursor_row
        table.clear()
        self._step_ids = [s.id for s in goal.steps]
        next_step = goal.next_step()
        for step in goal.steps:
            mark = "✓" if step.done else ("→" if next_step and step.id == next_step.id else "·")
            if step.done and step.done_at:
                when = f"done {step.done_at:%-d %b}"
            elif step.planned_on:
                when = f"plan {step.planned_on:%a %-d}"
            else:
                when = ""
            table.add_row(
                mark,
                Text(step.title, overflow="ellipsis", no_wrap=True),
                str(step.difficulty),
                f"{step.predicted_discomfort}/10",
                "" if step.actual_discomfort is None else f"{step.actual_discomfort}/10",
                when,
                key=step.id,
            )
        if not goal.steps:
            table.add_row(
                "", Text("No steps yet: add the smallest one (a)", style="dim"), "", "", "", ""
            )
        elif self._first_show and next_step is not None:
            table.move_cursor(row=self._step_ids.index(next_step.id))  # start where to go next
        elif row < len(goal.steps):
            table.move_cursor(row=row)
        self._first_show = False

    # --- helpers -------------------------------------------------------------------

    def selected_step(self) -> Step | None:
        if self.goal is None or not self._step_ids:
            return None
        row = self.query_one("#ladder", DataTable).cursor_row
        if not 0 <= row < len(self._step_ids):
            return None
        return next((s for s in self.goal.steps if s.id == self._step_ids[row]), None)

    def _save(self, change: Callable[[Goal], Goal]) -> Goal | None:
        """Apply a change to the freshest copy of the goal and save it."""
        goal = self.store.goals.get(self.goal_id)
        if goal is None:
            self.reload()
            return None
        saved = self.store.goals.update(change(goal))
        self.show_change()
        return saved

    def _select_step(self, step_id: str) -> None:
        if step_id in self._step_ids:
            self.query_one("#ladder", DataTable).move_cursor(row=self._step_ids.index(step_id))

    # --- actions -------------------------------------------------------------------

    def action_back(self) -> None:
        self.dismiss()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        action = {
            "add-step": self.action_add_step,
            "complete-step": self.action_complete_step,
            "edit-goal": self.action_edit_goal,
            "rest": self.action_rest,
            "more": self.action_more,
        }.get(event.button.id or "")
        if action is not None:
            action()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        step = self.selected_step()
        if step is None:
            self.action_add_step()
            return
        options = [
            ("reopen", "Not done after all")
            if step.done
            else ("complete", "Done: how did it feel?"),
            ("plan", "Plan it for a day"),
            ("edit", "Change it"),
            ("up", "Move up the ladder"),
            ("down", "Move down the ladder"),
            ("remove", "Remove it"),
        ]
        handlers: dict[str, Callable[[], None]] = {
            "reopen": lambda: self._save(lambda g: ladder.reopen_step(g, step.id)) and None,
            "complete": self.action_complete_step,
            "plan": self.action_plan_step,
            "edit": self._edit_step,
            "up": lambda: self.action_move_step(-1),
            "down": lambda: self.action_move_step(1),
            "remove": self.action_remove_step,
        }

        def chosen(choice: str | None) -> None:
            if choice in handlers:
                handlers[choice]()

        self.app.push_screen(ChoiceMenu(step.title, options), chosen)

    def action_add_step(self) -> None:
        from screens.dialogs.step_form import StepForm

        def saved(step: Step | None) -> None:
            if step is not None and self._save(lambda g: ladder.add_step(g, step)):
                self._select_step(step.id)

        self.app.push_screen(StepForm(self.reconnect.today), saved)

    def _edit_step(self) -> None:
        from screens.dialogs.step_form import StepForm

        step = self.selected_step()
        if step is None:
            return

        def saved(edited: Step | None) -> None:
            if edited is not None and self._save(lambda g: ladder.replace_step(g, edited)):
                self._select_step(edited.id)

        self.app.push_screen(StepForm(self.reconnect.today, step), saved)

    def action_complete_step(self) -> None:
        step = self.selected_step()
        if self.goal is None:
            return
        if step is None or step.done:
            step = self.goal.next_step()
        if step is None:
            self.notify("Every step is done. Add another (a), or mark the goal done (x).")
            return
        goal = self.goal
        person = self.store.people.get(goal.person_id) if goal.person_id else None
        form = StepDoneForm(step, counterpart_for(person, goal.kind), goal.person_id)

        def done(result: StepDone | None) -> None:
            if result is None:
                return
            entry = result.entry
            try:
                completed = complete_step_and_log(
                    self.store,
                    goal.id,
                    step.id,
                    actual=result.actual,
                    note=result.note,
                    at=result.at,
                    connection=entry.connection if entry else None,
                    who=entry.who if entry else None,
                )
            except KeyError:
                self.notify("That step is no longer there; nothing was saved.", severity="warning")
                self.reload()
                return
            message = f"You expected {step.predicted_discomfort}/10; it felt {result.actual}/10."
            logged = completed.logged
            if logged is not None and logged.new_person is not None:
                message += f" {logged.new_person.name} was added to People."
            self.notify(
                message, title="Step done and logged the connection" if logged else "Step done"
            )
            self.show_change()

        self.app.push_screen(form, done)

    def action_plan_step(self) -> None:
        step = self.selected_step()
        if step is None:
            return
        prompt = DatePrompt(
            "Plan a day",
            f"When will you do \u201c{step.title}\u201d?",
            self.reconnect.today,
            value=step.planned_on,
            optional=True,
        )

        def picked(result: Picked | None) -> None:
            if result is not None:
                self._save(lambda g: ladder.plan_step(g, step.id, result.day))

        self.app.push_screen(prompt, picked)

    def action_move_step(self, offset: int) -> None:
        step = self.selected_step()
        if step is None:
            return
        saved = self._save(lambda g: ladder.move_step(g, step.id, offset))
        if saved is None:
            return
        self._select_step(step.id)
        moved = next(s for s in saved.steps if s.id == step.id)
        if moved.difficulty != step.difficulty:
            self.notify(
                f"Its difficulty is now {moved.difficulty}, to match its place on the ladder."
            )

    def action_remove_step(self) -> None:
        step = self.selected_step()
        if step is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._save(lambda g: ladder.remove_step(g, step.id))

        self.app.push_screen(
            ConfirmDialog(
                f"Remove \u201c{step.title}\u201d?",
                "Remove",
                title="Remove this step?",
                note="Connections logged for it stay in your log.",
            ),
            confirmed,
        )

    def action_edit_goal(self) -> None:
        from screens.dialogs.goal_form import GoalForm

        if self.goal is None:
            return

        def saved(goal: Goal | None) -> None:
            if goal is not None:
                self._save(
                    lambda fresh: fresh.model_copy(
                        update={
                            k: getattr(goal, k)
                            for k in (
                                "title",
                                "why",
                                "kind",
                                "person_id",
                                "weekly_target",
                                "homework",
                            )
                        }
                    )
                )

        self.app.push_screen(
            GoalForm(self.store.people.all(), self.reconnect.today, self.goal), saved
        )

    def action_rest(self) -> None:
        if self.goal is None:
            return
        today = self.reconnect.today
        if ladder.is_paused(self.goal, today):
            self._save(lambda g: ladder.resume(g, today))
            self.notify("Welcome back. The goal is active again.")
            return
        if self.goal.status is not GoalStatus.ACTIVE and self.goal.status is not GoalStatus.PAUSED:
            self.notify("This goal is finished; make it active again from More (x).")
            return
        prompt = DatePrompt(
            "Let this goal rest",
            "Illness, travel or a hard week: resting is part of the rhythm, not a failure. "
            "Weeks while it rests don't count toward its consistency.",
            today,
            value=today + timedelta(days=7),
            earliest=today,
        )

        def picked(result: Picked | None) -> None:
            if result is not None and result.day is not None:
                day = result.day
                self._save(lambda g: ladder.pause(g, day, today))
                self.notify(f"Resting until {day:%a %-d %b}. It will be here when you're ready.")

        self.app.push_screen(prompt, picked)

    def action_more(self) -> None:
        if self.goal is None:
            return
        goal = self.goal
        options: list[tuple[str, str]] = []
        if goal.homework is not None:
            options.append(("homework", "Homework: how it went"))
        if goal.status in (GoalStatus.DONE, GoalStatus.LET_GO):
            options.append(("active", "Make it active again"))
        else:
            options.append(("done", "Mark the goal done"))
            options.append(("let_go", "Let it go (it served its purpose, or it doesn't fit now)"))
        options.append(("plan", "Plan the selected step for a day (d)"))
        options.append(("delete", "Delete the goal"))

        def chosen(choice: str | None) -> None:
            today = self.reconnect.today
            if choice == "homework":
                self._review_homework()
            elif choice in ("done", "let_go", "active"):
                status = GoalStatus(choice)
                self._save(lambda g: ladder.finish(g, status, today))
                self.notify(
                    {
                        "done": "Marked done. That took showing up, again and again.",
                        "let_go": "Let go. Choosing what fits now is part of the work.",
                        "active": "Active again.",
                    }[choice]
                )
            elif choice == "plan":
                self.action_plan_step()
            elif choice == "delete":
                self._confirm_delete()

        self.app.push_screen(ChoiceMenu(goal.title, options), chosen)

    def _review_homework(self) -> None:
        from screens.dialogs.homework_review import HomeworkReview

        if self.goal is None or self.goal.homework is None:
            return

        def saved(homework: Homework | None) -> None:
            if homework is not None:
                self._save(lambda g: g.model_copy(update={"homework": homework}))

        self.app.push_screen(HomeworkReview(self.goal.homework), saved)

    def _confirm_delete(self) -> None:
        if self.goal is None:
            return
        linked = len(linked_connections(self.store, self.goal_id))
        kept = (
            f"The {linked} connection{'s' if linked != 1 else ''} you logged for it stay in "
            "your log, just no longer linked to a goal."
            if linked
            else "Nothing in your log is linked to it."
        )

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.delete_in_background()

        self.app.push_screen(
            ConfirmDialog(
                f"Delete \u201c{self.goal.title}\u201d?",
                "Delete",
                title="Delete this goal?",
                note=f"{kept} Letting it go (x) keeps it in your history instead.",
            ),
            confirmed,
        )

    @work(thread=True, exclusive=True, group="delete-goal")
    def delete_in_background(self) -> None:
        """Unlinking its log entries may touch many records: keep the UI responsive."""
        # The app's one store: its reads and writes hold its lock, so a worker may share it.
        delete_goal(self.store, self.goal_id)
        self.app.call_from_thread(self._deleted)

    def _deleted(self) -> None:
        self.notify("Goal deleted. Its log entries are kept.")
        self.dismiss()
