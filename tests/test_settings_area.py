"""Settings in the app: crisis lines, first weekday, theme and data folder, each kept in
the settings file with the model's checks; the shell then uses the chosen data folder."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, OptionList, Select, Static

from reconnect.cli.main import main
from reconnect.settings import Settings, load_settings, settings_path
from reconnect.store.store import Store
from screens.areas.settings import SettingsScreen
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.crisis_line_form import CrisisLineForm
from screens.dialogs.help import HelpScreen
from tests.test_palette import run_command


def saved() -> dict[str, Any]:
    return tomllib.loads(settings_path().read_text(encoding="utf-8"))


def line_texts(screen: SettingsScreen) -> list[str]:
    lines = screen.query_one("#crisis-lines", OptionList)
    return [str(lines.get_option_at_index(n).prompt) for n in range(lines.option_count)]


async def test_comma_and_the_palette_open_settings(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("comma")
        assert isinstance(app.screen, SettingsScreen)
        await pilot.press("t")
        await run_command(pilot, "open settings", "Open Settings")
        assert app.current_mode == "settings"


async def test_a_crisis_line_for_my_country_comes_first_and_reaches_help(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(store, start_area="settings")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        assert isinstance(app.screen, CrisisLineForm)
        await pilot.press(*"New Zealand", "tab", *"Call or text 1737")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        assert line_texts(app.screen)[0] == "New Zealand: Call or text 1737"
        assert saved()["crisis_lines"][0] == {
            "region": "New Zealand",
            "text": "Call or text 1737",
        }
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        crisis = str(app.screen.query_one("#crisis", Static).content)
        assert "New Zealand: Call or text 1737" in crisis


async def test_an_empty_line_is_refused_in_the_form(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(store, start_area="settings")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a", *"Somewhere", "ctrl+s")
        assert isinstance(app.screen, CrisisLineForm)  # the line itself is missing
        assert not settings_path().exists()


async def test_removing_a_line_asks_first_with_keep_it_focused(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(store, start_area="settings")
    async with app.run_test(size=(80, 24)) as pilot:
        before = line_texts(app.screen)
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmDialog)
        assert app.screen.focused is not None and app.screen.focused.id == "no"
        await pilot.press("enter")  # the focused, harmless choice
        assert line_texts(app.screen) == before
        await pilot.press("d", "y")
        await pilot.pause()
        assert line_texts(app.screen) == before[1:]
        assert len(saved()["crisis_lines"]) == len(before) - 1
        await pilot.press("ctrl+r", "y")
        await pilot.pause()
        assert line_texts(app.screen) == before


async def test_the_first_weekday_changes_the_weeks_of_every_area(
    demo_store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(demo_store, start_area="log")
    async with app.run_test(size=(80, 24)) as pilot:
        title = app.screen.query_one("#week-title", Static)
        assert "16–22 Nov" in str(title.content)  # 2026-11-21 is a Saturday
        await pilot.press("comma")
        select = app.screen.query_one("#first-day", Select)
        select.value = 6  # Sunday
        await pilot.pause()
        assert app.settings.first_day_of_week == 6
        assert saved()["first_day_of_week"] == 6
        await pilot.press("l")
        await pilot.pause()
        assert "15–21 Nov" in str(app.screen.query_one("#week-title", Static).content)


async def test_the_theme_is_chosen_and_kept(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(store, start_area="settings")
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one("#theme", Select).value = "nord"
        await pilot.pause()
        assert app.theme == "nord"
        assert saved()["theme"] == "nord"
        # Shown as names, kept as Textual's identifiers.
        menu = app.screen.query_one("#theme", Select).query_one(OptionList)
        labels = [str(menu.get_option_at_index(i).prompt) for i in range(menu.option_count)]
        assert "Catppuccin mocha" in labels and "catppuccin-mocha" not in labels


async def test_a_data_folder_is_checked_kept_and_used_by_the_shell(
    store: Store,
    make_test_app: Callable[..., Any],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    chosen = tmp_path / "journal"
    app = make_test_app(store, start_area="settings")
    async with app.run_test(size=(80, 24)) as pilot:
        field = app.screen.query_one("#data-folder", Input)
        for refused in ("notes/reconnect", str(a_file)):
            field.value = refused
            field.focus()
            await pilot.press("enter")
            assert app.settings.data_folder is None
        assert not settings_path().exists()
        field.value = str(chosen)
        await pilot.press("enter")
        assert app.settings.data_folder == str(chosen)
    assert saved()["data_folder"] == str(chosen)

    monkeypatch.delenv("RECONNECT_DATA_DIR")
    assert main(["where"]) == 0
    assert capsys.readouterr().out.strip() == str(chosen / "reconnect.json")
    monkeypatch.setenv("RECONNECT_DATA_DIR", str(tmp_path / "env"))
    assert main(["where"]) == 0  # the environment wins over the setting
    assert capsys.readouterr().out.strip() == str(tmp_path / "env" / "reconnect.json")


def unusable_folders(tmp_path: Path) -> list[tuple[Path, str]]:
    """Folders no data can be kept in, each with the reason said for it: one inside a
    file, and (where there is /proc) one where nothing can be created, root or not."""
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    found = [(a_file, "it is a file, not a folder"), (a_file / "inside", f"{a_file} is a file")]
    if Path("/proc").is_dir():
        found.append((Path("/proc/nope"), "it does not exist, and cannot be created in /proc"))
    return found


async def test_an_unusable_data_folder_is_refused_beside_the_field(
    store: Store, make_test_app: Callable[..., Any], tmp_path: Path
) -> None:
    app = make_test_app(store, start_area="settings")
    async with app.run_test(size=(80, 24)) as pilot:
        field = app.screen.query_one("#data-folder", Input)
        note = app.screen.query_one("#data-folder-note", Static)
        for folder, why in unusable_folders(tmp_path):
            field.value = str(folder)
            field.focus()
            await pilot.press("enter")
            assert str(note.content) == (
                f"Cannot use {folder}: {why}. Check for a typo, or choose another folder."
            )
            assert note.has_class("refused")
            assert field.value == str(folder)  # the typed words stay, to mend
            assert app.settings.data_folder is None
            assert not list(app._notifications)  # said beside the field only
        await pilot.press("backspace")  # typing again: the note says what is in use
        assert not note.has_class("refused") and "In use now" in str(note.content)
    assert not settings_path().exists()
    assert not (Path("/proc/nope")).exists()


@pytest.mark.parametrize(
    ("given_by", "until"),
    [
        ("RECONNECT_DATA_DIR", "RECONNECT_DATA_DIR is not set"),
        ("--data-dir", "--data-dir is not given"),
    ],
)
async def test_a_folder_chosen_while_the_shell_decides_is_kept_for_later(
    store: Store, make_test_app: Callable[..., Any], tmp_path: Path, given_by: str, until: str
) -> None:
    chosen = tmp_path / "journal"
    # RECONNECT_DATA_DIR is set in every test; main() says when --data-dir was given.
    app = make_test_app(store, start_area="settings", data_dir_given_by=given_by)
    async with app.run_test(size=(80, 24)) as pilot:
        field = app.screen.query_one("#data-folder", Input)
        field.focus()
        await pilot.press(*str(chosen))
        note = str(app.screen.query_one("#data-folder-note", Static).content)
        assert f"Enter keeps it for when {until}." in note
        assert "next start" not in note
        await pilot.press("enter")
        (said,) = [n.message for n in app._notifications]
        assert said.startswith(
            f"Kept for when {until}: reconnect then uses {chosen}. "
            f"Until then it uses {store.path.parent}."
        )
        assert "From the next start" not in said
    assert saved()["data_folder"] == str(chosen)


async def test_an_unreadable_settings_file_is_never_overwritten(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text("first_day_of_week = 9\n")
    settings, warning = load_settings()
    assert warning and settings == Settings()
    app = make_test_app(store, start_area="settings", settings=None)
    async with app.run_test(size=(80, 24)) as pilot:
        kept = str(app.screen.query_one("#settings-kept", Static).content)
        assert "not saved" in kept
        app.screen.query_one("#first-day", Select).value = 3
        await pilot.pause()
        assert app.settings.first_day_of_week == 3  # for this session
    assert path.read_text() == "first_day_of_week = 9\n"


async def test_settings_show_where_every_file_is(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(store, start_area="settings")
    async with app.run_test(size=(80, 24)):
        files = str(app.screen.query_one("#files", Static).content)
        assert str(store.path) in files
        assert str(settings_path()) in files
