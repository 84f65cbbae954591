"""Snapshots of a person's page (Maya, on demo data with a pinned day) at 80×24 and
120×36."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from reconnect.store.store import Store
from tests.conftest import steady_cursors

SIZES = [(80, 24), (120, 36)]


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
def test_person_page(snap_compare, demo_store: Store, make_test_app: Callable, size) -> None:
    from screens.dialogs.person_page import PersonPage

    maya = next(p for p in demo_store.people.all() if p.name == "Maya")

    async def open_page(pilot: Any) -> None:
        await pilot.app.push_screen(PersonPage(maya))
        await steady_cursors(pilot)

    app = make_test_app(demo_store, start_area="people")
    assert snap_compare(app, terminal_size=size, run_before=open_page)
