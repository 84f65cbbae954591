"""Ask for one day: to plan a step, how long a goal rests, or which earlier day a moment
logged late belongs to."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual.app import ComposeResult
from textual.widgets import Input, Static

from screens.dialogs.form_base import FormScreen, goal_line
from widgets.field_check import DayField, date_parser, day_examples


@dataclass(frozen=True)
class Picked:
    day: date | None  # None: the user cleared the date


class DatePrompt(FormScreen[Picked]):
    GUARD_WORDS = False  # a day, quickly typed again: esc closes at once

    def __init__(
        self,
        title: str,
        text: str,
        today: date,
        *,
        label: str,
        goal: str | None = None,
        value: date | None = None,
        optional: bool = False,
        earliest: date | None = None,
        latest: date | None = None,
        save_label: str = "Save",
    ) -> None:
        super().__init__()
        self.FORM_TITLE = title
        # What ctrl+s does: "Save" for a goal's day; the earlier day only leads on.
        self.SAVE_LABEL = save_label
        self._text = text
        self._label = label  # what the day is: "Rest until", "Do it on"
        self._goal = goal
        # One reader for the field, its hint and its errors: the words fit the range.
        self._parse = date_parser(today, earliest=earliest, latest=latest)
        self._value = value
        self._optional = optional
        self._hint = day_examples(today, earliest=earliest, latest=latest)

    def compose_fields(self) -> ComposeResult:
        if self._goal is not None:
            yield goal_line(self._goal)
        yield Static(self._text, classes="intro")
        hint = self._hint
        if self._optional:
            hint += "; empty clears it"
        field = Input(
            self._value.isoformat() if self._value else "",
            id="day",
            validators=[DayField(self._parse, optional=self._optional)],
            compact=True,
        )
        # The form base shows the validator's reason under the field and clears it as
        # soon as the text reads.
        yield from self.row(self._label, field, hint=hint)

    def action_save(self) -> None:
        # One field: its own line says what is wrong, once; no second line repeating it.
        field = self.query_one("#day", Input)
        result = field.validate(field.value)
        if result is not None and not result.is_valid:
            self.show_error("day", result.failure_descriptions[0])
            field.focus()
            return
        super().action_save()

    def build(self) -> Picked:
        text = self.query_one("#day", Input).value
        return Picked(self._parse(text) if text.strip() else None)
