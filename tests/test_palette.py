"""ctrl+p finds every area and every action of the screen on show, and runs it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot

from reconnect.store.store import Store
from screens.areas.progress import ProgressScreen
from screens.dialogs.log_entry import LogEntryDialog
from screens.palette import ScreenActions
from tests.conftest import wait_for


async def run_command(pilot: Pilot[Any], words: str, title: str) -> None:
    """Open the palette, type, and run the best match (it must be `title`) with enter."""
    await pilot.press("ctrl+p")
    assert CommandPalette.is_open(pilot.app)
    await pilot.press(*words)
    hits = pilot.app.screen.query_one(CommandList)

    def best_match() -> bool:  # the palette gathers and sorts its hits in the background
        return bool(hits.option_count) and str(hits.get_option_at_index(0).hit.text) == title  # type: ignore[attr-defined]

    await wait_for(pilot, best_match, f"{title!r} as the best match for {words!r}")
    await pilot.press("down", "enter")
    await pilot.pause()


async def titles(screen: Any) -> list[str]:
    return [str(hit.text) async for hit in ScreenActions(screen).discover()]


async def test_an_action_of_the_screen_runs_from_the_palette(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(store, start_area="log")
    async with app.run_test() as pilot:
        await run_command(pilot, "log a moment", "Log: Log a moment")
        assert isinstance(app.screen, LogEntryDialog)


async def test_an_area_opens_from_the_palette(
    demo_store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(demo_store)
    async with app.run_test() as pilot:
        await run_command(pilot, "open progress", "Open Progress")
        assert app.current_mode == "progress"
        await run_command(pilot, "more weeks", "Progress: More weeks")
        assert isinstance(app.screen, ProgressScreen) and app.screen.weeks == 26


async def test_the_palette_lists_what_the_screen_allows_now(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(store, start_area="reflect")
    async with app.run_test() as pilot:
        await pilot.pause()
        listed = await titles(app.screen)
        assert "Reflect: Save" in listed and "Reflect: History" in listed
        assert "Reflect: Undo delete" not in listed  # nothing deleted yet
        await pilot.press("h")
        assert "Reflect: Save" not in await titles(app.screen)  # saving is for Write


async def test_each_action_once_with_its_key(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(store, start_area="log")
    async with app.run_test() as pilot:
        await pilot.pause()
        hits = [hit async for hit in ScreenActions(app.screen).discover()]
        listed = [str(hit.text) for hit in hits]
        assert listed.count("Log: Delete") == 1  # bound to d and delete
        assert "Log: Filter by person, kind or depth" in listed  # not in the footer
        assert not any(t.startswith("Log: Open") for t in listed)  # areas: system commands
        helps = {str(hit.text): hit.help for hit in hits}
        assert helps["Log: Earlier week"] == "key ["


async def test_textuals_own_extras_are_left_out_of_the_palette(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    """One Help, no widget talk, and no screenshot of private words dropped in the
    folder the app was started from; Theme and Quit stay."""
    app = make_test_app(store, start_area="reflect")  # the writing box has focus
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        commands = [c.title for c in app.get_system_commands(app.screen)]
        assert "Help" in commands and "Theme" in commands and "Quit" in commands
        assert not {"Keys", "Maximize", "Screenshot"} & set(commands)
