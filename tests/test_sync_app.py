"""The app and a synced folder: it notices a conflicted copy or a replaced data file,
merges, shows the records, says so, keeps what is being typed, and shows a version that
lost to another device's change as "also changed on another device"."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from reconnect.records.models import Connection, Reflection
from reconnect.store.store import DATA_FILE_NAME, Store
from screens.dialogs.log_entry import LogEntryDialog
from screens.dialogs.other_versions import OtherVersionsScreen
from screens.dialogs.reflection_view import ReflectionViewScreen
from tests.test_sync_devices import as_device, conflicted
from widgets.connection_list import ConnectionList

AT = datetime(2026, 11, 20, 18, 30, tzinfo=UTC)


@pytest.fixture
def both_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """A moment and a reflection changed on the phone, then on the laptop (which wins);
    the phone's data file as it is after."""
    laptop, phone = tmp_path / "laptop", tmp_path / "phone"
    as_device(monkeypatch, "Laptop")
    store = Store.open(laptop)
    moment = store.connections.add(
        Connection(at=AT, what="coffee with Ana", counterpart="friend", depth=3, comfort=4)
    )
    thought = store.reflections.add(Reflection(at=AT, body="I held back at first."))
    store.close()
    shutil.copytree(laptop, phone)
    as_device(monkeypatch, "Phone")
    other = Store.open(phone)
    other.connections.update(moment.model_copy(update={"what": "coffee and a long walk"}))
    other.reflections.update(thought.model_copy(update={"body": "Written on the phone."}))
    other.connections.add(
        Connection(at=AT, what="met Sam at the bakery", counterpart="stranger", depth=2, comfort=3)
    )
    other.close()
    as_device(monkeypatch, "Laptop")
    store = Store.open(laptop)
    store.connections.update(moment.model_copy(update={"what": "coffee with Ana, then lunch"}))
    store.reflections.update(thought.model_copy(update={"body": "Written on the laptop."}))
    return {"store": store, "laptop": laptop, "phone_file": phone / DATA_FILE_NAME}


def entry_texts(app: Any) -> list[str]:
    entries = app.screen.query_one(ConnectionList)
    return [str(o.prompt) for o in entries.options if not o.disabled]


async def test_the_app_merges_a_conflicted_copy_and_shows_the_other_version(
    both_changed: dict[str, Any], make_test_app: Callable[..., Any]
) -> None:
    store, laptop = both_changed["store"], both_changed["laptop"]
    app = make_test_app(store, start_area="log")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "also changed" not in " ".join(entry_texts(app))
        copy = laptop / conflicted("syncthing", DATA_FILE_NAME)
        shutil.copy2(both_changed["phone_file"], copy)
        app.check_for_outside_changes()  # what the app's timer does
        await pilot.pause()
        assert any("Merged a conflicted copy" in n.message for n in app._notifications)
        assert not copy.exists() and (laptop / "merged" / copy.name).exists()
        line, new = sorted(entry_texts(app), key=lambda t: "bakery" in t)
        assert "met Sam at the bakery" in new  # brought in from the phone, on show
        assert "coffee with Ana, then lunch" in line
        assert "also changed on another device (v)" in line
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, OtherVersionsScreen)
        shown = str(app.screen.query_one("#other-versions").render())
        assert "Changed on Phone" in shown and "coffee and a long walk" in shown
        await pilot.press("escape")
        await pilot.pause()

        app.switch_mode("reflect")
        await pilot.pause()
        await pilot.press("h", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReflectionViewScreen)
        body = str(app.screen.query_one("#view-body").render())
        assert "Written on the laptop." in body
        assert "Also changed on another device" in body and "Written on the phone." in body


async def test_a_data_file_replaced_by_the_sync_tool_is_reloaded_keeping_typed_words(
    both_changed: dict[str, Any], make_test_app: Callable[..., Any]
) -> None:
    store, laptop = both_changed["store"], both_changed["laptop"]
    app = make_test_app(store, start_area="log")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, LogEntryDialog)
        await pilot.press(*"half typed")
        # The sync tool puts the phone's file in place of ours (our journal, naming our
        # file, is now a journal of another copy: its saves are merged).
        incoming = laptop / ".syncthing.reconnect.json.tmp"
        shutil.copy2(both_changed["phone_file"], incoming)
        os.replace(incoming, laptop / DATA_FILE_NAME)
        app.check_for_outside_changes()
        await pilot.pause()
        assert isinstance(app.screen, LogEntryDialog)
        assert app.screen.editor.query_one("#what").value == "half typed"
        moment, new = store.connections.all()
        assert moment.what == "coffee with Ana, then lunch"  # our later change, kept
        assert new.what == "met Sam at the bakery"
        assert store.other_versions("connections", moment.id)


async def test_a_copy_left_alone_is_said_once_not_at_every_look(
    both_changed: dict[str, Any], make_test_app: Callable[..., Any]
) -> None:
    store, laptop = both_changed["store"], both_changed["laptop"]
    app = make_test_app(store, start_area="log")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        (laptop / conflicted("dropbox", DATA_FILE_NAME)).write_bytes(b"{damaged")
        for _ in range(3):
            app.check_for_outside_changes()
            await pilot.pause()
        said = [n for n in app._notifications if "left as it is" in n.message]
        assert len(said) == 1
