"""Pilot tests of the Log area and its quick-add form."""

import asyncio
import sys
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, Select, Static

from reconnect.logic.connection_form import Prefill
from reconnect.logic.connections import Saved
from reconnect.records.models import Circle, Counterpart, Person
from reconnect.store.store import Store
from screens.areas.log import LogScreen
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.log_entry import LogEntryDialog
from tests.conftest import PINNED_TODAY, wait_for
from widgets.connection_list import ConnectionList
from widgets.scale_picker import ScalePicker


def shown_ids(app: Any) -> list[str]:
    entries = app.screen.query_one(ConnectionList)
    return [o.id for o in entries.options if not o.disabled]


def message(app: Any, message_id: str) -> str:
    static = app.screen.query_one(f"#{message_id}", Static)
    return str(static.render()) if static.display else ""


async def fill(
    pilot: Pilot[Any], what: str, counterpart: str, depth: int, comfort: int, person: str = ""
) -> None:
    """Fill the open dialog from the keyboard."""
    screen = pilot.app.screen
    assert isinstance(screen, LogEntryDialog)
    await pilot.press(*what)
    screen.query_one("#counterpart").focus()
    await pilot.press("enter", *counterpart, "enter")
    if person:
        screen.query_one("#person").focus()
        await pilot.press(*person)
    screen.query_one("#depth").focus()
    await pilot.press(str(depth))
    screen.query_one("#comfort").focus()
    await pilot.press(str(comfort))


async def test_add_from_the_form_shows_in_the_list_at_once(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(store, start_area="log")
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, LogScreen)
        assert "Nothing logged this week yet" in message(app, "empty")
        await pilot.press("a")
        await fill(pilot, "Held the door", "neighbour", 1, 4)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LogScreen)
        (saved,) = store.connections.all()
        assert (saved.what, saved.counterpart, saved.depth, saved.comfort) == (
            "Held the door",
            "neighbour",
            1,
            4,
        )
        assert saved.at.date() == app.today and saved.person_id is None
        assert shown_ids(app) == [saved.id]
        assert app.screen.query_one(ConnectionList).highlighted_id == saved.id
        summary = str(app.screen.query_one("#week-summary", Static).render())
        # Depth and comfort lead; the count is small print at the end.
        first = summary.splitlines()[0]
        assert first.startswith("Only ") and first.endswith("; comfort 4.0 \u00b7 1 moment")


