"""Last contact with each person, and who is drifting past the rhythm they want."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from reconnect.logic.weeks import local_date
from reconnect.records.models import (
    Connection,
    Person,
)


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
