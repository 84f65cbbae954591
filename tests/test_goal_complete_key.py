"""Goal detail's `c` does what the footer and the help say: the highlighted step is
marked done, whichever it is; a step done already is left alone, with a word why."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from reconnect.records.models import Goal, Step
from reconnect.store.store import Store
from screens.areas.goal_detail import GoalScreen
from screens.dialogs.help import HelpScreen, keys_text
from screens.dialogs.step_done import StepDoneForm
from widgets.scale_picker import ScalePicker

AT = datetime(2026, 11, 2, 9, tzinfo=UTC)
SAYS = "Selected step done"


def _goal(store: Store) -> Goal:
    steps = [
        Step(title="Wave", difficulty=1, done_at=AT, actual_discomfort=2),
        Step(title="Say hi", difficulty=2),
        Step(title="Chat", difficulty=3),
    ]
    return store.goals.add(Goal(created_at=AT, title="Neighbours", steps=steps))


async def test_c_completes_the_highlighted_step_as_the_footer_says(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    goal = _goal(store)
    app = make_test_app(store, start_area="goals")
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(GoalScreen(goal.id))
        await pilot.pause()
        screen = app.screen
        assert screen.active_bindings["c"].binding.description == SAYS
        assert SAYS in keys_text(screen).plain  # the help lists the same words
        assert screen.selected_step().title == "Say hi"  # the cursor starts on the next
        await pilot.press("down", "c")  # not the next step: the highlighted one
        await pilot.pause()
        assert isinstance(app.screen, StepDoneForm)
        app.screen.query_one("#actual", ScalePicker).value = 3
        app.screen.query_one("#log-it").value = False
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, GoalScreen)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
    done = {s.title: s.done for s in store.goals.get(goal.id).steps}  # type: ignore[union-attr]
    assert done == {"Wave": True, "Say hi": False, "Chat": True}


async def test_c_on_a_step_done_already_changes_nothing(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    goal = _goal(store)
    app = make_test_app(store, start_area="goals")
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(GoalScreen(goal.id))
        await pilot.pause()
        await pilot.press("up", "c")
        await pilot.pause()
        assert isinstance(app.screen, GoalScreen)  # no form for another step
    assert store.goals.get(goal.id) == goal
