"""Snapshots of the Log area and its form at 80×24 (the area also at 120×36) on a pinned
day."""

from collections.abc import Callable

from textual.pilot import Pilot
from textual.widgets import Select

from reconnect.store.store import Store
from tests.conftest import steady_cursors

SIZE = (80, 24)
WIDE = (120, 36)


def test_log_empty(snap_compare, store: Store, make_test_app: Callable) -> None:
    assert snap_compare(make_test_app(store, start_area="log"), terminal_size=SIZE)


def test_log_demo(snap_compare, demo_store: Store, make_test_app: Callable) -> None:
    assert snap_compare(make_test_app(demo_store, start_area="log"), terminal_size=SIZE)


def test_log_demo_120x36(snap_compare, demo_store: Store, make_test_app: Callable) -> None:
    app = make_test_app(demo_store, start_area="log")
    assert snap_compare(app, terminal_size=WIDE, run_before=steady_cursors)


def test_log_form_with_validation_errors(
    snap_compare, demo_store: Store, make_test_app: Callable
) -> None:
    async def fill_badly(pilot: Pilot) -> None:
        await pilot.press("a", *"Said hi")
        pilot.app.screen.query_one("#person").focus()
        await pilot.press(*"Maya")
        pilot.app.screen.query_one("#clock").focus()
        await pilot.press(*"25:00", "ctrl+s")
        await steady_cursors(pilot)  # the clock field's cursor on show, never mid-blink

    app = make_test_app(demo_store, start_area="log")
    assert snap_compare(app, terminal_size=SIZE, run_before=fill_badly)


def test_log_form_filled(snap_compare, demo_store: Store, make_test_app: Callable) -> None:
    async def fill(pilot: Pilot) -> None:
        # Words, tab, three digits: a digit chooses and moves on (the third, could I
        # be myself, is optional).
        await pilot.press("a", *"Said hi to a neighbour", "tab", "2", "4", "5")
        pilot.app.screen.query_one("#support").focus()
        await pilot.press("2", "2")  # received, practical
        pilot.app.screen.query_one("#person").focus()
        await pilot.press(*"Noor")
        # Yesterday: a time today could still be ahead of the real clock.
        pilot.app.screen.query_one("#day", Select).value = "2026-11-20"
        pilot.app.screen.query_one("#clock").focus()
        await pilot.press(*"08:15")
        await pilot.pause()

    app = make_test_app(demo_store, start_area="log")
    assert snap_compare(app, terminal_size=SIZE, run_before=fill)
