"""Week labels and "now" on the app's day: pure functions in reconnect.logic.weeks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any

from textual.widgets import Static

from reconnect.logic.weeks import at_local, week_span
from reconnect.store.store import Store


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
