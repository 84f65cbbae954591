"""Snapshot of the new-goal form with "Ask for help" chosen: the kind's hint and the
line saying its ladder of steps will be filled in, at 80x24 on demo data."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.widgets import Select

from reconnect.records.models import GoalKind
from reconnect.store.store import Store
from tests.conftest import steady_cursors


def test_new_goal_form_ask_for_help(
    snap_compare, demo_store: Store, make_test_app: Callable
) -> None:
    app = make_test_app(demo_store, start_area="goals")

    async def choose_kind(pilot: Any) -> None:
        await pilot.press("n", *"Let people help")
        pilot.app.screen.query_one("#kind", Select).value = GoalKind.ASK_FOR_HELP
        await pilot.pause()
        await steady_cursors(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=choose_kind)
