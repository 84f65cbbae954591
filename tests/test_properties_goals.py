"""Property tests: a goal's life cycle and its ladder under any order of changes.

The app offers pause only on an active goal and resume only on a resting one, but it
applies each change to the freshest copy in the store, which another window may have
finished meanwhile: so the logic is driven here in any order, on days moving forward.
"""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta

from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    initialize,
    invariant,
    precondition,
    rule,
)

from reconnect.logic import ladder
from reconnect.logic.consistency import paused_days
from reconnect.records.models import Goal, GoalStatus, Step

START = date(2026, 3, 1)
FINISHED = (GoalStatus.DONE, GoalStatus.LET_GO)
days_ahead = st.integers(min_value=0, max_value=20)


class GoalLifeCycle(RuleBasedStateMachine):
    """Pause, resume, finish, let go and reopen a goal, in any order."""

    def __init__(self) -> None:
        super().__init__()
        self.today = START
        self.goal = Goal(created_at=datetime(2026, 3, 1, 9, tzinfo=UTC), title="Call Maya")
        self.status = GoalStatus.ACTIVE  # what the user last chose that took effect

    @rule(days=days_ahead)
    def time_passes(self, days: int) -> None:
        self.today += timedelta(days=days)

    @rule(days=days_ahead)
    def pause(self, days: int) -> None:
        until = self.today + timedelta(days=days)
        self.goal = ladder.pause(self.goal, until, self.today)
        if self.status not in FINISHED:
            self.status = GoalStatus.PAUSED
            assert ladder.is_paused(self.goal, self.today)
            assert self.goal.paused_until == until

    @rule()
    def resume(self) -> None:
        self.goal = ladder.resume(self.goal, self.today)
        if self.status is GoalStatus.PAUSED:
            self.status = GoalStatus.ACTIVE

    @rule(status=st.sampled_from(GoalStatus))
    def finish(self, status: GoalStatus) -> None:
        """Done, let go, active again (reopen), or even paused by another name."""
        before = self.goal
        self.goal = ladder.finish(self.goal, status, self.today)
        if status is GoalStatus.PAUSED:  # not a finish: nothing to rest until
            self.goal = before
            return
        self.status = status

    @invariant()
    def the_status_is_the_last_choice_that_took(self) -> None:
        assert self.goal.status is self.status

    @invariant()
    def pauses_never_end_before_they_start(self) -> None:
        assert all(p.start <= p.until for p in self.goal.pauses)

    @invariant()
    def pauses_never_overlap(self) -> None:
        spans = sorted((p.start, p.until) for p in self.goal.pauses)
        for (_, end), (start, _) in itertools.pairwise(spans):
            assert end < start, spans  # inclusive days: not even one shared

    @invariant()
    def no_pause_runs_past_today_unless_resting(self) -> None:
        if not ladder.is_paused(self.goal, self.today):
            assert all(p.until <= self.today for p in self.goal.pauses)

    @invariant()
    def a_finished_goal_is_never_paused(self) -> None:
        if self.goal.status in FINISHED:
            assert not ladder.is_paused(self.goal, self.today)
            assert self.goal.paused_until is None
            assert all(p.until <= self.today for p in self.goal.pauses)

    @invariant()
    def a_resting_goal_has_a_pause_covering_today(self) -> None:
        if ladder.is_paused(self.goal, self.today):
            assert self.goal.paused_until is not None
            assert any(p.start <= self.today <= p.until for p in self.goal.pauses)
            # ...so consistency rests this week from the record, not a stand-in span.
            recorded = [(p.start, min(p.until, self.today)) for p in self.goal.pauses]
            assert paused_days(self.goal, self.today) == recorded

    @invariant()
    def the_record_still_validates(self) -> None:
        assert Goal.model_validate(self.goal.model_dump()) == self.goal


TestGoalLifeCycle = GoalLifeCycle.TestCase


def _ladder_ok(steps: list[Step]) -> bool:
    return all(a.difficulty <= b.difficulty for a, b in itertools.pairwise(steps))


class LadderMoves(RuleBasedStateMachine):
    """Add, move up and down, edit, complete, reopen and remove steps at random."""

    steps = Bundle("steps")

    @initialize()
    def a_goal(self) -> None:
        self.goal = Goal(created_at=datetime(2026, 3, 1, 9, tzinfo=UTC), title="Speak up")
        self.ids: set[str] = set()
        self.counter = itertools.count()

    @rule(target=steps, difficulty=st.integers(0, 10))
    def add(self, difficulty: int) -> str:
        step = Step(title=f"step {next(self.counter)}", difficulty=difficulty)
        self.goal = ladder.add_step(self.goal, step)
        self.ids.add(step.id)
        return step.id

    @precondition(lambda self: self.goal.steps)
    @rule(step_id=steps, offset=st.sampled_from([-1, 1]))
    def move(self, step_id: str, offset: int) -> None:
        if step_id not in self.ids:
            return
        before = [s.id for s in self.goal.steps]
        self.goal = ladder.move_step(self.goal, step_id, offset)
        after = [s.id for s in self.goal.steps]
        old = before.index(step_id)
        new = min(max(old + offset, 0), len(before) - 1)
        assert after.index(step_id) == new  # one rung, or stays at the end

    @rule(step_id=steps, difficulty=st.integers(0, 10))
    def edit(self, step_id: str, difficulty: int) -> None:
        if step_id not in self.ids:
            return
        step = next(s for s in self.goal.steps if s.id == step_id)
        edited = step.model_copy(update={"difficulty": difficulty, "title": step.title + "!"})
        self.goal = ladder.replace_step(self.goal, edited)
        assert next(s for s in self.goal.steps if s.id == step_id) == edited

    @rule(step_id=steps, actual=st.integers(0, 10), days=st.integers(0, 400))
    def complete(self, step_id: str, actual: int, days: int) -> None:
        if step_id not in self.ids:
            return
        at = datetime(2026, 3, 1, tzinfo=UTC) + timedelta(days=days)
        self.goal = ladder.complete_step(self.goal, step_id, actual, "went fine", at)
        assert next(s for s in self.goal.steps if s.id == step_id).done_at == at

    @rule(step_id=steps)
    def reopen(self, step_id: str) -> None:
        if step_id not in self.ids:
            return
        self.goal = ladder.reopen_step(self.goal, step_id)
        assert not next(s for s in self.goal.steps if s.id == step_id).done

    @rule(step_id=consumes(steps))
    def remove(self, step_id: str) -> None:
        self.goal = ladder.remove_step(self.goal, step_id)
        self.ids.discard(step_id)

    @invariant()
    def easiest_first(self) -> None:
        assert _ladder_ok(self.goal.steps), [s.difficulty for s in self.goal.steps]

    @invariant()
    def no_step_lost_or_doubled(self) -> None:
        held = [s.id for s in self.goal.steps]
        assert len(held) == len(set(held))
        assert set(held) == self.ids

    @invariant()
    def next_step_is_the_first_not_done(self) -> None:
        todo = [s for s in self.goal.steps if not s.done]
        assert self.goal.next_step() == (todo[0] if todo else None)


TestLadderMoves = LadderMoves.TestCase
