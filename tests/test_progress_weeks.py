"""Progress series and the weekly review summary, on small hand-built weeks."""

from datetime import UTC, date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from reconnect.logic.ladder import goal_with_next_step
from reconnect.logic.progress import progress, progress_span, weekly_points
from reconnect.logic.progress_words import (
    change,
    checkin_words,
    comfort_depth_words,
    connections_words,
    goals_words,
)
from reconnect.logic.week_review import (
    LEAD_HEADING,
    PATTERN_NAMES,
    checkin_for_week,
    summary_lines,
    week_summary,
)
from reconnect.logic.weeks import last_full_week, period_starts, week_start
from reconnect.records.models import (
    CheckIn,
    Connection,
    Goal,
    GoalStatus,
    Homework,
    HomeworkOutcome,
    Person,
    Reflection,
    Step,
)
from tests.conftest import each_way, nights

TODAY = date(2026, 11, 21)  # a Saturday; the last full Monday week began 9 Nov
BERLIN = ZoneInfo("Europe/Berlin")


def conn(at: datetime, depth: int = 2, comfort: int = 3, **extra: object) -> Connection:
    return Connection(
        at=at, what="Said hi", counterpart="neighbour", depth=depth, comfort=comfort, **extra
    )


def at(day: date, hour: int = 12, tz=UTC) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=tz)


def checkin(week: date, items: tuple[int, int, int], when: datetime | None = None) -> CheckIn:
    a, b, c = items
    return CheckIn(
        week=week,
        at=when or at(week + timedelta(days=6)),
        lack_companionship=a,
        left_out=b,
        isolated=c,
    )


# --- weeks -------------------------------------------------------------------------


def test_period_is_whole_weeks_ending_with_the_last_full_one() -> None:
    assert last_full_week(TODAY) == date(2026, 11, 9)
    assert period_starts(TODAY, 3) == [date(2026, 10, 26), date(2026, 11, 2), date(2026, 11, 9)]
    # On the first day of a week the week before is the last full one.
    assert last_full_week(date(2026, 11, 16)) == date(2026, 11, 9)


def test_sunday_weeks() -> None:
    assert last_full_week(TODAY, first_day=6) == date(2026, 11, 8)
    starts = period_starts(TODAY, 2, first_day=6)
    assert [d.weekday() for d in starts] == [6, 6]
    assert starts == [date(2026, 11, 1), date(2026, 11, 8)]
    # Sunday 8 Nov opens a Sunday week but closes a Monday one.
    sunday = [conn(at(date(2026, 11, 8)))]
    points = weekly_points(starts, sunday, [], [], TODAY, first_day=6)
    assert [p.connections for p in points] == [0, 1]
    monday = weekly_points(period_starts(TODAY, 2), sunday, [], [], TODAY)
    assert [p.connections for p in monday] == [1, 0]
    assert monday[0].start == date(2026, 11, 2)


def test_boundaries_fall_at_local_midnight() -> None:
    starts = period_starts(TODAY, 2)  # 2 and 9 Nov
    edge = datetime(2026, 11, 9, 0, 0, tzinfo=BERLIN)  # the first moment of the week
    just_before = edge - timedelta(microseconds=1)
    points = weekly_points(
        starts, [conn(edge, depth=4), conn(just_before, depth=1)], [], [], TODAY, tz=BERLIN
    )
    assert [p.by_depth for p in points] == [(1, 0, 0, 0, 0), (0, 0, 0, 1, 0)]
    # What is read from the store (the week and the one before) runs midnight to midnight.
    start, end = progress_span(TODAY, 1, tz=BERLIN)
    assert start == datetime(2026, 11, 2, tzinfo=BERLIN)
    assert end == datetime(2026, 11, 16, tzinfo=BERLIN)


def test_time_zones_decide_the_day_where_the_user_is() -> None:
    # 23:30 UTC on Sunday 8 Nov is already Monday 9 Nov in Berlin.
    late = datetime(2026, 11, 8, 23, 30, tzinfo=UTC)
    starts = period_starts(TODAY, 2)
    in_utc = weekly_points(starts, [conn(late)], [], [], TODAY, tz=UTC)
    in_berlin = weekly_points(starts, [conn(late)], [], [], TODAY, tz=BERLIN)
    assert [p.connections for p in in_utc] == [1, 0]
    assert [p.connections for p in in_berlin] == [0, 1]
    # A record written with another offset is read where the user is now.
    tokyo = datetime(2026, 11, 9, 7, 0, tzinfo=timezone(timedelta(hours=9)))  # Sun 22:00 UTC
    assert [p.connections for p in weekly_points(starts, [conn(tokyo)], [], [], TODAY, tz=UTC)] == [
        1,
        0,
    ]


