"""People with what the log says about them, and archiving or deleting someone without
losing history (both undoable)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from reconnect.logic.drift import Drift, drifting_from, last_contact
from reconnect.logic.person_measures import NO_MOMENTS, Measures, recent_by_person
from reconnect.logic.removals import PersonArchived, RecordRemoved, unlink
from reconnect.logic.weeks import local_date
from reconnect.records.models import (
    COUNTERPART_FOR_CIRCLE,
    Connection,
    Counterpart,
    Goal,
    GoalKind,
    Person,
)
from reconnect.store.store import Store

# A sensible first guess for a goal without a person; the user can change it.
COUNTERPART_FOR_KIND: dict[GoalKind, Counterpart] = {
    GoalKind.MICRO: Counterpart.STRANGER,
    GoalKind.JOIN_COMMUNITY: Counterpart.GROUP,
}


def counterpart_for(person: Person | None, kind: GoalKind | None = None) -> Counterpart:
    if person is not None:
        return COUNTERPART_FOR_CIRCLE[person.circle]
    return COUNTERPART_FOR_KIND.get(kind, Counterpart.FRIEND) if kind else Counterpart.FRIEND


@dataclass(frozen=True)
class PersonRow:
    person: Person
    last: datetime | None
    days_since: int | None  # None: never logged
    logged: int  # connections with them
    drift: Drift | None  # set when they are past their wished cadence
    recent: Measures  # depth, comfort and myself over the last weeks


def people_rows(
    people: Iterable[Person],
    connections: Sequence[Connection],
    today: date,
    tz: tzinfo | None = None,
) -> list[PersonRow]:
    """One row per person, by name; last contact derived from the log."""
    people = list(people)
    latest = last_contact(connections)
    counts = Counter(c.person_id for c in connections if c.person_id)
    drifts = {d.person.id: d for d in drifting_from(people, latest, today, tz)}
    recent = recent_by_person(connections, today, tz)
    rows = []
    for person in people:
        last = latest.get(person.id)
        rows.append(
            PersonRow(
                person,
                last,
                (today - local_date(last, tz)).days if last else None,
                counts.get(person.id, 0),
                drifts.get(person.id),
                recent.get(person.id, NO_MOMENTS),
            )
        )
    rows.sort(key=lambda r: r.person.name.casefold())
    return rows


def linked_count(store: Store, person_id: str) -> tuple[int, int]:
    """How many connections and goals mention this person."""
    connections = sum(1 for c in store.connections.all() if c.person_id == person_id)
    goals = sum(1 for g in store.goals.all() if g.person_id == person_id)
    return connections, goals


def delete_person(store: Store, person_id: str) -> RecordRemoved | None:
    """Delete a person in one write. Their connections and goals stay, unlinked; the
    Removal puts the person and those links back."""
    with store.batch():
        cut = unlink(store, Connection.table, person_id, ("person_id",))
        cut += unlink(store, Goal.table, person_id, ("person_id",))
        gone = store.people.delete(person_id)
    return RecordRemoved(gone, gone.name, tuple(cut)) if gone is not None else None


def archive_person(store: Store, person_id: str) -> PersonArchived | None:
    """Archive someone (hidden from lists, history kept); the Removal brings them back.
    None when they are gone or already archived."""
    with store.batch():
        person = store.people.get(person_id)
        if person is None or person.archived:
            return None
        store.people.update(person.model_copy(update={"archived": True}))
    return PersonArchived(person.id, person.name)
