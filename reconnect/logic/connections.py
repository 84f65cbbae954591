"""Logging a moment of connection: the rules the shell command and the app share.

Floor 3: plain functions over the store's public API; never textual. Reading words
for choices ("in-person", "Chosen family"), finding or making the person, and `save`:
the one write path for a connection (the Log form, step-done, Log's undo, People and
`reconnect log` all use it), together with a new person in one atomic write.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, TypeVar

from reconnect.logic.natural_dates import read_phrase
from reconnect.logic.support import connection_support
from reconnect.logic.weeks import at_local
from reconnect.records.content import AUTHENTICITY_LABELS, COMFORT_LABELS, DEPTH_LABELS
from reconnect.records.models import (
    CIRCLE_FOR_COUNTERPART,
    COUNTERPART_FOR_CIRCLE,
    Connection,
    Counterpart,
    Person,
    label,
    now_local,
    year_problem,
)

if TYPE_CHECKING:
    from reconnect.store.store import Store

E = TypeVar("E", bound=StrEnum)

# A few minutes of slack so a clock a little ahead of the user's watch is no error.
FUTURE_SLACK = timedelta(minutes=5)
_CLOCK = re.compile(r"^(\d{1,2})[:.](\d{2})$")


def words(enum: type[StrEnum]) -> str:
    """The allowed values as a user types them: 'in-person, phone, …'."""
    return ", ".join(str(m.value).replace("_", "-") for m in enum)


def parse_choice(enum: type[E], text: str) -> E:
    """'In person', 'in-person' and 'in_person' all mean Channel.IN_PERSON."""
    key = re.sub(r"[\s-]+", "_", text.strip().lower())
    try:
        return enum(key)
    except ValueError:
        raise ValueError(f"'{text}' is not one of: {words(enum)}") from None


def parse_clock(text: str) -> time:
    """A time of day typed as 18:30 (or 6:05, or 18.30)."""
    match = _CLOCK.match(text.strip())
    if match:
        hour, minute = int(match[1]), int(match[2])
        if hour < 24 and minute < 60:
            return time(hour, minute)
    raise ValueError("give a time of day like 18:30")


def parse_moment(text: str, now: datetime) -> datetime:
    """A time today (18:30), an ISO date-time (2026-11-20T18:30, zone optional), or a
    natural phrase ("yesterday 18:00", "last friday evening": see natural_dates)."""
    text = text.strip()
    try:
        moment = datetime.combine(now.date(), parse_clock(text))
    except ValueError:
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            said = read_phrase(text, now)
            # On the machine's clock with that day's own offset: "2 weeks ago" may lie
            # across a change of the clocks, where now's offset would be an hour out.
            moment = at_local(said.date(), said.time())
    problem = year_problem(moment)
    if problem:
        raise ValueError(f"'{text}': {problem}")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=now.tzinfo) if now.tzinfo else moment.astimezone()
    return moment


def check_not_future(moment: datetime, now: datetime) -> None:
    if moment > now + FUTURE_SLACK:
        raise ValueError("that is later than now; log a moment once it has happened")


def clean_name(name: str) -> str:
    return " ".join(name.split())


def find_person(
    people: Iterable[Person], name: str, counterpart: Counterpart | None = None
) -> Person | None:
    """The person with this name (case and spacing ignored). Two people can share a
    name: prefer one not archived, then one whose circle fits who it was with."""
    wanted = clean_name(name).casefold()
    if not wanted:
        return None
    matches = [p for p in people if clean_name(p.name).casefold() == wanted]
    matches.sort(key=lambda p: (p.archived, COUNTERPART_FOR_CIRCLE[p.circle] is not counterpart))
    return matches[0] if matches else None


def new_person(name: str, counterpart: Counterpart, now: datetime | None = None) -> Person:
    """A person to add for a name not known yet (raises ValidationError for a bad name)."""
    return Person(
        name=clean_name(name),
        circle=CIRCLE_FOR_COUNTERPART[counterpart],
        created_at=now or now_local(),
    )


@dataclass(frozen=True)
class Saved:
    connection: Connection
    new_person: Person | None = None
    edited: bool = False


def save(
    store: Store, connection: Connection, who: str | None = None, now: datetime | None = None
) -> Saved:
    """Add (or, if its id is stored, update) a connection; `who` names its person.

    An unknown `who` becomes a new person. Everything is one atomic write: on any error
    nothing is saved. An empty `who` clears the person; None keeps `person_id` as given.
    Inside a caller's `store.batch()` it joins that batch (one write for both).
    """
    made: Person | None = None
    with store.batch():
        if who is not None:
            person = (
                find_person(store.people.all(), who, connection.counterpart)
                if who.strip()
                else None
            )
            if person is None and who.strip():
                made = new_person(who, connection.counterpart, now)
                person = store.people.add(made)
            connection = connection.model_copy(update={"person_id": person.id if person else None})
        edited = store.connections.get(connection.id) is not None
        if edited:
            connection = store.connections.update(connection)
        else:
            connection = store.connections.add(connection)
    return Saved(connection, made, edited)


def describe(connection: Connection, person: Person | None = None) -> str:
    """One line: what, with whom, how, how deep, how comfortable, and (when noted)
    whether I could be myself and which way support went."""
    who = f" with {person.name}" if person else ""
    parts = [
        label(connection.counterpart),
        label(connection.channel),
        f"depth {connection.depth} {DEPTH_LABELS[connection.depth]}",
        f"comfort {connection.comfort} {COMFORT_LABELS[connection.comfort]}",
    ]
    if connection.authenticity is not None:
        parts.append(
            f"myself {connection.authenticity} {AUTHENTICITY_LABELS[connection.authenticity]}"
        )
    if support := connection_support(connection):
        parts.append(support)
    return f"\u201c{connection.what}\u201d{who} ({', '.join(parts)})"