def test_empty_weeks_are_gaps_not_zeros() -> None:
    starts = period_starts(TODAY, 3)
    points = weekly_points(starts, [conn(at(starts[1]), depth=3, comfort=4)], [], [], TODAY)
    assert [p.comfort for p in points] == [None, 4.0, None]
    assert [p.depth for p in points] == [None, 3.0, None]
    assert [p.checkin for p in points] == [None, None, None]
    assert [p.target_share for p in points] == [None, None, None]
    assert [p.connections for p in points] == [0, 1, 0]


def test_an_empty_week_in_the_middle_is_left_out_of_averages() -> None:
    starts = period_starts(TODAY, 6)  # three weeks now, three before
    connections = [
        conn(at(starts[3]), comfort=2),
        conn(at(starts[3] + timedelta(days=1)), comfort=2),
        conn(at(starts[3] + timedelta(days=2)), comfort=2),
        conn(at(starts[5]), comfort=4),
    ]
    data = progress(connections, [], [], TODAY, 3)
    assert [p.logged for p in data.points] == [True, False, True]
    assert data.now.weeks_logged == 2
    # 4 connections over the 2 weeks with entries: 2 a week, not 4 / 3.
    assert data.now.connections_per_week == 2.0
    assert data.now.steps_per_week == 0.0
    # The gap week is skipped, not read as 0: from the first week with entries to the last.
    assert connections_words(data).startswith(
        "Connections per week fell from 3.0 to 1.0 over the 2 weeks with entries"
    )
    assert comfort_depth_words(data).startswith(
        "Comfort rose from 2.0 to 4.0 over the 2 weeks with entries"
    )
    assert data.before.connections_per_week is None


def test_a_single_week() -> None:
    [point] = weekly_points(
        period_starts(TODAY, 1),
        [conn(at(date(2026, 11, 10)), depth=1, comfort=2), conn(at(date(2026, 11, 12)), 5, 4)],
        [checkin(date(2026, 11, 9), (2, 2, 1))],
        [],
        TODAY,
    )
    assert point.start == date(2026, 11, 9)
    assert point.by_depth == (1, 0, 0, 0, 1)
    assert (point.comfort, point.depth, point.checkin) == (3.0, 3.0, 5)


def test_nothing_at_all() -> None:
    data = progress([], [], [], TODAY, 8)
    assert data.weeks == 8 and all(p.connections == 0 for p in data.points)
    assert data.now.comfort is None and data.now.connections_per_week is None
    assert "Nothing logged" in comfort_depth_words(data)
    assert "No connections" in connections_words(data)
    assert "No check-ins" in checkin_words(data)
    assert "No goal steps" in goals_words(data)


# --- check-ins ---------------------------------------------------------------------


def test_checkins_land_in_their_week_the_latest_counting() -> None:
    week = date(2026, 11, 9)
    first = checkin(week, (3, 3, 3), at(date(2026, 11, 10)))
    second = checkin(week, (1, 2, 1), at(date(2026, 11, 14)))
    [point] = weekly_points([week], [], [second, first], [], TODAY)
    assert point.checkin == 4
    assert checkin_for_week([first, second], week) == second
    # A check-in stored under a Monday week still lands in the Sunday week containing it.
    assert checkin_for_week([first], date(2026, 11, 8), first_day=6) == first


# --- goals -------------------------------------------------------------------------


def goal(**extra: object) -> Goal:
    fields: dict[str, object] = {
        "created_at": at(date(2026, 10, 26)),
        "title": "Text Maya",
        "weekly_target": 2,
    }
    fields.update(extra)
    return Goal(**fields)


