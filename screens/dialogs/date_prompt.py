"""Ask for one day: to plan a step, how long a goal rests, or which earlier day a moment
logged late belongs to."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual.app import ComposeResult
from textual.widgets import Input, Static

from reconnect.logic.day_format import day_format
from screens.dialogs.form_base import FormScreen, goal_line
from widgets.field_check import date_parser


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
        hint: str = "2026-11-28, today, tomorrow or +7 (days from today)",
    ) -> None:
        super().__init__()
        self.FORM_TITLE = title
        self._text = text
        self._label = label  # what the day is: "Rest until", "Do it on"
        self._goal = goal
        self._parse = date_parser(today)
        self._value = value
        self._optional = optional
        self._earliest = earliest
        self._latest = latest
        self._hint = hint

    def compose_fields(self) -> ComposeResult:
        if self._goal is not None:
            yield goal_line(self._goal)
        yield Static(self._text, classes="intro")
        hint = self._hint
        if self._optional:
            hint += "; empty clears it"
        yield from self.row(
            self._label,
            Input(self._value.isoformat() if self._value else "", id="day", compact=True),
            hint=hint,
        )

    def on_input_changed(self, event: Input.Changed) -> None:
        try:
            self._read(event.value)
        except ValueError as exc:
            self.show_error("day", str(exc))
        else:
            self.show_error("day", "")

    def _read(self, text: str) -> date | None:
        if not text.strip():
            if self._optional:
                return None
            raise ValueError("a day is needed")
        day = self._parse(text)
        if self._earliest and day < self._earliest:
            raise ValueError(f"a day from {day_format(self._earliest, '{day} %b %Y')} on")
        if self._latest and day > self._latest:
            raise ValueError(f"a day up to {day_format(self._latest, '{day} %b %Y')}")
        return day

    def build(self) -> Picked:
        return Picked(self._read(self.query_one("#day", Input).value))
