"""Reflect's history: enter once opens a reflection (from the list or straight from the
search), and a pattern has one name: the tick list's, in tags, the chart's words and the
reflection view alike."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from textual.widgets import DataTable, Static

from reconnect.logic.patterns import pattern_frequencies
from reconnect.records.content import PATTERN_NAME_MAX, PATTERNS
from reconnect.records.models import Reflection
from reconnect.store.store import Store
from screens.dialogs.reflection_view import ReflectionViewScreen
from tests.conftest import PINNED_TODAY
from widgets.pattern_chart import summary_text
from widgets.pattern_ticks import PatternTicks
from widgets.reflection_history import ReflectionHistory

AT = datetime(2026, 11, 20, 9, tzinfo=UTC)


async def test_enter_once_opens_a_reflection_from_the_list_and_from_a_search(
    demo_store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(demo_store, start_area="reflect")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("h", "enter")
        assert isinstance(app.screen, ReflectionViewScreen)
        await pilot.press("escape", "slash", *"maya")
        await pilot.pause()
        history = app.screen.query_one(ReflectionHistory)
        first = history.shown[0]
        await pilot.press("enter")  # one enter from the search box
        await pilot.pause()
        assert isinstance(app.screen, ReflectionViewScreen)
        assert first.body.splitlines()[0] in str(app.screen.query_one("#view-body").render())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.focused, DataTable)  # back in the list, on the same one
        assert history.highlighted_id() == first.id


async def test_a_search_matching_nothing_opens_nothing(
    demo_store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(demo_store, start_area="reflect")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"zebra", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, ReflectionViewScreen)


async def test_history_tags_use_the_tick_list_names(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    # One reflection per pattern, so each tag is shown whole.
    store.reflections.add_many(Reflection(at=AT, patterns=[p.id], body=p.id) for p in PATTERNS)
    app = make_test_app(store, start_area="reflect")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        ticks = app.screen.query_one(PatternTicks)
        tick_names = {
            str(ticks.get_option_at_index(n).value): str(ticks.get_option_at_index(n).prompt)
            for n in range(ticks.option_count)
        }
        await pilot.press("h")
        await pilot.pause()
        table = app.screen.query_one("#history-table", DataTable)
        history = app.screen.query_one(ReflectionHistory)
        tags = {
            r.patterns[0]: str(table.get_cell_at((row, 1))) for row, r in enumerate(history.shown)
        }
    assert tags == {pid: f"[{name}]" for pid, name in tick_names.items()}
    assert set(tick_names) == {p.id for p in PATTERNS}


def test_every_pattern_name_fits_a_tag_and_the_chart_words_use_it() -> None:
    assert all(len(p.name) <= PATTERN_NAME_MAX for p in PATTERNS)
    assert len({p.name for p in PATTERNS}) == len(PATTERNS)
    # Earlier half: the first pattern; later half: the second. Their names, whole.
    early = Reflection(at=datetime(2026, 9, 7, 9, tzinfo=UTC), patterns=[PATTERNS[0].id])
    late = Reflection(at=AT, patterns=[PATTERNS[1].id])
    words = summary_text(pattern_frequencies([early, late], PINNED_TODAY, 12)).plain
    assert PATTERNS[0].name in words and PATTERNS[1].name in words


async def test_the_reflection_view_names_patterns_as_the_tick_list_does(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    store.reflections.add(Reflection(at=AT, patterns=["handle_alone"], body="alone"))
    app = make_test_app(store, start_area="reflect")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("h", "enter")
        await pilot.pause()
        view = str(app.screen.query_one("#view-body", Static).render())
    assert "Handling it alone" in view
