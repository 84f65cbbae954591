"""What a person's page says about them: depth and comfort month by month, the goals and
steps that name them, and when their important dates next come round, in words.

Floor 3: plain functions; never textual.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, tzinfo

from reconnect.logic.important_dates import next_occurrence
from reconnect.logic.weeks import local_date
from reconnect.records.facts import ConnectionFacts
from reconnect.records.models import Connection, Goal, GoalStatus, ImportantDate, Person, Step

MONTHS_SHOWN = 12


@dataclass(frozen=True)
class MonthPoint:
    """One calendar month: how many moments, and their mean depth and comfort (None: a
    month with nothing logged is a gap, never a zero)."""

    month: date  # its first day
    moments: int
    depth: float | None
    comfort: float | None


def month_starts(today: date, months: int = MONTHS_SHOWN) -> list[date]:
    """The first days of the `months` calendar months ending with today's, oldest first."""
    starts = []
    year, month = today.year, today.month
    for _ in range(months):
        starts.append(date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return starts[::-1]


def by_month(
    moments: Iterable[ConnectionFacts | Connection],
    today: date,
    months: int = MONTHS_SHOWN,
    tz: tzinfo | None = None,
) -> list[MonthPoint]:
    """Depth and comfort per calendar month over the last `months`, oldest first."""
    starts = month_starts(today, months)
    sums: dict[date, list[int]] = {m: [0, 0, 0] for m in starts}
    for moment in moments:
        day = local_date(moment.at, tz)
        if day > today:
            continue
        bucket = sums.get(date(day.year, day.month, 1))
        if bucket is not None:
            bucket[0] += 1
            bucket[1] += moment.depth
            bucket[2] += moment.comfort
    return [
        MonthPoint(m, n, d / n if n else None, c / n if n else None)
        for m, (n, d, c) in sums.items()
    ]


@dataclass(frozen=True)
class GoalMention:
    """A goal about a person: linked to them, or naming them in its title or a step."""

    goal: Goal
    linked: bool  # the goal's person is them
    steps: tuple[Step, ...]  # the steps that name them


def _names(name: str) -> re.Pattern[str]:
    """The whole name as words (not 'Sam' inside 'Samuel'), any case."""
    words = r"\s+".join(re.escape(w) for w in name.split())
    return re.compile(rf"(?<!\w){words}(?!\w)", re.IGNORECASE)


def goals_naming(person: Person, goals: Iterable[Goal]) -> list[GoalMention]:
    """Goals linked to `person` or whose title or steps name them; active ones first."""
    pattern = _names(person.name)
    found = []
    for goal in goals:
        steps = tuple(s for s in goal.steps if pattern.search(s.title))
        linked = goal.person_id == person.id
        if linked or steps or pattern.search(goal.title):
            found.append(GoalMention(goal, linked, steps))
    order = {GoalStatus.ACTIVE: 0, GoalStatus.PAUSED: 1}
    return sorted(found, key=lambda m: order.get(m.goal.status, 2))


def until_words(days: int) -> str:
    """'today', 'tomorrow', 'in 5 days', 'in 3 weeks', 'in 4 months'."""
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days < 14:
        return f"in {days} days"
    if days < 60:
        return f"in {round(days / 7)} weeks"
    return f"in {round(days / 30.44)} months"


def date_words(important: ImportantDate, today: date) -> str:
    """'Birthday: 12 March (in 3 months)'; with a year, how many years it will have
    been: 'Anniversary: 20 June (in 7 months; 12 years since 2015)'."""
    when = next_occurrence(important, today)
    years = ""
    if important.year is not None and when.year > important.year:
        years = f"; {when.year - important.year} years since {important.year}"
    return f"{important.label}: {when.day} {when:%B} ({until_words((when - today).days)}{years})"


def dates_words(person: Person, today: date) -> list[str]:
    """A person's important dates, soonest first, each in words."""
    dates: Sequence[ImportantDate] = sorted(
        person.important_dates, key=lambda d: (next_occurrence(d, today), d.label)
    )
    return [date_words(d, today) for d in dates]
