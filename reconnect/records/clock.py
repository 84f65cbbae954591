"""The years a date may have, and the time now: the standard library only, so a command
that validates nothing (`reconnect today`) loads no pydantic. The models use them for
every date that comes in (records/models.py)."""

from __future__ import annotations

from datetime import date, datetime
from typing import TypeVar

# Every date a person or a file hands in lies in these years: a typo like 9999 would
# otherwise be kept, and week arithmetic next to datetime's limits overflows.
YEARS = range(1900, 2201)
DateOrTime = TypeVar("DateOrTime", date, datetime)
YEAR_OUT_OF_RANGE = "year_out_of_range"  # the error type odd dates are found by


def year_problem(value: date) -> str | None:
    """What is wrong with this date's year, in words; None when it is in range."""
    if value.year in YEARS:
        return None
    return f"year {value.year} is out of range: give a date between {YEARS[0]} and {YEARS[-1]}"


def at_the_edge(value: DateOrTime) -> DateOrTime:
    """The first or last day of the range, keeping a moment's time of day and zone."""
    if value.year < YEARS[0]:
        return value.replace(year=YEARS[0], month=1, day=1)
    return value.replace(year=YEARS[-1], month=12, day=31)


def now_local() -> datetime:
    """The current time, timezone-aware in the machine's local zone."""
    return datetime.now().astimezone()
