"""Property tests: the consistency score over random histories.

It stays between 0 and 1, more done never scores lower, and a week the goal rested
costs nothing: whatever the target, the pauses, the first day of the week and the day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reconnect.logic.consistency import consistency, consistency_all, smooth
from reconnect.logic.weeks import week_start
from reconnect.records.models import Connection, Goal, Pause

CREATED = date(2026, 9, 2)  # a Wednesday: the goal's first week starts before it


@dataclass(frozen=True)
class History:
    goal: Goal
    done: list[date]  # one entry per connection
    today: date
    first_day: int

    @property
    def first(self) -> date:
        return week_start(CREATED, self.first_day)

    def connections(self, extra: list[date] | None = None) -> list[Connection]:
        return [
            Connection(
                at=datetime.combine(day, time(12, n % 60), tzinfo=UTC),
                what="A walk",
                counterpart="friend",
                depth=3,
                comfort=3,
                goal_id=self.goal.id,
            )
            for n, day in enumerate([*self.done, *(extra or [])])
        ]

    def score(self, goal: Goal | None = None, extra: list[date] | None = None):  # type: ignore[no-untyped-def]
        return consistency(
            goal or self.goal, self.connections(extra), self.today, self.first_day, UTC
        )


@st.composite
def histories(draw: st.DrawFn) -> History:
    first_day = draw(st.sampled_from([0, 6]))
    weeks = draw(st.integers(1, 16))
    first = week_start(CREATED, first_day)
    today = max(CREATED, first + timedelta(weeks=weeks - 1, days=draw(st.integers(0, 6))))
    days = st.dates(min_value=CREATED, max_value=today)
    done = draw(st.lists(days, max_size=30))
    pauses = []
    for start in draw(st.lists(days, max_size=3, unique=True)):
        until = start + timedelta(days=draw(st.integers(0, 10)))
        pauses.append(Pause(start=start, until=until))
    goal = Goal(
        created_at=datetime.combine(CREATED, time(8), tzinfo=UTC),
        title="Walk with Sam",
        weekly_target=draw(st.integers(0, 4)),
        pauses=pauses,
    )
    return History(goal, done, today, first_day)


@given(histories())
def test_the_score_stays_in_range_and_every_week_is_there(history: History) -> None:
    result = history.score()
    current = week_start(history.today, history.first_day)
    assert [w.start for w in result.weeks] == [
        history.first + timedelta(weeks=n) for n in range(len(result.weeks))
    ]
    assert result.weeks[-1].start == current
    assert sum(w.count for w in result.weeks) == len(history.done)
    assert all(0 <= s <= 1 for s in result.scores)
    assert all(w.rate is None or 0 <= w.rate <= 1 for w in result.weeks)
    if history.goal.weekly_target == 0:
        assert result.score is None
    else:
        assert (result.score is None) == (result.judged == 0)
    assert result.scores == smooth(w.rate for w in result.weeks)
    target = history.goal.weekly_target
    # A met week counts in full, paused or in progress; the week in progress never
    # pulls the score down before it is over.
    assert all(w.rate == 1 for w in result.weeks if target and w.count >= target)
    if len(result.scores) > 1:
        assert result.scores[-1] >= result.scores[-2]
    together = consistency_all(
        [history.goal], history.connections(), history.today, history.first_day, UTC
    )
    assert together[history.goal.id] == result


@given(histories(), st.data())
def test_more_done_never_scores_lower(history: History, data: st.DataObject) -> None:
    extra = data.draw(st.lists(st.dates(CREATED, history.today), min_size=1, max_size=5))
    before, after = history.score(), history.score(extra=extra)
    for old, new in zip(before.scores, after.scores, strict=True):
        assert new >= old - 1e-12
    assert after.judged >= before.judged
    assert (after.score or 0) >= (before.score or 0) - 1e-12


@given(histories())
def test_a_rest_week_costs_nothing(history: History) -> None:
    result = history.score()
    previous = 0.0
    for week, score in zip(result.weeks, result.scores, strict=True):
        if week.paused and week.count < history.goal.weekly_target:
            assert week.rate is None
            assert score == previous  # not judged: the score waits
        previous = score


@pytest.mark.parametrize("first_day", [0, 6])
@given(history=histories(), week=st.integers(0, 15))
def test_resting_a_week_never_lowers_the_score(first_day: int, history: History, week: int) -> None:
    """The same history with one more week of rest in which nothing was done: the score
    at the end is never lower (a missed week would have pulled it down)."""
    history = History(history.goal, history.done, history.today, first_day)
    start = history.first + timedelta(weeks=week)
    if start > history.today:
        return
    week_days = {start + timedelta(days=n) for n in range(7)}
    quiet = History(
        history.goal, [d for d in history.done if d not in week_days], history.today, first_day
    )
    rested = quiet.goal.model_copy(
        update={"pauses": [*quiet.goal.pauses, Pause(start=start, until=start)]}
    )
    without, with_rest = quiet.score(), quiet.score(rested)
    assert with_rest.weeks[week].paused
    for old, new in zip(without.scores, with_rest.scores, strict=True):
        assert new >= old - 1e-12
    assert with_rest.gap_weeks <= without.gap_weeks
