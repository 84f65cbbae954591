"""View state lives in reactive attributes: setting one shows it, and loads only once."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from textual.widgets import Static, Tabs

from reconnect.store.store import Store
from screens.areas.goals import GoalsScreen
from screens.areas.log import LogScreen
from screens.areas.people import PeopleScreen
from screens.areas.progress import ProgressScreen
from screens.areas.reflect import ReflectScreen
from screens.areas.review import ReviewScreen
from tests.test_data_signal import count_loads

THIS_WEEK = date(2026, 11, 16)  # the Monday of the pinned Saturday


def text(screen: Any, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_log_week(demo_store: Store, make_test_app: Callable[..., Any]) -> None:
    app = make_test_app(demo_store, start_area="log")
    async with app.run_test() as pilot:
        screen = app.screen
        assert isinstance(screen, LogScreen) and screen.week is None
        loads = count_loads(screen)
        screen.week = THIS_WEEK - timedelta(weeks=2)
        assert loads == [1]
        assert text(screen, "#week-title") == "Week of 2\u20138 Nov 2026"
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert screen.week is None  # back to "this week", whatever day it is
        assert text(screen, "#week-title").startswith("This week")
        assert len(loads) == 3


async def test_review_week(demo_store: Store, make_test_app: Callable[..., Any]) -> None:
    app = make_test_app(demo_store, start_area="review")
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        assert screen.week == THIS_WEEK - timedelta(weeks=1)
        loads = count_loads(screen)
        screen.week = THIS_WEEK - timedelta(weeks=3)
        assert loads == [1]
        assert text(screen, "#week-line") == "Week of 26 Oct \u2013 1 Nov 2026"


async def test_progress_period(demo_store: Store, make_test_app: Callable[..., Any]) -> None:
    app = make_test_app(demo_store, start_area="progress")
    async with app.run_test() as pilot:
        screen = app.screen
        assert isinstance(screen, ProgressScreen)
        loads = count_loads(screen)
        screen.weeks = 26
        await pilot.pause()  # the tab reports its activation: no second load
        assert loads == [1]
        assert screen.query_one(Tabs).active == "weeks-26"
        assert text(screen, "#period").startswith("26 full weeks")


async def test_reflect_chart_period(demo_store: Store, make_test_app: Callable[..., Any]) -> None:
    app = make_test_app(demo_store, start_area="reflect")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReflectScreen) and screen.chart_weeks == 12
        await pilot.press("c")
        screen.chart_weeks = 4
        await pilot.pause()
        assert "both halves of these 4 weeks" in text(screen, "#trend-summary")


async def test_goals_and_people_toggles(
    demo_store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(demo_store, start_area="goals")
    async with app.run_test(size=(100, 30)) as pilot:
        goals = app.screen
        assert isinstance(goals, GoalsScreen)
        loads = count_loads(goals)
        await pilot.press("f")
        assert goals.show_finished and loads == [1]
        await pilot.press("p")
        people = app.screen
        assert isinstance(people, PeopleScreen)
        loads = count_loads(people)
        people.show_archived = True
        assert loads == [1]
