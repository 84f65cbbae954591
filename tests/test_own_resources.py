"""Your own people and places: kept in Settings, shown in Help under the crisis lines,
carried by a JSON backup and put back by importing it where Settings has none."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import OptionList, Static

from reconnect.cli.main import main
from reconnect.settings import (
    MAX_RESOURCES,
    ResourceSetting,
    Settings,
    load_settings,
    save_settings,
    settings_path,
)
from reconnect.store.store import Store
from reconnect.transfer.backup import OWN_RESOURCES_KEY
from screens.areas.settings import SettingsScreen
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.crisis_line_form import ResourceForm
from screens.dialogs.help import HelpScreen

THERAPIST = ResourceSetting(name="Dr Ana Ruiz", reach="Call 555 0134, weekdays")
GROUP = ResourceSetting(name="Tuesday group", reach="Library, room 2, 7pm")


def help_words(app: Any) -> str:
    return str(app.screen.query_one("#crisis", Static).content)


def keep(*resources: ResourceSetting) -> None:
    save_settings(Settings(resources=list(resources)))


def export_backup(tmp_path: Path) -> dict[str, Any]:
    out = tmp_path / "backup.json"
    assert main(["export", "--format", "json", "-o", str(out)]) == 0
    return json.loads(out.read_text(encoding="utf-8"))


async def test_added_in_settings_shows_in_help_and_survives_a_restart(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(store, start_area="settings")
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one("#resources", OptionList).focus()
        await pilot.press("a")
        assert isinstance(app.screen, ResourceForm)
        await pilot.press(*THERAPIST.name, "tab", *THERAPIST.reach, "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        own = app.screen.query_one("#resources", OptionList)
        assert str(own.get_option_at_index(0).prompt) == "Dr Ana Ruiz: Call 555 0134, weekdays"
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        words = help_words(app)
        # Under the crisis lines, not instead of them.
        assert words.index("Samaritans") < words.index("Your own people and places")
        assert "Dr Ana Ruiz: Call 555 0134, weekdays" in words
    # A restart reads the settings file afresh.
    settings, warning = load_settings()
    assert warning is None and settings.resources == [THERAPIST]
    again = make_test_app(store, settings=settings)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        assert "Dr Ana Ruiz: Call 555 0134, weekdays" in help_words(again)


async def test_change_and_remove_act_on_the_focused_list(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    keep(THERAPIST, GROUP)
    app = make_test_app(store, start_area="settings", settings=load_settings()[0])
    async with app.run_test(size=(80, 24)) as pilot:
        own = app.screen.query_one("#resources", OptionList)
        own.focus()
        own.highlighted = 1
        await pilot.press("e")
        assert isinstance(app.screen, ResourceForm)
        await pilot.press("ctrl+a", "ctrl+k", *"Thursday group", "ctrl+s")
        await pilot.pause()
        assert load_settings()[0].resources[1].name == "Thursday group"
        own.highlighted = 0
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert [r.name for r in load_settings()[0].resources] == ["Thursday group"]
        # The crisis lines were not touched.
        assert load_settings()[0].crisis_lines == Settings().crisis_lines


async def test_a_full_list_says_so_instead_of_opening_the_form(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    keep(*[ResourceSetting(name=f"Friend {n}", reach="call") for n in range(MAX_RESOURCES)])
    app = make_test_app(store, start_area="settings", settings=load_settings()[0])
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one("#resources", OptionList).focus()
        await pilot.press("a")
        assert isinstance(app.screen, SettingsScreen)


def test_settings_refuse_an_empty_name_and_too_many() -> None:
    with pytest.raises(ValueError):
        ResourceSetting(name="", reach="call")
    with pytest.raises(ValueError):
        Settings(resources=[GROUP] * (MAX_RESOURCES + 1))


def test_a_backup_carries_them_and_a_fresh_config_gets_them_back(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    keep(THERAPIST, GROUP)
    document = export_backup(tmp_path)
    assert document[OWN_RESOURCES_KEY] == [r.model_dump() for r in (THERAPIST, GROUP)]
    settings_path().unlink()  # a new machine: no settings yet
    capsys.readouterr()
    assert main(["import", str(tmp_path / "backup.json")]) == 0
    assert "Put your own people and places (2 entries) back" in capsys.readouterr().out
    assert load_settings()[0].resources == [THERAPIST, GROUP]


def test_a_list_already_in_settings_is_kept_and_the_result_says_so(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    keep(THERAPIST)
    export_backup(tmp_path)
    keep(GROUP)
    capsys.readouterr()
    assert main(["import", str(tmp_path / "backup.json")]) == 0
    assert "Settings already has its own list, so that was kept" in capsys.readouterr().out
    assert load_settings()[0].resources == [GROUP]


def test_check_only_says_what_would_happen_and_keeps_settings(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    keep(THERAPIST)
    export_backup(tmp_path)
    settings_path().unlink()
    capsys.readouterr()
    assert main(["import", "--check", str(tmp_path / "backup.json")]) == 0
    assert "Would put your own people and places (1 entry)" in capsys.readouterr().out
    assert not settings_path().exists()


def test_an_older_backup_without_them_still_imports(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = export_backup(tmp_path)
    del document[OWN_RESOURCES_KEY]
    older = tmp_path / "older.json"
    older.write_text(json.dumps(document), encoding="utf-8")
    keep(GROUP)
    assert main(["import", str(older)]) == 0
    assert "people and places" not in capsys.readouterr().out
    assert load_settings()[0].resources == [GROUP]


def test_a_bad_entry_is_refused_and_nothing_is_saved(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = export_backup(tmp_path)
    document[OWN_RESOURCES_KEY] = [{"name": "", "reach": "call"}]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document), encoding="utf-8")
    assert main(["import", str(bad)]) == 2
    assert "own_resources[0]" in capsys.readouterr().err
    assert not settings_path().exists()


async def test_the_app_exports_them_and_an_import_puts_them_back_into_an_empty_list(
    store: Store, make_test_app: Callable[..., Any], tmp_path: Path
) -> None:
    from textual.widgets import Input

    from tests.test_transfers_app import _wait_done

    backup = tmp_path / "from-app.json"
    app = make_test_app(store, settings=Settings(resources=[THERAPIST]))
    async with app.run_test(size=(80, 24)) as pilot:
        app.action_export()
        await pilot.pause()
        app.screen.query_one("#format").value = "json"
        await pilot.pause()  # the format fills in its own file name first
        app.screen.query_one("#path", Input).value = str(backup)
        await pilot.press("ctrl+s")
        await _wait_done(pilot, app)
    assert json.loads(backup.read_text())[OWN_RESOURCES_KEY] == [THERAPIST.model_dump()]

    fresh = make_test_app(store)  # Settings with no list of its own
    async with fresh.run_test(size=(80, 24)) as pilot:
        fresh.action_import()
        await pilot.pause()
        fresh.screen.query_one("#path", Input).value = str(backup)
        await pilot.press("ctrl+s")
        message = await _wait_done(pilot, fresh)
        assert "Put your own people and places (1 entry) back" in message
        assert fresh.settings.resources == [THERAPIST]
    assert load_settings()[0].resources == [THERAPIST]


def test_a_csv_export_has_them_in_a_file_of_their_own(store: Store, tmp_path: Path) -> None:
    keep(THERAPIST, GROUP)
    assert main(["export", "--format", "csv", "-o", str(tmp_path / "csv")]) == 0
    written = (tmp_path / "csv" / "own_resources.csv").read_text(encoding="utf-8")
    assert written.splitlines() == [
        "name,reach",
        'Dr Ana Ruiz,"Call 555 0134, weekdays"',
        'Tuesday group,"Library, room 2, 7pm"',
    ]


def test_a_csv_export_without_them_has_no_empty_file(store: Store, tmp_path: Path) -> None:
    assert main(["export", "--format", "csv", "-o", str(tmp_path / "csv")]) == 0
    assert not (tmp_path / "csv" / "own_resources.csv").exists()
