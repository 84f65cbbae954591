"""A goal with no steps says so ("no steps yet"), the same words on Today, in the Goals
list and in `reconnect today` (logic/next_step_words.py), and its empty ladder shows the
whole sentence at 80 columns."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.widgets import DataTable, Static

from reconnect.records.models import Goal, Step, now_local
from reconnect.store.store import Store
from screens.areas.goal_detail import GoalScreen
from screens.areas.goals import GoalsScreen
from tests.test_fit_at_80 import lines_of
from widgets.step_ladder import StepLadder


async def test_a_goal_without_steps_reads_no_steps_yet_on_today_and_in_goals(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    store.goals.add(Goal(created_at=now_local(), title="Join a walking group"))
    done = Step(title="Say hi", done_at=now_local(), actual_discomfort=3)
    store.goals.add(Goal(created_at=now_local(), title="Call more", steps=[done]))
    app = make_test_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        goals = str(app.screen.query_one("#goals", Static).content)
        assert goals.splitlines()[:4] == [
            "Join a walking group",
            "  no steps yet",
            "Call more",
            "  every step done",
        ]
        app.switch_mode("goals")
        await pilot.pause()
        assert isinstance(app.screen, GoalsScreen)
        table = app.screen.query_one("#goal-table", DataTable)
        firsts = [str(table.get_row_at(n)[0]) for n in range(table.row_count)]
        assert sorted(firsts) == [
            "Call more\nevery step done",
            "Join a walking group\nno steps yet",
        ]


async def test_an_empty_ladder_says_the_whole_sentence_at_80_columns(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    goal = store.goals.add(Goal(created_at=now_local(), title="Join a walking group"))
    app = make_test_app(store, start_area="goals")
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(GoalScreen(goal.id))
        await pilot.pause()
        ladder = app.screen.query_one(StepLadder)
        assert ladder.size.width < 80  # the room a goal's ladder has in an 80x24 terminal
        assert any("No steps yet: add a small one (a)" in line for line in lines_of(ladder))
