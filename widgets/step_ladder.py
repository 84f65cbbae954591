"""A goal's ladder of steps as a table, easiest first: which are done and which comes
next, difficulty, the discomfort expected and felt, and when. Handed the goal; the
cursor starts on the next step to do and then stays where the user put it."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable

from reconnect.logic.goal_words import step_mark, step_when
from reconnect.records.models import Goal

TITLE_MIN = 24
# Short enough for the title column at 80 columns; longer, it wraps (the row grows).
NO_STEPS_HINT = "No steps yet: add a small one (a)"
# (heading, key, width) of the columns after the title.
OTHER_COLUMNS = (
    ("Diff", "difficulty", 4),
    ("Expected", "predicted", 8),
    ("Felt", "actual", 5),
    ("When", "when", 11),
)


class StepLadder(DataTable[Text | str]):
    """Selecting a row posts DataTable.RowSelected, as any table's does."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, cursor_type="row")
        self._step_ids: list[str] = []
        self._first_show = True
        self._goal: Goal | None = None
        self._title_width = 0
        self._add_columns(TITLE_MIN)

    def _add_columns(self, title_width: int) -> None:
        self._title_width = title_width
        self.add_column(" ", width=1, key="mark")
        self.add_column("Step (easiest first)", width=title_width, key="title")
        for label, key, width in OTHER_COLUMNS:
            self.add_column(label, width=width, key=key)

    def on_resize(self) -> None:
        # The title column takes the room the others leave: long titles get it.
        others = sum(width for _, _, width in OTHER_COLUMNS) + 1
        padding = 2 * self.cell_padding * (len(OTHER_COLUMNS) + 2)
        width = max(TITLE_MIN, self.scrollable_content_region.width - others - padding)
        if width != self._title_width:
            row = self.cursor_row
            self.clear(columns=True)
            self._add_columns(width)
            if self._goal is not None:
                self.show(self._goal)
                self.move_cursor(row=row)  # the rows are the same: the cursor stays

    def show(self, goal: Goal) -> None:
        self._goal = goal
        row = self.cursor_row
        self.clear()
        self._step_ids = [s.id for s in goal.steps]
        next_step = goal.next_step()
        for step in goal.steps:
            self.add_row(
                step_mark(step, next_step),
                Text(step.title),  # wrapped, never cut: the row grows instead
                str(step.difficulty),
                f"{step.predicted_discomfort}/10",
                "" if step.actual_discomfort is None else f"{step.actual_discomfort}/10",
                step_when(step),
                key=step.id,
                height=None,
            )
        if not goal.steps:
            self.add_row(
                "",
                Text(NO_STEPS_HINT, style="dim"),
                *[""] * len(OTHER_COLUMNS),
                height=None,  # wrapped, never cut: at 80 columns it needs two lines
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
