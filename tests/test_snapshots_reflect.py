"""Snapshots of the Reflect area at 80×24 (the new-reflection form also at 120×36) on the
demo data with a pinned day."""

from collections.abc import Callable
from typing import Any

from textual.widgets import TextArea

from reconnect.store.store import Store
from tests.conftest import steady_cursors

SIZE = (80, 24)
WIDE = (120, 36)


class TestReflectSnapshots:
    def test_new_reflection_form(
        self, snap_compare: Any, demo_store: Store, make_test_app: Callable
    ) -> None:
        async def tick_and_write(pilot: Any) -> None:
            await pilot.press("space", "down", "down", "space")
            await pilot.pause()

        app = make_test_app(demo_store, start_area="reflect")
        assert snap_compare(app, terminal_size=SIZE, run_before=tick_and_write)

    def test_new_reflection_form_120x36(
        self, snap_compare: Any, demo_store: Store, make_test_app: Callable
    ) -> None:
        async def tick_and_write(pilot: Any) -> None:
            await pilot.press("space", "down", "down", "space")
            await steady_cursors(pilot)

        app = make_test_app(demo_store, start_area="reflect")
        assert snap_compare(app, terminal_size=WIDE, run_before=tick_and_write)

    def test_form_while_writing(
        self, snap_compare: Any, demo_store: Store, make_test_app: Callable
    ) -> None:
        async def write(pilot: Any) -> None:
            body = pilot.app.screen.query_one("#body", TextArea)
            body.focus()
            body.insert("Talked to Maya after the book club. 🌱\nIt felt easier than I feared.")
            await pilot.pause()

        app = make_test_app(demo_store, start_area="reflect")
        assert snap_compare(app, terminal_size=SIZE, run_before=write)

    def test_history_with_a_search(
        self, snap_compare: Any, demo_store: Store, make_test_app: Callable
    ) -> None:
        async def search(pilot: Any) -> None:
            await pilot.press("slash", *"maya")
            await pilot.pause()
            await pilot.pause()  # the search runs on a zero-delay timer
            pilot.app.screen.query_one("#history-table").focus()  # (enter would open one)
            await pilot.pause()

        app = make_test_app(demo_store, start_area="reflect")
        assert snap_compare(app, terminal_size=SIZE, run_before=search)

    def test_pattern_chart(
        self, snap_compare: Any, demo_store: Store, make_test_app: Callable
    ) -> None:
        app = make_test_app(demo_store, start_area="reflect")
        assert snap_compare(app, terminal_size=SIZE, press=["c"])

    def test_reading_one_reflection(
        self, snap_compare: Any, demo_store: Store, make_test_app: Callable
    ) -> None:
        app = make_test_app(demo_store, start_area="reflect")
        assert snap_compare(app, terminal_size=SIZE, press=["h", "enter"])
