"""Snapshots of the dialogs at 80×24, each opened with the keys a person would press and
filled in the way a person would, on the demo data with a pinned day."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot

from reconnect.store.store import Store
from screens.dialogs.choice_menu import ChoiceMenu
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.date_prompt import DatePrompt
from screens.dialogs.export_form import ExportForm
from screens.dialogs.goal_form import GoalForm
from screens.dialogs.homework_review import HomeworkReview
from screens.dialogs.import_form import ImportForm
from screens.dialogs.log_picker import PickDialog
from screens.dialogs.person_form import PersonForm
from screens.dialogs.step_form import StepForm
from screens.dialogs.transfer import TransferScreen
from tests.conftest import steady_cursors, wait_for

SIZE = (80, 24)

PLAN = (
    'assigned_by = "Dr. Lee"\nassigned_on = 2026-11-18\n\n[[goals]]\n'
    'title = "Say good morning at the bus stop"\ndue_on = 2026-11-28\n\n'
    '[[goals.steps]]\ntitle = "Nod and smile"\ndifficulty = 1\npredicted_discomfort = 3\n\n'
    '[[goals.steps]]\ntitle = "Say good morning"\ndifficulty = 3\npredicted_discomfort = 5\n'
)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder of the test's own: `~` in a typed path, and where exports go."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    return folder


async def on_screen(pilot: Pilot, kind: type) -> None:
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, kind), kind.__name__)


async def run_command(pilot: Pilot, words: str, title: str) -> None:
    """ctrl+p, type, and run the best match (which must be `title`)."""
    await pilot.press("ctrl+p")
    await on_screen(pilot, CommandPalette)
    await pilot.press(*words)
    hits = pilot.app.screen.query_one(CommandList)

    def found() -> bool:
        return bool(hits.option_count) and str(hits.get_option_at_index(0).hit.text) == title  # type: ignore[attr-defined]

    await wait_for(pilot, found, f"{title!r} as the best match for {words!r}")
    await pilot.press("down", "enter")


def test_goal_form(snap_compare: Any, demo_store: Store, make_test_app: Callable) -> None:
    async def new_goal(pilot: Pilot) -> None:
        await pilot.press("n")
        await on_screen(pilot, GoalForm)
        await pilot.press(*"Ask Priya to go climbing", "tab")
        await pilot.press(*"We get on at work; I'd like a friend outside it too.")
        await pilot.press("tab", "tab", "enter", *["down"] * 7, "enter")  # Person: Priya
        await pilot.press("tab", "1")  # once a week
        await steady_cursors(pilot)

    app = make_test_app(demo_store, start_area="goals")
    assert snap_compare(app, terminal_size=SIZE, run_before=new_goal)


def test_step_form(snap_compare: Any, demo_store: Store, make_test_app: Callable) -> None:
    async def add_step(pilot: Pilot) -> None:
        await pilot.press("enter", "a")  # the book club's ladder, a new step
        await on_screen(pilot, StepForm)
        await pilot.press(*"Ask someone what they are reading")  # typing starts in Step
        await pilot.press("tab", "5", "7", *"+12")  # a digit chooses and moves on
        await steady_cursors(pilot)

    app = make_test_app(demo_store, start_area="goals")
    assert snap_compare(app, terminal_size=SIZE, run_before=add_step)


def test_person_form(snap_compare: Any, demo_store: Store, make_test_app: Callable) -> None:
    async def new_person(pilot: Pilot) -> None:
        await pilot.press("n")
        await on_screen(pilot, PersonForm)
        await pilot.press(*"Noor", "tab", "enter", "down", "enter")  # a neighbour
        await pilot.press("tab", *"21", "tab", *"Runs the bakery on the corner.")
        await pilot.press("tab", *"Birthday 3 May")  # an important date, read leniently
        await steady_cursors(pilot)

    app = make_test_app(demo_store, start_area="people")
    assert snap_compare(app, terminal_size=SIZE, run_before=new_person)


def test_date_prompt_rest_until(
    snap_compare: Any, demo_store: Store, make_test_app: Callable
) -> None:
    async def rest(pilot: Pilot) -> None:
        await pilot.press("enter", "s")  # the book club: let it rest
        await on_screen(pilot, DatePrompt)
        await steady_cursors(pilot)

    app = make_test_app(demo_store, start_area="goals")
    assert snap_compare(app, terminal_size=SIZE, run_before=rest)


def test_date_prompt_earlier_day(
    snap_compare: Any, demo_store: Store, make_test_app: Callable
) -> None:
    async def earlier_day(pilot: Pilot) -> None:
        await pilot.press("b")  # Log for an earlier day: the day typed is to come
        await on_screen(pilot, DatePrompt)
        await pilot.press(*"tomorrow", "ctrl+s")  # the error once, with words that fit
        await steady_cursors(pilot)

    app = make_test_app(demo_store, start_area="log")
    assert snap_compare(app, terminal_size=SIZE, run_before=earlier_day)


def test_homework_review(snap_compare: Any, demo_store: Store, make_test_app: Callable) -> None:
    async def review(pilot: Pilot) -> None:
        await pilot.press("enter", "x")  # the book club's More menu
        await pilot.press("enter")  # Homework: how it went
        await on_screen(pilot, HomeworkReview)
        await pilot.press("enter", "down", "down", "enter")  # partly
        await pilot.press("tab", *"I went once, and left at the break.")
        await steady_cursors(pilot)

    app = make_test_app(demo_store, start_area="goals")
    assert snap_compare(app, terminal_size=SIZE, run_before=review)


def test_export_form(
    snap_compare: Any, demo_store: Store, make_test_app: Callable, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Shown, never written to: the same home on every machine.
    monkeypatch.setenv("HOME", "/home/sam")

    async def export(pilot: Pilot) -> None:
        await pilot.press("ctrl+e")
        await on_screen(pilot, ExportForm)
        await steady_cursors(pilot)

    app = make_test_app(demo_store, start_area="review")
    assert snap_compare(app, terminal_size=SIZE, run_before=export)


def test_export_finished(
    snap_compare: Any,
    demo_store: Store,
    make_test_app: Callable,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A name without a folder lands in the working folder: the picture names no tmp path.
    monkeypatch.chdir(tmp_path)

    async def export(pilot: Pilot) -> None:
        # From Today, where no action of the screen also matches "export".
        await run_command(pilot, "export", "Export a session report or your data")
        await on_screen(pilot, ExportForm)
        form = pilot.app.screen
        form.query_one("#path").focus()
        await pilot.press("ctrl+u", *"report.html", "ctrl+s")
        await on_screen(pilot, TransferScreen)
        await steady_cursors(pilot)
        assert (tmp_path / "report.html").is_file()

    app = make_test_app(demo_store)
    assert snap_compare(app, terminal_size=SIZE, run_before=export)


def test_import_form(
    snap_compare: Any, demo_store: Store, make_test_app: Callable, home: Path
) -> None:
    async def import_a_file(pilot: Pilot) -> None:
        await run_command(pilot, "import", "Import a file")
        await on_screen(pilot, ImportForm)
        await pilot.press(*"~/reconnect-backup.json")  # not there: a typo, say
        await steady_cursors(pilot)

    app = make_test_app(demo_store)
    assert snap_compare(app, terminal_size=SIZE, run_before=import_a_file)


def test_import_plan_form(
    snap_compare: Any, demo_store: Store, make_test_app: Callable, home: Path
) -> None:
    (home / "plan.toml").write_text(PLAN)

    async def import_plan(pilot: Pilot) -> None:
        await pilot.press("i")
        await on_screen(pilot, ImportForm)
        await pilot.press(*"~/plan.toml")
        await steady_cursors(pilot)

    app = make_test_app(demo_store, start_area="goals")
    assert snap_compare(app, terminal_size=SIZE, run_before=import_plan)


def test_import_plan_finished(
    snap_compare: Any, demo_store: Store, make_test_app: Callable, home: Path
) -> None:
    (home / "plan.toml").write_text(PLAN)

    async def import_plan(pilot: Pilot) -> None:
        await pilot.press("i")
        await on_screen(pilot, ImportForm)
        await pilot.press(*"~/plan.toml", "ctrl+s")
        await on_screen(pilot, TransferScreen)
        await steady_cursors(pilot)

    app = make_test_app(demo_store, start_area="goals")
    assert snap_compare(app, terminal_size=SIZE, run_before=import_plan)


def test_confirm_delete_in_log(
    snap_compare: Any, demo_store: Store, make_test_app: Callable
) -> None:
    async def delete(pilot: Pilot) -> None:
        await pilot.press("d")  # the newest moment, highlighted on arrival
        await on_screen(pilot, ConfirmDialog)
        await steady_cursors(pilot)

    app = make_test_app(demo_store, start_area="log")
    assert snap_compare(app, terminal_size=SIZE, run_before=delete)


def test_pick_list_of_ideas(snap_compare: Any, demo_store: Store, make_test_app: Callable) -> None:
    async def pick(pilot: Pilot) -> None:
        await pilot.press("a", "f2")  # in What: the micro-connection ideas
        await on_screen(pilot, PickDialog)
        await pilot.press(*"the")
        await steady_cursors(pilot)

    app = make_test_app(demo_store, start_area="log")
    assert snap_compare(app, terminal_size=SIZE, run_before=pick)


def test_pick_list_of_people(snap_compare: Any, demo_store: Store, make_test_app: Callable) -> None:
    async def pick(pilot: Pilot) -> None:
        await pilot.press("a", *"Walked the dog together")
        pilot.app.screen.query_one("#person").focus()
        await pilot.press("f2")  # in Who: the people
        await on_screen(pilot, PickDialog)
        await pilot.press("down")
        await steady_cursors(pilot)

    app = make_test_app(demo_store, start_area="log")
    assert snap_compare(app, terminal_size=SIZE, run_before=pick)


def test_choice_menu_of_a_goal(
    snap_compare: Any, demo_store: Store, make_test_app: Callable
) -> None:
    async def more(pilot: Pilot) -> None:
        await pilot.press("enter", "x")  # the book club's More menu
        await on_screen(pilot, ChoiceMenu)
        await steady_cursors(pilot)

    app = make_test_app(demo_store, start_area="goals")
    assert snap_compare(app, terminal_size=SIZE, run_before=more)


def test_choice_menu_of_a_step(
    snap_compare: Any, demo_store: Store, make_test_app: Callable
) -> None:
    async def step_menu(pilot: Pilot) -> None:
        await pilot.press("enter")  # the book club, its next step under the cursor
        pilot.app.screen.query_one("#ladder").focus()
        await pilot.press("enter")
        await on_screen(pilot, ChoiceMenu)
        await steady_cursors(pilot)

    app = make_test_app(demo_store, start_area="goals")
    assert snap_compare(app, terminal_size=SIZE, run_before=step_menu)


def test_step_form_asks_for_its_scales(
    snap_compare: Any, demo_store: Store, make_test_app: Callable
) -> None:
    async def unrated(pilot: Pilot) -> None:
        await pilot.press("enter", "a")
        await on_screen(pilot, StepForm)
        pilot.app.screen.query_one("#title").focus()
        await pilot.press(*"Ask about the next book", "tab", "1", "ctrl+s")
        await steady_cursors(pilot)

    app = make_test_app(demo_store, start_area="goals")
    assert snap_compare(app, terminal_size=SIZE, run_before=unrated)
