"""Our toggles draw their mark through Textual's public API only."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import App, ComposeResult
from textual.widgets import RadioSet

from reconnect.store.store import Store
from widgets.marked_radio_button import MarkedRadioButton
from widgets.pattern_chart import PatternChart
from widgets.tick_box import TickBox


class Toggles(App[None]):
    def compose(self) -> ComposeResult:
        yield TickBox("off", id="off")
        yield TickBox("on", True, id="on")
        yield MarkedRadioButton("dot", id="dot")


def plain(widget: Any) -> str:
    return widget.render().plain


async def test_the_mark_shows_only_when_on() -> None:
    app = Toggles()
    async with app.run_test() as pilot:
        off, on, dot = (app.query_one(f"#{name}") for name in ("off", "on", "dot"))
        assert plain(off).startswith("▐ ▌") and plain(on).startswith("▐✓▌")
        assert plain(dot).startswith("▐ ▌")
        off.toggle()
        on.toggle()
        dot.toggle()
        await pilot.pause()
        assert plain(off).startswith("▐✓▌") and plain(on).startswith("▐ ▌")
        assert plain(dot).startswith("▐●▌")


async def test_the_period_keys_start_from_the_chosen_period(
    demo_store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(demo_store, start_area="reflect")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")  # the chart, with the period buttons focused
        chart = app.screen.query_one(PatternChart)
        assert chart.weeks == 12 and app.focused is chart.query_one(RadioSet)
        await pilot.press("right", "enter")  # one step on from 12 weeks: 52
        await pilot.pause()
        assert chart.weeks == 52
