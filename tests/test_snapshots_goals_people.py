"""Snapshots of Goals (the list; one goal with its ladder), People and a refused plan,
on demo data with a pinned day."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

from reconnect.store.store import Store
from tests.conftest import steady_cursors

SIZES = [(80, 24), (120, 36)]


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
def test_goals_list(snap_compare, demo_store: Store, make_test_app: Callable, size) -> None:
    assert snap_compare(make_test_app(demo_store, start_area="goals"), terminal_size=size)


def test_goal_with_its_ladder(snap_compare, demo_store: Store, make_test_app: Callable) -> None:
    # The book club: homework, two steps done (expected 8, felt 5 and 4), one planned.
    app = make_test_app(demo_store, start_area="goals")
    assert snap_compare(app, terminal_size=(80, 24), press=["enter"])


def test_goal_with_its_ladder_120x36(
    snap_compare, demo_store: Store, make_test_app: Callable
) -> None:
    async def open_it(pilot: Any) -> None:
        await pilot.press("enter")
        await steady_cursors(pilot)

    app = make_test_app(demo_store, start_area="goals")
    assert snap_compare(app, terminal_size=(120, 36), run_before=open_it)


def test_step_done_form(snap_compare, demo_store: Store, make_test_app: Callable) -> None:
    app = make_test_app(demo_store, start_area="goals")
    assert snap_compare(app, terminal_size=(80, 24), press=["enter", "c"])


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
def test_people(snap_compare, demo_store: Store, make_test_app: Callable, size) -> None:
    assert snap_compare(make_test_app(demo_store, start_area="people"), terminal_size=size)


def test_refused_plan(
    snap_compare, demo_store: Store, make_test_app: Callable, tmp_path: Path
) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text(
        'assigned_by = "Dr. Lee"\nassigned_on = 2026-11-18\n\n[[goals]]\n'
        'title = "Go to the Thursday book club"\n\n[[goals.steps]]\n'
        'title = "Share one thought"\npredicted_discomfort = 12\n'
    )

    async def import_it(pilot: Any) -> None:
        await pilot.press("i")
        pilot.app.screen.query_one("#path", Input).value = str(plan)
        await pilot.press("ctrl+s")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    app = make_test_app(demo_store, start_area="goals")
    assert snap_compare(app, terminal_size=(80, 24), run_before=import_it)
