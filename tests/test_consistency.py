"""The forgiving consistency score: a table of weeks -> expected scores."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from reconnect.logic.consistency import WEIGHT, consistency, consistency_all, smooth
from reconnect.logic.weeks import week_start
from reconnect.records.models import Connection, Goal, GoalStatus, Pause, Step
from tests.conftest import each_way, nights

TODAY = date(2026, 11, 21)  # a Saturday; its week starts Monday 16 November
FIRST_WEEK = date(2026, 10, 19)  # the goal's first week: five weeks up to this one
KEEP = 1 - WEIGHT  # how much of the old score a week keeps (2 ** -0.25)


@pytest.mark.parametrize(
    ("rates", "expected"),
    [
        ([], []),
        ([1], [WEIGHT]),
        ([1, 1, 1, 1], [WEIGHT, 1 - KEEP**2, 1 - KEEP**3, 0.5]),  # four good weeks: half
        ([1] * 8, [*[1 - KEEP**n for n in range(1, 8)], 0.75]),
        # A lapse lowers it a little; it never drops to zero and no streak is "lost".
        ([1] * 8 + [0], [*[1 - KEEP**n for n in range(1, 9)], 0.75 * KEEP]),
        # ...and four good weeks later it is higher than before the lapse.
        ([1] * 8 + [0] + [1] * 4, [1 - (1 - 0.75 * KEEP) * 0.5]),
        # Paused weeks (None) leave the score where it was.
        ([1, 1, 1, 1, None, None, None], [0.5, 0.5, 0.5, 0.5]),
        ([1, 1, 1, 1, None, None, 1, 1, 1, 1], [0.75]),
        # Partly met weeks count partly; more than the target counts as met.
        ([0.5] * 4, [0.25]),
        ([3.0], [WEIGHT]),
        ([0, 0, 0], [0, 0, 0]),
    ],
)
def test_smooth_table(rates: list[float | None], expected: list[float]) -> None:
    scores = smooth(rates)
    assert len(scores) == len(rates)
    # Compare the tail: some rows give only the final expected scores.
    assert scores[len(scores) - len(expected) :] == [pytest.approx(e) for e in expected]


def _goal(**kw: object) -> Goal:
    kw.setdefault("weekly_target", 2)
    return Goal(
        created_at=datetime.combine(FIRST_WEEK, datetime.min.time(), UTC), title="Walk", **kw
    )  # type: ignore[arg-type]


def _linked(goal: Goal, day: date, n: int = 1, **kw: object) -> list[Connection]:
    return [
        Connection(
            at=datetime(day.year, day.month, day.day, 10 + k, tzinfo=UTC),
            what="A walk",
            counterpart="friend",
            depth=3,
            comfort=3,
            goal_id=kw.get("goal_id", goal.id),  # type: ignore[arg-type]
            person_id=kw.get("person_id"),  # type: ignore[arg-type]
        )
        for k in range(n)
    ]


def _week(n: int) -> date:
    """A Wednesday in the goal's n-th week (0 = the first)."""
    return FIRST_WEEK + timedelta(weeks=n, days=2)


# Weekly counts for weeks 0..4 (week 4 is this week, in progress), the weeks paused,
# and the expected rates and score. Target: 2 a week.
TABLE = [
    ("every week met", [2, 2, 2, 2, 0], set(), [1, 1, 1, 1, None], 0.5),
    ("this week met already counts", [2, 2, 2, 2, 3], set(), [1, 1, 1, 1, 1], 1 - KEEP**5),
    ("a lapse, then recovery", [2, 0, 2, 2, 0], set(), [1, 0, 1, 1, None], None),
    ("half a week counts half", [1, 1, 1, 1, 0], set(), [0.5, 0.5, 0.5, 0.5, None], 0.25),
    ("paused weeks do not count", [2, 0, 0, 2, 0], {1, 2}, [1, None, None, 1, None], None),
    ("met while paused still counts", [2, 2, 0, 2, 0], {1, 2}, [1, 1, None, 1, None], None),
]


def _near_midnight(day: date, k: int, zone: ZoneInfo) -> datetime:
    """The k-th thing done on `day`, stamped a few minutes from either local midnight."""
    clock = time(0, k) if k % 2 == 0 else time(23, 59 - k)
    return datetime.combine(day, clock, tzinfo=zone)


@pytest.mark.parametrize(
    ("counts", "paused", "rates", "score"),
    [row[1:] for row in TABLE],
    ids=[row[0] for row in TABLE],
)
def test_weeks_to_score(
    counts: list[int],
    paused: set[int],
    rates: list[float | None],
    score: float | None,
    zone: ZoneInfo,
    first_day: int,
) -> None:
    first = week_start(FIRST_WEEK, first_day)
    day = [first + timedelta(weeks=n, days=2) for n in range(5)]  # midweek of week n
    pauses = [
        Pause(start=day[n] - timedelta(days=2), until=day[n] + timedelta(days=4)) for n in paused
    ]
    goal = _goal(pauses=pauses).model_copy(
        update={"created_at": datetime.combine(first, time(0, 1), tzinfo=zone)}
    )
    log = [
        _linked(goal, day[n])[0].model_copy(update={"at": _near_midnight(day[n], k, zone)})
        for n, count in enumerate(counts)
        for k in range(count)
    ]
    for result in each_way(zone, lambda tz: consistency(goal, log, TODAY, first_day, tz)):
        assert [w.start for w in result.weeks] == [first + timedelta(weeks=n) for n in range(5)]
        assert [w.count for w in result.weeks] == counts
        assert [w.paused for w in result.weeks] == [n in paused for n in range(5)]
        assert [w.rate for w in result.weeks] == rates
        expected = score if score is not None else smooth(rates)[-1]
        assert result.score == pytest.approx(expected)


