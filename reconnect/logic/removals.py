"""Deletes (and archives) that can be taken back. Each returns a Removal holding all it
took away (the record, the links it cut, a step's place on its ladder, a person's place
in the lists), and `restore` puts it back exactly, same id and every field, in one
write. UndoStacks keeps them per area for the app's `u` (screens/areas/undo.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from reconnect.logic import connections
from reconnect.logic.reflections import day_words
from reconnect.records.models import Connection, Record, Step

if TYPE_CHECKING:
    from reconnect.store.store import Store


class Removal(Protocol):
    """Something deleted that can be put back."""

    @property
    def name(self) -> str:
        """Words naming it, for "Deleted: …" and "Put back: …"."""
        ...

    def restore(self, store: Store) -> bool:
        """Put it back; False when there is nothing to do (already back, or what it
        belonged to is gone)."""
        ...


@dataclass(frozen=True)
class Unlinked:
    """A record that pointed at the deleted one, and the links it had."""

    table: str
    record_id: str
    links: dict[str, Any]  # field -> its value before the delete


@dataclass(frozen=True)
class RecordRemoved:
    """A whole record deleted, with the links to it that were cut."""

    record: Record
    name: str
    unlinked: tuple[Unlinked, ...] = ()

    def count(self, table: str) -> int:
        """How many records of `table` had their link to it cut."""
        return sum(1 for u in self.unlinked if u.table == table)

    def restore(self, store: Store) -> bool:
        repo = store.repos[self.record.table]
        with store.batch():
            if repo.has(self.record.id):
                return False
            if isinstance(self.record, Connection):
                connections.save(store, self.record)  # the one write path for connections
            else:
                repo.add(self.record)
            for link in self.unlinked:
                other = store.repos[link.table]
                current = other.get(link.record_id)
                # Only a link still cut comes back: one the user set since stays theirs.
                if current is not None and all(getattr(current, f) is None for f in link.links):
                    other.update(current.model_copy(update=link.links))
        return True


@dataclass(frozen=True)
class StepRemoved:
    """A step taken off a goal's ladder, and where it stood."""

    goal_id: str
    step: Step
    index: int

    @property
    def name(self) -> str:
        return self.step.title

    def restore(self, store: Store) -> bool:
        with store.batch():
            goal = store.goals.get(self.goal_id)
            if goal is None or any(s.id == self.step.id for s in goal.steps):
                return False
            steps = list(goal.steps)
            steps.insert(min(self.index, len(steps)), self.step)
            store.goals.update(goal.model_copy(update={"steps": steps}))
        return True


@dataclass(frozen=True)
class PersonArchived:
    """A person hidden from the lists by archiving: nothing deleted, but as easy to do
    by one key, so just as easy to take back."""

    person_id: str
    name: str

    def restore(self, store: Store) -> bool:
        with store.batch():
            person = store.people.get(self.person_id)
            if person is None or not person.archived:
                return False  # deleted since, or already brought back
            store.people.update(person.model_copy(update={"archived": False}))
        return True


def unlink(store: Store, table: str, record_id: str, fields: tuple[str, ...]) -> list[Unlinked]:
    """Clear `fields` on every record of `table` pointing at `record_id` (inside the
    caller's batch); what was cut, for undo."""
    repo = store.repos[table]
    cut: list[Unlinked] = []
    for record in repo.all():
        if getattr(record, fields[0]) == record_id:
            links = {f: getattr(record, f) for f in fields}
            repo.update(record.model_copy(update=dict.fromkeys(fields)))
            cut.append(Unlinked(table, record.id, links))
    return cut


def delete_connection(store: Store, connection_id: str) -> RecordRemoved | None:
    gone = store.connections.delete(connection_id)
    return RecordRemoved(gone, gone.what) if gone is not None else None


def delete_reflection(store: Store, reflection_id: str) -> RecordRemoved | None:
    gone = store.reflections.delete(reflection_id)
    return RecordRemoved(gone, f"the reflection from {day_words(gone)}") if gone else None


@dataclass
class UndoStacks:
    """What `u` can take back in each area, newest last, for as long as the app runs."""

    _stacks: dict[str, list[Removal]] = field(default_factory=dict)

    def push(self, area: str, removal: Removal) -> None:
        self._stacks.setdefault(area, []).append(removal)

    def pop(self, area: str) -> Removal | None:
        stack = self._stacks.get(area)
        return stack.pop() if stack else None

    def __contains__(self, area: str) -> bool:
        return bool(self._stacks.get(area))
