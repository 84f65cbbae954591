"""Pure functions over records: weeks, mixes, last contact and who is drifting.

Weeks run from a configurable first day (0 = Monday … 6 = Sunday) by local date.
Nothing here reads the clock: `today` and time zones are always passed in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from reconnect.models import Connection, Goal, GoalStatus, Person, Step


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
