"""Progress over weeks: the weekly series of depth, comfort, authenticity, counts,
check-ins and goal steps, and what moves a goal. Nothing here reads the clock.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from reconnect.logic.weeks import local_date, period_starts, span_bounds, week_start
from reconnect.records.facts import ConnectionFacts
from reconnect.records.models import (
    CheckIn,
    Connection,
    Goal,
    GoalStatus,
)


def is_resting(goal: Goal, today: date) -> bool:
    """Paused and the pause is not over: a normal state, left out of the targets."""
    return goal.status is GoalStatus.PAUSED and (
        goal.paused_until is None or goal.paused_until >= today
    )


@dataclass
class _Moves:
    """Connections indexed once for every goal: week indexes by goal and by person."""

    by_goal: dict[str, list[int]]
    by_person: dict[str, list[int]]
    logged_steps: set[str]

    @classmethod
    def of(cls, weeks_of: Iterable[tuple[int, Connection]]) -> _Moves:
        moves = cls(defaultdict(list), defaultdict(list), set())
        for index, c in weeks_of:
            if c.goal_id:
                moves.by_goal[c.goal_id].append(index)
                if c.step_id:
                    moves.logged_steps.add(c.step_id)
            elif c.person_id:
                moves.by_person[c.person_id].append(index)
        return moves

    def weeks_moved(self, goal: Goal, step_weeks: Sequence[int | None]) -> list[int]:
        """The week index of each thing that moved `goal` (steps may fall outside)."""
        found = list(self.by_goal.get(goal.id, ()))
        if goal.person_id:
            found += self.by_person.get(goal.person_id, ())
        found += [
            index
            for step, index in zip(goal.steps, step_weeks, strict=True)
            if index is not None and step.id not in self.logged_steps
        ]
        return found


def _in_play(goal: Goal, moved: Sequence[int], created: int, weeks: int) -> range:
    """The week indexes the goal was being worked on within the span."""
    end = weeks
    if goal.status in (GoalStatus.DONE, GoalStatus.LET_GO):
        # No record of when it ended: it was in play until the last thing done for it.
        if not moved:
            return range(0)
        end = max(moved) + 1
    return range(max(0, created), min(weeks, end))


@dataclass(frozen=True)
class WeekPoint:
    """One week of Progress. None means nothing to show (a gap, not a zero)."""

    start: date
    by_depth: tuple[int, int, int, int, int]  # connections at depth 1…5
    comfort: float | None
    depth: float | None
    checkin: int | None
    steps_done: int
    goals_with_target: int  # goals in play this week with a weekly target
    targets_met: int
    # "Could I be myself?" over the moments that answered it: None when none did.
    authenticity: float | None = None
    authenticity_rated: int = 0  # how many moments answered it, to weigh the period mean

    @property
    def connections(self) -> int:
        return sum(self.by_depth)

    @property
    def logged(self) -> bool:
        """Anything noted this week. A week without is a gap, left out of averages."""
        return bool(self.connections or self.checkin is not None or self.steps_done)

    @property
    def target_share(self) -> float | None:
        """0–1: the share of weekly targets met; None when no goal had a target."""
        return self.targets_met / self.goals_with_target if self.goals_with_target else None


def weekly_points(
    starts: Sequence[date],
    connections: Iterable[Connection | ConnectionFacts],
    checkins: Iterable[CheckIn],
    goals: Iterable[Goal],
    today: date,
    first_day: int = 0,
    tz: tzinfo | None = None,
) -> list[WeekPoint]:
    """The weeks beginning on `starts` (consecutive, oldest first), one point each.

    `connections` may hold more than the span: anything outside is ignored.
    """
    weeks = len(starts)
    if not weeks:
        return []
    first = starts[0]

    def week_of(day: date) -> int:  # may fall outside the span
        return (day - first).days // 7

    by_depth = [[0] * 5 for _ in range(weeks)]
    comfort_sum = [0] * weeks
    depth_sum = [0] * weeks
    # Only moments that were asked count: an unanswered one is a gap, never a zero.
    myself_sum = [0] * weeks
    myself_rated = [0] * weeks
    in_span: list[tuple[int, Connection | ConnectionFacts]] = []
    for c in connections:
        index = week_of(local_date(c.at, tz))
        if not 0 <= index < weeks:
            continue
        in_span.append((index, c))
        by_depth[index][c.depth - 1] += 1
        comfort_sum[index] += c.comfort
        depth_sum[index] += c.depth
        if c.authenticity is not None:
            myself_sum[index] += c.authenticity
            myself_rated[index] += 1

    scores: list[int | None] = [None] * weeks
    latest: list[datetime | None] = [None] * weeks
    for checkin in checkins:
        index = week_of(week_start(checkin.week, first_day))
        if not 0 <= index < weeks:
            continue
        seen = latest[index]
        if seen is None or checkin.at > seen:
            scores[index], latest[index] = checkin.score, checkin.at

    moves = _Moves.of(in_span)
    steps = [0] * weeks
    with_target = [0] * weeks
    met = [0] * weeks
    for goal in goals:
        step_weeks = [
            None if s.done_at is None else week_of(local_date(s.done_at, tz)) for s in goal.steps
        ]
        for index in step_weeks:
            if index is not None and 0 <= index < weeks:
                steps[index] += 1
        if not goal.weekly_target or is_resting(goal, today):
            continue
        moved = moves.weeks_moved(goal, step_weeks)
        done = Counter(moved)
        created = week_of(week_start(local_date(goal.created_at, tz), first_day))
        for index in _in_play(goal, moved, created, weeks):
            with_target[index] += 1
            met[index] += done[index] >= goal.weekly_target

    points = []
    for i, start in enumerate(starts):
        count = sum(by_depth[i])
        points.append(
            WeekPoint(
                start=start,
                by_depth=tuple(by_depth[i]),  # type: ignore[arg-type]
                comfort=comfort_sum[i] / count if count else None,
                depth=depth_sum[i] / count if count else None,
                checkin=scores[i],
                steps_done=steps[i],
                goals_with_target=with_target[i],
                targets_met=met[i],
                authenticity=myself_sum[i] / myself_rated[i] if myself_rated[i] else None,
                authenticity_rated=myself_rated[i],
            )
        )
    return points


@dataclass(frozen=True)
class PeriodSummary:
    """A period's weeks in a few numbers, for the words under each chart."""

    weeks: int
    weeks_logged: int  # weeks with anything noted: the ones averages are taken over
    connections: int
    comfort: float | None  # average over every connection
    depth: float | None
    deep: int  # connections at depth 3 (real conversation) or more
    checkin: float | None  # average over the weeks with a check-in
    checkins: int
    steps_done: int
    goal_weeks: int  # (goal, week) pairs with a weekly target in play
    targets_met: int
    authenticity: float | None = None  # over the moments that answered it; None if none did

    @property
    def deep_share(self) -> float | None:
        return self.deep / self.connections if self.connections else None

    @property
    def connections_per_week(self) -> float | None:
        """Over the weeks with entries: a week with nothing noted is a gap, not a zero."""
        return self.connections / self.weeks_logged if self.weeks_logged else None

    @property
    def steps_per_week(self) -> float | None:
        return self.steps_done / self.weeks_logged if self.weeks_logged else None

    @property
    def target_share(self) -> float | None:
        return self.targets_met / self.goal_weeks if self.goal_weeks else None


