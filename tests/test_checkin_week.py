"""One rule for which week a check-in belongs to, the same from Today and from Review."""

from collections.abc import Callable
from datetime import date, timedelta

import pytest

from reconnect.logic.checkin_week import (
    checkin_week,
    checkin_week_rule,
    checkin_week_rule_short,
)
from reconnect.logic.weeks import week_start
from reconnect.settings import Settings
from reconnect.store.store import Store
from screens.dialogs.checkin import CheckInScreen

MONDAY = date(2026, 11, 16)


@pytest.mark.parametrize("first_day", range(7))
def test_the_first_three_days_count_for_the_week_before(first_day: int) -> None:
    start = week_start(MONDAY, first_day)
    for offset in range(7):
        day = start + timedelta(days=offset)
        expected = start - timedelta(weeks=1) if offset < 3 else start
        assert checkin_week(day, first_day) == expected, (first_day, day)


def test_the_rule_in_words_follows_the_first_day() -> None:
    assert "done Monday to Wednesday, it counts for the week before" in checkin_week_rule(0)
    assert "from Thursday on" in checkin_week_rule(0)
    assert "Done Sunday to Tuesday" in checkin_week_rule_short(6)
    assert "from Wednesday on" in checkin_week_rule_short(6)


async def _checkin_week_from(app, area_key: str) -> date:  # type: ignore[no-untyped-def]
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press(area_key)
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen)
        return app.screen.week


@pytest.mark.parametrize("first_day", [0, 6])
@pytest.mark.parametrize("offset", [0, 2, 3, 6])  # days into the week
async def test_today_and_review_file_the_checkin_under_the_same_week(
    store: Store, make_test_app: Callable, first_day: int, offset: int
) -> None:
    today = week_start(MONDAY, first_day) + timedelta(days=offset)
    settings = Settings(first_day_of_week=first_day)
    weeks = [
        await _checkin_week_from(make_test_app(store, today=today, settings=settings), key)
        for key in ("t", "w")
    ]
    assert weeks == [checkin_week(today, first_day)] * 2


def test_over_new_year_and_clock_changes(first_day: int) -> None:
    """New Year on a Friday, and the Sundays the clocks change: the same rule by weekday."""
    for day in (
        date(2026, 12, 29),
        date(2026, 12, 31),
        date(2027, 1, 1),
        date(2027, 1, 3),
        date(2026, 3, 8),
        date(2026, 4, 5),
        date(2026, 9, 27),
        date(2026, 11, 1),
    ):
        start = week_start(day, first_day)
        into = (day - start).days
        assert into == (day.weekday() - first_day) % 7
        expected = start - timedelta(weeks=1) if into < 3 else start
        assert checkin_week(day, first_day) == expected, (first_day, day)
        assert checkin_week(day, first_day).weekday() == first_day
    # Spelled out: Thursday 31 Dec is the week before for Sunday weeks (4 days in) too.
    assert (
        checkin_week(date(2026, 12, 31), first_day)
        == {
            0: date(2026, 12, 28),
            6: date(2026, 12, 27),
        }[first_day]
    )
    assert (
        checkin_week(date(2026, 12, 29), first_day)
        == {
            0: date(2026, 12, 21),
            6: date(2026, 12, 20),
        }[first_day]
    )
