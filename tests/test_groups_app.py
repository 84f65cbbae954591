"""Pilot tests of groups of one's own: the list beside People, a group's page, logging
a visit from it and the after-visit check."""

import errno
import os
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from textual.widgets import Input, Static

from reconnect.logic.connections import Saved
from reconnect.records.content import TRY_ANOTHER_GROUP
from reconnect.records.models import (
    CommunityKind,
    Connection,
    Counterpart,
    Group,
    Sense,
    VisitCheck,
)
from reconnect.store.store import Store
from screens.dialogs.group_form import GroupForm
from screens.dialogs.group_page import GroupPage
from screens.dialogs.groups_list import GroupsScreen
from screens.dialogs.log_entry import LogEntryDialog
from screens.dialogs.unsaved import UnsavedDialog
from screens.dialogs.visit_check import VisitCheckScreen
from tests.conftest import wait_for

_AT = datetime(2026, 10, 1, 18, 30, tzinfo=UTC)


def a_group(store: Store, name: str = "Tuesday circle") -> Group:
    return store.groups.add(
        Group(name=name, kind=CommunityKind.PEER_SUPPORT, when="Tuesdays", created_at=_AT)
    )


def a_visit(store: Store, group: Group, days: int, check: VisitCheck | None = None) -> Connection:
    return store.connections.add(
        Connection(
            at=_AT + timedelta(days=days),
            what=f"Went to {group.name}",
            counterpart=Counterpart.GROUP,
            depth=2,
            comfort=3,
            group_id=group.id,
            visit_check=check,
        )
    )


def page_text(app: Any, widget_id: str) -> str:
    return str(app.screen.query_one(f"#{widget_id}", Static).render())


async def test_add_a_group_from_people(store: Store, make_test_app: Callable[..., Any]) -> None:
    app = make_test_app(store, start_area="people")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b")
        assert isinstance(app.screen, GroupsScreen)
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#name", Input).focus()
        await pilot.press(*"Tuesday circle", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, GroupsScreen)
    (group,) = store.groups.all()
    assert group.name == "Tuesday circle"


async def test_logging_a_visit_links_it_and_the_check_saves_and_shows(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    group = a_group(store)
    app = make_test_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(GroupPage(group))
        await pilot.pause()
        # Before a first visit, k has nothing to ask about: the page says v comes first.
        assert page_text(app, "group-trails").startswith("After a visit (v), k asks")
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, LogEntryDialog)
        assert app.screen.query_one("#what", Input).value == "Went to Tuesday circle"
        app.screen.query_one("#depth").focus()
        await pilot.press("2", "4", "ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, VisitCheckScreen))
        # First question yes, the third not yet, the rest left out.
        app.screen.query_one("#purpose").focus()
        await pilot.press("1")
        app.screen.query_one("#rhythm").focus()
        await pilot.press("2", "ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, GroupPage))
        assert "Did it have a shared purpose? yes" in page_text(app, "group-trails")
        assert not app.screen.query_one("#try-another").display
    (visit,) = store.connections.all()
    assert visit.group_id == group.id and visit.counterpart is Counterpart.GROUP
    assert visit.visit_check == VisitCheck(purpose=Sense.YES, rhythm=Sense.NOT_YET)


async def test_the_check_can_be_skipped_and_nothing_is_saved(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    group = a_group(store)
    visit = a_visit(store, group, 0)
    app = make_test_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(GroupPage(group))
        await pilot.pause()
        await pilot.press("k")
        await pilot.pause()
        assert isinstance(app.screen, VisitCheckScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, GroupPage)
    assert store.connections.get(visit.id) == visit


async def test_editing_a_visit_in_the_log_keeps_its_group_and_check(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    group = a_group(store)
    check = VisitCheck(less_alone=Sense.YES, safer=Sense.NOT_SURE)
    visit = a_visit(store, group, 0, check)
    results: list[Saved | None] = []
    app = make_test_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(LogEntryDialog(visit), results.append)
        await pilot.pause()
        app.screen.query_one("#comfort").focus()
        await pilot.press("5", "ctrl+s")
        await pilot.pause()
    assert results and results[0] is not None
    edited = store.connections.get(visit.id)
    assert edited is not None and edited.comfort == 5
    assert (edited.group_id, edited.visit_check) == (group.id, check)


async def test_answers_that_stay_low_offer_another_group_without_blame(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    group = a_group(store)
    low = VisitCheck(purpose=Sense.NOT_YET, less_alone=Sense.NOT_SURE)
    for day in range(3):
        a_visit(store, group, day * 7, low)
    app = make_test_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(GroupPage(group))
        await pilot.pause()
        words = app.screen.query_one("#try-another", Static)
        assert words.display and str(words.render()) == TRY_ANOTHER_GROUP


async def test_deleting_a_group_asks_keeps_visits_and_undo_brings_it_back(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    group = a_group(store)
    visit = a_visit(store, group, 0, VisitCheck(hope=Sense.YES))
    app = make_test_app(store, start_area="people")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b", "delete")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert store.groups.all() == []
        kept = store.connections.get(visit.id)
        assert kept is not None and kept.group_id is None and kept.visit_check is None
        await pilot.press("escape", "u")
        await pilot.pause()
    assert store.groups.get(group.id) == group
    assert store.connections.get(visit.id) == visit


async def test_the_group_form_keeps_its_words_on_esc_ctrl_q_and_a_full_disk(
    store: Store, make_test_app: Callable[..., Any], monkeypatch: Any
) -> None:
    app = make_test_app(store, start_area="people")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b", "n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, GroupForm)
        form.query_one("#name", Input).focus()
        await pilot.press(*"Grief circle")
        for key in ("escape", "ctrl+q"):  # each asks first; esc in the question goes back
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, UnsavedDialog)
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is form

        def full_disk(*args: object, **kwargs: object) -> None:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr(os, "replace", full_disk)  # a whole write

        monkeypatch.setattr(os, "fsync", full_disk)  # a journal line
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert form.query_one("#name", Input).value == "Grief circle"
        monkeypatch.undo()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, GroupsScreen)
    store.refresh()
    assert [g.name for g in store.groups.all()] == ["Grief circle"]


async def test_a_full_disk_keeps_the_after_visit_check_open_with_its_answers(
    store: Store, make_test_app: Callable[..., Any], monkeypatch: Any
) -> None:
    group = a_group(store)
    visit = a_visit(store, group, 1)
    app = make_test_app(store, start_area="people")
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(GroupPage(group))
        await pilot.pause()
        await pilot.press("k")
        await pilot.pause()
        check = app.screen
        assert isinstance(check, VisitCheckScreen)
        await pilot.press("1")

        def full_disk(*args: object, **kwargs: object) -> None:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr(os, "replace", full_disk)  # a whole write

        monkeypatch.setattr(os, "fsync", full_disk)  # a journal line
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is check and "The disk is full" in page_text(app, "check-error")
        assert check.answers() != {k: None for k in check.answers()}
    store.refresh()
    saved = store.connections.get(visit.id)
    assert saved is not None and saved.visit_check is None
