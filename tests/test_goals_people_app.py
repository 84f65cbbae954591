"""Pilot tests of Goals and People: make a goal with steps, finish a step and log its
connection in one move, rest a goal, import a plan, log with someone, archive, delete."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, Input, OptionList, Static

from reconnect.records.models import GoalStatus, now_local
from reconnect.store.store import Store
from screens.areas.goal_detail import GoalScreen
from screens.areas.goals import GoalsScreen
from screens.areas.people import PeopleScreen
from screens.dialogs.choice_menu import ChoiceMenu
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.step_done import StepDoneForm
from screens.dialogs.transfer import TransferScreen
from widgets.scale_picker import ScalePicker

PLAN = """
assigned_by = "Dr. Lee"
assigned_on = 2026-11-18
[[goals]]
title = "Say hi at the café"
[[goals.steps]]
title = "Order and say thanks"
predicted_discomfort = {discomfort}
"""


def _book_club(store: Store) -> Any:
    return next(g for g in store.goals.all() if g.title == "Go to the Thursday book club")


async def _fill(pilot: Any, values: dict[str, str]) -> None:
    for field_id, value in values.items():
        pilot.app.screen.query_one(f"#{field_id}", Input).value = value
    await pilot.pause()


async def test_create_a_goal_with_steps(store: Store, make_test_app: Callable[..., Any]) -> None:
    app = make_test_app(store, start_area="goals")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, GoalsScreen)
        await pilot.press("n")
        await pilot.press(*"Text Maya every week")
        await _fill(pilot, {"weekly-target": "1"})
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, GoalScreen)
        for title, difficulty, predicted in (
            ("Suggest a walk", 4, 7),
            ("Reply to her", 1, 4),
        ):
            await pilot.press("a")
            await _fill(pilot, {"title": title})
            app.screen.query_one("#difficulty", ScalePicker).value = difficulty
            app.screen.query_one("#predicted", ScalePicker).value = predicted
            await pilot.press("ctrl+s")
            await pilot.pause()
        (goal,) = store.goals.all()
        assert goal.title == "Text Maya every week" and goal.weekly_target == 1
        # Easiest first, whatever order they were added in.
        assert [(s.title, s.difficulty, s.predicted_discomfort) for s in goal.steps] == [
            ("Reply to her", 1, 4),
            ("Suggest a walk", 4, 7),
        ]
        # Moving a step up the ladder keeps it easiest first.
        await pilot.press("down", "shift+up")
        await pilot.pause()
        goal = store.goals.get(goal.id)
        assert [s.title for s in goal.steps] == ["Suggest a walk", "Reply to her"]
        assert [s.difficulty for s in goal.steps] == [1, 1]


async def test_a_form_refuses_what_the_model_refuses(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(store, start_area="goals")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await _fill(pilot, {"title": "Walk", "weekly-target": "99"})
        error = app.screen.query_one("#weekly-target-error", Static)
        assert error.display and "must be 50 or less" in str(error.render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.goals.count() == 0  # nothing half-valid is saved
        await _fill(pilot, {"weekly-target": "2"})
        assert not error.display
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.goals.count() == 1


async def test_complete_a_step_and_log_its_connection(
    demo_store: Store, make_test_app: Callable[..., Any]
) -> None:
    club = _book_club(demo_store)
    step = club.next_step()
    before = demo_store.connections.count()
    app = make_test_app(demo_store, start_area="goals")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # homework due soonest is first: the book club
        await pilot.pause()
        assert isinstance(app.screen, GoalScreen) and app.screen.goal_id == club.id
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, StepDoneForm)
        app.screen.query_one("#actual", ScalePicker).value = 3
        await _fill(pilot, {"step-note": "They nodded!"})
        await pilot.press("ctrl+s")  # how deep and how it felt are the user's to say
        await pilot.pause()
        assert isinstance(app.screen, StepDoneForm)
        scale_error = str(app.screen.query_one("#scale-error", Static).render())
        assert "choose depth and comfort" in scale_error
        app.screen.query_one("#depth", ScalePicker).value = 3
        app.screen.query_one("#comfort", ScalePicker).value = 4
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, GoalScreen)
        discomfort = str(app.screen.query_one("#discomfort", Static).render())
        assert "Over 3 done steps" in discomfort and "fear was bigger" in discomfort
        said = [(n.title, n.message) for n in app._notifications]
        # Title and message are read one after the other: each a sentence of its own.
        assert said[-1] == (
            "Step done and the connection logged.",
            f"You expected {step.predicted_discomfort}/10; it felt 3/10.",
        )
    done = next(s for s in demo_store.goals.get(club.id).steps if s.id == step.id)
    assert done.done and done.actual_discomfort == 3 and done.note == "They nodded!"
    assert demo_store.connections.count() == before + 1
    logged = [c for c in demo_store.connections.all() if c.step_id == step.id]
    assert len(logged) == 1 and logged[0].goal_id == club.id
    assert logged[0].what == step.title and logged[0].counterpart.value == "group"


async def test_rest_a_goal_and_resume(demo_store: Store, make_test_app: Callable[..., Any]) -> None:
    club = _book_club(demo_store)
    app = make_test_app(demo_store, start_area="goals")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "s")
        await pilot.pause()
        await _fill(pilot, {"day": "+14"})
        await pilot.press("ctrl+s")
        await pilot.pause()
        rested = demo_store.goals.get(club.id)
        assert rested.status is GoalStatus.PAUSED and len(rested.pauses) == 1
        await pilot.press("s")
        await pilot.pause()
        assert demo_store.goals.get(club.id).status is GoalStatus.ACTIVE


async def _import_with_i(pilot: Any, path: Path) -> str:
    """Goals' `i`: the app's one import flow; the words it ends with."""
    await pilot.press("i")
    await _fill(pilot, {"path": str(path)})
    await pilot.press("ctrl+s")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(pilot.app.screen, TransferScreen)
    return str(pilot.app.screen.query_one("#result", Static).render())


async def test_import_a_plan_from_the_app_and_a_refused_one(
    store: Store, tmp_path: Path, make_test_app: Callable[..., Any]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(PLAN.format(discomfort=12))
    good = tmp_path / "plan.toml"
    good.write_text(PLAN.format(discomfort=6))
    app = make_test_app(store, start_area="goals")
    async with app.run_test(size=(80, 24)) as pilot:
        text = await _import_with_i(pilot, bad)
        assert "Nothing was saved" in text and "predicted_discomfort" in text
        assert "ctrl+o in the import form" in text
        assert store.goals.count() == 0
        await pilot.press("escape")
        text = await _import_with_i(pilot, good)
        assert "Imported 1 goal from plan.toml" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, GoalsScreen)
        assert app.screen.query_one(DataTable).row_count == 1  # shown at once
        assert [g.title for g in store.goals.all()] == ["Say hi at the café"]


async def test_log_with_a_drifting_person_and_make_them_a_goal(
    demo_store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(demo_store, start_area="people")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PeopleScreen)
        drifting = app.screen.query_one("#drifting-table", DataTable)
        assert drifting.row_count == 2
        drifting.focus()
        await pilot.pause()
        alex = app.screen.selected()
        assert alex is not None and alex.name == "Alex"
        await pilot.press("c")  # the Log's own form, with Alex filled in
        await pilot.pause()
        # Words, tab, two digits (each chooses and moves on), ctrl+s.
        await pilot.press(*"Sent a short note", "tab", "2", "3", "ctrl+s")
        await pilot.pause()
        assert drifting.row_count == 1  # Alex is no longer losing touch
        await pilot.press("m")
        await pilot.pause()
        assert app.screen.query_one("#title", Input).value.startswith("Reach out to")
        await pilot.press("ctrl+s")
        await pilot.pause()
    logged = [c for c in demo_store.connections.all() if c.what == "Sent a short note"]
    assert len(logged) == 1 and logged[0].person_id == alex.id
    assert (logged[0].depth, logged[0].comfort) == (2, 3)
    goal = next(g for g in demo_store.goals.all() if g.title == "Reach out to Aunt Rosa")
    assert goal.kind.value == "reach_out"


async def test_archive_then_delete_a_person_keeps_their_log(
    demo_store: Store, make_test_app: Callable[..., Any]
) -> None:
    sam = next(p for p in demo_store.people.all() if p.name == "Sam")
    logged = sum(1 for c in demo_store.connections.all() if c.person_id == sam.id)
    assert logged
    app = make_test_app(demo_store, start_area="people")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        everyone = app.screen.query_one("#people-table", DataTable)
        everyone.focus()
        everyone.move_cursor(row=app.screen._order["people-table"].index(sam.id))
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert demo_store.people.get(sam.id).archived
        assert sam.id not in app.screen._order["people-table"]
        await pilot.press("v")
        await pilot.pause()
        everyone.move_cursor(row=app.screen._order["people-table"].index(sam.id))
        await pilot.press("d")  # as in the Log (del works too)
        await pilot.pause()
        assert isinstance(app.screen, ChoiceMenu)
        text = str(app.screen.query_one("#menu-text", Static).render())
        assert f"the {logged} connections you logged with them stay" in text.lower()
        assert app.screen.query_one(OptionList).highlighted_option.id == "keep"
        await pilot.press("end", "enter")  # the last choice: delete
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert demo_store.people.get(sam.id) is None
    assert not any(c.person_id == sam.id for c in demo_store.connections.all())
    assert demo_store.connections.count() >= logged


async def test_plan_a_step_review_homework_and_finish(
    demo_store: Store, make_test_app: Callable[..., Any]
) -> None:
    from textual.widgets import Select, TextArea

    club = _book_club(demo_store)
    app = make_test_app(demo_store, start_area="goals")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "d")  # the next step is selected: plan it
        await _fill(pilot, {"day": "tomorrow"})
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceMenu)
        await pilot.press("enter")  # first choice: homework, how it went
        await pilot.pause()
        app.screen.query_one("#outcome", Select).value = "partly"
        app.screen.query_one("#obstacles", TextArea).text = "A long week at work."
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("x", "down", "enter")  # mark the goal done
        await pilot.pause()
    goal = demo_store.goals.get(club.id)
    assert (
        goal.steps[2].planned_on is not None
        and goal.steps[2].planned_on.isoformat() == "2026-11-22"
    )
    assert goal.homework.outcome.value == "partly"
    assert goal.homework.obstacles == "A long week at work."
    assert goal.status is GoalStatus.DONE


async def test_delete_a_goal_explains_and_keeps_its_log(
    demo_store: Store, make_test_app: Callable[..., Any]
) -> None:
    club = _book_club(demo_store)
    before = demo_store.connections.count()
    app = make_test_app(demo_store, start_area="goals")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "x", "end", "enter")  # More, then the last choice: delete
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "Letting it go" in str(app.screen.query_one("#confirm-note", Static).render())
        await pilot.press("enter")  # the safe choice has focus: the goal stays
        await pilot.pause()
        assert demo_store.goals.get(club.id) is not None
        await pilot.press("x", "end", "enter", "y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, GoalsScreen)
    assert demo_store.goals.get(club.id) is None
    assert demo_store.connections.count() == before


async def test_a_new_goal_is_explained_as_just_started(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    from datetime import UTC, datetime

    from reconnect.records.models import Connection, Goal

    goal = store.goals.add(
        Goal(created_at=datetime(2026, 11, 2, 9, tzinfo=UTC), title="Text Sam", weekly_target=1)
    )
    store.connections.add(
        Connection(
            at=datetime(2026, 11, 10, 9, tzinfo=UTC),
            what="Texted Sam",
            counterpart="friend",
            depth=2,
            comfort=3,
            goal_id=goal.id,
        )
    )
    app = make_test_app(store, start_area="goals")
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(GoalScreen(goal.id))
        await pilot.pause()
        rhythm = str(app.screen.query_one("#goal-rhythm", Static).render())
        assert "Just started" in rhythm
        # Habit strength, not a share of weeks: "Aim met … 16% ✓" read as a fail.
        assert rhythm.startswith("Steadiness, built week by week: ")
        assert "four good weeks make 50%" in rhythm.replace("\n", " ")


async def test_a_step_is_not_rated_for_the_user(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(store, start_area="goals")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", *"Say hello")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert form.query_one("#difficulty", ScalePicker).value is None
        assert form.query_one("#predicted", ScalePicker).value is None
        form.query_one("#title", Input).focus()
        await pilot.press(*"Nod to a neighbour", "ctrl+s")
        await pilot.pause()
        for field in ("difficulty", "predicted"):
            error = form.query_one(f"#{field}-error", Static)
            assert error.display and "choose" in str(error.render())
        assert app.screen is form and app.focused is form.query_one("#difficulty")
        await pilot.press("2", "1", "0", "ctrl+s")  # two digits, the second 10
        await pilot.pause()
        (goal,) = store.goals.all()
        assert [(s.difficulty, s.predicted_discomfort) for s in goal.steps] == [(2, 10)]


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_a_long_step_title_is_never_cut(
    store: Store, make_test_app: Callable[..., Any], size: tuple[int, int]
) -> None:
    from reconnect.records.models import Goal, Step
    from widgets.step_ladder import StepLadder

    title = "Ask the neighbour two doors down whether she would like help with her garden"
    goal = store.goals.add(
        Goal(created_at=now_local(), title="Neighbours", steps=[Step(title=title)])
    )
    app = make_test_app(store, start_area="goals")
    async with app.run_test(size=size) as pilot:
        app.push_screen(GoalScreen(goal.id))
        await pilot.pause()
        ladder = app.screen.query_one(StepLadder)
        column = ladder.ordered_columns[ladder.get_column_index("title")]
        # Wide: the title column takes the room; narrow: the row grows to hold it.
        if size[0] >= 120:
            assert column.width >= len(title)
        assert column.width * ladder.ordered_rows[0].height >= len(title)
        assert ladder.virtual_size.width <= ladder.scrollable_content_region.width


async def test_losing_touch_invites_without_counting_days_overdue(
    demo_store: Store, make_test_app: Callable[..., Any]
) -> None:
    """No 'Past it by 60 days' column and no '!' alarm: when and what was hoped for."""
    app = make_test_app(demo_store, start_area="people")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        drifting = app.screen.query_one("#drifting-table", DataTable)
        headings = [str(c.label) for c in drifting.columns.values()]
        assert headings == ["Name", "Last in touch", "You hoped for"]
        assert drifting.get_row_at(0)[1].endswith(" days ago")
        assert drifting.get_row_at(0)[2].startswith("every ")
        everyone = str(app.screen.query_one("#people-heading", Static).content)
        assert "· ~ losing touch ·" in everyone and "!" not in everyone
