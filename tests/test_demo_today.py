"""The demo's first look is a lived-in week, including today, whatever the weekday."""

from datetime import UTC, date, timedelta

import pytest

from reconnect.demo import WEEK_AT_LEAST, generate
from reconnect.logic.weeks import week_start
from tests.conftest import PINNED_TODAY

MONDAY = date(2026, 11, 16)


@pytest.mark.parametrize("offset", range(7))
def test_demo_data_reaches_today_on_every_weekday(offset: int) -> None:
    today = MONDAY + timedelta(days=offset)
    history = generate(today, tz=UTC)
    days = [c.at.astimezone(UTC).date() for c in history.connections]
    assert today in days, today.strftime("%A")
    assert max(days) == today
    assert sum(day >= week_start(today) for day in days) >= WEEK_AT_LEAST


def test_the_pinned_demo_is_unchanged_when_today_was_already_lived_in(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import reconnect.demo as demo

    def moments() -> list[tuple[object, ...]]:
        history = generate(PINNED_TODAY, tz=UTC)
        return [(c.at, c.what, c.depth, c.comfort) for c in history.connections]

    topped_up = moments()
    monkeypatch.setattr(demo, "TODAY_AT_LEAST", 0)
    monkeypatch.setattr(demo, "WEEK_AT_LEAST", 0)
    assert moments() == topped_up  # the screen snapshots drawn from it stay the same


def test_on_the_real_today_no_demo_moment_is_in_the_future() -> None:
    from datetime import datetime

    from reconnect.demo import generate

    today = datetime.now().astimezone().date()
    history = generate(today)
    now = datetime.now().astimezone()  # after: the check is against the clock it used
    assert all(c.at <= now for c in history.connections)
    assert all(c.at.astimezone().date() <= today for c in history.connections)
