"""pydantic's errors in plain words: every form, import and command says them the same
way (reconnect/records/error_words.py), never "String should have at least 1 character"."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any

import pytest
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from reconnect.records.error_words import error_words, reason_words
from reconnect.records.models import first_error


class Colour(StrEnum):
    RED = "red"
    BLUE = "blue"


class Sample(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(default="x", min_length=1, max_length=5)
    secret: str = Field(default="12345678", min_length=8)
    month: Annotated[int, Field(ge=1, le=12)] = 1
    above: Annotated[int, Field(gt=0, lt=10)] = 1
    share: float = 0.5
    tick: bool = False
    colour: Colour = Colour.RED
    tags: list[str] = Field(default_factory=list, min_length=0, max_length=2)
    some: list[str] = Field(default_factory=lambda: ["a"], min_length=1)
    day: date = date(2026, 1, 1)
    at: datetime | None = None
    needed: str = "here"
    odd: str = ""

    @field_validator("odd")
    @classmethod
    def _not_odd(cls, value: str) -> str:
        if value == "odd":
            raise ValueError("must not be odd")
        return value


class Strict(BaseModel):
    needed: str


def _error(**fields: Any) -> dict[str, Any]:
    with pytest.raises(ValidationError) as caught:
        Sample(**fields)
    return dict(caught.value.errors()[0])


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"name": ""}, "must not be empty"),
        ({"secret": "abc"}, "needs at least 8 characters"),
        ({"name": "toolong"}, "at most 5 characters"),
        ({"name": 3}, "must be text"),
        ({"month": 13}, "must be 12 or less"),
        ({"month": 0}, "must be 1 or more"),
        ({"above": 10}, "must be less than 10"),
        ({"above": 0}, "must be more than 0"),
        ({"month": "three"}, "must be a whole number, like 3"),
        ({"month": 2.5}, "must be a whole number, like 3"),
        ({"share": "lots"}, "must be a number, like 2.5"),
        ({"tick": "maybe"}, "must be true or false"),
        ({"colour": "green"}, "must be one of 'red' or 'blue'"),
        ({"tags": ["a", "b", "c"]}, "can hold at most 2 items"),
        ({"some": []}, "needs at least 1 item"),
        ({"tags": "a"}, "must be a list"),
        ({"day": "soon"}, "must be a date like 2026-11-21"),
        ({"at": "soon"}, "must be a date and time like 2026-11-21T18:30:00+13:00"),
        ({"surprise": 1}, "not a field reconnect knows"),
        ({"odd": "odd"}, "must not be odd"),
    ],
)
def test_each_kind_of_error_in_plain_words(fields: dict[str, Any], words: str) -> None:
    assert reason_words(_error(**fields)) == words


def test_a_missing_field_and_the_field_named_first() -> None:
    with pytest.raises(ValidationError) as caught:
        Strict.model_validate({})
    assert first_error(caught.value) == "needed: missing; it is required"
    assert error_words(_error(month=13)) == "month: must be 12 or less"


def test_no_words_of_pydantics_own_are_left() -> None:
    for fields in ({"name": ""}, {"month": 13}, {"odd": "odd"}, {"colour": "green"}):
        words = reason_words(_error(**fields))
        assert not any(raw in words for raw in ("Input should", "String should", "Value error"))


def test_a_list_position_can_be_left_to_the_caller() -> None:
    err = {"type": "missing", "loc": (3, "at"), "msg": "Field required"}
    assert error_words(err, skip=1) == "at: missing; it is required"


def test_an_error_kind_not_listed_keeps_its_own_message() -> None:
    err = {"type": "url_parsing", "loc": (), "msg": "Input should be a valid URL"}
    assert reason_words(err) == "Input should be a valid URL"
