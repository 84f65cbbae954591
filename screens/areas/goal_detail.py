"""One goal: its ladder of steps, predicted against felt discomfort, consistency and
homework; complete a step and log its connection in the same move.

The screen is built from parts: what they share (goal_base.py), the step actions
(goal_steps.py) and the goal actions (goal_actions.py); the ladder table and the goal's
texts are widgets (widgets/step_ladder.py, widgets/goal_texts.py)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Static

from reconnect.logic import ladder
from reconnect.logic.consistency import consistency
from reconnect.logic.weeks import midnight, week_start
from reconnect.records.models import GoalKind
from screens.areas.goal_actions import GoalActions
from screens.areas.goal_steps import StepActions
from screens.dialogs.help import show_first_group
from widgets.goal_texts import discomfort_text, goal_text, rhythm_text
from widgets.step_ladder import StepLadder


class GoalScreen(StepActions, GoalActions):
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
        Binding("c", "complete_step", "Selected step done"),
        Binding("d", "plan_step", "Plan a day", show=False),
        Binding("e", "edit_goal", "Edit"),
        # One key, named for the way it goes now (check_action shows the one that fits).
        Binding("s", "rest", "Rest"),
        Binding("s", "resume", "Resume"),
        Binding("x", "more", "More"),
        Binding("shift+up", "move_step(-1)", "Move step up", show=False),
        Binding("shift+down", "move_step(1)", "Move step down", show=False),
        Binding("delete", "remove_step", "Remove step", show=False),
        # Only on a "Join a community" goal; its button says so (the footer is full).
        Binding("h", "first_group", "What to expect at a group", show=False),
    ]

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="goal-body", can_focus=False):
            yield Static(id="goal-info")
            yield Static(id="goal-rhythm")
            yield StepLadder(id="ladder")
            yield Static(id="discomfort")
            with Horizontal(id="goal-actions"):
                yield Button("Add step (a)", id="add-step", compact=True)
                yield Button(
                    "Selected step done (c)", id="complete-step", compact=True, variant="primary"
                )
                yield Button("Edit (e)", id="edit-goal", compact=True)
                yield Button("Rest (s)", id="rest", compact=True)
                yield Button("More (x)", id="more", compact=True)
            expect = Button("What to expect at a group (h)", id="first-group", compact=True)
            expect.display = False  # until the goal shows it is "Join a community"
            yield expect

    def on_mount(self) -> None:
        self._load_if_changed()  # the ladder first, then the cursor goes into it
        self.ladder.focus()

    def refresh_data(self) -> None:
        goal = self.store.goals.get(self.goal_id)
        if goal is None:
            self.notify("That goal is no longer there.")
            self.dismiss()
            return
        self.goal = goal
        self.title = f"Goals › {goal.title}"
        today = self.reconnect.today
        person = self.store.people.get(goal.person_id) if goal.person_id else None
        self.query_one("#goal-info", Static).update(
            goal_text(goal, today, person.name if person else None)
        )
        first_day = self.reconnect.settings.first_day_of_week
        since = midnight(week_start(goal.created_at.date(), first_day))
        rhythm = consistency(goal, self.store.connections.between(since), today, first_day)
        self.query_one("#goal-rhythm", Static).update(rhythm_text(goal, rhythm))
        self.ladder.show(goal)
        self.query_one("#discomfort", Static).update(discomfort_text(goal))
        resting = ladder.is_paused(goal, today)
        self.query_one("#rest", Button).label = "Resume (s)" if resting else "Rest (s)"
        self.query_one("#first-group").display = self._joins_a_community()
        self.refresh_bindings()

    def _joins_a_community(self) -> bool:
        return self.goal is not None and self.goal.kind is GoalKind.JOIN_COMMUNITY

    def action_first_group(self) -> None:
        show_first_group(self.app)

    def action_resume(self) -> None:
        self.action_rest()  # the same toggle

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("rest", "resume") and self.goal is not None:
            resting = ladder.is_paused(self.goal, self.reconnect.today)
            return resting == (action == "resume")
        if action == "first_group":
            return self._joins_a_community()
        return super().check_action(action, parameters)

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
            "first-group": self.action_first_group,
        }.get(event.button.id or "")
        if action is not None:
            action()
