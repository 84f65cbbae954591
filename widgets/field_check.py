"""The Input validators and parsers every form shares: one backed by the pydantic
models (ModelField), one for ISO dates (IsoDate) and the reader of a day (date_parser).

A form checks each field as the user types with the same rules the store applies on
save, so what the form accepts is what the store keeps.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Annotated, Any

from pydantic import BaseModel, TypeAdapter, ValidationError
from textual.validation import ValidationResult, Validator

from reconnect.logic.day_format import day_format
from reconnect.logic.natural_dates import read_day
from reconnect.records.error_words import reason_words
from reconnect.records.models import YEARS, year_problem


def as_int(text: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise ValueError("a whole number, like 3") from None


def looks_back(today: date, latest: date | None) -> bool:
    """A day field that ends today or earlier asks about a day lived (the earlier day to
    log for); any other looks ahead (a step's day, how long a goal rests)."""
    return latest is not None and latest <= today


def day_examples(today: date, *, earliest: date | None = None, latest: date | None = None) -> str:
    """Words a day field reads that fall in its range, for its hint and its errors alike
    (one date in both: two weeks back or ahead, kept inside the range)."""
    back = looks_back(today, latest)
    example = today + timedelta(days=-14 if back else 14)
    if earliest is not None:
        example = max(example, earliest)
    if latest is not None:
        example = min(example, latest)
    # Short enough for one line beside the field in an 80-column dialog.
    if back:
        return f"yesterday, last friday, 3 days ago or {example.isoformat()}"
    return f"tomorrow, +7 (days from today) or {example.isoformat()}"


def date_parser(
    today: date, *, earliest: date | None = None, latest: date | None = None
) -> Callable[[str], date]:
    """Reads a day the way the rest of reconnect does (natural_dates: "yesterday", "last
    friday", "3 days ago", "next monday", 2026-11-28), plus "+3" (days from today), and
    refuses one outside earliest..latest, suggesting words that fit."""
    examples = day_examples(today, earliest=earliest, latest=latest)
    ahead = not looks_back(today, latest)

    def parse(text: str) -> date:
        day = in_range(_read(text.strip().lower(), today, f"try {examples}", ahead))
        if earliest is not None and day < earliest:
            raise ValueError(f"a day from {_day_name(earliest, today)} on; try {examples}")
        if latest is not None and day > latest:
            raise ValueError(f"a day up to {_day_name(latest, today)}; try {examples}")
        return day

    return parse


def _read(word: str, today: date, example: str, ahead: bool) -> date:
    if word.startswith("+") and word[1:].isdigit():
        try:
            return today + timedelta(days=int(word[1:]))
        except OverflowError:
            raise ValueError(f"{word} days is too far; give a date by {YEARS[-1]}") from None
    try:
        return date.fromisoformat(word)  # the quick way, without loading parsedatetime
    except ValueError:
        pass
    try:
        return read_day(word, today, example, ahead=ahead)
    except OverflowError:  # "99999999 days ago"
        raise ValueError(f"'{word}' is too far; give a date by {YEARS[-1]}") from None


def _day_name(day: date, today: date) -> str:
    return "today" if day == today else day_format(day, "{day} %b %Y")


def in_range(day: date) -> date:
    """The day, or ValueError saying why its year is refused (the models' own check)."""
    problem = year_problem(day)
    if problem:
        raise ValueError(problem)
    return day


def _reason(exc: ValidationError) -> str:
    return reason_words(exc.errors()[0])


class ModelField(Validator):
    """Checks one field of a model: `parse` turns the text into the field's value."""

    def __init__(
        self,
        model: type[BaseModel],
        field: str,
        *,
        parse: Callable[[str], Any] | None = None,
        optional: bool = False,
    ) -> None:
        super().__init__()
        info = model.model_fields[field]
        self._adapter: TypeAdapter[Any] = TypeAdapter(Annotated[info.annotation, info])
        self._parse = parse
        self._optional = optional

    def validate(self, value: str) -> ValidationResult:
        if self._optional and not value.strip():
            return self.success()
        try:
            self._adapter.validate_python(self._parse(value) if self._parse else value)
        except ValueError as exc:  # ValidationError is a ValueError
            reason = _reason(exc) if isinstance(exc, ValidationError) else str(exc)
            return self.failure(reason)
        return self.success()


class IsoDate(Validator):
    """A date like 2026-11-21 (empty text passes if `optional`)."""

    def __init__(self, *, optional: bool = False) -> None:
        super().__init__()
        self._optional = optional

    def validate(self, value: str) -> ValidationResult:
        if self._optional and not value.strip():
            return self.success()
        try:
            day = date.fromisoformat(value.strip())
        except ValueError:
            return self.failure("use a date like 2026-11-21")
        problem = year_problem(day)
        return self.failure(problem) if problem else self.success()


class DayField(Validator):
    """A day `parse` reads (date_parser: its ValueError is the reason); empty text passes
    if `optional`, else a day is asked for."""

    def __init__(self, parse: Callable[[str], date], *, optional: bool = False) -> None:
        super().__init__()
        self._parse = parse
        self._optional = optional

    def validate(self, value: str) -> ValidationResult:
        if not value.strip():
            return self.success() if self._optional else self.failure("a day is needed")
        try:
            self._parse(value)
        except ValueError as exc:
            return self.failure(str(exc))
        return self.success()


class NotANumber(Validator):
    """A name made only of digits is almost always a rating typed one field too far
    (a digit already moves on, so 3, tab, 4 lands the 4 lower down): refuse it gently
    rather than add a person called "4"."""

    def validate(self, value: str) -> ValidationResult:
        if value.strip().isdigit():
            return self.failure("a name, not a number: ratings are typed on their own rows")
        return self.success()
