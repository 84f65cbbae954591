"""A chart's legend breaks only between its entries: at 80 columns the depth legend
keeps each marker beside its meaning ("█ plan/support" together on the next line)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.console import Console
from rich.text import Text
from textual.widgets import Static

from reconnect.store.store import Store
from tests.test_fit_at_80 import lines_of
from widgets.week_chart import Legend

ENTRIES = [Text("· greeting"), Text("░ small talk"), Text("▒ real conversation")]


def _lines(legend: Legend, width: int) -> list[str]:
    console = Console(width=width, record=True)
    console.print(legend)
    return [line.rstrip() for line in console.export_text().splitlines()]


def test_a_legend_breaks_between_entries_only() -> None:
    legend = Legend(ENTRIES, " ")
    assert _lines(legend, 80) == ["· greeting ░ small talk ▒ real conversation"]
    assert _lines(legend, 30) == ["· greeting ░ small talk", "▒ real conversation"]
    assert str(legend) == "· greeting ░ small talk ▒ real conversation"


def test_an_entry_longer_than_the_line_wraps_as_words() -> None:
    legend = Legend([Text("● score"), Text("lower means less lonely; a trend")], "  ")
    assert _lines(legend, 20) == ["● score", "lower means less", "lonely; a trend"]


async def test_the_depth_legend_at_80_columns_keeps_each_marker_with_its_meaning(
    demo_store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(demo_store, start_area="progress")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        legend = app.screen.query_one("#legend-connections", Static)
        lines = [line.strip() for line in lines_of(legend) if line.strip()]
        assert lines == [
            "· greeting ░ small talk ▒ real conversation ▓ personal share",
            "█ plan/support",
        ]
