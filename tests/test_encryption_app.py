"""Encryption in the app: the passphrase asked once at start in a masked field, and a
plain report written only after asking; a backup sealed with the folder's passphrase."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Select, Static

from reconnect.app import Locked
from reconnect.store import encryption
from reconnect.store.folder_key import read_key_file
from reconnect.store.store import Store
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.export_form import ExportForm
from screens.unlock import UnlockScreen
from tests.conftest import wait_for
from tests.encryption_helpers import (
    PASSPHRASE,
    SECRETS,
    cheap_scrypt,  # noqa: F401 (a fixture)
    fill,
)
from tests.test_transfers_app import _wait_done

pytestmark = pytest.mark.usefixtures("cheap_scrypt")


def encrypted_folder(data_dir: Path) -> Store:
    store = Store.open(data_dir)
    fill(store)
    encryption.encrypt(data_dir, store.storage, PASSPHRASE)
    return store


async def test_the_app_asks_the_passphrase_first_says_a_wrong_one_and_opens_with_the_right(
    data_dir: Path, make_test_app: Callable[..., Any]
) -> None:
    encrypted_folder(data_dir).close()
    app = make_test_app(None, locked=Locked(data_dir, read_key_file(data_dir)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, UnlockScreen)
        field = app.screen.query_one("#unlock-input", Input)
        assert field.password and field.has_focus
        await pilot.press("l")  # an area key types into the field: nothing opens
        assert isinstance(app.screen, UnlockScreen)
        field.value = "not it"
        await pilot.press("enter")
        status = app.screen.query_one("#unlock-status", Static)
        await wait_for(pilot, lambda: "does not open" in str(status.render()), "the refusal")
        assert field.value == "" and not field.disabled
        await pilot.press(*PASSPHRASE, "enter")
        await wait_for(pilot, lambda: app.current_mode == "today", "Today")
        assert app.store is not None
        assert any(SECRETS[0] in c.what for c in app.store.connections.all())
        await pilot.press("l")
        await wait_for(pilot, lambda: app.current_mode == "log", "the Log")


async def test_quitting_at_the_passphrase_opens_nothing(
    data_dir: Path, make_test_app: Callable[..., Any]
) -> None:
    encrypted_folder(data_dir).close()
    app = make_test_app(None, locked=Locked(data_dir, read_key_file(data_dir)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.store is None


async def test_a_plain_report_from_an_encrypted_folder_is_asked_first(
    data_dir: Path, make_test_app: Callable[..., Any], tmp_path: Path
) -> None:
    store = encrypted_folder(data_dir)
    report = tmp_path / "report.md"
    app = make_test_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        app.action_export()
        await pilot.pause()
        assert isinstance(app.screen, ExportForm)
        app.screen.query_one("#format", Select).value = "md"
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(report)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question")
        await pilot.press("escape")  # don't write it
        await pilot.pause()
        assert not report.exists()
        app.action_export()
        await pilot.pause()
        app.screen.query_one("#format", Select).value = "md"
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(report)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question")
        await pilot.press("y")
        await _wait_done(pilot, app)
    assert report.exists()


async def test_a_backup_from_an_encrypted_folder_is_sealed_without_asking(
    data_dir: Path, make_test_app: Callable[..., Any], tmp_path: Path
) -> None:
    store = encrypted_folder(data_dir)
    backup = tmp_path / "backup.json"
    app = make_test_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        app.action_export()
        await pilot.pause()
        app.screen.query_one("#format", Select).value = "json"
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(backup)
        await pilot.press("ctrl+s")
        message = await _wait_done(pilot, app)
        assert "encrypted" in message
    raw = backup.read_bytes()
    assert not any(word.encode() in raw for word in SECRETS)
    # Imported into the same folder, from the app, it opens with the folder's own key.
    from reconnect.records.models import now_local
    from reconnect.transfer.importers import import_file

    result = import_file(store, backup, now=now_local(), dry_run=True)
    assert "valid backup of 3 records" in result.summary


async def test_settings_say_whether_the_data_is_encrypted(
    data_dir: Path, make_test_app: Callable[..., Any]
) -> None:
    store = encrypted_folder(data_dir)
    app = make_test_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("comma")
        await wait_for(pilot, lambda: bool(app.screen.query("#files")), "Settings")
        files = str(app.screen.query_one("#files", Static).render())
        assert "Encryption  on: `reconnect passphrase`" in files
