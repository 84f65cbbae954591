"""The current area is app.current_mode: one mode per area, marked in the area bar."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reconnect.app import ReconnectApp
from reconnect.areas import AREA_NAMES, AREAS
from reconnect.store.store import Store
from screens.areas.base import AreaScreen
from screens.areas.goal_detail import GoalScreen
from widgets.area_bar import AreaBar


def test_every_area_has_a_mode_and_nothing_else_does() -> None:
    assert tuple(ReconnectApp.MODES) == AREA_NAMES


async def test_each_key_opens_its_area_as_the_current_mode(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(store)
    async with app.run_test() as pilot:
        assert app.current_mode == "today"
        for area in AREAS:
            await pilot.press(area.key)
            assert app.current_mode == area.name
            assert isinstance(app.screen, AreaScreen)
            assert app.screen.query_one(AreaBar).current == area.name


async def test_the_bar_is_right_after_a_quick_switch_away(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(store)
    async with app.run_test() as pilot:
        # Log is built and left before it is composed: the bar must still say Log.
        app.switch_mode("log")
        app.switch_mode("today")
        await pilot.pause()
        await pilot.press("l")
        assert app.screen.query_one(AreaBar).current == "log"


async def test_a_screen_pushed_over_an_area_marks_none(
    demo_store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(demo_store, start_area="goals")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, GoalScreen)
        assert app.current_mode == "goals"
        assert app.screen.query_one(AreaBar).current == ""
