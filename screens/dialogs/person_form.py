"""Add or change a person: name, circle, how often you'd like to be in touch, their
important dates (a birthday, an anniversary), notes, whether they feel safe."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from textual.app import ComposeResult
from textual.validation import ValidationResult, Validator
from textual.widgets import Input, Select, Static

from reconnect.logic.date_lines import dates_text, parse_dates
from reconnect.records.content import SAFE_LABEL
from reconnect.records.models import Circle, Person, label
from screens.dialogs.form_base import FormScreen
from widgets.field_check import ModelField, as_int
from widgets.tick_box import TickBox


class DatesField(Validator):
    """The important dates as typed: each part a name and a day of the year."""

    def validate(self, value: str) -> ValidationResult:
        try:
            parse_dates(value)
        except ValueError as exc:
            return self.failure(str(exc))
        return self.success()


class PersonForm(FormScreen[Person]):
    def __init__(
        self,
        today: date,
        person: Person | None = None,
        others: Sequence[Person] = (),
        *,
        save: Callable[[Person], object] | None = None,
    ) -> None:
        super().__init__(save)
        self._today = today
        self._person = person
        # Everyone else, to say when a name is already taken (allowed, but easy to confuse).
        self._others = [p for p in others if person is None or p.id != person.id]
        self.FORM_TITLE = f"Change {person.name}" if person else "Someone who matters"

    def compose_fields(self) -> ComposeResult:
        person = self._person
        yield from self.row(
            "Name",
            Input(
                person.name if person else "",
                placeholder="a name or a nickname",
                id="name",
                validators=[ModelField(Person, "name")],
                compact=True,
            ),
        )
        yield Static("", id="name-same", classes="hint")
        yield from self.row(
            "Circle",
            Select(
                [(label(c), c) for c in Circle],
                value=person.circle if person else Circle.FRIEND,
                allow_blank=False,
                id="circle",
                compact=True,
            ),
        )
        cadence = person.cadence_days if person else None
        yield from self.row(
            "In touch every",
            Input(
                str(cadence) if cadence else "",
                placeholder="days, e.g. 14 (optional)",
                id="cadence",
                validators=[ModelField(Person, "cadence_days", parse=as_int, optional=True)],
                compact=True,
            ),
            hint="How often you'd like to be in touch; empty means no wish",
        )
        yield from self.row(
            "Notes",
            Input(
                person.notes if person else "",
                placeholder="e.g. Sunday calls work best",
                id="notes",
                validators=[ModelField(Person, "notes")],
                compact=True,
            ),
        )
        yield from self.row(
            "Dates",
            Input(
                dates_text(list(person.important_dates)) if person else "",
                placeholder="e.g. Birthday 12 March; Anniversary 20 June",
                id="dates",
                validators=[DatesField()],
                compact=True,
            ),
            hint="A name and a day for each; put ; between dates",
        )
        # Last, so the tab order of the typed fields stays as it was.
        yield TickBox(SAFE_LABEL, person.safe if person else False, id="safe", compact=True)

    def on_input_changed(self, event: Input.Changed) -> None:
        super().on_input_changed(event)
        if event.input.id != "name":
            return
        wanted = " ".join(event.value.split()).casefold()
        same = [p for p in self._others if " ".join(p.name.split()).casefold() == wanted]
        note = self.query_one("#name-same", Static)
        note.update(
            f"There is already a {same[0].name} ({label(same[0].circle)}); a different "
            "circle or a nickname helps tell them apart."
            if same
            else ""
        )

    def build(self) -> Person:
        cadence = self.query_one("#cadence", Input).value.strip()
        fields = {
            "name": self.query_one("#name", Input).value,
            "circle": self.query_one("#circle", Select).value,
            "cadence_days": as_int(cadence) if cadence else None,
            "notes": self.query_one("#notes", Input).value,
            "safe": self.query_one("#safe", TickBox).value,
            "important_dates": parse_dates(self.query_one("#dates", Input).value),
        }
        if self._person is None:
            return Person(created_at=self.reconnect.now(), **fields)  # type: ignore[arg-type]
        return Person.model_validate({**self._person.model_dump(), **fields})
