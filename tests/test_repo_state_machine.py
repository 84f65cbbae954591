"""The repositories against a plain dict: whatever happens, they hold the same records.

The fast reader, the in-place index and the write path are hand-written for speed; a
state machine drives them through adds, updates, deletes, reloads from disk and writes
by another process, and checks every step against the simplest model of the truth.
"""

from __future__ import annotations

import math
import shutil
import tempfile
import warnings
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, invariant, rule

from reconnect.records.models import Connection, Person
from reconnect.store import index_cache
from reconnect.store.errors import DataFileGone
from reconnect.store.journal import journal_path
from reconnect.store.store import DATA_FILE_NAME, Store

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

    @rule(what=words, journal_too=st.booleans(), in_a_batch=st.booleans())
    def data_file_vanishes(self, what: str, journal_too: bool, in_a_batch: bool) -> None:
        """Moved aside while open: a save is refused plainly and changes nothing; writing
        back saves everything held. (The app looks for outside writes every few seconds
        first; the moved file holds any it had not seen.)"""
        self.store.refresh()
        path = self.folder / DATA_FILE_NAME
        aside = self.folder / "moved-aside"
        path.rename(aside)
        if journal_too and journal_path(path).exists():
            journal_path(path).rename(self.folder / "journal-aside")
        c = Connection(at=AT, what=what, counterpart="friend", depth=2, comfort=2)
        with pytest.raises(DataFileGone):
            if in_a_batch:
                with self.store.batch():
                    self.store.connections.add(c)
            else:
                self.store.connections.add(c)
        assert not path.exists()
        assert self.store.write_back()
        for leftover in (aside, self.folder / "journal-aside"):
            leftover.unlink(missing_ok=True)

    @rule(record_id=connections, what=words)
    def caller_mutates_what_it_read(self, record_id: str, what: str) -> None:
        """Documents and the meta handed out are the caller's own: changing them changes
        neither later reads nor, after a whole write, the file."""
        meta = self.store.meta()
        meta["schema_version"] = -1
        meta.setdefault("next_ids", {})["connections"] = -1
        table = (self.store.storage.read() or {}).get("connections")
        doc_id = self.store.connections._doc_ids.get(record_id)
        if table is not None and doc_id is not None:
            doc = table[str(doc_id)]
            doc["what"] = what + " changed by a caller"
            doc["id"] = "not-an-id"
        assert self.store.meta()["schema_version"] != -1
        self.store.storage.fold()

    @rule(record_id=connections, odd=st.sampled_from([math.nan, math.inf, -math.inf]))
    def a_non_finite_number_is_refused(self, record_id: str, odd: float) -> None:
        """Refused with ValueError, never saved as null; nothing changes."""
        table = (self.store.storage.read() or {}).get("connections")
        if table is not None:
            with pytest.raises(ValueError, match="NaN or infinity"):
                table[str(table.next_id())] = {"id": "x" * 32, "at": AT.isoformat(), "n": odd}
        if record_id in self.expected:
            odd_one = self.expected[record_id].model_copy(update={"depth": odd})  # unchecked
            with warnings.catch_warnings(), pytest.raises(ValueError):
                warnings.simplefilter("ignore")  # pydantic warns while dumping it
                self.store.connections.update(odd_one)

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


def _index_of(store: Store) -> list[object]:
    """Everything the connections' and people's indexes hold, order included."""
    found: list[object] = []
    for repo in (store.connections, store.people):
        repo.count()  # builds the index
        found += [list(repo._doc_ids.items()), repo._times, repo._people, repo._timeline]
    return found


class KeptIndexesAgainstADict(RepositoriesAgainstADict):
    """The same, with every table's index kept between opens (store/index_cache.py,
    which otherwise keeps only big tables): a store opened from the kept index and the
    journal's changes since holds exactly what one built from the records holds."""

    def __init__(self) -> None:
        self.min_bytes = index_cache.MIN_BYTES
        index_cache.MIN_BYTES = 0
        super().__init__()

    def teardown(self) -> None:
        index_cache.MIN_BYTES = self.min_bytes
        super().teardown()

    @invariant()
    def kept_index_agrees(self) -> None:
        kept = _index_of(Store.open(self.folder))
        index_cache.MIN_BYTES = 1 << 62  # none kept: built from the records
        try:
            built = _index_of(Store.open(self.folder))
        finally:
            index_cache.MIN_BYTES = 0
        assert kept == built


TestKeptIndexesAgainstADict = KeptIndexesAgainstADict.TestCase
TestKeptIndexesAgainstADict.settings = settings(
    max_examples=25, stateful_step_count=25, deadline=None
)
