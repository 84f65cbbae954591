"""What the goal screen's parts share: the goal on show, the step under the cursor, and
the one way a change to the goal is saved. GoalScreen (goal_detail.py) is built on it,
with its step actions (goal_steps.py) and goal actions (goal_actions.py)."""

from __future__ import annotations

from collections.abc import Callable

from reconnect.records.models import Goal, Step
from screens.areas.undo import UndoArea
from screens.write_guard import write_guard
from widgets.step_ladder import StepLadder


class GoalScreenBase(UndoArea):
    """One goal, by id; `goal` is the copy on show (None until loaded)."""

    def __init__(self, goal_id: str) -> None:
        super().__init__()
        self.goal_id = goal_id
        self.goal: Goal | None = None

    @property
    def ladder(self) -> StepLadder:
        return self.query_one("#ladder", StepLadder)

    def selected_step(self) -> Step | None:
        if self.goal is None:
            return None
        step_id = self.ladder.selected_step_id
        return next((s for s in self.goal.steps if s.id == step_id), None)

    def action_plan_step(self) -> None:
        """Plan the selected step for a day: a step action (StepActions), which the goal's
        More menu (GoalActions) offers too."""
        raise NotImplementedError

    def save_goal(
        self, change: Callable[[Goal], Goal], action: str = "the change to this goal"
    ) -> Goal | None:
        """Apply a change to the freshest copy of the goal and save it; None when the
        goal is gone or the disk refused the write (said in one line)."""
        saved = None
        with write_guard(self, action):
            saved = self._write_goal(change)
        return saved

    def _write_goal(self, change: Callable[[Goal], Goal]) -> Goal | None:
        goal = self.store.goals.get(self.goal_id)
        if goal is None:
            self.reload()
            return None
        saved = self.store.goals.update(change(goal))
        self.show_change()
        return saved

    def save_goal_from_form(self, change: Callable[[Goal], Goal]) -> Goal:
        """save_goal for a form's save hook: a goal gone meanwhile is said in the form
        (ValueError), which stays open with the words."""
        try:
            saved = self._write_goal(change)  # a refused write: the form keeps the words
        except KeyError:  # the step changed is gone (another window)
            self.reload()
            raise ValueError("That step is no longer there; nothing was saved.") from None
        if saved is None:
            raise ValueError("This goal is no longer there (deleted elsewhere); nothing was saved.")
        return saved
