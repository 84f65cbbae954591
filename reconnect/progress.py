"""Pure functions over records: weeks, mixes, last contact and who is drifting.

Weeks run from a configurable first day (0 = Monday … 6 = Sunday) by local date.
Nothing here reads the clock: `today` and time zones are always passed in.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from reconnect.content import COMFORT_LABELS, DEPTH_SHORT, PATTERNS
from reconnect.ladder import add_step
from reconnect.models import (
    CheckIn,
    Connection,
    Goal,
    GoalStatus,
    HomeworkOutcome,
    Person,
    Reflection,
    Step,
)

PATTERN_NAMES: dict[str, str] = {p.id: p.name for p in PATTERNS}


def week_start(day: date, first_day: int = 0) -> date:
    """The first day of the week that contains `day`."""
    return day - timedelta(days=(day.weekday() - first_day) % 7)


def local_date(moment: datetime, tz: tzinfo | None = None) -> date:
    """The calendar date of `moment` where the user is (the machine's zone by default)."""
    return moment.astimezone(tz).date()


def midnight(day: date, tz: tzinfo | None = None) -> datetime:
    """Local midnight starting `day` (the machine's zone unless `tz` is given)."""
    naive = datetime.combine(day, time())
    return naive.replace(tzinfo=tz) if tz is not None else naive.astimezone()


def day_bounds(first: date, days: int, tz: tzinfo | None = None) -> tuple[datetime, datetime]:
    """Aware datetimes for local midnight of `first` and of `days` days later."""
    return midnight(first, tz), midnight(first + timedelta(days=days), tz)


def week_bounds(
    today: date, first_day: int = 0, tz: tzinfo | None = None
) -> tuple[datetime, datetime]:
    """Start (inclusive) and end (exclusive) of the week containing `today`."""
    return day_bounds(week_start(today, first_day), 7, tz)


def depth_mix(connections: Iterable[Connection]) -> dict[int, int]:
    """How many connections at each depth 1–5 (every depth present, zeros included)."""
    counts = Counter(c.depth for c in connections)
    return {depth: counts.get(depth, 0) for depth in range(1, 6)}


def last_contact(connections: Iterable[Connection]) -> dict[str, datetime]:
    """The latest connection time per person id (derived, never stored)."""
    latest: dict[str, datetime] = {}
    for c in connections:
        if c.person_id and (c.person_id not in latest or c.at > latest[c.person_id]):
            latest[c.person_id] = c.at
    return latest


@dataclass(frozen=True)
class Drift:
    """A person past their wished contact cadence."""

    person: Person
    last: datetime | None
    days_since: int
    overdue_by: int


def drifting(
    people: Iterable[Person],
    connections: Iterable[Connection],
    today: date,
    tz: tzinfo | None = None,
) -> list[Drift]:
    """People past their cadence, most overdue first. Never contacted counts from when
    they were added."""
    return drifting_from(people, last_contact(connections), today, tz)


def drifting_from(
    people: Iterable[Person],
    latest: Mapping[str, datetime],
    today: date,
    tz: tzinfo | None = None,
) -> list[Drift]:
    """drifting() given each person's last contact (e.g. Repo.latest_by_person())."""
    found: list[Drift] = []
    for person in people:
        if person.archived or not person.cadence_days:
            continue
        last = latest.get(person.id)
        since_day = local_date(last or person.created_at, tz)
        days_since = (today - since_day).days
        overdue = days_since - person.cadence_days
        if overdue > 0:
            found.append(Drift(person, last, days_since, overdue))
    found.sort(key=lambda d: (-d.overdue_by / d.person.cadence_days, d.person.name.lower()))
    return found


def active_goals(goals: Iterable[Goal], today: date) -> list[Goal]:
    """Goals being worked on today: active, or paused with the pause already over."""
    return [
        g
        for g in goals
        if g.status is GoalStatus.ACTIVE
        or (g.status is GoalStatus.PAUSED and g.paused_until is not None and g.paused_until < today)
    ]


def next_steps(goals: Sequence[Goal]) -> list[tuple[Goal, Step | None]]:
    """Each goal with its easiest step not done yet."""
    return [(g, g.next_step()) for g in goals]


# --- Weeks over a period ------------------------------------------------------------
# Progress looks at whole weeks only: the week in progress is on Today, and a half-done
# week would read as a drop in every count.


def last_full_week(today: date, first_day: int = 0) -> date:
    """The first day of the most recent week that is already over."""
    return week_start(today, first_day) - timedelta(weeks=1)


def period_starts(today: date, weeks: int, first_day: int = 0) -> list[date]:
    """The first days of the `weeks` full weeks ending with the last full week, oldest
    first."""
    last = last_full_week(today, first_day)
    return [last - timedelta(weeks=back) for back in range(weeks - 1, -1, -1)]


def span_bounds(starts: Sequence[date], tz: tzinfo | None = None) -> tuple[datetime, datetime]:
    """Local midnight starting the first week and ending the last one."""
    return day_bounds(starts[0], 7 * len(starts), tz)


# --- What moves a goal --------------------------------------------------------------
# A connection linked to the goal, a connection with the goal's person that is not
# linked to another goal, and a finished step that was not also logged as a connection.


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


# --- The weekly series ----------------------------------------------------------------


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

    @property
    def connections(self) -> int:
        return sum(self.by_depth)

    @property
    def target_share(self) -> float | None:
        """0–1: the share of weekly targets met; None when no goal had a target."""
        return self.targets_met / self.goals_with_target if self.goals_with_target else None


def weekly_points(
    starts: Sequence[date],
    connections: Iterable[Connection],
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
    in_span: list[tuple[int, Connection]] = []
    for c in connections:
        index = week_of(local_date(c.at, tz))
        if not 0 <= index < weeks:
            continue
        in_span.append((index, c))
        by_depth[index][c.depth - 1] += 1
        comfort_sum[index] += c.comfort
        depth_sum[index] += c.depth

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
            )
        )
    return points


