"""Add or change one rung of a goal's ladder."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.suggester import SuggestFromList
from textual.widgets import Input, Select

from reconnect.logic.starter_steps import step_ideas
from reconnect.records.content import DIFFICULTY_LABELS, DISCOMFORT_LABELS
from reconnect.records.models import GoalKind, Step
from screens.dialogs.form_base import FormScreen, goal_line
from widgets.field_check import ModelField, date_parser
from widgets.scale_picker import ScalePicker


class StepForm(FormScreen[Step]):
    def __init__(
        self,
        today: date,
        goal: str,
        step: Step | None = None,
        *,
        kind: GoalKind | None = None,
        save: Callable[[Step], object] | None = None,
    ) -> None:
        super().__init__(save)
        self._step = step
        self._goal = goal
        self._ideas = step_ideas(kind)  # the goal kind's own ideas come first
        self._parse_date = date_parser(today)
        self.FORM_TITLE = "Change this step" if step else "A new step on the ladder"

    def compose_fields(self) -> ComposeResult:
        step = self._step
        yield goal_line(self._goal)
        yield from self.row(
            "Ideas",
            Select(
                [(idea, idea) for idea in self._ideas],
                prompt="pick one to start from (optional)",
                id="idea",
                compact=True,
            ),
        )
        yield from self.row(
            "Step",
            Input(
                step.title if step else "",
                placeholder="something small enough to do this week",
                id="title",
                validators=[ModelField(Step, "title")],
                suggester=SuggestFromList(self._ideas, case_sensitive=False),
                compact=True,
            ),
        )
        # Unset until chosen: a number the person did not pick would read as theirs.
        yield from self.row(
            "Difficulty",
            ScalePicker(DIFFICULTY_LABELS, step.difficulty if step else None, id="difficulty"),
        )
        yield from self.row(
            "Discomfort expected",
            ScalePicker(
                DISCOMFORT_LABELS, step.predicted_discomfort if step else None, id="predicted"
            ),
            hint="compare it with how it felt afterwards",
        )
        planned = step.planned_on if step else None
        yield from self.row(
            "Planned for",
            Input(
                planned.isoformat() if planned else "",
                placeholder="optional: 2026-11-28, tomorrow, +3",
                id="planned",
                validators=[ModelField(Step, "planned_on", parse=self._parse_date, optional=True)],
                compact=True,
            ),
        )

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "idea" and isinstance(event.value, str):
            title = self.query_one("#title", Input)
            title.value = event.value
            title.focus()

    @on(ScalePicker.Changed)
    def _scale_chosen(self, event: ScalePicker.Changed) -> None:
        self.show_error(event.picker.id or "", "")

    def _unchosen(self) -> list[ScalePicker]:
        """The scales still to choose, each marked on its own field."""
        unchosen = []
        for picker_id, what in (
            ("difficulty", "how hard it is"),
            ("predicted", "how uncomfortable you expect it to be"),
        ):
            picker = self.query_one(f"#{picker_id}", ScalePicker)
            if picker.value is None:
                self.show_error(picker_id, f"choose {what}: type 0\u201310 or click one")
                unchosen.append(picker)
        return unchosen

    def build(self) -> Step:
        if unchosen := self._unchosen():
            unchosen[0].focus()
            raise ValueError("Not saved yet: see the marked fields.")
        planned = self.query_one("#planned", Input).value.strip()
        fields = {
            "title": self.query_one("#title", Input).value,
            "difficulty": self.query_one("#difficulty", ScalePicker).value,
            "predicted_discomfort": self.query_one("#predicted", ScalePicker).value,
            "planned_on": self._parse_date(planned) if planned else None,
        }
        if self._step is None:
            return Step(**fields)  # type: ignore[arg-type]
        return Step.model_validate({**self._step.model_dump(), **fields})