def test_weekly_targets_met_from_linked_connections_and_steps() -> None:
    maya = Person(name="Maya", created_at=at(date(2026, 1, 1)))
    step = Step(title="Reply", done_at=at(date(2026, 11, 10)))
    g = goal(person_id=maya.id, steps=[step])
    other = goal(title="Someone else")
    starts = period_starts(TODAY, 3)  # 26 Oct, 2 Nov, 9 Nov
    connections = [
        conn(at(date(2026, 10, 27)), goal_id=g.id),
        conn(at(date(2026, 10, 28)), person_id=maya.id),  # with the goal's person: counts
        conn(at(date(2026, 11, 3)), person_id=maya.id, goal_id=other.id),  # another goal's
        conn(at(date(2026, 11, 10)), goal_id=g.id, step_id=step.id),  # the step, logged once
    ]
    points = weekly_points(starts, connections, [], [g, other], TODAY)
    assert [p.goals_with_target for p in points] == [2, 2, 2]
    # Week 1: g met (2 of 2). Week 2: other has 1 of 2. Week 3: g has 1 (step logged once).
    assert [p.targets_met for p in points] == [1, 0, 0]
    assert [p.steps_done for p in points] == [0, 0, 1]
    assert points[0].target_share == 0.5


def test_paused_and_untargeted_goals_are_left_out() -> None:
    starts = period_starts(TODAY, 2)
    resting = goal(status=GoalStatus.PAUSED, paused_until=TODAY + timedelta(days=3))
    pause_over = goal(status=GoalStatus.PAUSED, paused_until=TODAY - timedelta(days=1))
    no_target = goal(weekly_target=0)
    points = weekly_points(starts, [], [], [resting, pause_over, no_target], TODAY)
    assert [p.goals_with_target for p in points] == [1, 1]  # only the pause that is over


def test_goal_counts_from_its_first_week_and_until_it_ended() -> None:
    starts = period_starts(TODAY, 3)  # 26 Oct, 2 Nov, 9 Nov
    late = goal(created_at=at(date(2026, 11, 4)))
    done = goal(
        status=GoalStatus.DONE,
        weekly_target=1,
        steps=[Step(title="Call", done_at=at(date(2026, 11, 3)))],
    )
    let_go_untouched = goal(status=GoalStatus.LET_GO)
    points = weekly_points(starts, [], [], [late, done, let_go_untouched], TODAY)
    assert [p.goals_with_target for p in points] == [1, 2, 1]
    assert [p.targets_met for p in points] == [0, 1, 0]


# --- comparisons in words -------------------------------------------------------------


def test_change_words() -> None:
    assert change("comfort", 2.6, 3.1) == "comfort: 3.1 (up from 2.6)"
    assert change("comfort", 3.14, 3.12) == "comfort: 3.1 (the same as before)"
    assert change("score", 6.0, 5.0, when=" last month") == "score: 5.0 (down from 6.0 last month)"
    assert change("comfort", None, 3.0) == "comfort: 3.0"
    assert change("comfort", 3.0, None) == "comfort: no entries"


def test_period_compared_with_the_one_before() -> None:
    starts = period_starts(TODAY, 4)  # two weeks now, two before
    connections = [
        conn(at(starts[0]), depth=1, comfort=2),
        conn(at(starts[1]), depth=2, comfort=3),
        conn(at(starts[2]), depth=3, comfort=3),
        conn(at(starts[3]), depth=4, comfort=4),
        conn(at(starts[3] + timedelta(days=1)), depth=5, comfort=5),
    ]
    checkins = [checkin(starts[0], (3, 3, 2)), checkin(starts[3], (2, 2, 1))]
    data = progress(connections, checkins, [], TODAY, 2)
    assert [p.start for p in data.points] == starts[2:]
    assert comfort_depth_words(data) == (
        "Comfort rose from 3.0 to 4.5 over 2 weeks; depth rose from 3.0 to 4.5; "
        "comfort higher than the 2 weeks before (4.0 against 2.5)."
    )
    assert connections_words(data).startswith(
        "Connections per week rose from 1.0 to 2.0 over 2 weeks; "
        "3 of 3 connections were real conversation or deeper (0 of 2 before)"
    )
    assert checkin_words(data) == (
        "Only one check-in in these 2 weeks: too little to show a change yet "
        "(score 5, on the 3–9 scale, lower means less lonely)."
    )


# --- the weekly review summary ----------------------------------------------------------


