"""The repositories against a plain dict: whatever happens, they hold the same records.

The fast reader, the in-place index and the write path are hand-written for speed; a
state machine drives them through adds, updates, deletes, reloads from disk and writes
by another process, and checks every step against the simplest model of the truth.
"""

from __future__ import annotations

import shutil
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, invariant, rule

from reconnect.records.models import Connection, Person
from reconnect.store.store import Store

AT = datetime(2026, 11, 20, 18, 30, tzinfo=UTC)
words = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=12
).filter(str.strip)


class RepositoriesAgainstADict(RuleBasedStateMachine):
    connections = Bundle("connections")

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="repo-machine-"))
        self.store = Store.open(self.folder)
        self.expected: dict[str, Connection] = {}
        self.people: dict[str, Person] = {}

    def teardown(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    @rule(
        target=connections,
        what=words,
        minutes=st.integers(-10_000, 10_000),
        depth=st.integers(1, 5),
    )
    def add(self, what: str, minutes: int, depth: int) -> str:
        c = Connection(
            at=AT + timedelta(minutes=minutes),
            what=what,
            counterpart="friend",
            depth=depth,
            comfort=3,
        )
        self.store.connections.add(c)
        self.expected[c.id] = c
        return c.id

    @rule(record_id=connections, what=words, minutes=st.integers(-10_000, 10_000))
    def update(self, record_id: str, what: str, minutes: int) -> None:
        if record_id not in self.expected:
            return
        changed = self.expected[record_id].model_copy(
            update={"what": what, "at": AT + timedelta(minutes=minutes)}
        )
        self.expected[record_id] = self.store.connections.update(changed)

    @rule(record_id=connections)
    def delete(self, record_id: str) -> None:
        gone = self.store.connections.delete(record_id)
        assert (gone is not None) == (record_id in self.expected)
        self.expected.pop(record_id, None)

    @rule(name=words)
    def add_person(self, name: str) -> None:
        person = Person(created_at=AT, name=name)
        self.store.people.add(person)
        self.people[person.id] = person

    @rule()
    def reload_from_disk(self) -> None:
        self.store = Store.open(self.folder)

    @rule(what=words)
    def another_process_appends(self, what: str) -> None:
        other = Store.open(self.folder)  # a second process: its own cache and lock
        c = Connection(at=AT, what=what, counterpart="neighbour", depth=1, comfort=2)
        other.connections.add(c)
        self.expected[c.id] = c

    @rule(record_id=connections)
    def another_process_deletes(self, record_id: str) -> None:
        Store.open(self.folder).connections.delete(record_id)
        self.expected.pop(record_id, None)

    @invariant()
    def same_records(self) -> None:
        stored = self.store.connections.all()
        assert {c.id: c for c in stored} == self.expected
        assert self.store.connections.count() == len(self.expected)
        assert {p.id: p for p in self.store.people.all()} == self.people

    @invariant()
    def time_order_is_kept(self) -> None:
        listed = self.store.connections.between()
        assert [c.at for c in listed] == sorted(c.at for c in self.expected.values())

    @invariant()
    def the_file_agrees(self) -> None:
        fresh = Store.open(self.folder)
        assert {c.id: c for c in fresh.connections.all()} == self.expected


TestRepositoriesAgainstADict = RepositoriesAgainstADict.TestCase
TestRepositoriesAgainstADict.settings = settings(
    max_examples=40, stateful_step_count=25, deadline=None
)