def summarise(points: Sequence[WeekPoint]) -> PeriodSummary:
    count = sum(p.connections for p in points)
    comfort = sum(p.comfort * p.connections for p in points if p.comfort is not None)
    depth = sum(p.depth * p.connections for p in points if p.depth is not None)
    deep = sum(sum(p.by_depth[2:]) for p in points)
    scores = [p.checkin for p in points if p.checkin is not None]
    rated = sum(p.authenticity_rated for p in points)
    myself = sum(
        p.authenticity * p.authenticity_rated for p in points if p.authenticity is not None
    )
    return PeriodSummary(
        weeks=len(points),
        weeks_logged=sum(p.logged for p in points),
        connections=count,
        comfort=comfort / count if count else None,
        depth=depth / count if count else None,
        deep=deep,
        checkin=sum(scores) / len(scores) if scores else None,
        checkins=len(scores),
        steps_done=sum(p.steps_done for p in points),
        goal_weeks=sum(p.goals_with_target for p in points),
        targets_met=sum(p.targets_met for p in points),
        authenticity=myself / rated if rated else None,
    )


@dataclass(frozen=True)
class ProgressData:
    """The weeks of a period, and the same number of weeks before it to compare with."""

    points: list[WeekPoint]
    now: PeriodSummary
    before: PeriodSummary

    @property
    def weeks(self) -> int:
        return len(self.points)


def progress_span(
    today: date, weeks: int, first_day: int = 0, tz: tzinfo | None = None
) -> tuple[datetime, datetime]:
    """What to read from the store for progress(): the period and the period before."""
    return span_bounds(period_starts(today, 2 * weeks, first_day), tz)


def progress(
    connections: Iterable[Connection | ConnectionFacts],
    checkins: Iterable[CheckIn],
    goals: Iterable[Goal],
    today: date,
    weeks: int,
    first_day: int = 0,
    tz: tzinfo | None = None,
) -> ProgressData:
    """Every Progress series for the `weeks` full weeks up to `today`, and a summary of
    them and of the weeks before."""
    starts = period_starts(today, 2 * weeks, first_day)
    points = weekly_points(starts, connections, checkins, goals, today, first_day, tz)
    return ProgressData(
        points=points[weeks:],
        now=summarise(points[weeks:]),
        before=summarise(points[:weeks]),
    )
