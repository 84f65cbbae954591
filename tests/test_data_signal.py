"""Records changed: the app's data_changed_signal reloads the areas on show, once."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from textual.widgets import DataTable, Static

from reconnect.records.models import Connection
from reconnect.store.store import Store
from screens.areas.base import AreaScreen
from screens.areas.goal_detail import GoalScreen
from screens.areas.goals import GoalsScreen
from screens.areas.log import LogScreen


def count_loads(screen: AreaScreen) -> list[int]:
    """Wrap the screen's refresh_data; the list grows by one per load."""
    loads: list[int] = []
    original = screen.refresh_data

    def counted() -> None:
        loads.append(1)
        original()

    screen.refresh_data = counted  # type: ignore[method-assign]
    return loads


def write_from_another_process(data_dir: Path, what: str) -> None:
    Store.open(data_dir).connections.add(
        Connection(
            at=datetime(2026, 11, 20, 9, tzinfo=UTC),
            what=what,
            counterpart="neighbour",
            depth=1,
            comfort=4,
        )
    )


def week_summary(app: Any) -> str:
    return str(app.screen.query_one("#week-summary", Static).render())


async def test_an_outside_write_reloads_the_open_area_once(
    store: Store, data_dir: Path, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(store, start_area="log")
    async with app.run_test() as pilot:
        screen = app.screen
        assert isinstance(screen, LogScreen)
        loads = count_loads(screen)
        write_from_another_process(data_dir, "Said hi")
        app.check_for_outside_changes()
        await pilot.pause()
        assert loads == [1]
        assert week_summary(app).splitlines()[0].endswith("1 moment")
        # Nothing new: neither the timer's next look nor another announcement reloads.
        app.check_for_outside_changes()
        app.publish_data_changed()
        await pilot.pause()
        assert loads == [1]


async def test_an_area_in_another_mode_catches_up_when_shown_again(
    store: Store, data_dir: Path, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(store, start_area="log")
    async with app.run_test() as pilot:
        log = app.screen
        loads = count_loads(log)
        await pilot.press("t")
        write_from_another_process(data_dir, "Waved")
        app.check_for_outside_changes()
        await pilot.pause()
        assert loads == []  # hidden: no work until it is shown
        await pilot.press("l")
        await pilot.pause()
        assert app.screen is log and loads == [1]
        assert week_summary(app).splitlines()[0].endswith("1 moment")


async def test_a_save_over_an_area_reloads_the_area_beneath(
    demo_store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(demo_store, start_area="goals")
    async with app.run_test(size=(100, 30)) as pilot:
        goals = app.screen
        assert isinstance(goals, GoalsScreen)
        loads = count_loads(goals)
        await pilot.press("enter")
        detail = app.screen
        assert isinstance(detail, GoalScreen) and detail.goal is not None
        detail.store.goals.update(detail.goal.model_copy(update={"title": "Renamed"}))
        detail.show_change()
        await pilot.pause()
        assert loads == [1]
        table = goals.query_one("#goal-table", DataTable)
        assert any("Renamed" in str(table.get_row_at(n)[0]) for n in range(table.row_count))
