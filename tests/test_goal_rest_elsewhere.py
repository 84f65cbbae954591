"""Rest and resume on a goal another window finished meanwhile: nothing changes, and the
words say so instead of welcoming the person back."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from reconnect.logic import ladder
from reconnect.records.models import Goal, GoalStatus, Step
from reconnect.store.store import Store
from screens.areas.goal_detail import GoalScreen
from tests.conftest import PINNED_TODAY
from tests.test_keep_words import notices

AT = datetime(2026, 11, 2, 9, tzinfo=UTC)


async def test_resuming_a_goal_finished_elsewhere_changes_nothing_and_says_so(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    goal = Goal(created_at=AT, title="Neighbours", steps=[Step(title="Wave", difficulty=1)])
    goal = store.goals.add(ladder.pause(goal, date(2026, 11, 28), date(2026, 11, 16)))
    app = make_test_app(store, start_area="goals")
    said = notices(app)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(GoalScreen(goal.id))
        await pilot.pause()
        # Another window marks it done while this one still shows it resting.
        finished = ladder.finish(goal, GoalStatus.DONE, PINNED_TODAY)
        store.goals.update(finished)
        await pilot.press("s")
        await pilot.pause()
    kept = store.goals.get(goal.id)
    assert kept is not None and kept.status is GoalStatus.DONE
    assert kept.pauses == finished.pauses
    assert "This goal was finished in another window; nothing changed." in said
    assert not any(s.startswith("Welcome back") for s in said)