async def test_a_new_name_adds_a_person_and_a_known_one_fills_the_counterpart(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    maya = store.people.add(Person(name="Maya", circle=Circle.FRIEND, created_at=_AT))
    app = make_test_app(store, start_area="log")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        await fill(pilot, "Waved", "neighbour", 1, 3, person="Noor")
        assert "New: Noor will be added to People" in message(app, "person-message")
        await pilot.press("ctrl+s")
        await pilot.pause()
        noor = next(p for p in store.people.all() if p.name == "Noor")
        assert noor.circle is Circle.NEIGHBOUR
        assert store.connections.all()[0].person_id == noor.id

        await pilot.press("a", *"Coffee")
        dialog = app.screen
        dialog.query_one("#person").focus()
        await pilot.press(*"maya")
        assert dialog.query_one("#counterpart", Select).value == "friend"
        assert "Maya, friend" in message(app, "person-message")
        dialog.query_one("#depth").focus()
        await pilot.press("3", "3", "ctrl+s")  # a digit chooses and moves on
        await pilot.pause()
        coffee = next(c for c in store.connections.all() if c.what == "Coffee")
        assert (coffee.person_id, coffee.counterpart, coffee.depth, coffee.comfort) == (
            maya.id,
            "friend",
            3,
            3,
        )
        assert store.people.count() == 2


async def test_validation_is_shown_beside_each_field_and_nothing_half_valid_is_saved(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(store, start_area="log")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        dialog = app.screen
        await pilot.press("x", "backspace")
        assert "must not be empty" in message(app, "what-error")
        dialog.query_one("#what", Input).value = "y" * 201
        await pilot.pause()
        assert "at most 200 characters" in message(app, "what-error")
        dialog.query_one("#what", Input).value = "Said hi"
        await pilot.pause()
        assert message(app, "what-error") == ""
        dialog.query_one("#clock").focus()
        await pilot.press(*"25:00")
        assert "like 18:30" in message(app, "clock-error")
        dialog.query_one("#day", Select).value = date(2026, 11, 20).isoformat()
        dialog.query_one("#clock", Input).value = ""
        await pilot.pause()
        assert "give a time for that day" in message(app, "clock-error")
        dialog.query_one("#note", Input).value = "n" * 2001
        await pilot.pause()
        assert "at most 2000 characters" in message(app, "note-error")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LogEntryDialog)
        assert "choose who it was with" in message(app, "person-message")
        assert "choose depth and comfort" in message(app, "scale-error")
        assert store.connections.count() == 0 and store.people.count() == 0
        await pilot.press("escape", "d")  # words typed: esc asks, d lets them go
        assert isinstance(app.screen, LogScreen) and store.connections.count() == 0


async def test_edit_keeps_the_id_and_updates_the_list(
    demo_store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(demo_store, start_area="log")
    async with app.run_test(size=(80, 24)) as pilot:
        first = shown_ids(app)[0]
        before = demo_store.connections.count()
        await pilot.press("e")
        dialog = app.screen
        assert isinstance(dialog, LogEntryDialog)
        original = demo_store.connections.get(first)
        assert original is not None
        assert dialog.query_one("#what", Input).value == original.what
        assert dialog.query_one("#clock", Input).value == f"{original.at:%H:%M}"
        dialog.query_one("#what", Input).value = "Long phone call with Maya"
        dialog.query_one("#comfort").focus()
        await pilot.press("5", "ctrl+s")
        await pilot.pause()
        edited = demo_store.connections.get(first)
        assert edited is not None and edited.what == "Long phone call with Maya"
        assert edited.comfort == 5 and edited.at == original.at
        assert edited.person_id == original.person_id
        assert demo_store.connections.count() == before
        assert first in shown_ids(app)


async def test_delete_asks_first_and_undo_lasts_the_session(
    demo_store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(demo_store, start_area="log")
    async with app.run_test(size=(80, 24)) as pilot:
        first = shown_ids(app)[0]
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        assert demo_store.connections.get(first) is not None
        await pilot.press("d", "y")
        await pilot.pause()
        assert demo_store.connections.get(first) is None and first not in shown_ids(app)
        await pilot.press("t")  # away to Today and back: undo is still there
        await pilot.press("l")
        await pilot.press("u")
        await pilot.pause()
        assert demo_store.connections.get(first) is not None and first in shown_ids(app)
        await pilot.press("u")  # nothing more to undo: nothing changes
        assert demo_store.connections.get(first) is not None


async def test_filters_and_earlier_weeks(
    demo_store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(demo_store, start_area="log")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        everything = shown_ids(app)
        screen.query_one("#filter-depth", Select).value = 3
        await pilot.pause()
        deep = shown_ids(app)
        assert deep and len(deep) < len(everything)
        assert all(demo_store.connections.get(i).depth == 3 for i in deep)  # type: ignore[union-attr]
        assert "11 moments, 3 shown" in str(screen.query_one("#week-summary", Static).render())
        screen.query_one("#filter-depth", Select).clear()
        people = demo_store.people.all()
        maya = next(p for p in people if p.name == "Maya")
        screen.query_one("#filter-person", Select).value = maya.id
        screen.query_one("#filter-counterpart", Select).value = "friend"
        await pilot.pause()
        assert all(demo_store.connections.get(i).person_id == maya.id for i in shown_ids(app))  # type: ignore[union-attr]
        screen.query_one("#filter-person", Select).clear()
        screen.query_one("#filter-counterpart", Select).clear()
        await pilot.pause()
        screen.query_one(ConnectionList).focus()
        await pilot.press("left_square_bracket")
        title = str(screen.query_one("#week-title", Static).render())
        assert title.startswith("Week of 9\u201315 Nov 2026")
        earlier = shown_ids(app)
        assert earlier and not set(earlier) & set(everything)
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert str(screen.query_one("#week-title", Static).render()).startswith("This week")
        assert shown_ids(app) == everything


async def test_the_dialog_can_be_opened_prefilled_from_elsewhere(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    """The API other areas use, e.g. People's "log a connection with this person"."""
    sam = store.people.add(Person(name="Sam", circle=Circle.FAMILY, created_at=_AT))
    goal_id, step_id = "a" * 32, "b" * 32
    results: list[Saved | None] = []
    app = make_test_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(
            LogEntryDialog(
                prefill=Prefill(
                    person_id=sam.id,
                    counterpart=Counterpart.FAMILY,
                    what="Called Sam",
                    goal_id=goal_id,
                    step_id=step_id,
                    depth=3,
                )
            ),
            results.append,
        )
        await pilot.pause()
        assert app.screen.query_one("#person", Input).value == "Sam"
        assert app.screen.query_one("#depth", ScalePicker).value == 3
        app.screen.query_one("#comfort").focus()
        await pilot.press("4", "ctrl+s")
        await pilot.pause()
    (saved,) = results
    assert saved is not None and saved.new_person is None
    stored = store.connections.get(saved.connection.id)
    assert stored is not None
    assert (stored.person_id, stored.goal_id, stored.step_id) == (sam.id, goal_id, step_id)
    assert (stored.what, stored.counterpart, stored.depth, stored.comfort) == (
        "Called Sam",
        "family",
        3,
        4,
    )


async def test_ideas_and_people_pick_lists(store: Store, make_test_app: Callable[..., Any]) -> None:
    store.people.add(Person(name="Aunt Rosa", circle=Circle.FAMILY, created_at=_AT))
    app = make_test_app(store, start_area="log")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a", "f2")
        await pilot.press(*"door", "enter")
        assert app.screen.query_one("#what", Input).value == "Held the door for someone"
        app.screen.query_one("#person").focus()
        await pilot.press("f2", "down", "enter")
        assert app.screen.query_one("#person", Input).value == "Aunt Rosa"
        assert app.screen.query_one("#counterpart", Select).value == "family"


async def test_the_app_and_the_shell_write_together_and_nothing_is_lost(
    store: Store, data_dir: Path, make_test_app: Callable[..., Any]
) -> None:
    """`reconnect log` runs repeatedly in another process while the form saves too."""
    shell_runs, app_saves = 12, 5
    script = (
        "from reconnect.cli.main import main\n"
        f"for i in range({shell_runs}):\n"
        f"    code = main(['--data-dir', {str(data_dir)!r}, 'log', f'shell {{i}}',\n"
        "                 '--counterpart', 'friend', '--depth', '2', '--comfort', '3',\n"
        f"                 '--at', f'{PINNED_TODAY.isoformat()}T09:{{i:02d}}'])\n"
        "    assert code == 0\n"
    )
    # The shell logs on the pinned day, so both land in the week on screen whatever
    # the real date (no flake at a week boundary).
    app = make_test_app(store, start_area="log")
    async with app.run_test(size=(80, 24)) as pilot:
        child = await asyncio.create_subprocess_exec(
            sys.executable, "-c", script, stdout=asyncio.subprocess.PIPE
        )
        for n in range(app_saves):
            await pilot.press("a")
            await fill(pilot, f"app {n}", "stranger", 1, 2)
            await pilot.press("ctrl+s")
            app.check_for_outside_changes()
            saved = f"app {n}"
            await wait_for(pilot, lambda w=saved: any(c.what == w for c in store.connections.all()))
        out, _ = await child.communicate()
        assert child.returncode == 0
        app.check_for_outside_changes()
        await pilot.pause()
        expected = {f"shell {i}" for i in range(shell_runs)} | {
            f"app {n}" for n in range(app_saves)
        }
        on_disk = Store.open(data_dir).connections.all()
        assert sorted(c.what for c in on_disk) == sorted(expected)
        assert {store.connections.get(i).what for i in shown_ids(app)} == expected  # type: ignore[union-attr]
        assert out.decode().count("Saved ") == shell_runs


_AT = datetime(2026, 11, 1, 9, tzinfo=UTC)


async def test_picking_one_of_two_people_with_the_same_name_links_that_one(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    store.people.add(Person(name="Maria", circle=Circle.NEIGHBOUR, created_at=_AT))
    friend = store.people.add(Person(name="Maria", circle=Circle.FRIEND, created_at=_AT))
    app = make_test_app(store, start_area="log")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a", *"Coffee")
        app.screen.query_one("#person").focus()
        await pilot.press("f2", *"friend", "down", "enter")
        assert "friend" in str(app.screen.query_one("#person-message").render())
        app.screen.query_one("#depth", ScalePicker).value = 3
        app.screen.query_one("#comfort", ScalePicker).value = 4
        await pilot.press("ctrl+s")
        await pilot.pause()
    [saved] = store.connections.all()
    assert saved.person_id == friend.id


async def test_a_save_the_disk_refuses_keeps_the_form_and_its_words(
    store: Store, make_test_app: Callable[..., Any], monkeypatch: Any
) -> None:
    import errno
    import os

    app = make_test_app(store, start_area="log")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        await fill(pilot, "Coffee with Sam", "friend", 3, 4)

        def full_disk(*args: object, **kwargs: object) -> None:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr(os, "replace", full_disk)  # a whole write

        monkeypatch.setattr(os, "fsync", full_disk)  # a journal line
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LogEntryDialog)  # still open, words kept
        assert app.screen.query_one("#what", Input).value == "Coffee with Sam"
        monkeypatch.undo()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [c.what for c in store.connections.all()] == ["Coffee with Sam"]


async def test_myself_and_support_are_one_digit_each_and_optional(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(store, start_area="log")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a", *"A lift to the clinic", "tab", "5", "4", "4")
        # The third digit (could I be myself?) moved focus on to With.
        assert app.focused is not None and app.focused.id == "counterpart"
        screen = app.screen
        await pilot.press("enter", *"neighbour", "enter")
        screen.query_one("#support").focus()
        await pilot.press("1", "2")  # gave, and (focus moved on) practical
        screen.query_one("#support").focus()
        await pilot.press("2")  # no: received
        await pilot.press("ctrl+s")
        await pilot.pause()
        (saved,) = store.connections.all()
        assert (saved.authenticity, saved.support, saved.support_kind) == (
            4,
            "received",
            "practical",
        )
        assert "received practical support" in str(
            app.screen.query_one(ConnectionList).get_option_at_index(1).prompt
        )


async def test_a_kind_without_a_direction_is_marked_and_clearing_leaves_a_gap(
    demo_store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(demo_store, start_area="log")
    async with app.run_test(size=(80, 24)) as pilot:
        first = shown_ids(app)[0]
        original = demo_store.connections.get(first)
        assert original is not None and original.authenticity is not None
        await pilot.press("e")
        screen = app.screen
        screen.query_one("#support-kind").focus()
        await pilot.press("3", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LogEntryDialog)  # not saved
        assert "which way the support went" in message(app, "support-error")
        assert app.focused is screen.query_one("#support")
        screen.query_one("#support-kind").focus()
        await pilot.press("backspace")  # clears the kind
        screen.query_one("#authenticity").focus()
        await pilot.press("delete")  # and "could I be myself?": not asked this time
        assert message(app, "support-error") == ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        edited = demo_store.connections.get(first)
        assert edited is not None
        assert (edited.authenticity, edited.support_kind) == (None, None)
        assert edited.depth == original.depth


async def test_words_given_ahead_are_kept_and_digits_rate_the_moment(
    demo_store: Store, make_test_app: Callable[..., Any]
) -> None:
    """A visit opens with its words filled in: the first keys rate it, never replace
    the words; an edit opens with the cursor after the words, nothing selected."""
    results: list[Saved | None] = []
    app = make_test_app(demo_store, start_area="log")
    async with app.run_test(size=(80, 24)) as pilot:
        prefill = Prefill(what="Went to the peer circle", counterpart=Counterpart.GROUP)
        app.push_screen(LogEntryDialog(prefill=prefill), results.append)
        await pilot.pause()
        await pilot.press("2", "4", "ctrl+s")
        await pilot.pause()
        (saved,) = results
        assert saved is not None
        assert (saved.connection.what, saved.connection.depth, saved.connection.comfort) == (
            "Went to the peer circle",
            2,
            4,
        )
        # e edits the moment under the cursor, wherever the demo's day put it.
        highlighted = app.screen.query_one(ConnectionList).highlighted_id
        original = demo_store.connections.get(highlighted)
        assert original is not None
        await pilot.press("e", "!")
        assert app.screen.query_one("#what", Input).value == f"{original.what}!"


async def test_a_rating_typed_one_field_too_far_is_not_a_new_person(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    """3, tab, 4, tab, 5: each digit already moved on, so the 5 reaches Person."""
    app = make_test_app(store, start_area="log")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a", *"Coffee", "tab", "3")
        app.screen.query_one("#person").focus()
        await pilot.press("5", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LogEntryDialog)
        assert "a name, not a number" in message(app, "person-message")
        assert store.people.count() == 0 and store.connections.count() == 0


async def test_an_empty_earlier_week_names_the_keys_to_page(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(store, start_area="log")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert "That's fine: press [ or ] to see other weeks." in message(app, "empty")


async def test_the_channel_follows_the_words_until_one_is_picked(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    """'Texted Ana' makes it a text; words without a channel go back to in person; a
    channel the person picks stays, whatever they type after."""
    app = make_test_app(store, start_area="log")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a", *"Texted Ana")
        channel = app.screen.query_one("#channel", Select)
        assert channel.value == "text"
        await pilot.press(*["backspace"] * 10, *"Lunch")
        assert channel.value == "in_person"
        channel.value = "video"
        await pilot.press(*" then texted")
        assert channel.value == "video"


async def test_words_given_ahead_set_the_channel_and_an_edit_keeps_its_own(
    demo_store: Store, make_test_app: Callable[..., Any]
) -> None:
    """A step marked done ("Send Ana a two-line text") opens as a text, not in person;
    editing a saved moment never changes its channel by its words."""
    app = make_test_app(demo_store, start_area="log")
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(LogEntryDialog(prefill=Prefill(what="Send Ana a two-line text")))
        await pilot.pause()
        assert app.screen.query_one("#channel", Select).value == "text"
        await pilot.press("escape")
        await pilot.pause()
        highlighted = app.screen.query_one(ConnectionList).highlighted_id
        moment = demo_store.connections.get(highlighted)
        assert moment is not None
        other = " and called" if moment.channel != "phone" else " and texted"
        await pilot.press("e", *other)
        assert app.screen.query_one("#channel", Select).value == moment.channel
