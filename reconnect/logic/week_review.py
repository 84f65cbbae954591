"""One week summed up for the weekly review, and its check-in."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from reconnect.logic.checkin_score import score_words
from reconnect.logic.day_format import day_format
from reconnect.logic.group_summary import week_visits_words
from reconnect.logic.overview import (
    authenticity_mean,
    authenticity_words,
    comfort_words,
    depth_mix,
    depth_words,
)
from reconnect.logic.support_tally import support_tally_words
from reconnect.logic.weeks import local_date, week_start
from reconnect.records.content import DEPTH_SHORT, PATTERNS
from reconnect.records.models import (
    CheckIn,
    Connection,
    Goal,
    Group,
    HomeworkOutcome,
    Person,
    Reflection,
)

PATTERN_NAMES: dict[str, str] = {p.id: p.name for p in PATTERNS}


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
    earlier_comfort: float | None = None  # the week before's, when its connections were given
    authenticity: float | None = None  # over the moments that answered it; None if none did
    support: str = ""  # support given and received, by kind, in words ("" when none noted)
    groups: str = ""  # the week's visits to groups, in words ("" when none)

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
    groups: Iterable[Group] = (),
) -> WeekSummary:
    """The week beginning on `start`. Records outside the week are ignored, but for the
    week before's connections: their comfort is what this week's is compared with."""
    end = start + timedelta(days=7)
    connections = list(connections)
    week_before = [
        c.comfort for c in connections if start - timedelta(days=7) <= local_date(c.at, tz) < start
    ]

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
        earlier_comfort=sum(week_before) / len(week_before) if week_before else None,
        authenticity=authenticity_mean(week),
        support=support_tally_words(week),
        groups=week_visits_words(groups, week),
    )


_OUTCOME_WORDS = {
    HomeworkOutcome.DONE: "done",
    HomeworkOutcome.PARTLY: "partly done",
    HomeworkOutcome.NOT_YET: "not yet",
}


def checkin_change_words(summary: WeekSummary) -> str:
    """'loneliness score 5 (on the 3–9 scale, …), down from 6 the week before'."""
    if summary.checkin is None:
        return "no check-in for this week"
    words = score_words(summary.checkin)
    earlier = summary.earlier_checkin
    if earlier is not None:
        week, score = earlier
        when = (
            "the week before"
            if week == summary.start - timedelta(weeks=1)
            else f"the week of {day_format(week, '{day} %b')}"
        )
        if score == summary.checkin:
            words += f", the same as {when}"
        else:
            direction = "down" if summary.checkin < score else "up"
            words += f", {direction} from {score} {when}"
    return words


# The heading of the count of the week's connections: small print, after depth and comfort.
COUNT_HEADING = "Connections"


def comfort_change_words(comfort: float, earlier: float | None) -> str:
    """', up from 3.2 the week before', ', the same as the week before', or '' (no entries
    the week before: a gap, not a zero)."""
    if earlier is None:
        return ""
    if f"{earlier:.1f}" == f"{comfort:.1f}":
        return ", the same as the week before"
    return f", {'up' if comfort > earlier else 'down'} from {earlier:.1f} the week before"


# The heading the summary opens with: how deep, how comfortable, how much oneself.
LEAD_HEADING = "Depth, comfort and myself"


def lead_line(summary: WeekSummary) -> str:
    """lead_words' parts (overview.py), with comfort compared with the week before:
    'mostly small talk; comfort 3.4 of 5 (okay), up from 3.1 …; myself 3.8 of 5 (…)'."""
    comfort = summary.comfort or 0.0
    words = f"{depth_words(summary.by_depth)}; {comfort_words(comfort)}" + comfort_change_words(
        comfort, summary.earlier_comfort
    )
    if summary.authenticity is not None:  # not asked that week: left out, never a zero
        words += f"; {authenticity_words(summary.authenticity)}"
    return words


def summary_lines(summary: WeekSummary) -> list[tuple[str, str]]:
    """The week in words: (heading, text) pairs, empty parts said plainly. It opens with how
    deep and how comfortable the week's moments were and how far one could be oneself, then
    the support given and received; the count comes last (COUNT_HEADING)."""
    lines: list[tuple[str, str]] = []
    count: list[tuple[str, str]] = []
    if summary.connections:
        mix = ", ".join(f"{n} {DEPTH_SHORT[d]}" for d, n in summary.by_depth.items() if n)
        lines.append((LEAD_HEADING, lead_line(summary)))
        count.append((COUNT_HEADING, f"{summary.connections} in the week: {mix}"))
        lines.append(("Support", summary.support or "none noted this week"))
    else:
        lines.append((LEAD_HEADING, "nothing logged this week"))
    lines.append(("People seen", ", ".join(summary.people) or "nobody logged by name"))
    if summary.groups:  # only for a week with visits: no group is not a gap to point at
        lines.append(("Groups", summary.groups))
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
    return lines + count


def checkin_for_week(
    checkins: Iterable[CheckIn], start: date, first_day: int = 0
) -> CheckIn | None:
    """The check-in of the week beginning on `start` (the latest, should there be two)."""
    found = [c for c in checkins if week_start(c.week, first_day) == start]
    return max(found, key=lambda c: c.at) if found else None