def test_week_summary_gathers_the_week() -> None:
    week = date(2026, 11, 9)
    maya = Person(name="Maya", created_at=at(date(2026, 1, 1)))
    sam = Person(name="Sam", created_at=at(date(2026, 1, 1)))
    g = goal(
        title="Book club",
        steps=[
            Step(title="Go", done_at=at(date(2026, 11, 12))),
            Step(title="Old", done_at=at(date(2026, 11, 2))),
        ],
        homework=Homework(
            assigned_on=date(2026, 11, 1),
            due_on=date(2026, 11, 13),
            outcome=HomeworkOutcome.PARTLY,
        ),
    )
    connections = [
        conn(at(week), depth=1, comfort=2, person_id=sam.id),
        conn(at(week + timedelta(days=1)), depth=3, comfort=4, person_id=maya.id),
        conn(at(week + timedelta(days=2)), depth=3, comfort=3, person_id=maya.id),
        conn(at(week + timedelta(days=7)), depth=5),  # next week: left out
    ]
    reflections = [
        Reflection(at=at(week), patterns=["busy", "hurt"]),
        Reflection(at=at(week + timedelta(days=3)), patterns=["busy"]),
    ]
    checkins = [
        checkin(date(2026, 10, 26), (3, 3, 3)),
        checkin(week, (2, 2, 2)),
    ]
    summary = week_summary(week, connections, reflections, [g], [maya, sam], checkins)
    assert summary.connections == 3
    assert summary.by_depth == {1: 1, 2: 0, 3: 2, 4: 0, 5: 0}
    assert summary.people == ["Maya", "Sam"]
    assert summary.steps_done == [("Book club", "Go")]
    assert summary.homework == [("Book club", HomeworkOutcome.PARTLY)]
    assert summary.patterns[0] == ("Busy schedule", 2)
    assert summary.checkin == 6 and summary.earlier_checkin == (date(2026, 10, 26), 9)
    pairs = summary_lines(summary)
    # Depth and comfort lead; the count is the last line.
    assert pairs[0] == (LEAD_HEADING, "mostly real conversation; comfort 3.0 of 5 (okay)")
    assert pairs[-1] == ("Connections", "3 in the week: 1 greeting, 2 real conversation")
    lines = dict(pairs)
    assert lines["Homework"] == "Book club: partly done"
    assert lines["Check-in"] == (
        "loneliness score 6 (on the 3–9 scale, lower means less lonely), "
        "down from 9 the week of 26 Oct"
    )


def test_week_summary_of_an_empty_week_says_so_plainly() -> None:
    summary = week_summary(date(2026, 11, 9), [], [], [], [], [])
    lines = dict(summary_lines(summary))
    assert lines[LEAD_HEADING] == "nothing logged this week"
    assert "Connections" not in lines
    assert lines["People seen"] == "nobody logged by name"
    assert lines["Check-in"] == "no check-in for this week"
    assert "Homework" not in lines


# --- the next step as a goal step ---------------------------------------------------------


def test_next_step_becomes_a_goal_step_once() -> None:
    g = goal(steps=[Step(title="Reply", difficulty=3)])
    added = goal_with_next_step(g, "  Ask about Saturday ")
    assert [s.title for s in added.steps] == ["Reply", "Ask about Saturday"]
    assert added.next_step().title == "Reply"  # ties keep the older step first
    assert goal_with_next_step(added, "Ask about Saturday") == added
    renamed = goal_with_next_step(added, "Ask about Sunday", previous="Ask about Saturday")
    assert [s.title for s in renamed.steps] == ["Reply", "Ask about Sunday"]


def test_a_reviewed_next_step_takes_its_place_on_the_ladder() -> None:
    from reconnect.logic.ladder import goal_with_next_step
    from reconnect.records.models import Goal, Step

    at = datetime(2026, 11, 1, tzinfo=UTC)
    goal = Goal(
        created_at=at,
        title="Reach out",
        steps=[
            Step(title="done, hard", difficulty=6, done_at=at, actual_discomfort=3),
            Step(title="easy", difficulty=2),
            Step(title="harder", difficulty=5),
        ],
    )
    updated = goal_with_next_step(goal, "Text Sam", predicted=7)
    titles = [s.title for s in updated.steps]
    assert titles.index("Text Sam") < titles.index("harder")
    new = next(s for s in updated.steps if s.title == "Text Sam")
    assert (new.difficulty, new.predicted_discomfort) == (2, 7)
    diffs = [s.difficulty for s in updated.steps]
    assert diffs.index(2) < diffs.index(5)


