"""The one place a pydantic error becomes plain words: every form field, save, import
and command says "must not be empty" or "must be 12 or less", never pydantic's own
"String should have at least 1 character".

Floor 1: pydantic and the standard library only.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

# What a date or a time looks like where one is asked for (an import, a data file).
_DATE = "must be a date like 2026-11-21"
_MOMENT = "must be a date and time like 2026-11-21T18:30:00+13:00"


def _ctx(err: Mapping[str, Any], key: str) -> Any:
    return (err.get("ctx") or {}).get(key)


def _text_length(err: Mapping[str, Any]) -> str:
    least = _ctx(err, "min_length")
    return "must not be empty" if least == 1 else f"needs at least {least} characters"


def _items(n: object) -> str:
    return f"{n} item" if n == 1 else f"{n} items"


def _one_of(err: Mapping[str, Any]) -> str:
    expected = _ctx(err, "expected")
    return f"must be one of {expected}" if expected else "is not one of the choices"


# By pydantic's error type (pydantic_core's ErrorType): the words after "field: ".
_WORDS: dict[str, Callable[[Mapping[str, Any]], str]] = {
    "missing": lambda e: "missing; it is required",
    "extra_forbidden": lambda e: "not a field reconnect knows",
    "string_too_short": _text_length,
    "string_too_long": lambda e: f"at most {_ctx(e, 'max_length')} characters",
    "string_type": lambda e: "must be text",
    "string_pattern_mismatch": lambda e: "is not in the expected form",
    "less_than_equal": lambda e: f"must be {_ctx(e, 'le')} or less",
    "greater_than_equal": lambda e: f"must be {_ctx(e, 'ge')} or more",
    "less_than": lambda e: f"must be less than {_ctx(e, 'lt')}",
    "greater_than": lambda e: f"must be more than {_ctx(e, 'gt')}",
    "int_parsing": lambda e: "must be a whole number, like 3",
    "int_type": lambda e: "must be a whole number, like 3",
    "int_from_float": lambda e: "must be a whole number, like 3",
    "float_parsing": lambda e: "must be a number, like 2.5",
    "float_type": lambda e: "must be a number, like 2.5",
    "bool_parsing": lambda e: "must be true or false",
    "bool_type": lambda e: "must be true or false",
    "too_short": lambda e: f"needs at least {_items(_ctx(e, 'min_length'))}",
    "too_long": lambda e: f"can hold at most {_items(_ctx(e, 'max_length'))}",
    "list_type": lambda e: "must be a list",
    "dict_type": lambda e: "must be a table of fields",
    "model_type": lambda e: "must be a table of fields",
    "model_attributes_type": lambda e: "must be a table of fields",
    "enum": _one_of,
    "literal_error": _one_of,
    "date_parsing": lambda e: _DATE,
    "date_type": lambda e: _DATE,
    "date_from_datetime_parsing": lambda e: _DATE,
    "date_from_datetime_inexact": lambda e: _DATE,
    "datetime_parsing": lambda e: _MOMENT,
    "datetime_type": lambda e: _MOMENT,
    "datetime_from_date_parsing": lambda e: _MOMENT,
    "timezone_aware": lambda e: "needs a time zone, like +13:00",
}

# Our own checks raise ValueError("must not be empty"); pydantic puts these first.
_PREFIXES = ("Value error, ", "Assertion failed, ")


def reason_words(err: Mapping[str, Any]) -> str:
    """Why one pydantic error (an item of ValidationError.errors()) refused a value."""
    words = _WORDS.get(str(err.get("type", "")))
    if words is not None:
        return words(err)
    message = str(err.get("msg", "not valid"))
    for prefix in _PREFIXES:
        message = message.removeprefix(prefix)
    return message


def error_words(err: Mapping[str, Any], *, skip: int = 0) -> str:
    """'field: reason' for one pydantic error, the field path without its first `skip`
    parts (a list's position, said another way by the caller)."""
    where = ".".join(str(p) for p in tuple(err.get("loc", ()))[skip:])
    reason = reason_words(err)
    return f"{where}: {reason}" if where else reason
