"""Pilot tests of the year of days in Progress and of logging for an earlier day, from
the year and from the Log's week."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from textual.widgets import Input, Select, Static

from reconnect.records.models import Connection, Counterpart
from reconnect.store.store import Store
from screens.areas.log import LogScreen
from screens.areas.progress import ProgressScreen
from screens.dialogs.date_prompt import DatePrompt
from screens.dialogs.log_entry import LogEntryDialog
from tests.conftest import PINNED_TODAY, wait_for
from tests.test_log_screen import fill
from widgets.year_heatmap import YearHeatmap


def moment(day: date, depth: int) -> Connection:
    return Connection(
        at=datetime.combine(day, time(18), UTC),
        what=f"depth {depth}",
        counterpart=Counterpart.FRIEND,
        depth=depth,
        comfort=3,
    )


async def test_the_year_shows_each_days_deepest_and_enter_logs_for_that_day(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    ten_days_ago = PINNED_TODAY - timedelta(days=10)
    store.connections.add_many([moment(ten_days_ago, 2), moment(ten_days_ago, 5)])
    app = make_test_app(store, start_area="progress")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ProgressScreen)
        title = str(app.screen.query_one("#year-title", Static).render())
        assert "1 day with moments" in title
        await pilot.press("y")
        await pilot.pause()
        year = app.screen.query_one(YearHeatmap)
        assert year.has_focus and year.cursor == PINNED_TODAY
        drawn = str(year.render())
        assert "█" in drawn and "nothing logged" in drawn and "missed" not in drawn
        assert "Sat 21 Nov 2026: nothing logged" in drawn
        await pilot.press("left", "up", "up", "up")  # a week and three days back
        assert year.cursor == ten_days_ago
        assert "2 moments, the deepest: plan or support" in str(year.render())
        await pilot.press("right", "right")  # never past today
        assert year.cursor == PINNED_TODAY
        await pilot.press("left", "up", "up", "up", "enter")
        await pilot.pause()
        assert isinstance(app.screen, LogEntryDialog)
        assert app.screen.query_one("#day", Select).value == ten_days_ago.isoformat()
        assert app.screen.query_one("#clock", Input).value == "12:00"
        await fill(pilot, "Remembered a call", "friend", 3, 4)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ProgressScreen), "back")
        saved = next(c for c in store.connections.all() if c.what == "Remembered a call")
        assert saved.at.astimezone(UTC) == datetime.combine(ten_days_ago, time(12), UTC)


async def test_an_older_day_than_the_when_list_offers_is_kept(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(store, start_area="progress")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("y", *["left"] * 20, "enter")  # 140 days back
        await pilot.pause()
        day = PINNED_TODAY - timedelta(weeks=20)
        assert app.screen.query_one("#day", Select).value == day.isoformat()
        await fill(pilot, "Old friend's wedding", "friend", 5, 4)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ProgressScreen), "back")
        (saved,) = store.connections.all()
        assert saved.at.date() == day
        assert app.screen.query_one(YearHeatmap).cursor == day


async def test_b_in_the_log_asks_the_day_then_logs_for_it(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    last_week = PINNED_TODAY - timedelta(days=8)
    store.connections.add(moment(last_week, 2))
    app = make_test_app(store, start_area="log")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("left_square_bracket")  # last week: the cursor on its moment
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, DatePrompt)
        field = app.screen.query_one("#day", Input)
        assert field.value == last_week.isoformat()  # the day under the cursor
        field.value = (PINNED_TODAY + timedelta(days=1)).isoformat()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DatePrompt)  # a day to come is refused
        field.value = (last_week - timedelta(days=1)).isoformat()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LogEntryDialog)
        await fill(pilot, "Coffee I forgot", "friend", 3, 4)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, LogScreen), "back in the Log")
        saved = next(c for c in store.connections.all() if c.what == "Coffee I forgot")
        assert saved.at.date() == last_week - timedelta(days=1)


async def test_a_click_moves_to_a_day_and_a_second_click_logs_for_it(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(store, start_area="progress")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("y")
        await pilot.pause()
        year = app.screen.query_one(YearHeatmap)
        # Columns are weeks after the 4-character weekday labels; row 0 is the months.
        day = year_first_shown(app) + timedelta(weeks=50, days=2)
        offset = (4 + 50, 1 + 2)
        await pilot.click(YearHeatmap, offset=offset)
        await pilot.pause()
        assert year.cursor == day and isinstance(app.screen, ProgressScreen)
        await pilot.click(YearHeatmap, offset=offset)
        await pilot.pause()
        assert isinstance(app.screen, LogEntryDialog)
        assert app.screen.query_one("#day", Select).value == day.isoformat()


def year_first_shown(app: Any) -> date:
    from reconnect.logic.year_days import year_first

    return year_first(app.today, app.settings.first_day_of_week)
