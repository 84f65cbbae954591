"""Text that does not fit at 80 columns: a moment on a person's page ends in "…" and
its column takes the room the others leave; a line that wraps in the Log list and on
Today starts again under its own text (a hanging indent), not at the left edge."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from rich.console import Console
from rich.text import Text
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import DataTable, Static

from reconnect.records.models import Channel, Circle, Connection, Counterpart, Person
from reconnect.store.store import Store
from screens.dialogs.person_page import PersonPage
from tests.conftest import PINNED_TODAY
from widgets.connection_list import ConnectionList
from widgets.hanging import Hanging
from widgets.moment_table import MomentTable

LONG = "Walked round the park with Ana and talked about the winter, the move and her job"


def lines_of(widget: Widget) -> list[str]:
    """What the widget shows, a string a line, as drawn at its size now."""
    region = Region(0, 0, *widget.outer_size)
    return [strip.text.rstrip() for strip in widget.render_lines(region)]


def test_hanging_wraps_each_body_under_its_first_word() -> None:
    console = Console(width=30, record=True)
    text = Hanging([(Text("18:30  ", style="bold"), "one two three four five six seven")])
    text.add("  next: ", "Share one thought in the discussion")
    console.print(text)
    assert [line.rstrip() for line in console.export_text().splitlines()] == [
        "18:30  one two three four five",
        "       six seven",
        "  next: Share one thought in",
        "        the discussion",
    ]
    assert str(text).splitlines()[1] == "  next: Share one thought in the discussion"


def test_too_little_room_beside_the_prefix_wraps_at_the_edge() -> None:
    console = Console(width=16, record=True)
    console.print(Hanging([("a long prefix: ", "and its words")]))
    lines = [line.rstrip() for line in console.export_text().splitlines()]
    assert lines == ["a long prefix:", "and its words"]


def seed_person(store: Store, moments: int) -> Person:
    ana = Person(name="Ana", circle=Circle.FRIEND, created_at=datetime(2026, 1, 1, tzinfo=UTC))
    store.people.add(ana)
    store.connections.add_many(
        Connection(
            at=datetime(2026, 11, day, 18, tzinfo=UTC),
            what=LONG if day == 20 else f"Short {day}",
            counterpart=Counterpart.FRIEND,
            person_id=ana.id,
            depth=3,
            comfort=3,
        )
        for day in range(21 - moments, 21)
    )
    return ana


async def test_a_long_moment_ends_in_an_ellipsis_and_what_takes_the_room(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    ana = seed_person(store, moments=1)
    app = make_test_app(store, start_area="people")
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(PersonPage(ana))
        await pilot.pause()
        table = app.screen.query_one("#person-moments", MomentTable)
        header, row = lines_of(table)
        assert row.startswith(" Fri 20 Nov 2026  Walked round the park with Ana")
        # The words are cut with "…" right before Depth, whose column stays put.
        cut = row.index("…")
        assert row[cut + 1 :].split() == ["3", "3"]
        assert header.index("Depth") == cut + 3
        # What has every column the others leave: only the kept scrollbar column
        # is free on the right of Myself.
        assert len(header) + len(" ") + 1 == table.size.width


async def test_a_long_list_keeps_what_inside_the_width(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    ana = seed_person(store, moments=12)  # more than the table's eight lines
    app = make_test_app(store, start_area="people")
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(PersonPage(ana))
        await pilot.pause()
        table = app.screen.query_one("#person-moments", MomentTable)
        assert table.show_vertical_scrollbar and not table.show_horizontal_scrollbar
        assert "…" in lines_of(table)[1]


async def test_log_details_wrap_under_the_entry_text(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    mum = Person(name="Mum", circle=Circle.FAMILY, created_at=datetime(2026, 1, 1, tzinfo=UTC))
    store.people.add(mum)
    store.connections.add(
        Connection(
            at=datetime.combine(PINNED_TODAY, datetime.min.time()).replace(hour=12, tzinfo=UTC),
            what=LONG,
            counterpart=Counterpart.FAMILY,
            person_id=mum.id,
            channel=Channel.TEXT,
            depth=4,
            comfort=4,
            authenticity=3,
        )
    )
    app = make_test_app(store, start_area="log")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        entries = app.screen.query_one(ConnectionList)
        lines = lines_of(entries)
        first = next(n for n, line in enumerate(lines) if "Walked round" in line)
        what_at = lines[first].index("Walked")
        entry = lines[first : first + 4]
        # The what and the details each wrap, and every line after the first starts
        # where the what began.
        assert entry[1].lstrip(" ▊").startswith("and her job")
        assert entry[2].lstrip(" ▊").startswith("family (Mum) · text")
        assert entry[3].rstrip(" ▎").endswith("myself")
        for line in entry[1:]:
            assert len(line) - len(line.lstrip(" ▊")) == what_at, entry


async def test_today_goal_steps_wrap_under_their_words_and_help_fits(
    demo_store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        goals = lines_of(app.screen.query_one("#goals", Static))
        step = next(n for n, line in enumerate(goals) if "next: Share one thought" in line)
        assert goals[step + 1].index("discussion") == goals[step].index("Share")
        where = lines_of(app.screen.query_one("#where", Static))
        assert any(line.endswith(" ?  Help and crisis lines anywhere │") for line in where), where


async def test_goals_list_steps_wrap_under_their_words_and_rest_fits_its_cell(
    demo_store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(demo_store, start_area="goals")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        lines = lines_of(app.screen.query_one("#goal-table", DataTable))
        step = next(n for n, line in enumerate(lines) if "next: Share one thought" in line)
        assert lines[step + 1].index("discussion") == lines[step].index("Share")
        # A finished ladder is not a next step; a rest's day has a line of its own.
        assert any(line.split()[:3] == ["every", "step", "done"] for line in lines), lines
        rest = next(n for n, line in enumerate(lines) if "Call Alex again" in line)
        assert lines[rest].split()[2:4] == ["again", "resting"]
        assert lines[rest + 1].split()[-3] == "until"
