"""Edges of the week helpers: bounds in a zone, full weeks, periods (mutation testing,
issue 18). The machine's zone is UTC in tests (conftest.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from reconnect.logic.weeks import (
    day_bounds,
    last_full_week,
    midnight,
    period_starts,
    span_bounds,
    week_bounds,
    week_start,
)

TODAY = date(2026, 11, 21)  # a Saturday; its Monday week starts 16 Nov
EAST = timezone(timedelta(hours=2))


def _mid(day: date, tz: timezone = UTC) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=tz)


@pytest.mark.parametrize(
    ("first_day", "start"),
    [(n, date(2026, 11, 16 + n) if n <= 5 else date(2026, 11, 15)) for n in range(7)],
)
def test_week_start_for_every_first_day(first_day: int, start: date) -> None:
    assert week_start(TODAY, first_day) == start


def test_weeks_start_on_monday_by_default() -> None:
    assert week_start(TODAY) == date(2026, 11, 16)
    assert week_start(date(2026, 11, 16)) == date(2026, 11, 16)
    assert last_full_week(TODAY) == date(2026, 11, 9)


def test_midnight_is_in_the_given_zone_or_the_machines() -> None:
    east = midnight(TODAY, EAST)
    assert east == _mid(TODAY, EAST) and east.utcoffset() == timedelta(hours=2)
    local = midnight(TODAY)
    assert local == _mid(TODAY) and local.utcoffset() == timedelta(0)


def test_day_bounds_span_the_days_given() -> None:
    assert day_bounds(TODAY, 3, EAST) == (_mid(TODAY, EAST), _mid(date(2026, 11, 24), EAST))
    assert day_bounds(TODAY, 1) == (_mid(TODAY), _mid(date(2026, 11, 22)))


def test_week_bounds_are_seven_days_from_the_weeks_first_day() -> None:
    assert week_bounds(TODAY) == (_mid(date(2026, 11, 16)), _mid(date(2026, 11, 23)))
    assert week_bounds(TODAY, 6, EAST) == (
        _mid(date(2026, 11, 15), EAST),
        _mid(date(2026, 11, 22), EAST),
    )


def test_last_full_week_is_the_week_before_this_one() -> None:
    assert last_full_week(TODAY, 6) == date(2026, 11, 8)
    assert last_full_week(date(2026, 11, 16), 0) == date(2026, 11, 9)  # this week just began


def test_period_starts_are_full_weeks_oldest_first() -> None:
    assert period_starts(TODAY, 3) == [date(2026, 10, 26), date(2026, 11, 2), date(2026, 11, 9)]
    assert period_starts(TODAY, 2, 6) == [date(2026, 11, 1), date(2026, 11, 8)]
    assert period_starts(TODAY, 1, 6) == [date(2026, 11, 8)]
    assert period_starts(TODAY, 0) == []


def test_span_bounds_cover_every_week_given() -> None:
    starts = [date(2026, 11, 2), date(2026, 11, 9)]
    assert span_bounds(starts, EAST) == (
        _mid(date(2026, 11, 2), EAST),
        _mid(date(2026, 11, 16), EAST),
    )
    assert span_bounds(starts[1:]) == (_mid(date(2026, 11, 9)), _mid(date(2026, 11, 16)))
