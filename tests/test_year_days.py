"""The year of days: 53 weeks ending with this week, each day its count and deepest."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from reconnect.logic.year_days import EMPTY, WEEKS_SHOWN, year_bounds, year_days, year_first
from reconnect.records.facts import ConnectionFacts

TODAY = date(2026, 11, 21)  # a Saturday


def moment(day: date, depth: int, hour: int = 12) -> ConnectionFacts:
    at = datetime(day.year, day.month, day.day, hour, tzinfo=UTC)
    return ConnectionFacts("x", at, None, "friend", depth, 3, None, None, None, None)


def test_the_span_starts_on_the_first_weekday() -> None:
    assert year_first(TODAY, 0) == date(2025, 11, 17)  # a Monday, 52 weeks before this week's
    assert year_first(TODAY, 6) == date(2025, 11, 16)  # a Sunday
    start, end = year_bounds(TODAY, 0, UTC)
    assert start.date() == date(2025, 11, 17) and (end - start).days == WEEKS_SHOWN * 7


def test_deepest_and_count_per_day_and_nothing_outside() -> None:
    days = year_days(
        [
            moment(TODAY, 2),
            moment(TODAY, 4, 9),
            moment(TODAY - timedelta(days=3), 1),
            moment(date(2025, 11, 16), 5),  # the day before the first shown
            moment(TODAY + timedelta(days=1), 5),  # after today
        ],
        TODAY,
        0,
        UTC,
    )
    assert days.cell(TODAY).moments == 2 and days.cell(TODAY).deepest == 4
    assert days.cell(TODAY - timedelta(days=3)).deepest == 1
    assert days.cell(date(2025, 11, 16)) == EMPTY
    assert days.cell(TODAY + timedelta(days=1)) == EMPTY
    assert days.logged_days() == 2
    assert len(days.week_firsts()) == WEEKS_SHOWN and days.last == date(2026, 11, 22)
