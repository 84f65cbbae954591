"""A step done: how uncomfortable it really was, a note, and its connection in one move."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.widgets import Checkbox, Input, Static

from reconnect.records.models import Connection, Counterpart, Step
from screens.dialogs.connection_form import ConnectionForm
from widgets.field_check import ModelField, as_int
from widgets.tick_box import TickBox


@dataclass(frozen=True)
class StepDone:
    actual: int
    note: str
    connection: Connection | None  # None: the user chose not to log one


class StepDoneForm(ConnectionForm):
    SAVE_LABEL = "Done"

    def __init__(self, step: Step, counterpart: Counterpart, person_id: str | None) -> None:
        super().__init__(what=step.title, counterpart=counterpart, person_id=person_id)
        self._step = step
        self.FORM_TITLE = "A step done"

    def compose_fields(self) -> ComposeResult:
        yield Static(
            f"\u201c{self._step.title}\u201d\nBefore, you expected discomfort of "
            f"{self._step.predicted_discomfort}/10. How was it really?",
            classes="intro",
        )
        yield from self.row(
            "Discomfort felt",
            Input(
                # Empty on purpose: the felt discomfort is compared with the expected
                # one, so it is never filled in for the user.
                placeholder="0–10",
                id="actual",
                validators=[ModelField(Step, "actual_discomfort", parse=as_int)],
                compact=True,
            ),
            hint="0 none at all … 10 as hard as it gets",
        )
        yield from self.row(
            "What you noticed",
            Input(
                self._step.note,
                placeholder="optional",
                id="step-note",
                validators=[ModelField(Step, "note")],
                compact=True,
            ),
        )
        yield TickBox("Also log it as a connection", True, id="log-it", compact=True)
        yield from self.connection_rows()

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        if event.checkbox.id == "log-it":
            for field in self.query(
                "#what, #counterpart, #channel, #depth, #comfort, #connection-note"
            ):
                field.disabled = not event.value
            for error in self.query(".error"):
                if error.id and error.id.startswith(("what", "connection-note")):
                    error.update("")  # type: ignore[attr-defined]

    def build(self) -> StepDone:  # type: ignore[override]
        log_it = self.query_one("#log-it", Checkbox).value
        return StepDone(
            actual=as_int(self.query_one("#actual", Input).value),
            note=self.query_one("#step-note", Input).value,
            connection=self.read_connection() if log_it else None,
        )