# --- every zone, Monday and Sunday weeks --------------------------------------------


def test_weeks_change_at_local_midnight_on_clock_nights_and_new_year(
    zone: ZoneInfo, first_day: int
) -> None:
    """A connection a minute before a week ends and one a minute after land either side;
    a check-in is filed by its week whatever the first day."""
    for night in nights(zone):
        boundary = week_start(night, first_day) + timedelta(weeks=1)
        today = boundary + timedelta(weeks=1)  # the last full week starts at the boundary
        starts = period_starts(today, 2, first_day)
        assert starts == [boundary - timedelta(weeks=1), boundary]
        late = datetime.combine(boundary - timedelta(days=1), time(23, 59), tzinfo=zone)
        early = datetime.combine(boundary, time(0, 1), tzinfo=zone)
        log = [conn(late.astimezone(UTC), depth=1), conn(early, depth=5)]
        checkins = [checkin(boundary, (1, 1, 1), when=early)]
        for points in each_way(
            zone,
            lambda tz, s=starts, c=log, k=checkins, t=today: weekly_points(
                s, c, k, [], t, first_day, tz
            ),
        ):
            assert [p.start for p in points] == starts
            assert [p.by_depth for p in points] == [(1, 0, 0, 0, 0), (0, 0, 0, 0, 1)]
            assert [p.checkin for p in points] == [None, 3]
        for span in each_way(zone, lambda tz, t=today: progress_span(t, 1, first_day, tz)):
            assert span[0] == datetime.combine(boundary - timedelta(weeks=1), time(), tzinfo=zone)
            assert span[1] == datetime.combine(today, time(), tzinfo=zone)


def _local(day: date, clock: time, zone: ZoneInfo) -> datetime:
    """`clock` on `day` where the user is, saved in UTC (records may hold any offset)."""
    return datetime.combine(day, clock, tzinfo=zone).astimezone(UTC)


LAST_MINUTE, FIRST_MINUTE = time(23, 59), time(0, 1)


def test_goals_count_from_their_local_first_week_with_steps_near_midnight(
    zone: ZoneInfo, first_day: int
) -> None:
    """A goal made a minute into a week is in play that week; one made a minute before
    it is in play the week before. A step done a minute before a week ends counts there."""
    for night in nights(zone):
        boundary = week_start(night, first_day) + timedelta(weeks=1)
        today = boundary + timedelta(weeks=1, days=3)
        just_in = goal(
            created_at=_local(boundary, FIRST_MINUTE, zone),
            weekly_target=1,
            steps=[Step(title="Wave", done_at=_local(boundary, FIRST_MINUTE, zone))],
        )
        just_before = goal(
            created_at=_local(boundary - timedelta(days=1), LAST_MINUTE, zone),
            weekly_target=1,
            steps=[
                Step(title="Nod", done_at=_local(boundary - timedelta(days=1), LAST_MINUTE, zone))
            ],
        )
        for data in each_way(
            zone,
            lambda tz, t=today, g=[just_in, just_before]: progress([], [], g, t, 1, first_day, tz),
        ):
            assert [p.start for p in data.points] == [boundary]
            assert [p.start for p in data.points] == period_starts(today, 1, first_day)
            assert (data.before.goal_weeks, data.now.goal_weeks) == (1, 2)
            assert (data.before.steps_done, data.now.steps_done) == (1, 1)
            assert (data.before.targets_met, data.now.targets_met) == (1, 1)


