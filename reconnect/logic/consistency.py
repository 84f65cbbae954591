"""A forgiving consistency score per goal, in the spirit of Loop Habit Tracker.

Each judged week gives a rate (how much of the weekly target was met, capped at 1) and
the score is an exponentially smoothed average of those rates: a good week raises it, a
missed week lowers it a little, and nothing ever resets it to zero. Weeks the goal was
paused do not count (unless the target was met anyway, which counts as a good week), and
the week in progress counts only once its target is met, so it never drags the score
down before it is over. There are no streaks, so there is no streak to lose.

What moves a goal: a connection linked to it, a connection with the goal's person (when
that connection is not linked to another goal), and a finished step that was not logged
as a connection. Pure: nothing here reads the clock or the store.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta, tzinfo

from reconnect.logic.weeks import local_date, week_start
from reconnect.records.models import Connection, Goal, GoalStatus

# A week's influence on the score halves every HALF_LIFE_WEEKS weeks.
HALF_LIFE_WEEKS = 4
WEIGHT = 1 - 0.5 ** (1 / HALF_LIFE_WEEKS)  # ≈ 0.159: the new week's share of the score
SPARK_WEEKS = 12
# This many judged weeks in a row with nothing, just before now, make a gap.
GAP_WEEKS = 2


def smooth(rates: Iterable[float | None], start: float = 0.0) -> list[float]:
    """The score after each week. A None rate (a paused or unjudged week) leaves the
    score where it was."""
    score = start
    scores: list[float] = []
    for rate in rates:
        if rate is not None:
            score += WEIGHT * (min(1.0, max(0.0, rate)) - score)
        scores.append(score)
    return scores


@dataclass(frozen=True)
class Week:
    start: date
    count: int
    paused: bool
    rate: float | None  # None: not judged (paused, or in progress and not met yet)


@dataclass(frozen=True)
class Consistency:
    target: int
    weeks: list[Week]  # from the goal's first week to this week, oldest first
    scores: list[float]  # the score at the end of each of those weeks

    @property
    def judged(self) -> int:
        """How many weeks have been judged so far."""
        return sum(w.rate is not None for w in self.weeks)

    @property
    def score(self) -> float | None:
        """0–1, or None when there is nothing to judge yet (or no weekly target)."""
        if not self.target or not self.judged:
            return None
        return self.scores[-1]

    @property
    def this_week(self) -> int:
        return self.weeks[-1].count if self.weeks else 0

    def recent(self, weeks: int = SPARK_WEEKS) -> list[float | None]:
        """Scores at the end of each of the last `weeks` weeks; None before the goal."""
        padded: list[float | None] = [None] * max(0, weeks - len(self.scores))
        return padded + list(self.scores[-weeks:])

    @property
    def gap_weeks(self) -> int:
        """Finished, unpaused weeks with nothing done, just before this week."""
        gap = 0
        for week in reversed(self.weeks[:-1]):
            if week.paused:
                continue
            if week.count:
                break
            gap += 1
        return gap

    @property
    def welcome_back(self) -> bool:
        """True after a gap of GAP_WEEKS or more: time for a warm word, never a reproach."""
        return self.gap_weeks >= GAP_WEEKS


def goal_activity(
    goal: Goal, connections: Iterable[Connection], tz: tzinfo | None = None
) -> list[date]:
    """The local days something moved this goal (one entry per thing done)."""
    days: list[date] = []
    logged_steps: set[str] = set()
    for c in connections:
        linked = c.goal_id == goal.id
        with_person = goal.person_id is not None and c.person_id == goal.person_id
        if linked or (with_person and c.goal_id is None):
            days.append(local_date(c.at, tz))
            if linked and c.step_id:
                logged_steps.add(c.step_id)
    for step in goal.steps:
        if step.done_at is not None and step.id not in logged_steps:
            days.append(local_date(step.done_at, tz))
    return days


def paused_days(goal: Goal, today: date) -> list[tuple[date, date]]:
    """Inclusive spans the goal rested, including a pause still running today."""
    spans = [(p.start, min(p.until, today)) for p in goal.pauses]
    still_paused = goal.status is GoalStatus.PAUSED and (
        goal.paused_until is None or goal.paused_until >= today
    )
    if still_paused and not any(start <= today <= end for start, end in spans):
        spans.append((today, today))  # a pause without a record: at least this week rests
    return spans


def consistency(
    goal: Goal,
    connections: Iterable[Connection],
    today: date,
    first_day: int = 0,
    tz: tzinfo | None = None,
) -> Consistency:
    """The goal's weeks, from the week it was made to this one, and their scores."""
    first = week_start(local_date(goal.created_at, tz), first_day)
    current = week_start(today, first_day)
    counts = Counter(
        week_start(day, first_day)
        for day in goal_activity(goal, connections, tz)
        if first <= day <= today
    )
    pauses = paused_days(goal, today)
    weeks: list[Week] = []
    start = first
    while start <= current:
        end = start + timedelta(days=6)
        paused = any(p_start <= end and p_end >= start for p_start, p_end in pauses)
        count = counts.get(start, 0)
        met = goal.weekly_target > 0 and count >= goal.weekly_target
        rate: float | None = None
        if goal.weekly_target and (met or not (paused or start == current)):
            rate = min(1.0, count / goal.weekly_target)
        weeks.append(Week(start, count, paused, rate))
        start += timedelta(days=7)
    return Consistency(goal.weekly_target, weeks, smooth(w.rate for w in weeks))


def consistency_all(
    goals: Sequence[Goal],
    connections: Iterable[Connection],
    today: date,
    first_day: int = 0,
    tz: tzinfo | None = None,
) -> dict[str, Consistency]:
    """Every goal's consistency in one pass over the connections (for long histories)."""
    goal_ids = {g.id for g in goals}
    person_ids = {g.person_id for g in goals if g.person_id}
    relevant = [c for c in connections if c.goal_id in goal_ids or c.person_id in person_ids]
    by_goal: dict[str, list[Connection]] = {g.id: [] for g in goals}
    by_person: dict[str, list[Connection]] = {}
    for c in relevant:
        if c.goal_id in by_goal:
            by_goal[c.goal_id].append(c)
        elif c.person_id:
            by_person.setdefault(c.person_id, []).append(c)
    return {
        g.id: consistency(
            g,
            by_goal[g.id] + (by_person.get(g.person_id, []) if g.person_id else []),
            today,
            first_day,
            tz,
        )
        for g in goals
    }
