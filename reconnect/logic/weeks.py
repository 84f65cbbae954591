"""Weeks and days: where a week starts, a day's bounds in a zone, the weeks of a period.

Weeks run from a configurable first day (0 = Monday … 6 = Sunday) by local date.
Nothing here reads the clock: `today` and time zones are always passed in.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta, tzinfo

from reconnect.logic.day_format import day_format


def week_start(day: date, first_day: int = 0) -> date:
    """The first day of the week that contains `day`."""
    return day - timedelta(days=(day.weekday() - first_day) % 7)


def week_span(start: date) -> str:
    """The seven days from `start` as a label: '9–15 Nov 2026', '26 Oct – 1 Nov 2026',
    and across New Year both years: '28 Dec 2026 – 3 Jan 2027'."""
    end = start + timedelta(days=6)
    if start.month == end.month:
        return f"{start.day}\u2013{day_format(end, '{day} %b %Y')}"
    if start.year == end.year:
        return f"{day_format(start, '{day} %b')} \u2013 {day_format(end, '{day} %b %Y')}"
    return f"{day_format(start, '{day} %b %Y')} \u2013 {day_format(end, '{day} %b %Y')}"


def local_date(moment: datetime, tz: tzinfo | None = None) -> date:
    """The calendar date of `moment` where the user is (the machine's zone by default)."""
    try:
        return moment.astimezone(tz).date()
    except OverflowError:
        # A time read raw from an old file's index (year 9999, beyond what records.models
        # lets in): its own date, rather than no app at all.
        return moment.date()


def midnight(day: date, tz: tzinfo | None = None) -> datetime:
    """Local midnight starting `day` (the machine's zone unless `tz` is given)."""
    naive = datetime.combine(day, time())
    return naive.replace(tzinfo=tz) if tz is not None else naive.astimezone()


def at_local(day: date, clock: time, tz: tzinfo | None = None) -> datetime:
    """`clock` on `day` where the user is (the machine's zone unless `tz` is given).

    "Now on the app's day" is at_local(app.today, now.time()): the day is pinned in tests
    and demos while the clock runs on (ReconnectApp.now).
    """
    naive = datetime.combine(day, clock)
    return naive.replace(tzinfo=tz) if tz is not None else naive.astimezone()


def day_bounds(first: date, days: int, tz: tzinfo | None = None) -> tuple[datetime, datetime]:
    """Aware datetimes for local midnight of `first` and of `days` days later."""
    return midnight(first, tz), midnight(first + timedelta(days=days), tz)


def week_bounds(
    today: date, first_day: int = 0, tz: tzinfo | None = None
) -> tuple[datetime, datetime]:
    """Start (inclusive) and end (exclusive) of the week containing `today`."""
    return day_bounds(week_start(today, first_day), 7, tz)


def last_full_week(today: date, first_day: int = 0) -> date:
    """The first day of the most recent week that is already over."""
    return week_start(today, first_day) - timedelta(weeks=1)


def period_starts(today: date, weeks: int, first_day: int = 0) -> list[date]:
    """The first days of the `weeks` full weeks ending with the last full week, oldest
    first."""
    last = last_full_week(today, first_day)
    return [last - timedelta(weeks=back) for back in range(weeks - 1, -1, -1)]


def span_bounds(starts: Sequence[date], tz: tzinfo | None = None) -> tuple[datetime, datetime]:
    """Local midnight starting the first week and ending the last one."""
    return day_bounds(starts[0], 7 * len(starts), tz)
