"""A goal's ladder of steps as a table, easiest first: which are done and which comes
next, difficulty, the discomfort expected and felt, and when. Handed the goal; the
cursor starts on the next step to do and then stays where the user put it."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable

from reconnect.logic.goal_words import step_mark, step_when
from reconnect.records.models import Goal


class StepLadder(DataTable[Text | str]):
    """Selecting a row posts DataTable.RowSelected, as any table's does."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, cursor_type="row")
        self._step_ids: list[str] = []
        self._first_show = True
        self.add_column(" ", width=1, key="mark")
        self.add_column("Step (easiest first)", width=33, key="title")
        self.add_column("Diff", width=4, key="difficulty")
        self.add_column("Expected", width=8, key="predicted")
        self.add_column("Felt", width=5, key="actual")
        self.add_column("When", width=11, key="when")

    def show(self, goal: Goal) -> None:
        row = self.cursor_row
        self.clear()
        self._step_ids = [s.id for s in goal.steps]
        next_step = goal.next_step()
        for step in goal.steps:
            self.add_row(
                step_mark(step, next_step),
                Text(step.title, overflow="ellipsis", no_wrap=True),
                str(step.difficulty),
                f"{step.predicted_discomfort}/10",
                "" if step.actual_discomfort is None else f"{step.actual_discomfort}/10",
                step_when(step),
                key=step.id,
            )
        if not goal.steps:
            self.add_row(
                "", Text("No steps yet: add the smallest one (a)", style="dim"), "", "", "", ""
            )
        elif self._first_show and next_step is not None:
            self.move_cursor(row=self._step_ids.index(next_step.id))  # start where to go next
        elif row < len(goal.steps):
            self.move_cursor(row=row)
        self._first_show = False

    @property
    def selected_step_id(self) -> str | None:
        """The step under the cursor; None when there are no steps."""
        if 0 <= self.cursor_row < len(self._step_ids):
            return self._step_ids[self.cursor_row]
        return None

    def select_step(self, step_id: str) -> None:
        if step_id in self._step_ids:
            self.move_cursor(row=self._step_ids.index(step_id))
