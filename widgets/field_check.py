"""The Input validators and parsers every form shares: one backed by the pydantic
models (ModelField) and one for ISO dates (IsoDate).

A form checks each field as the user types with the same rules the store applies on
save, so what the form accepts is what the store keeps.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Annotated, Any

from pydantic import BaseModel, TypeAdapter, ValidationError
from textual.validation import ValidationResult, Validator

from reconnect.records.models import YEARS, year_problem


def as_int(text: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise ValueError("a whole number, like 3") from None


def date_parser(today: date) -> Callable[[str], date]:
    """Reads 2026-11-28, 'today', 'tomorrow' or '+3' (days from today)."""

    def parse(text: str) -> date:
        word = text.strip().lower()
        if word == "today":
            return today
        if word == "tomorrow":
            return today + timedelta(days=1)
        if word.startswith("+") and word[1:].isdigit():
            try:
                return in_range(today + timedelta(days=int(word[1:])))
            except OverflowError:
                raise ValueError(f"{word} days is too far; give a date by {YEARS[-1]}") from None
        try:
            day = date.fromisoformat(word)
        except ValueError:
            raise ValueError("a date like 2026-11-28, 'tomorrow' or '+3' (days)") from None
        return in_range(day)

    return parse


def in_range(day: date) -> date:
    """The day, or ValueError saying why its year is refused (the models' own check)."""
    problem = year_problem(day)
    if problem:
        raise ValueError(problem)
    return day


_PLAIN = (
    (re.compile(r"Input should be less than or equal to (\S+)"), r"at most \1"),
    (re.compile(r"Input should be greater than or equal to (\S+)"), r"at least \1"),
    (re.compile(r"String should have at most (\d+) characters?"), r"at most \1 characters"),
)


def plain(message: str) -> str:
    """pydantic's wording made shorter for a line beside a field."""
    message = message.removeprefix("Value error, ")
    for pattern, replacement in _PLAIN:
        message = pattern.sub(replacement, message)
    return message


def _reason(exc: ValidationError) -> str:
    return plain(str(exc.errors()[0].get("msg", "not valid")))


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


class NotANumber(Validator):
    """A name made only of digits is almost always a rating typed one field too far
    (a digit already moves on, so 3, tab, 4 lands the 4 lower down): refuse it gently
    rather than add a person called "4"."""

    def validate(self, value: str) -> ValidationResult:
        if value.strip().isdigit():
            return self.failure("a name, not a number: ratings are typed on their own rows")
        return self.success()