def test_a_week_ends_at_local_midnight_over_clock_changes_and_new_year(
    zone: ZoneInfo, first_day: int
) -> None:
    """One thing a minute before a week ends, one a minute after: one in each week."""
    for night in nights(zone):
        boundary = week_start(night, first_day) + timedelta(weeks=1)
        goal = _goal(weekly_target=1).model_copy(
            update={
                "created_at": datetime.combine(
                    boundary - timedelta(weeks=2), time(23, 59), tzinfo=zone
                )
            }
        )
        last_minute = datetime.combine(boundary - timedelta(days=1), time(23, 59), tzinfo=zone)
        first_minute = datetime.combine(boundary, time(0, 1), tzinfo=zone)
        log = [
            _linked(goal, boundary)[0].model_copy(update={"at": moment.astimezone(UTC)})
            for moment in (last_minute, first_minute)
        ]
        # A step done (not logged) a minute either side of the same midnight.
        goal = goal.model_copy(
            update={
                "steps": [
                    Step(title="Before", done_at=last_minute - timedelta(minutes=1)),
                    Step(title="After", done_at=first_minute + timedelta(minutes=1)),
                ]
            }
        )
        today = boundary + timedelta(days=8)
        for result, together in each_way(
            zone,
            lambda tz, g=goal, c=log, t=today: (
                consistency(g, c, t, first_day, tz),
                consistency_all([g], c, t, first_day, tz)[g.id],
            ),
        ):
            assert together == result
            starts = [w.start for w in result.weeks]
            assert starts[0] == week_start(boundary - timedelta(weeks=2), first_day)
            counts = dict(zip(starts, [w.count for w in result.weeks], strict=True))
            assert counts[boundary - timedelta(weeks=1)] == 2
            assert counts[boundary] == 2
            assert sum(counts.values()) == 4


def test_a_new_goal_has_no_score_yet_and_no_target_means_no_score() -> None:
    fresh = Goal(created_at=datetime(2026, 11, 17, tzinfo=UTC), title="New", weekly_target=1)
    assert consistency(fresh, [], TODAY).score is None  # this week is not over: not judged
    assert consistency(_goal(weekly_target=0), [], TODAY).score is None


def test_sparkline_values_pad_before_the_goal_existed() -> None:
    goal = _goal()
    recent = consistency(goal, _linked(goal, _week(0), 2), TODAY).recent(12)
    assert len(recent) == 12
    assert recent[:7] == [None] * 7
    assert recent[7] == pytest.approx(WEIGHT)


def test_welcome_back_after_a_gap_but_not_for_paused_weeks() -> None:
    goal = _goal()
    gap = consistency(goal, _linked(goal, _week(0), 2) + _linked(goal, _week(4)), TODAY)
    assert gap.gap_weeks == 3 and gap.welcome_back
    rested = _goal(pauses=[Pause(start=_week(1), until=_week(3))])
    log = _linked(rested, _week(0), 2)
    assert consistency(rested, log, TODAY).gap_weeks == 0
    steady = consistency(goal, _linked(goal, _week(3)), TODAY)
    assert not steady.welcome_back


def test_a_goal_paused_right_now_does_not_lose_this_week() -> None:
    goal = _goal(status=GoalStatus.PAUSED, paused_until=TODAY + timedelta(days=3))
    result = consistency(goal, [], TODAY)
    assert result.weeks[-1].paused and result.weeks[-1].rate is None


def test_what_counts_person_connections_and_steps_done_without_a_log() -> None:
    person = "a" * 32
    goal = _goal(
        person_id=person,
        steps=[
            Step(title="Logged", done_at=datetime.combine(_week(0), datetime.min.time(), UTC)),
            Step(title="Not logged", done_at=datetime.combine(_week(1), datetime.min.time(), UTC)),
        ],
    )
    logged_step = _linked(goal, _week(0))[0].model_copy(update={"step_id": goal.steps[0].id})
    with_person = _linked(goal, _week(2), goal_id=None, person_id=person)
    other_goal = _linked(goal, _week(3), goal_id="b" * 32, person_id=person)
    result = consistency(goal, [logged_step, *with_person, *other_goal], TODAY)
    # The logged step counts once; the unlogged step counts; a connection with the
    # person counts unless it belongs to another goal.
    assert [w.count for w in result.weeks] == [1, 1, 1, 0, 0]
    together = consistency_all([goal], [logged_step, *with_person, *other_goal], TODAY)
    assert together[goal.id].weeks == result.weeks
