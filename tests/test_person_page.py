"""Pilot tests of a person's page (enter in People) and of their important dates in the
person form."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from textual.widgets import DataTable, Input, Static

from reconnect.records.models import Circle, Connection, Counterpart, ImportantDate, Person
from reconnect.store.store import Store
from screens.dialogs.log_entry import LogEntryDialog
from screens.dialogs.person_form import PersonForm
from screens.dialogs.person_page import PersonPage
from tests.conftest import PINNED_TODAY, wait_for
from tests.test_log_screen import fill

NOW = datetime(2026, 11, 21, 9, tzinfo=UTC)


def seed(store: Store) -> tuple[Person, Person]:
    maya = Person(
        name="Maya",
        circle=Circle.FRIEND,
        cadence_days=7,
        notes="Loves long walks.",
        created_at=NOW,
        important_dates=[ImportantDate(label="Birthday", month=1, day=9)],
    )
    sam = Person(name="Sam", circle=Circle.NEIGHBOUR, created_at=NOW)
    store.people.add_many([maya, sam])
    moments = [
        Connection(
            at=datetime(2026, 11, day, 18, tzinfo=UTC),
            what=f"Call {day}",
            counterpart=Counterpart.FRIEND,
            person_id=maya.id,
            depth=day % 5 + 1,
            comfort=3,
        )
        for day in (2, 9, 16)
    ]
    moments.append(
        Connection(
            at=NOW,
            what="Waved",
            counterpart=Counterpart.NEIGHBOUR,
            person_id=sam.id,
            depth=1,
            comfort=4,
        )
    )
    store.connections.add_many(moments)
    return maya, sam


def test_ids_for_person_oldest_first_and_after_changes(store: Store) -> None:
    maya, sam = seed(store)
    ids = store.connections.ids_for_person(maya.id)
    assert [c.what for c in store.connections.many(ids)] == ["Call 2", "Call 9", "Call 16"]
    store.connections.delete(ids[1])
    moved = store.connections.get(ids[0]).model_copy(update={"person_id": sam.id})
    store.connections.update(moved)
    assert store.connections.ids_for_person(maya.id) == [ids[2]]
    assert store.connections.ids_for_person("0" * 32) == []


def page_text(app: Any, widget_id: str) -> str:
    # The content set, as words: some parts are Hanging lines, whose render is a visual.
    return str(app.screen.query_one(f"#{widget_id}", Static).content)


async def test_enter_opens_their_page_and_l_logs_a_moment_with_them(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    maya, _ = seed(store)
    app = make_test_app(store, start_area="people")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        everyone = app.screen.query_one("#people-table", DataTable)
        everyone.focus()
        everyone.move_cursor(row=app.screen._order["people-table"].index(maya.id))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PersonPage)
        assert page_text(app, "person-title").startswith("Maya · friend")
        assert page_text(app, "person-dates") == "Birthday: 9 January (in 7 weeks)"
        assert "Loves long walks." in page_text(app, "person-notes")
        assert "5 days ago" in page_text(app, "person-rhythm")
        table = app.screen.query_one("#person-moments", DataTable)
        assert [str(table.get_row_at(n)[1]) for n in range(table.row_count)] == [
            "Call 16",
            "Call 9",
            "Call 2",  # newest first; Sam's wave is not here
        ]
        assert "3 moments" in page_text(app, "moments-heading")
        months = page_text(app, "person-months").splitlines()
        assert months[0].split()[-1] == "Nov" and months[3].split()[-1] == "3"

        table.move_cursor(row=2)
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LogEntryDialog)
        assert app.screen.query_one("#person", Input).value == "Maya"
        await fill(pilot, "Walk in the park", "friend", 4, 5)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, PersonPage), "back on the page")
        await pilot.pause()
        assert table.row_count == 4 and str(table.get_row_at(0)[1]) == "Walk in the park"
        assert table.cursor_row == 0  # on the new moment: that says it was saved
        assert not list(app._notifications)  # no notice over the page's keys
        saved = store.connections.get(store.connections.ids_for_person(maya.id)[-1])
        assert saved.what == "Walk in the park" and saved.person_id == maya.id
        table.move_cursor(row=1)  # Call 16: enter edits it in the Log's own form
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LogEntryDialog)
        assert app.screen.query_one("#what", Input).value == "Call 16"
        await pilot.press("end", *" again", "ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, PersonPage), "back on the page")
        await pilot.pause()
        assert str(table.get_row_at(1)[1]) == "Call 16 again"
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, PersonPage)


async def test_goals_naming_them_show_on_their_page(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    from reconnect.records.models import Goal, Step

    maya, _ = seed(store)
    store.goals.add(
        Goal(title="Be braver", created_at=NOW, steps=[Step(title="Ask Maya for advice")])
    )
    store.goals.add(Goal(title="Call Maya", created_at=NOW, person_id=maya.id, status="paused"))
    app = make_test_app(store, start_area="people")
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(PersonPage(maya))
        await pilot.pause()
        goals = page_text(app, "person-goals")
        assert "Be braver" in goals and "step: Ask Maya for advice" in goals
        # The Goals list's word for a goal at rest, not the stored "paused".
        assert "Call Maya (resting)" in goals and "paused" not in goals


async def test_dates_are_added_changed_and_refused_in_the_form(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    maya, _ = seed(store)
    app = make_test_app(store, start_area="people")
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(PersonPage(maya))
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, PersonForm)
        field = app.screen.query_one("#dates", Input)
        assert field.value == "Birthday 9 January"
        field.value = "Birthday 9 January; Anniversary 30 February"
        await pilot.pause()
        error = app.screen.query_one("#dates-error", Static)
        assert error.display and "30 February is not a day of the year" in str(error.render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PersonForm)  # nothing half-valid is saved
        assert store.people.get(maya.id).important_dates == maya.important_dates
        field.value = "Birthday 9 Jan; Anniversary 2015-06-20"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, PersonPage), "back on the page")
        kept = store.people.get(maya.id).important_dates
        assert [(d.label, d.month, d.day, d.year) for d in kept] == [
            ("Birthday", 1, 9, None),
            ("Anniversary", 6, 20, 2015),
        ]
        assert page_text(app, "person-dates").splitlines() == [
            "Birthday: 9 January (in 7 weeks)",
            "Anniversary: 20 June (in 7 months; 12 years since 2015)",
        ]
        # Emptied, the dates are removed.
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#dates", Input).value = ""
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, PersonPage), "back on the page")
        assert store.people.get(maya.id).important_dates == []
        assert app.today == PINNED_TODAY
