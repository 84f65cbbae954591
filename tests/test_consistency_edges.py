"""Edges of the consistency score: week boundaries, zones, pauses, scoring all goals at
once (mutation testing, issue 18)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from reconnect.logic.consistency import (
    WEIGHT,
    Consistency,
    Week,
    consistency,
    consistency_all,
    goal_activity,
    paused_days,
)
from reconnect.records.models import Connection, Goal, GoalStatus, Pause, Step

TODAY = date(2026, 11, 21)  # a Saturday; its week starts Monday 16 November
MONDAY = date(2026, 11, 2)  # the goal's first week: three weeks up to this one
EAST = timezone(timedelta(hours=2))
PERSON = "a" * 32


def _at(day: date, hour: int = 10, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


def _goal(**kw: object) -> Goal:
    kw.setdefault("weekly_target", 2)
    kw.setdefault("created_at", _at(MONDAY, 8))
    return Goal(title="Walk", **kw)  # type: ignore[arg-type]


def _c(at: datetime, **kw: object) -> Connection:
    return Connection(at=at, what="A walk", counterpart="friend", depth=3, comfort=3, **kw)  # type: ignore[arg-type]


def _counts(goal: Goal, log: list[Connection], **kw: object) -> list[int]:
    return [w.count for w in consistency(goal, log, TODAY, **kw).weeks]  # type: ignore[arg-type]


def test_the_goals_first_day_and_today_count_the_days_around_them_do_not() -> None:
    goal = _goal()
    log = [
        _c(_at(MONDAY - timedelta(days=1)), goal_id=goal.id),  # before the goal's week
        _c(_at(MONDAY, 7), goal_id=goal.id),  # its first day, before it was made
        _c(_at(TODAY, 23, 59), goal_id=goal.id),  # today
        _c(_at(TODAY + timedelta(days=1)), goal_id=goal.id),  # tomorrow (this week)
    ]
    assert _counts(goal, log) == [1, 0, 1]


def test_days_are_local_dates_in_the_given_zone() -> None:
    # 23:30 on Sunday in UTC is already Monday two hours east: the next week.
    sunday_late = _at(date(2026, 11, 8), 23, 30)
    step = Step(title="Wave", done_at=sunday_late)
    goal = _goal(steps=[step])
    log = [_c(sunday_late, goal_id=goal.id)]
    assert _counts(goal, log) == [2, 0, 0]
    assert _counts(goal, log, tz=EAST) == [0, 2, 0]
    assert consistency_all([goal], log, TODAY, tz=EAST)[goal.id].weeks == (
        consistency(goal, log, TODAY, tz=EAST).weeks
    )


def test_the_first_week_is_the_local_week_the_goal_was_made_in() -> None:
    goal = _goal(created_at=_at(MONDAY - timedelta(days=1), 23, 30))  # Monday, two hours east
    assert consistency(goal, [], TODAY).weeks[0].start == MONDAY - timedelta(weeks=1)
    assert consistency(goal, [], TODAY, tz=EAST).weeks[0].start == MONDAY


def test_weeks_start_on_the_first_day_given() -> None:
    goal = _goal()  # made on a Monday: its Sunday-first week began the day before
    sunday = date(2026, 11, 8)
    result = consistency(goal, [_c(_at(sunday), goal_id=goal.id)], TODAY, first_day=6)
    assert [w.start for w in result.weeks] == [
        date(2026, 11, 1),
        date(2026, 11, 8),
        date(2026, 11, 15),
    ]
    assert [w.count for w in result.weeks] == [0, 1, 0]
    assert [w.rate for w in result.weeks] == [0, 0.5, None]  # this week is not over yet


def test_a_pause_overlapping_a_week_by_one_day_rests_that_week() -> None:
    last_day = MONDAY + timedelta(days=6)  # Sunday of the first week
    ends_first_day = _goal(pauses=[Pause(start=MONDAY - timedelta(days=3), until=MONDAY)])
    starts_last_day = _goal(pauses=[Pause(start=last_day, until=last_day + timedelta(days=1))])
    for goal in (ends_first_day, starts_last_day):
        weeks = consistency(goal, [], TODAY).weeks
        assert [w.paused for w in weeks] == [True, goal is starts_last_day, False]
        assert weeks[0].rate is None


def test_a_target_of_one_met_this_week_counts_at_once() -> None:
    goal = _goal(weekly_target=1)
    result = consistency(goal, [_c(_at(TODAY), goal_id=goal.id)], TODAY)
    assert [w.rate for w in result.weeks] == [0, 0, 1]
    assert result.score == pytest.approx(WEIGHT * (1 - 0) + 0)


def test_only_the_goals_person_counts_and_only_when_unlinked() -> None:
    goal = _goal(person_id=PERSON)
    log = [
        _c(_at(MONDAY), person_id=PERSON),  # with the person: counts
        _c(_at(MONDAY), person_id="b" * 32),  # someone else: no
        _c(_at(MONDAY)),  # nobody: no
        _c(_at(MONDAY), person_id=PERSON, goal_id="c" * 32),  # another goal's: no
    ]
    assert goal_activity(goal, log) == [MONDAY]
    assert goal_activity(_goal(), log) == []  # a goal without a person


def test_only_a_linked_connection_stands_for_its_step() -> None:
    step = Step(title="Wave", done_at=_at(MONDAY + timedelta(days=1)))
    goal = _goal(person_id=PERSON, steps=[step])
    unlinked = _c(_at(MONDAY), person_id=PERSON, step_id=step.id)
    assert goal_activity(goal, [unlinked]) == [MONDAY, MONDAY + timedelta(days=1)]
    linked = _c(_at(MONDAY), goal_id=goal.id, step_id=step.id)
    assert goal_activity(goal, [linked]) == [MONDAY]


def test_recent_pads_only_before_the_goal() -> None:
    result = consistency(_goal(), [], TODAY)  # three weeks
    assert len(result.recent(3)) == 3 and None not in result.recent(3)
    assert result.recent(2) == result.scores[-2:]
    assert result.recent(4) == [None, *result.scores]


def test_paused_days_cuts_pauses_at_today() -> None:
    pauses = [Pause(start=date(2026, 11, 1), until=date(2026, 11, 3))]
    goal = _goal(pauses=[*pauses, Pause(start=date(2026, 11, 19), until=date(2026, 12, 1))])
    assert paused_days(goal, TODAY) == [
        (date(2026, 11, 1), date(2026, 11, 3)),
        (date(2026, 11, 19), TODAY),
    ]


@pytest.mark.parametrize(
    ("until", "spans"),
    [
        (None, [(TODAY, TODAY)]),  # open-ended, no record: today rests
        (TODAY, [(TODAY, TODAY)]),  # ends today: today still rests
        (TODAY - timedelta(days=1), []),  # ended yesterday: not paused any more
    ],
)
def test_a_paused_goal_without_a_pause_record_rests_today(
    until: date | None, spans: list[tuple[date, date]]
) -> None:
    goal = _goal(status=GoalStatus.PAUSED, paused_until=until)
    assert paused_days(goal, TODAY) == spans


@pytest.mark.parametrize(
    "pause",
    [
        Pause(start=TODAY, until=date(2026, 12, 1)),  # began today
        Pause(start=date(2026, 11, 10), until=TODAY),  # ends today
    ],
)
def test_a_running_pause_record_is_not_doubled(pause: Pause) -> None:
    goal = _goal(status=GoalStatus.PAUSED, paused_until=pause.until, pauses=[pause])
    assert paused_days(goal, TODAY) == [(pause.start, TODAY)]


def test_all_goals_at_once_score_as_each_alone() -> None:
    with_person = _goal(person_id=PERSON)
    quiet_person = _goal(person_id="d" * 32)  # a person with no unlinked moments
    alone = _goal()
    goals = [with_person, quiet_person, alone]
    log = [
        _c(_at(MONDAY), goal_id=alone.id),
        _c(_at(MONDAY), goal_id=quiet_person.id),
        _c(_at(MONDAY + timedelta(days=1)), person_id=PERSON),
        _c(_at(MONDAY + timedelta(days=2)), person_id=PERSON, goal_id=alone.id),
        _c(_at(MONDAY), person_id="e" * 32),
    ]
    together = consistency_all(goals, log, TODAY, first_day=6)
    assert list(together) == [g.id for g in goals]
    for goal in goals:
        assert together[goal.id] == consistency(goal, log, TODAY, first_day=6)
    assert [together[g.id].weeks[0].count for g in goals] == [1, 1, 2]


# The properties below are not mutated by mutmut (it skips decorated functions): these
# pin them by hand. See tests/MUTANTS.md.


def _weeks(*counts: int, paused: tuple[int, ...] = ()) -> Consistency:
    start = date(2026, 10, 5)
    weeks = [
        Week(start + timedelta(weeks=n), count, n in paused, None if n in paused else 1.0)
        for n, count in enumerate(counts)
    ]
    return Consistency(2, weeks, [0.5] * len(weeks))


def test_a_gap_skips_paused_weeks_and_stops_at_a_week_with_something() -> None:
    assert _weeks(2, 0, 0, 0, 1, paused=(2,)).gap_weeks == 2
    assert _weeks(0, 2, 0, 0, 0).gap_weeks == 2  # this week does not count
    assert _weeks(2, 0, 0, 1).gap_weeks == 2 and _weeks(2, 0, 0, 1).welcome_back
    assert _weeks(2, 2, 0, 1).gap_weeks == 1 and not _weeks(2, 2, 0, 1).welcome_back


def test_this_week_is_the_last_weeks_count() -> None:
    assert _weeks(3, 0, 1).this_week == 1
    assert Consistency(2, [], []).this_week == 0


def test_no_target_means_no_score_even_with_judged_weeks() -> None:
    assert _weeks(2).judged == 1 and _weeks(2).score == 0.5
    assert Consistency(0, _weeks(2).weeks, [0.5]).score is None


def test_the_sparkline_is_twelve_weeks_by_default() -> None:
    assert consistency(_goal(), [], TODAY).recent() == [None] * 9 + [0.0] * 3
