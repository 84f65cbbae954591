"""How the homework went, ready to bring to the next session: an outcome, no grades."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.widgets import Checkbox, Select, Static, TextArea

from reconnect.records.models import Homework, HomeworkOutcome, label
from screens.dialogs.form_base import FormScreen, goal_line
from widgets.tick_box import TickBox


class HomeworkReview(FormScreen[Homework]):
    FORM_TITLE = "How the homework went"

    def __init__(
        self, homework: Homework, goal: str, *, save: Callable[[Homework], object] | None = None
    ) -> None:
        super().__init__(save)
        self._homework = homework
        self._goal = goal

    def compose_fields(self) -> ComposeResult:
        hw = self._homework
        yield goal_line(self._goal)
        if hw.instructions:
            yield Static(hw.instructions, classes="intro")
        yield from self.row(
            "Outcome",
            Select(
                [(label(o), o) for o in HomeworkOutcome],
                value=hw.outcome if hw.outcome else Select.NULL,
                prompt="not reviewed yet",
                id="outcome",
                compact=True,
            ),
            hint="Partly and not yet are useful answers too: they are what to talk about",
        )
        yield from self.row(
            "What got in the way", TextArea(hw.obstacles, id="obstacles", compact=True)
        )
        yield TickBox(
            "Talk about it in the next session", hw.discuss_in_session, id="discuss", compact=True
        )

    def build(self) -> Homework:
        outcome = self.query_one("#outcome", Select).value
        return Homework.model_validate(
            {
                **self._homework.model_dump(),
                "outcome": None if outcome is Select.NULL else outcome,
                "obstacles": self.query_one("#obstacles", TextArea).text,
                "discuss_in_session": self.query_one("#discuss", Checkbox).value,
            }
        )
