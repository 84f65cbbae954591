"""A step done: how uncomfortable it really was, a note, and its connection in one move.

The connection part is the one connection editor (the Log form's), so the person is
looked up in People and the moment can be said ("yesterday, 18:30").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.widgets import Checkbox, Input, Static

from reconnect.logic.connection_form import Entry, Prefill
from reconnect.records.content import DISCOMFORT_LABELS
from reconnect.records.models import Counterpart, Step
from screens.dialogs.connection_editor import ConnectionEditor
from screens.dialogs.form_base import FormScreen
from widgets.field_check import ModelField
from widgets.scale_picker import ScalePicker
from widgets.tick_box import TickBox


@dataclass(frozen=True)
class StepDone:
    actual: int
    note: str
    at: datetime  # when the step was done: the connection's moment, else now
    entry: Entry | None  # None: the user chose not to log a connection


class StepDoneForm(FormScreen[StepDone]):
    FORM_TITLE = "A step done"
    SAVE_LABEL = "Done"

    def __init__(
        self,
        step: Step,
        counterpart: Counterpart,
        person_id: str | None,
        *,
        save: Callable[[StepDone], object] | None = None,
    ) -> None:
        super().__init__(save)
        self._step = step
        self._counterpart = counterpart
        self._person_id = person_id

    @property
    def editor(self) -> ConnectionEditor:
        return self.query_one(ConnectionEditor)

    def compose_fields(self) -> ComposeResult:
        yield Static(
            f"\u201c{self._step.title}\u201d\nBefore, you expected discomfort of "
            f"{self._step.predicted_discomfort}/10. How was it really?",
            classes="intro",
        )
        yield from self.row(
            "Discomfort felt",
            # Unset on purpose: the felt discomfort is compared with the expected
            # one, so it is never filled in for the user.
            ScalePicker(DISCOMFORT_LABELS, id="actual"),
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
        yield ConnectionEditor(
            self.reconnect.today,
            self.reconnect.store.people.all(),
            prefill=Prefill(self._step.title, self._counterpart, self._person_id),
            compact=True,
        )

    @on(Checkbox.Changed, "#log-it")
    def _log_it_changed(self, event: Checkbox.Changed) -> None:
        self.editor.disabled = not event.value
        if not event.value:
            self.editor.clear_messages()

    @on(ConnectionEditor.SaveRequested)
    def _save_requested(self) -> None:
        self.action_save()

    @on(ScalePicker.Changed, "#actual")
    def _actual_chosen(self) -> None:
        self.show_error("actual", "")

    def build(self) -> StepDone:
        actual = self.query_one("#actual", ScalePicker).value
        if actual is None:
            self.show_error("actual", "choose how it felt: type 0\u201310 or click one")
            self.query_one("#actual", ScalePicker).focus()
            raise ValueError("Not saved yet: see the marked fields.")
        entry: Entry | None = None
        if self.query_one("#log-it", Checkbox).value:
            entry = self.editor.entry()
            if entry is None:
                raise ValueError("Not saved yet: see the marked fields.")
        return StepDone(
            actual=actual,
            note=self.query_one("#step-note", Input).value,
            at=entry.connection.at if entry is not None else self.reconnect.now(),
            entry=entry,
        )
