"""People shows who feels safe, how moments with each person felt lately (depth, comfort,
myself; gaps stay blank), where support is thin, and takes back an archive with u."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from textual.widgets import DataTable, Static

from reconnect.logic.person_measures import recent_by_person
from reconnect.logic.support_flow import (
    flows_by_person,
    flows_words,
    kinds_not_received,
    thin_support_words,
)
from reconnect.records.models import Connection, Person, SupportFlow, SupportKind
from reconnect.store.store import Store
from screens.areas.people import PeopleScreen
from screens.dialogs.person_form import PersonForm
from tests.conftest import PINNED_TODAY
from widgets.tick_box import TickBox

AT = datetime(2026, 11, 18, 12, tzinfo=UTC)  # three days before the pinned day


def _moment(person: Person, **fields: Any) -> Connection:
    return Connection(
        at=fields.pop("at", AT),
        what="Coffee",
        counterpart="friend",
        depth=fields.pop("depth", 3),
        comfort=fields.pop("comfort", 4),
        person_id=person.id,
        **fields,
    )


def _cells(app: Any, person_id: str) -> list[str]:
    table = app.screen.query_one("#people-table", DataTable)
    return [str(cell) for cell in table.get_row(person_id)]


async def _select(app: Any, pilot: Any, person_id: str) -> None:
    everyone = app.screen.query_one("#people-table", DataTable)
    everyone.focus()
    everyone.move_cursor(row=app.screen._order["people-table"].index(person_id))
    await pilot.pause()


async def test_marking_someone_safe_in_the_form_shows_on_their_row(
    demo_store: Store, make_test_app: Callable[..., Any]
) -> None:
    sam = next(p for p in demo_store.people.all() if p.name == "Sam")
    assert not sam.safe
    app = make_test_app(demo_store, start_area="people")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "✓ safe" not in _cells(app, sam.id)[0]
        await _select(app, pilot, sam.id)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, PersonForm)
        app.screen.query_one("#safe", TickBox).focus()
        await pilot.press("space", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PeopleScreen)
        assert _cells(app, sam.id)[0] == "Sam ✓ safe"
    assert demo_store.people.get(sam.id).safe


async def test_your_support_names_the_kind_nobody_gave_yet(
    demo_store: Store, make_test_app: Callable[..., Any]
) -> None:
    # The demo logs emotional and practical support received, never guidance.
    app = make_test_app(demo_store, start_area="people")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        note = str(app.screen.query_one("#your-support", Static).render())
    assert note.startswith("Your support: Nothing logged yet of guidance (advice")
    assert "emotional" not in note and "practical" not in note
    assert not any(ch.isdigit() for ch in note)  # a suggestion, never a score


async def test_row_shows_myself_where_answered_and_no_zero_where_not(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    asked = store.people.add(Person(name="Asked", created_at=AT, safe=True))
    unasked = store.people.add(Person(name="Unasked", created_at=AT))
    quiet = store.people.add(Person(name="Quiet", created_at=AT))
    store.connections.add_many(
        [
            _moment(asked, depth=4, comfort=3, authenticity=5),
            _moment(asked, depth=2, comfort=5, authenticity=None),  # a gap, not a zero
            _moment(asked, depth=3, comfort=4, authenticity=3),
            _moment(unasked, depth=2, comfort=2),
            _moment(quiet, at=AT - timedelta(weeks=10)),  # before the last 8 weeks
        ]
    )
    app = make_test_app(store, start_area="people")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert _cells(app, asked.id)[3:] == ["3.0", "4.0", "4.0"]  # myself: (5+3)/2
        assert _cells(app, unasked.id)[3:] == ["2.0", "2.0", ""]
        assert _cells(app, quiet.id)[3:] == ["", "", ""]
        assert _cells(app, asked.id)[0] == "Asked ✓ safe"


async def test_archive_then_u_brings_them_back(
    demo_store: Store, make_test_app: Callable[..., Any]
) -> None:
    sam = next(p for p in demo_store.people.all() if p.name == "Sam")
    app = make_test_app(demo_store, start_area="people")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _select(app, pilot, sam.id)
        await pilot.press("a")
        await pilot.pause()
        assert demo_store.people.get(sam.id).archived
        assert sam.id not in app.screen._order["people-table"]
        assert "u" in app.screen.active_bindings  # the footer offers it
        await pilot.press("u")
        await pilot.pause()
        assert sam.id in app.screen._order["people-table"]
        assert app.screen.selected() == sam  # the cursor is on them again
    assert demo_store.people.get(sam.id) == sam


def test_support_flows_each_way_by_kind() -> None:
    maya = Person(name="Maya", created_at=AT)
    moments = [
        _moment(maya, support=SupportFlow.RECEIVED, support_kind=SupportKind.PRACTICAL),
        _moment(maya, support=SupportFlow.BOTH, support_kind=SupportKind.EMOTIONAL),
        _moment(maya, support=SupportFlow.GAVE),
    ]
    flows = flows_by_person(moments)
    assert flows_words(flows_by_person(moments[2:])[maya.id]) == (
        "Support given: some (no kind noted)."
    )
    words = flows_words(flows[maya.id])
    assert words == ("Support received: emotional, practical. Support given: emotional.")
    assert kinds_not_received(moments) == [SupportKind.GUIDANCE]
    guided = _moment(maya, support=SupportFlow.RECEIVED, support_kind=SupportKind.GUIDANCE)
    everything = [*moments, guided]
    assert thin_support_words(kinds_not_received(everything)) == ""
    assert thin_support_words(kinds_not_received([])) == (
        "Nothing logged yet of emotional support (being listened to, comforted, understood), "
        "practical help (a lift, childcare, a lead on a job) or guidance (advice, the name of a "
        "good doctor) coming your way. Support can flow to you too: one small ask is a place "
        "to start."
    )


def test_recent_measures_leave_out_the_future_and_the_long_ago() -> None:
    maya = Person(name="Maya", created_at=AT)
    moments = [
        _moment(maya, at=AT + timedelta(days=10)),
        _moment(maya, at=AT - timedelta(weeks=9)),
    ]
    assert recent_by_person(moments, PINNED_TODAY) == {}


async def test_help_in_people_says_safe_is_not_perfect(
    demo_store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(demo_store, start_area="people")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        shown = " ".join(str(s.render()) for s in app.screen.query(Static))
    assert "Safe does not mean never disagreeing" in " ".join(shown.split())