@dataclass(frozen=True)
class PeriodSummary:
    """A period's weeks in a few numbers, for the words under each chart."""

    weeks: int
    connections: int
    comfort: float | None  # average over every connection
    depth: float | None
    deep_share: float | None  # share of connections at depth 3 (real conversation) or more
    checkin: float | None  # average over the weeks with a check-in
    checkins: int
    steps_done: int
    goal_weeks: int  # (goal, week) pairs with a weekly target in play
    targets_met: int

    @property
    def connections_per_week(self) -> float:
        return self.connections / self.weeks if self.weeks else 0.0

    @property
    def steps_per_week(self) -> float:
        return self.steps_done / self.weeks if self.weeks else 0.0

    @property
    def target_share(self) -> float | None:
        return self.targets_met / self.goal_weeks if self.goal_weeks else None


def summarise(points: Sequence[WeekPoint]) -> PeriodSummary:
    count = sum(p.connections for p in points)
    comfort = sum(p.comfort * p.connections for p in points if p.comfort is not None)
    depth = sum(p.depth * p.connections for p in points if p.depth is not None)
    deep = sum(sum(p.by_depth[2:]) for p in points)
    scores = [p.checkin for p in points if p.checkin is not None]
    return PeriodSummary(
        weeks=len(points),
        connections=count,
        comfort=comfort / count if count else None,
        depth=depth / count if count else None,
        deep_share=deep / count if count else None,
        checkin=sum(scores) / len(scores) if scores else None,
        checkins=len(scores),
        steps_done=sum(p.steps_done for p in points),
        goal_weeks=sum(p.goals_with_target for p in points),
        targets_met=sum(p.targets_met for p in points),
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
    connections: Iterable[Connection],
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


# --- Words ----------------------------------------------------------------------------


def change(name: str, before: float | None, now: float | None, fmt: str = "{:.1f}") -> str:
    """'comfort up from 2.6 to 3.1', 'comfort steady at 3.1', or just 'comfort 3.1'."""
    if now is None:
        return f"no {name} yet"
    shown_now = fmt.format(now)
    if before is None:
        return f"{name} at {shown_now}"
    shown_before = fmt.format(before)
    if shown_before == shown_now:
        return f"{name} steady at {shown_now}"
    direction = "up" if now > before else "down"
    return f"{name} {direction} from {shown_before} to {shown_now}"


def _weeks(n: int) -> str:
    return "1 week" if n == 1 else f"{n} weeks"


def _percent(share: float | None) -> float | None:
    return None if share is None else 100 * share


def _compared(data: ProgressData, had_before: bool) -> str:
    if had_before:
        return f", compared with the {_weeks(data.weeks)} before."
    return "; no earlier weeks to compare with."


def comfort_depth_words(data: ProgressData) -> str:
    now, before = data.now, data.before
    if now.comfort is None:
        return "Nothing logged in these weeks yet. Comfort and depth show here once you log."
    words = f"{change('Comfort', before.comfort, now.comfort)} and " + change(
        "depth", before.depth, now.depth
    )
    return words + _compared(data, before.comfort is not None)


def connections_words(data: ProgressData) -> str:
    now, before = data.now, data.before
    if not now.connections:
        return "No connections logged in these weeks. A smile at the shop counts."
    had_before = before.connections > 0
    words = change(
        "Connections per week",
        before.connections_per_week if had_before else None,
        now.connections_per_week,
    )
    words += "; " + change(
        "real conversation or deeper",
        _percent(before.deep_share),
        _percent(now.deep_share),
        "{:.0f}%",
    )
    return words + _compared(data, had_before)


def checkin_words(data: ProgressData) -> str:
    now, before = data.now, data.before
    if now.checkin is None:
        return "No check-ins in these weeks. Today offers one each week."
    words = change("Average check-in score", before.checkin, now.checkin)
    words += " (lower means less lonely)"
    return words + _compared(data, before.checkin is not None)


def goals_words(data: ProgressData) -> str:
    now, before = data.now, data.before
    if not now.steps_done and not now.goal_weeks:
        return "No goal steps done and no weekly targets in these weeks."
    had_before = before.steps_done > 0 or before.goal_weeks > 0
    words = change(
        "Steps done per week",
        before.steps_per_week if had_before else None,
        now.steps_per_week,
    )
    if now.goal_weeks:
        words += "; " + change(
            "weekly targets met",
            _percent(before.target_share),
            _percent(now.target_share),
            "{:.0f}%",
        )
    return words + _compared(data, had_before)


# --- One week, for the weekly review ----------------------------------------------------


@dataclass(frozen=True)
class WeekSummary:
    """What happened in one week, gathered for the weekly review."""

    start: date
    by_depth: dict[int, int]
    comfort: float | None
    people: list[str]  # names, most seen first
    steps_done: list[tuple[str, str]]  # (goal title, step title)
    homework: list[tuple[str, HomeworkOutcome | None]]  # (goal title, outcome so far)
    patterns: list[tuple[str, int]]  # (pattern name, reflections that ticked it)
    checkin: int | None
    earlier_checkin: tuple[date, int] | None  # the latest one before this week

    @property
    def connections(self) -> int:
        return sum(self.by_depth.values())


def week_summary(
    start: date,
    connections: Iterable[Connection],
    reflections: Iterable[Reflection],
    goals: Iterable[Goal],
    people: Iterable[Person],
    checkins: Iterable[CheckIn],
    first_day: int = 0,
    tz: tzinfo | None = None,
) -> WeekSummary:
    """The week beginning on `start`. Records outside the week are ignored."""
    end = start + timedelta(days=7)

    def in_week(day: date) -> bool:
        return start <= day < end

    week = [c for c in connections if in_week(local_date(c.at, tz))]
    names = {p.id: p.name for p in people}
    seen = Counter(c.person_id for c in week if c.person_id in names)
    steps: list[tuple[datetime, str, str]] = []
    homework: list[tuple[str, HomeworkOutcome | None]] = []
    for goal in goals:
        steps += [
            (s.done_at, goal.title, s.title)
            for s in goal.steps
            if s.done_at is not None and in_week(local_date(s.done_at, tz))
        ]
        if goal.homework is not None:
            due = goal.homework.due_on or goal.homework.assigned_on
            if in_week(due):
                homework.append((goal.title, goal.homework.outcome))
    steps.sort()
    ticked = Counter(p for r in reflections if in_week(local_date(r.at, tz)) for p in r.patterns)
    this_week: CheckIn | None = None
    earlier: CheckIn | None = None
    for checkin in checkins:
        its_week = week_start(checkin.week, first_day)
        if its_week == start and (this_week is None or checkin.at > this_week.at):
            this_week = checkin
        elif its_week < start and (
            earlier is None or (checkin.week, checkin.at) > (earlier.week, earlier.at)
        ):
            earlier = checkin
    comfort = sum(c.comfort for c in week) / len(week) if week else None
    return WeekSummary(
        start=start,
        by_depth=depth_mix(week),
        comfort=comfort,
        people=[
            names[pid]
            for pid, _ in sorted(seen.items(), key=lambda kv: (-kv[1], names[kv[0]].lower()))
        ],
        steps_done=[(goal, step) for _, goal, step in steps],
        homework=homework,
        patterns=[
            (PATTERN_NAMES.get(pid, pid), n)
            for pid, n in sorted(ticked.items(), key=lambda kv: (-kv[1], kv[0]))
        ],
        checkin=this_week.score if this_week else None,
        earlier_checkin=(week_start(earlier.week, first_day), earlier.score) if earlier else None,
    )


_OUTCOME_WORDS = {
    HomeworkOutcome.DONE: "done",
    HomeworkOutcome.PARTLY: "partly done",
    HomeworkOutcome.NOT_YET: "not yet",
}


def checkin_change_words(summary: WeekSummary) -> str:
    """'5 of 9, down from 6 the week before (lower means less lonely)'."""
    if summary.checkin is None:
        return "no check-in for this week"
    words = f"{summary.checkin} of 9"
    earlier = summary.earlier_checkin
    if earlier is not None:
        week, score = earlier
        when = (
            "the week before"
            if week == summary.start - timedelta(weeks=1)
            else f"the week of {week:%-d %b}"
        )
        if score == summary.checkin:
            words += f", the same as {when}"
        else:
            direction = "down" if summary.checkin < score else "up"
            words += f", {direction} from {score} {when}"
    return words + " (lower means less lonely)"


def summary_lines(summary: WeekSummary) -> list[tuple[str, str]]:
    """The week in words: (heading, text) pairs, empty parts said plainly."""
    lines: list[tuple[str, str]] = []
    if summary.connections:
        mix = ", ".join(f"{n} {DEPTH_SHORT[d]}" for d, n in summary.by_depth.items() if n)
        comfort = summary.comfort or 0.0
        lines.append(("Connections", f"{summary.connections}: {mix}"))
        lines.append(("Comfort", f"{comfort:.1f} of 5 ({COMFORT_LABELS[round(comfort)]})"))
    else:
        lines.append(("Connections", "none logged this week"))
    lines.append(("People seen", ", ".join(summary.people) or "nobody logged by name"))
    steps = "; ".join(f"{step} ({goal})" for goal, step in summary.steps_done)
    lines.append(("Steps done", steps or "none this week"))
    if summary.homework:
        lines.append(
            (
                "Homework",
                "; ".join(
                    f"{goal}: {_OUTCOME_WORDS[outcome] if outcome else 'no outcome noted yet'}"
                    for goal, outcome in summary.homework
                ),
            )
        )
    patterns = ", ".join(name if n == 1 else f"{name} ×{n}" for name, n in summary.patterns)
    lines.append(("Patterns noticed", patterns or "none ticked in reflections"))
    lines.append(("Check-in", checkin_change_words(summary)))
    return lines


def checkin_for_week(
    checkins: Iterable[CheckIn], start: date, first_day: int = 0
) -> CheckIn | None:
    """The check-in of the week beginning on `start` (the latest, should there be two)."""
    found = [c for c in checkins if week_start(c.week, first_day) == start]
    return max(found, key=lambda c: c.at) if found else None


def goal_with_next_step(
    goal: Goal, title: str, previous: str | None = None, predicted: int = 0
) -> Goal:
    """`goal` with `title` as a step (as easy as the easiest not done, so it comes
    next), expecting `predicted` discomfort. A step of that title already there is kept
    as it is; a not-done step named `previous` (the review's earlier wording) is renamed
    rather than duplicated."""
    title = title.strip()
    if any(step.title == title for step in goal.steps):
        return goal
    steps = list(goal.steps)
    for i, step in enumerate(steps):
        if previous and step.title == previous.strip() and not step.done:
            steps[i] = step.model_copy(update={"title": title})
            break
    else:
        easiest = min((s.difficulty for s in steps if not s.done), default=0)
        step = Step(title=title, difficulty=easiest, predicted_discomfort=predicted)
        steps = list(add_step(goal, step).steps)  # in its place on the ladder
    return Goal.model_validate({**goal.model_dump(), "steps": [s.model_dump() for s in steps]})