def test_a_week_summary_in_every_zone(zone: ZoneInfo, first_day: int) -> None:
    """Records a minute either side of the week's ends; check-ins filed under Monday
    weeks still found once weeks start on Sunday."""
    maya = Person(name="Maya", created_at=at(date(2026, 1, 1)))
    for night in nights(zone):
        start = week_start(night, first_day)
        end = start + timedelta(days=7)
        stamps = {
            "before": _local(start - timedelta(days=1), LAST_MINUTE, zone),
            "first": _local(start, FIRST_MINUTE, zone),
            "last": _local(end - timedelta(days=1), LAST_MINUTE, zone),
            "after": _local(end, FIRST_MINUTE, zone),
        }
        # Each stamp told apart (by depth, by pattern): counts alone balance out when one
        # record slips out at the start and another in at the end.
        log = [
            conn(moment, depth=n, person_id=maya.id)
            for n, moment in enumerate(stamps.values(), start=1)
        ]
        steps = [Step(title=name, done_at=moment) for name, moment in stamps.items()]
        g = goal(title="Walks", steps=steps)
        ticks = ("busy", "hurt", "inward", "exhausted")
        notes = [
            Reflection(at=m, patterns=[t]) for m, t in zip(stamps.values(), ticks, strict=True)
        ]
        # Filed under Monday weeks (an earlier first-day setting): midweek Monday.
        checkins = [
            checkin(week_start(start + timedelta(days=3), 0), (1, 1, 1), when=stamps["first"]),
            checkin(week_start(start - timedelta(days=4), 0), (3, 3, 3), when=stamps["before"]),
        ]
        for summary in each_way(
            zone,
            lambda tz, s=start, c=log, r=notes, g=[g], k=checkins: week_summary(
                s, c, r, g, [maya], k, first_day, tz
            ),
        ):
            assert summary.by_depth == {1: 0, 2: 1, 3: 1, 4: 0, 5: 0}
            assert summary.people == ["Maya"]
            assert summary.steps_done == [("Walks", "first"), ("Walks", "last")]
            assert sorted(summary.patterns) == sorted(
                [(PATTERN_NAMES["hurt"], 1), (PATTERN_NAMES["inward"], 1)]
            )
            assert summary.checkin == 3
            assert summary.earlier_checkin == (start - timedelta(weeks=1), 9)


# --- the words describe change within the period ---------------------------------------


def _weeks_of(comforts: list[int | None], depth: int = 2) -> list[Connection]:
    """One connection a week at each comfort, oldest first; None leaves the week a gap."""
    starts = period_starts(TODAY, len(comforts))
    return [conn(at(s), depth=depth, comfort=c) for s, c in zip(starts, comforts, strict=True) if c]


def test_words_for_a_rising_series() -> None:
    # Six weeks, a gap in the middle; the ends are the means of two weeks with entries.
    data = progress(_weeks_of([1, 2, None, 3, 4, 5]), [], [], TODAY, 6)
    assert comfort_depth_words(data) == (
        "Comfort rose from 1.5 to 4.5 over the 5 weeks with entries; depth stayed about 2.0; "
        "nothing logged in the 6 weeks before to compare with."
    )


def test_words_for_a_flat_series() -> None:
    data = progress(_weeks_of([3, 3, 3, 3, 3, 3, 3, 3]), [], [], TODAY, 4)
    assert comfort_depth_words(data) == (
        "Comfort stayed about 3.0 over 4 weeks; depth stayed about 2.0; "
        "comfort about the same as the 4 weeks before."
    )


def test_words_for_a_falling_series() -> None:
    data = progress(_weeks_of([4, 4, 5, 4, 2, 1]), [], [], TODAY, 3)
    assert comfort_depth_words(data) == (
        "Comfort fell from 4.0 to 1.0 over 3 weeks; depth stayed about 2.0; "
        "comfort lower than the 3 weeks before (2.3 against 4.3)."
    )


def test_words_for_too_little_data() -> None:
    data = progress(_weeks_of([None, None, 4, None]), [], [], TODAY, 4)
    assert comfort_depth_words(data) == (
        "Only one week with connections in these 4 weeks: too little to show a change yet "
        "(comfort 4.0, depth 2.0)."
    )
    assert connections_words(data) == (
        "Only one week with connections in these 4 weeks: too little to show a change yet; "
        "0 of 1 connection was real conversation or deeper."
    )
    assert checkin_words(data) == "No check-ins in these weeks. Today offers one each week."


def test_week_summary_compares_comfort_with_the_week_before() -> None:
    week = date(2026, 11, 9)
    before = [conn(at(week - timedelta(days=3)), comfort=2)]
    now = [conn(at(week), depth=3, comfort=4)]
    lead = summary_lines(week_summary(week, before + now, [], [], [], []))[0][1]
    assert lead == (
        "only real conversation; comfort 4.0 of 5 (fairly comfortable), up from 2.0 the week before"
    )
    assert week_summary(week, before + now, [], [], [], []).connections == 1  # still this week's
    # No entries the week before: a gap, nothing to compare with.
    lead = summary_lines(week_summary(week, now, [], [], [], []))[0][1]
    assert lead == "only real conversation; comfort 4.0 of 5 (fairly comfortable)"
