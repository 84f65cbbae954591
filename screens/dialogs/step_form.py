"""Add or change one rung of a goal's ladder."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual.app import ComposeResult
from textual.suggester import SuggestFromList
from textual.widgets import Input, Select

from reconnect.records.content import STEP_IDEAS
from reconnect.records.models import Step
from screens.dialogs.form_base import FormScreen
from widgets.field_check import ModelField, as_int, date_parser


class StepForm(FormScreen[Step]):
    def __init__(
        self,
        today: date,
        step: Step | None = None,
        *,
        save: Callable[[Step], object] | None = None,
    ) -> None:
        super().__init__(save)
        self._step = step
        self._parse_date = date_parser(today)
        self.FORM_TITLE = "Change this step" if step else "A new step on the ladder"

    def compose_fields(self) -> ComposeResult:
        step = self._step
        yield from self.row(
            "Ideas",
            Select(
                [(idea, idea) for idea in STEP_IDEAS],
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
                suggester=SuggestFromList(STEP_IDEAS, case_sensitive=False),
                compact=True,
            ),
        )
        yield from self.row(
            "Difficulty",
            Input(
                str(step.difficulty if step else 2),
                id="difficulty",
                validators=[ModelField(Step, "difficulty", parse=as_int)],
                compact=True,
            ),
            hint="0 easy … 10 the hardest thing on the ladder",
        )
        yield from self.row(
            "Discomfort expected",
            Input(
                str(step.predicted_discomfort if step else 5),
                id="predicted",
                validators=[ModelField(Step, "predicted_discomfort", parse=as_int)],
                compact=True,
            ),
            hint="0 none … 10 very uncomfortable; compare with how it felt afterwards",
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

    def build(self) -> Step:
        planned = self.query_one("#planned", Input).value.strip()
        fields = {
            "title": self.query_one("#title", Input).value,
            "difficulty": as_int(self.query_one("#difficulty", Input).value),
            "predicted_discomfort": as_int(self.query_one("#predicted", Input).value),
            "planned_on": self._parse_date(planned) if planned else None,
        }
        if self._step is None:
            return Step(**fields)  # type: ignore[arg-type]
        return Step.model_validate({**self._step.model_dump(), **fields})
