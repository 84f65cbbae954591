"""The Progress area: periods, words under charts, the empty state; chart helpers."""

from collections.abc import Callable

from textual.widgets import Static, Tabs

from reconnect.store.store import Store
from screens.areas.progress import ProgressScreen
from widgets.week_chart import runs, tick_positions


async def test_periods_change_with_keys_and_tabs(
    demo_store: Store, make_test_app: Callable
) -> None:
    app = make_test_app(demo_store, start_area="progress")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, ProgressScreen) and screen.weeks == 12
        words = str(screen.query_one("#words-comfort", Static).render())
        assert words.startswith("Comfort rose from ") and "; depth rose from " in words
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")
        await pilot.pause()
        assert screen.weeks == 52
        assert "52 full weeks" in str(screen.query_one("#period", Static).render())
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert screen.weeks == 26 and screen.query_one(Tabs).active == "weeks-26"
        await pilot.click("#weeks-8")
        await pilot.pause()
        assert screen.weeks == 8


async def test_no_data_says_what_to_do(store: Store, make_test_app: Callable) -> None:
    app = make_test_app(store, start_area="progress")
    async with app.run_test(size=(80, 24)):
        screen = app.screen
        assert screen.query_one("#empty").display
        assert not screen.query_one("#sections").display
        assert "check-in" in str(screen.query_one("#empty", Static).render())
        # "12 weeks with no entries: gaps in the charts" beside no charts said it twice.
        period = str(screen.query_one("#period", Static).render())
        assert "no entries" not in period and period.startswith("12 full weeks, ")


def test_runs_split_at_gaps() -> None:
    assert runs([None, 1.0, 2.0, None, 3.0]) == [([1, 2], [1.0, 2.0]), ([4], [3.0])]
    assert runs([None, None]) == []


def test_ticks_fit_and_include_the_latest_week() -> None:
    ticks = tick_positions(52, 76)
    assert ticks[-1] == 51 and len(ticks) <= (76 - 8) // 9
    assert tick_positions(8, 120) == list(range(8))


async def test_a_first_week_in_progress_is_explained(store, make_test_app) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    from textual.widgets import Static

    from reconnect.records.models import Connection

    store.connections.add(
        Connection(
            at=datetime(2026, 11, 20, 9, tzinfo=UTC),
            what="Said hi",
            counterpart="neighbour",
            depth=1,
            comfort=3,
        )
    )
    app = make_test_app(store, start_area="progress")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = str(app.screen.query_one("#empty", Static).render())
        assert "first full week shows here once it ends" in text


def test_an_empty_week_is_a_gap_in_every_chart() -> None:
    from datetime import UTC, date, datetime

    from reconnect.logic.progress import progress
    from reconnect.logic.weeks import period_starts
    from reconnect.records.models import Connection
    from screens.areas.progress import _specs

    today = date(2026, 11, 21)
    starts = period_starts(today, 3)
    logged = [
        Connection(
            at=datetime(d.year, d.month, d.day, 12, tzinfo=UTC),
            what="Said hi",
            counterpart="neighbour",
            depth=2,
            comfort=3,
        )
        for d in (starts[0], starts[2])
    ]
    specs = _specs(progress(logged, [], [], today, 3))
    for spec in specs.values():
        for series in (*spec.lines, *spec.stacks):
            assert series.values[1] is None, series.label  # no point, no bar at zero
    assert [s.values[0] for s in specs["connections"].stacks] == [0, 0, 0, 1, 0]
