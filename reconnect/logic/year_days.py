"""A year of days for the heatmap in Progress: 53 weeks, each day with its moments and
the deepest of them. A day with nothing logged is plain, never a miss.

Floor 3: plain functions; never textual.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from reconnect.logic.weeks import day_bounds, local_date, week_start
from reconnect.records.facts import ConnectionFacts

WEEKS_SHOWN = 53


@dataclass(frozen=True)
class DayCell:
    moments: int
    deepest: int  # 1-5; 0 when nothing was logged


EMPTY = DayCell(0, 0)


@dataclass(frozen=True)
class YearDays:
    first: date  # the first day of the first week shown
    today: date  # days after it are not drawn
    days: dict[date, DayCell]  # only the days with moments

    @property
    def last(self) -> date:
        return self.first + timedelta(weeks=WEEKS_SHOWN) - timedelta(days=1)

    def cell(self, day: date) -> DayCell:
        return self.days.get(day, EMPTY)

    def week_firsts(self) -> list[date]:
        return [self.first + timedelta(weeks=n) for n in range(WEEKS_SHOWN)]

    def logged_days(self) -> int:
        return sum(1 for d in self.days if d <= self.today)


def year_first(today: date, first_day: int = 0) -> date:
    """The first day of the 53 weeks that end with the week holding today."""
    return week_start(today, first_day) - timedelta(weeks=WEEKS_SHOWN - 1)


def year_bounds(
    today: date, first_day: int = 0, tz: tzinfo | None = None
) -> tuple[datetime, datetime]:
    """Local midnights around the days shown: for the store's facts_between."""
    return day_bounds(year_first(today, first_day), WEEKS_SHOWN * 7, tz)


def year_days(
    moments: Iterable[ConnectionFacts],
    today: date,
    first_day: int = 0,
    tz: tzinfo | None = None,
) -> YearDays:
    """Each day's count and deepest moment over the 53 weeks ending with this week."""
    first = year_first(today, first_day)
    counts: dict[date, int] = {}
    deepest: dict[date, int] = {}
    for moment in moments:
        day = local_date(moment.at, tz)
        if first <= day <= today:
            counts[day] = counts.get(day, 0) + 1
            deepest[day] = max(deepest.get(day, 0), moment.depth)
    return YearDays(first, today, {d: DayCell(n, deepest[d]) for d, n in counts.items()})
