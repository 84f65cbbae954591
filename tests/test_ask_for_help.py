"""Asking for help: a goal kind with its own ladder of steps, filled in when the goal is
made and the person's to change; prompts about help not asked for; and the person's
own people and places after a lonely check-in."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.widgets import Button, Input, Select, Static

from reconnect.logic.prompts import prompt_order
from reconnect.logic.starter_steps import rung_levels, starter_steps, step_ideas
from reconnect.records.content import GOAL_KIND_LADDERS, HELP_PROMPTS, PROMPTS, STEP_IDEAS
from reconnect.records.models import Goal, GoalKind, Reflection, Step, now_local
from reconnect.settings import ResourceSetting, Settings
from reconnect.store.store import Store
from screens.areas.goal_detail import GoalScreen
from screens.areas.reflect import ReflectScreen
from screens.dialogs.checkin import CheckInScreen
from screens.dialogs.choice_menu import ChoiceMenu
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.goal_form import GoalForm
from screens.dialogs.step_form import StepForm

ASK_LADDER = GOAL_KIND_LADDERS["ask_for_help"]


def test_each_ladder_starts_easiest_and_rises() -> None:
    for kind_value, titles in GOAL_KIND_LADDERS.items():
        steps = starter_steps(GoalKind(kind_value))
        assert [s.title for s in steps] == list(titles)
        levels = [s.difficulty for s in steps]
        assert levels == sorted(set(levels))  # strictly rising: the order is the ladder's
        assert [s.predicted_discomfort for s in steps] == levels
    assert starter_steps(GoalKind.REACH_OUT) == []
    assert rung_levels(1) == [2]


def test_a_kinds_own_ideas_come_first_then_the_general_ones() -> None:
    ideas = step_ideas(GoalKind.ASK_FOR_HELP)
    assert ideas[: len(ASK_LADDER)] == ASK_LADDER
    assert ideas[len(ASK_LADDER) :] == STEP_IDEAS
    assert step_ideas(None) == step_ideas(GoalKind.SHOW_UP) == STEP_IDEAS


async def test_an_ask_for_help_goal_gets_its_ladder_and_each_step_can_change(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(store, start_area="goals")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        form = app.screen
        assert isinstance(form, GoalForm)
        note = form.query_one("#ladder-note", Static)
        assert not note.display  # "Reach out" has no ladder of its own
        await pilot.press(*"Let people help")
        form.query_one("#kind", Select).value = GoalKind.ASK_FOR_HELP
        await pilot.pause()
        assert note.display and "4 steps filled in" in str(note.render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, GoalScreen)
        (goal,) = store.goals.all()
        assert goal.kind is GoalKind.ASK_FOR_HELP
        assert [s.title for s in goal.steps] == list(ASK_LADDER)
        assert [s.difficulty for s in goal.steps] == [2, 4, 5, 7]

        # Change the first step through the ordinary step form, which offers the
        # kind's own ideas first.
        await pilot.press("enter")
        assert isinstance(app.screen, ChoiceMenu)
        await pilot.press("down", "down", "enter")  # the third choice: change it
        step_form = app.screen
        assert isinstance(step_form, StepForm)
        ideas = step_form.query_one("#idea", Select)
        offered = [value for _, value in ideas._options if isinstance(value, str)]
        assert offered[: len(ASK_LADDER)] == list(ASK_LADDER)
        step_form.query_one("#title", Input).value = "Ask Sam to water the plants"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, GoalScreen)
        assert store.goals.get(goal.id).steps[0].title == "Ask Sam to water the plants"

        # And remove one: the rest keep their order.
        await pilot.press("delete")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert [s.title for s in store.goals.get(goal.id).steps] == list(ASK_LADDER[1:])


async def test_editing_a_goal_never_fills_in_or_replaces_its_steps(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    mine = Step(title="Ask my sister for a lift", difficulty=3, predicted_discomfort=6)
    goal = store.goals.add(Goal(created_at=now_local(), title="Lean on family", steps=[mine]))
    app = make_test_app(store, start_area="goals")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "e")
        form = app.screen
        assert isinstance(form, GoalForm)
        assert not form.query("#ladder-note")
        form.query_one("#kind", Select).value = GoalKind.ASK_FOR_HELP
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = store.goals.get(goal.id)
        assert saved.kind is GoalKind.ASK_FOR_HELP
        assert saved.steps == [mine]


def test_help_prompts_come_early_for_someone_new() -> None:
    fresh = prompt_order([])
    assert all(fresh.index(p) < 10 for p in HELP_PROMPTS)
    assert set(HELP_PROMPTS) <= set(PROMPTS)


async def test_a_help_prompt_reaches_reflect(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    # Two reflections on the first two prompts: the next one offered is about help.
    for prompt in PROMPTS[:2]:
        store.reflections.add(Reflection(at=now_local(), prompt=prompt, body="Some words."))
    app = make_test_app(store, start_area="reflect")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReflectScreen)
        shown = str(app.screen.query_one("#prompt-text", Static).render())
        assert HELP_PROMPTS[0] in shown
        app.screen.query_one("#another-prompt", Button).press()
        await pilot.pause()
        shown = str(app.screen.query_one("#prompt-text", Static).render())
        assert PROMPTS[3] in shown  # it walks on from there


async def test_a_lonely_checkin_ends_with_my_own_people_too(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    own = Settings(resources=[ResourceSetting(name="Dr Ana Ruiz", reach="555 0134")])
    app = make_test_app(store, settings=own)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        assert isinstance(app.screen, CheckInScreen)
        await pilot.press("3", "3", "2")
        await pilot.click("#save")
        await pilot.pause()
        lines = str(app.screen.query_one("#help-lines", Static).render())
        assert "988" in lines
        assert "Your own people and places" in lines and "Dr Ana Ruiz: 555 0134" in lines
        assert lines.index("988") < lines.index("Dr Ana Ruiz")
