"""Snapshots at 80×24 of the question asked before typed words would be lost, over the
Log form and on quitting from Review."""

from collections.abc import Callable

from reconnect.store.store import Store


def test_escape_on_a_filled_log_form(snap_compare, store: Store, make_test_app: Callable) -> None:
    app = make_test_app(store, start_area="log")
    press = ["a", *"Said hello to Sam", "escape"]
    assert snap_compare(app, press=press, terminal_size=(80, 24))


def test_quit_with_review_words(snap_compare, demo_store: Store, make_test_app: Callable) -> None:
    app = make_test_app(demo_store, start_area="review")

    async def type_and_quit(pilot) -> None:
        await pilot.pause()
        app.screen.query_one("#helped").focus()
        await pilot.press("end", *" And a walk.", "ctrl+q")
        await pilot.pause()

    assert snap_compare(app, run_before=type_and_quit, terminal_size=(80, 24))
