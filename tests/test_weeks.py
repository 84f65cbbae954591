"""Week labels and "now" on the app's day: pure functions in reconnect.logic.weeks."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

from textual.widgets import Static

from reconnect.logic.weeks import (
    at_local,
    day_bounds,
    last_full_week,
    local_date,
    midnight,
    period_starts,
    span_bounds,
    week_bounds,
    week_span,
    week_start,
)
from reconnect.store.store import Store
from tests.conftest import each_way, nights

SATURDAY = date(2026, 11, 21)


def _real(span: tuple[datetime, datetime]) -> timedelta:
    """Elapsed time, not wall-clock difference (same-tzinfo subtraction ignores DST)."""
    return span[1].astimezone(UTC) - span[0].astimezone(UTC)


def test_weeks_start_on_the_first_day_in_every_month(first_day: int) -> None:
    for day in (SATURDAY, date(2026, 12, 31), date(2027, 1, 1), date(2026, 3, 8)):
        start = week_start(day, first_day)
        assert start.weekday() == first_day and 0 <= (day - start).days < 7
        assert last_full_week(day, first_day) == start - timedelta(weeks=1)
        starts = period_starts(day, 5, first_day)
        assert starts[-1] == start - timedelta(weeks=1) and len(starts) == 5
        assert all(b - a == timedelta(weeks=1) for a, b in itertools.pairwise(starts))


def test_new_year_midweek_is_one_week(first_day: int) -> None:
    # Thursday 31 Dec 2026 and Friday 1 Jan 2027 share a week, Monday or Sunday first.
    start = {0: date(2026, 12, 28), 6: date(2026, 12, 27)}[first_day]
    assert week_start(date(2026, 12, 31), first_day) == start
    assert week_start(date(2027, 1, 1), first_day) == start
    assert week_start(date(2027, 1, 3), first_day) == (
        start if first_day == 0 else start + timedelta(weeks=1)
    )


def test_a_day_starts_and_ends_at_local_midnight_on_clock_nights(zone: ZoneInfo) -> None:
    for night in nights(zone):
        for start, end in each_way(zone, lambda tz, d=night: day_bounds(d, 1, tz)):
            assert start.astimezone(zone).replace(tzinfo=None) == datetime.combine(night, time())
            assert end.astimezone(zone).replace(tzinfo=None) == datetime.combine(
                night + timedelta(days=1), time()
            )
            # 23 or 25 hours the night the clocks change, 24 otherwise.
            shift = zone.utcoffset(datetime.combine(night, time())) - zone.utcoffset(
                datetime.combine(night + timedelta(days=1), time())
            )
            assert _real((start, end)) == timedelta(hours=24) + shift


def test_records_a_minute_either_side_of_midnight_fall_on_their_local_day(
    zone: ZoneInfo,
) -> None:
    for night in nights(zone):
        before = datetime.combine(night, time(23, 59), tzinfo=zone)
        after = datetime.combine(night + timedelta(days=1), time(0, 1), tzinfo=zone)
        for moment, day in ((before, night), (after, night + timedelta(days=1))):
            for stored in (moment, moment.astimezone(UTC)):  # as saved: any offset
                assert each_way(zone, lambda tz, m=stored: local_date(m, tz)) == [day, day]


def test_a_week_with_a_clock_change_has_its_true_length(zone: ZoneInfo, first_day: int) -> None:
    for night in nights(zone):
        for span in each_way(zone, lambda tz, d=night: week_bounds(d, first_day, tz)):
            first = week_start(night, first_day)
            assert local_date(span[0], zone) == first
            assert local_date(span[1], zone) == first + timedelta(weeks=1)
            assert span[0] <= midnight(night, zone) < span[1]
            shift = span[0].utcoffset() - span[1].utcoffset()
            assert _real(span) == timedelta(weeks=1) + shift
        starts = period_starts(night, 3, first_day)
        for span in each_way(zone, lambda tz, s=starts: span_bounds(s, tz)):
            assert local_date(span[0], zone) == starts[0]
            assert local_date(span[1], zone) == week_start(night, first_day)


def test_week_span_reads_naturally() -> None:
    assert week_span(date(2026, 11, 9)) == "9\u201315 Nov 2026"
    assert week_span(date(2026, 10, 26)) == "26 Oct \u2013 1 Nov 2026"


def test_week_span_across_new_year_names_both_years() -> None:
    assert week_span(date(2026, 12, 28)) == "28 Dec 2026 \u2013 3 Jan 2027"
    assert week_span(date(2027, 12, 27)) == "27 Dec 2027 \u2013 2 Jan 2028"
    assert week_span(date(2026, 12, 25)) == "25\u201331 Dec 2026"  # ends on New Year's Eve


async def test_log_and_review_agree_on_the_week_across_new_year(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    """The Log once said "28 Dec – 3 Jan 2027" where Review said "28 Dec 2026 – …"."""
    new_year_week = "Week of 28 Dec 2026 \u2013 3 Jan 2027"
    log = make_test_app(store, start_area="log", today=date(2027, 1, 5))
    async with log.run_test(size=(80, 24)) as pilot:
        await pilot.press("left_square_bracket")
        title = str(log.screen.query_one("#week-title", Static).render())
    review = make_test_app(store, start_area="review", today=date(2027, 1, 5))
    async with review.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        line = str(review.screen.query_one("#week-line", Static).render())
    assert title == new_year_week
    assert line.startswith(new_year_week)


def test_at_local_puts_a_time_of_day_on_a_day() -> None:
    clock = datetime(2030, 5, 6, 18, 30, 15, tzinfo=UTC).time()
    assert at_local(date(2026, 11, 21), clock, UTC) == datetime(
        2026, 11, 21, 18, 30, 15, tzinfo=UTC
    )
    plus_two = timezone(timedelta(hours=2))
    moment = at_local(date(2026, 11, 21), clock, plus_two)
    assert moment.time() == time(18, 30, 15) and moment.utcoffset() == timedelta(hours=2)
    local = at_local(date(2026, 11, 21), clock)  # the machine's zone (UTC in tests)
    assert local.tzinfo is not None and local.date() == date(2026, 11, 21)


async def test_the_apps_now_is_the_clock_on_the_pinned_day(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(store, today=date(2026, 11, 21))
    now, real = app.now(), datetime.now().astimezone()
    assert now.date() == date(2026, 11, 21) and now.utcoffset() == real.utcoffset()
    apart = abs(_seconds(real.time()) - _seconds(now.time())) % 86_400
    assert min(apart, 86_400 - apart) <= 5  # the same time of day (midnight may fall between)


def _seconds(moment: time) -> int:
    return moment.hour * 3600 + moment.minute * 60 + moment.second


def test_now_on_the_apps_day_stays_on_that_day_on_clock_nights(zone: ZoneInfo) -> None:
    """at_local gives "now" on the app's day: even at a time the clocks skip (02:30 the
    night they go forward) or repeat, the moment is on that local day."""
    for night in nights(zone):
        for clock in (time(0, 0), time(1, 59), time(2, 30), time(3, 0), time(23, 59)):
            for moment in each_way(zone, lambda tz, d=night, c=clock: at_local(d, c, tz)):
                assert moment.tzinfo is not None
                assert local_date(moment, zone) == night, (night, clock, moment)
