"""Snapshot of the Log form with words in the time box ("yesterday 18:00"): the line
under When says which day they mean (80×24, pinned day)."""

from collections.abc import Callable

from textual.pilot import Pilot

from reconnect.store.store import Store
from tests.conftest import steady_cursors

SIZE = (80, 24)


def test_log_form_with_words_for_when(
    snap_compare, demo_store: Store, make_test_app: Callable
) -> None:
    async def fill(pilot: Pilot) -> None:
        await pilot.press("a", *"Coffee with Maya", "tab", "3", "4")
        pilot.app.screen.query_one("#person").focus()
        await pilot.press(*"Maya")
        pilot.app.screen.query_one("#clock").focus()
        await pilot.press(*"yesterday 18:00")
        await steady_cursors(pilot)

    app = make_test_app(demo_store, start_area="log")
    assert snap_compare(app, terminal_size=SIZE, run_before=fill)
