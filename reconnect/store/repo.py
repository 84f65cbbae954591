"""One kind of record: add, get, update, delete and list, models in and models out.

Loading keeps records as bytes. The first read of a kind builds a small index (id, time,
person) in one cheap pass with orjson; pydantic validates a record only when a screen
asks for it, and keeps the model. So Today on five years of data validates one week of
connections, not eleven thousand. Every write holds the cross-process lock from the
check for outside changes to the durable write, then updates the index in place.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any, Generic, TypeVar

import orjson
from pydantic import TypeAdapter, ValidationError

from reconnect.records.facts import FACTS_BY_TABLE
from reconnect.records.models import YEARS, Record, at_the_edge
from reconnect.store import versions
from reconnect.store.errors import DataFileError
from reconnect.store.gc_pause import gc_paused
from reconnect.store.lazy_table import DamagedRecord, LazyTable, parse_record
from reconnect.store.storage import DurableStorage
from reconnect.store.validation import damaged_record, failing_record

T = TypeVar("T", bound=Record)


def _time_key(model: type[Record]) -> str:
    return "at" if "at" in model.model_fields else "created_at"


class Repo(Generic[T]):
    """The records of one kind. Returned models are frozen, so sharing them is safe."""

    def __init__(self, storage: DurableStorage, model: type[T]) -> None:
        self._storage = storage
        self.model = model
        self._adapter: TypeAdapter[list[T]] | None = None  # built on first use
        self._time_key = _time_key(model)
        self._has_person = "person_id" in model.model_fields
        self._generation = -1
        self._doc_ids: dict[str, int] = {}  # record id -> doc id, in insertion order
        self._times: dict[str, datetime] = {}
        self._timeline: list[tuple[datetime, str]] = []  # sorted by time
        self._people: dict[str, str] = {}  # record id -> person id
        self._fact_type = FACTS_BY_TABLE.get(model.table)
        self._facts: dict[str, Any] = {}  # record id -> its facts (records/facts.py)
        self._models: dict[str, T] = {}
        self._raw = LazyTable()

    # --- the index ----------------------------------------------------------------

    def _fresh(self, with_facts: bool = False) -> None:
        """Rebuild the index if the data was (re)loaded since it was built; `with_facts`:
        keep every record's facts from the same pass (facts asked for before anything
        else read the table: no second parse of, say, a week of 100,000 moments)."""
        data = self._storage.read() or {}  # reloads if another process wrote
        if self._generation == self._storage.generation:
            return
        table = data.get(self.model.table)
        if table is None:
            table = LazyTable()
        self._raw = table  # the table the index describes (our writes change it in place)
        self._doc_ids, self._times, self._people, self._models = {}, {}, {}, {}
        self._facts = {}
        make = self._fact_type if with_facts else None
        with gc_paused():
            for doc_id, raw in table.raw_items():
                try:
                    doc = parse_record(doc_id, raw)
                    self._index(int(doc_id), doc)
                    if make is not None:
                        rid = doc["id"]
                        self._facts[rid] = make.from_doc(rid, self._times[rid], doc)
                except DamagedRecord:
                    raise self._damaged(doc_id, DamagedRecord.DETAIL) from None
                except ValueError as exc:
                    raise self._damaged(doc_id, str(exc)) from None
            self._timeline = sorted((t, rid) for rid, t in self._times.items())
        self._generation = self._storage.generation

    def _index(self, doc_id: int, doc: dict[str, Any]) -> None:
        """Raises ValueError naming the field that cannot be indexed."""
        rid = doc.get("id")
        if not isinstance(rid, str):
            raise ValueError("id: missing or not text")
        try:
            moment = datetime.fromisoformat(doc[self._time_key])
        except (KeyError, TypeError, ValueError):
            raise ValueError(f"{self._time_key}: missing or not a date and time") from None
        if moment.tzinfo is None:
            raise ValueError(f"{self._time_key}: no time zone")
        if moment.year not in YEARS:  # as its model reads it (records.models): in reach
            moment = at_the_edge(moment)
        self._doc_ids[rid] = doc_id
        self._times[rid] = moment
        if self._has_person and doc.get("person_id"):
            self._people[rid] = doc["person_id"]

    def _damaged(self, doc_id: object, detail: str) -> DataFileError:
        return damaged_record(self._storage.path, self.model.table, str(doc_id), detail)

    def _models_for(self, record_ids: list[str]) -> list[T]:
        """Models for these ids, validating (in one call) those not seen yet."""
        missing = [rid for rid in record_ids if rid not in self._models]
        if missing:
            # The table the index was built from: a reload since would not match its ids.
            table = self._raw
            blob = b"[" + b",".join(table.raw_bytes(str(self._doc_ids[r])) for r in missing) + b"]"
            if self._adapter is None:
                self._adapter = TypeAdapter(list[self.model])  # type: ignore[name-defined]
            try:
                models = self._adapter.validate_json(blob)
            except ValidationError as exc:
                keys = [str(self._doc_ids[rid]) for rid in missing]
                raise self._damaged(*failing_record(exc, keys)) from None
            self._models.update(zip(missing, models, strict=True))
        return [self._models[rid] for rid in record_ids]

    # --- reading -------------------------------------------------------------------

    # Every read holds the storage's thread lock: the index is rebuilt and filled in
    # place, and a worker thread (an import, an export) may share this store.

    def all(self) -> list[T]:
        """Every record, in the order they were added."""
        with self._storage.thread_lock:
            self._fresh()
            return self._models_for(list(self._doc_ids))

    def get(self, record_id: str) -> T | None:
        with self._storage.thread_lock:
            if self._surely_absent([record_id]):
                return None
            self._fresh()
            if record_id not in self._doc_ids:
                return None
            return self._models_for([record_id])[0]

    def _surely_absent(self, record_ids: list[str]) -> bool:
        """True when none of these ids is stored, answered from a table left unsplit
        (appending to twenty years of moments reads none of them); False: look."""
        if self._generation == self._storage.generation:
            return False  # the index is built: it answers exactly
        table = (self._storage.read() or {}).get(self.model.table)
        if table is None:
            return True
        return table.unsplit and not any(table.may_hold_id(rid) for rid in record_ids)

    def has(self, record_id: str) -> bool:
        """Whether a record with this id exists (validates nothing)."""
        with self._storage.thread_lock:
            if self._surely_absent([record_id]):
                return False
            self._fresh()
            return record_id in self._doc_ids

    def count(self) -> int:
        with self._storage.thread_lock:
            self._fresh()
            return len(self._doc_ids)

    def between(self, start: datetime | None = None, end: datetime | None = None) -> list[T]:
        """Records whose time (`at`, else `created_at`) is in [start, end), oldest first."""
        with self._storage.thread_lock:
            return self._models_for(self.ids_between(start, end))

    def ids_between(self, start: datetime | None = None, end: datetime | None = None) -> list[str]:
        """The ids of `between`, oldest first, without validating any record."""
        with self._storage.thread_lock:
            self._fresh()
            timeline = self._timeline
            lo = 0 if start is None else bisect.bisect_left(timeline, (start,))
            hi = len(timeline) if end is None else bisect.bisect_left(timeline, (end,))
            return [rid for _, rid in timeline[lo:hi]]

    def facts_between(self, start: datetime | None = None, end: datetime | None = None) -> list:
        """The facts (records/facts.py) of `between`, oldest first, validating none: for
        counting, filtering and charts over many records. Show and save models."""
        if self._fact_type is None:
            raise TypeError(f"the index keeps no facts of {self.model.table}")
        with self._storage.thread_lock:
            self._fresh(with_facts=True)
            ids = self.ids_between(start, end)
            facts = self._facts
            missing = [rid for rid in ids if rid not in facts]
            if missing:
                self._gather_facts(missing)
            return [facts[rid] for rid in ids]

    def docs_between(
        self, start: datetime | None = None, end: datetime | None = None
    ) -> list[dict[str, Any]]:
        """The stored documents of `between`, parsed but not validated, oldest first: for
        a quick look where building the models would cost more than the look (`reconnect
        today`). A document holds whatever the file holds: read it defensively, and show
        and save models."""
        with self._storage.thread_lock:
            ids = self.ids_between(start, end)
            table, doc_ids = self._raw, self._doc_ids
            return [
                parse_record(str(doc_ids[rid]), table.raw_bytes(str(doc_ids[rid]))) for rid in ids
            ]

    def _gather_facts(self, record_ids: list[str]) -> None:
        """Read the facts of these records from their stored bytes (one orjson call) and
        keep them: built when first asked for, so a start that needs none keeps none."""
        make = self._fact_type
        assert make is not None
        table, times, facts = self._raw, self._times, self._facts
        blob = b"[" + b",".join(table.raw_bytes(str(self._doc_ids[r])) for r in record_ids) + b"]"
        with gc_paused():
            for rid, doc in zip(record_ids, orjson.loads(blob), strict=True):
                facts[rid] = make.from_doc(rid, times[rid], doc)

    def many(self, record_ids: Iterable[str]) -> list[T]:
        """The records of these ids (each must exist), in the order given."""
        with self._storage.thread_lock:
            self._fresh()
            return self._models_for(list(record_ids))

    def next_time(self, after: datetime) -> datetime | None:
        """The time of the first record at or after `after`, validating none."""
        with self._storage.thread_lock:
            self._fresh()
            at = bisect.bisect_left(self._timeline, (after,))
            return self._timeline[at][0] if at < len(self._timeline) else None

    def latest_time(self) -> datetime | None:
        """The time of the most recent record, without validating any."""
        with self._storage.thread_lock:
            self._fresh()
            return self._timeline[-1][0] if self._timeline else None

    def latest_by_person(self) -> dict[str, datetime]:
        """The latest record time per linked person id, without validating any."""
        with self._storage.thread_lock:
            self._fresh()
            latest: dict[str, datetime] = {}
            for rid, person_id in self._people.items():
                moment = self._times[rid]
                if person_id not in latest or moment > latest[person_id]:
                    latest[person_id] = moment
            return latest

    def ids_for_person(self, person_id: str) -> list[str]:
        """The ids of the records linked to this person, oldest first, validating none."""
        with self._storage.thread_lock:
            self._fresh()
            times = self._times
            return [
                rid
                for _, rid in sorted(
                    (times[rid], rid) for rid, pid in self._people.items() if pid == person_id
                )
            ]

    def verify(self) -> int:
        """Validate every record (raises DataFileError); returns how many there are."""
        return len(self.all())

    # --- writing -------------------------------------------------------------------

    def add(self, record: T) -> T:
        self.add_many([record])
        return record

    def add_many(self, records: Iterable[T]) -> int:
        checked = [self._checked(r) for r in records]
        if not checked:
            return 0
        if len({r.id for r in checked}) != len(checked):
            raise ValueError(f"the same {self.model.__name__} id is given twice")
        with self._storage.locked():
            indexed = not self._surely_absent([r.id for r in checked])
            if indexed:
                self._fresh()
                clash = next((r.id for r in checked if r.id in self._doc_ids), None)
                if clash is not None:
                    raise ValueError(f"a {self.model.__name__} with id {clash} already exists")
            docs = [r.model_dump(mode="json") for r in checked]
            doc_ids: list[int] = []

            def insert(table: LazyTable) -> list[str]:
                # From the stored table itself, not the index: a doc id used before, even
                # by a record since deleted, is never handed out again.
                for doc in docs:
                    doc_ids.append(table.next_id())
                    table[str(doc_ids[-1])] = doc
                return [str(doc_id) for doc_id in doc_ids]

            self._raw = self._change(insert, [r.id for r in checked])  # the table may be new
            if indexed:  # else the index is built, new records included, when first used
                for record, doc, doc_id in zip(checked, docs, doc_ids, strict=True):
                    self._remember(record, doc, doc_id)
        return len(checked)

    def update(self, record: T) -> T:
        """Replace the stored record with the same id (validated again first)."""
        checked = self._checked(record)
        with self._storage.locked():
            self._fresh()
            doc_id = self._doc_ids.get(record.id)
            if doc_id is None:
                raise KeyError(f"no {self.model.__name__} with id {record.id}")
            doc = checked.model_dump(mode="json")

            replaced: dict[str, bytes] = {}

            def replace(table: LazyTable) -> list[str]:
                replaced[record.id] = bytes(table.raw_bytes(str(doc_id)))  # what it was
                table[str(doc_id)] = doc
                return [str(doc_id)]

            self._change(replace, [record.id], replaced=replaced)
            self._unlink(record.id)
            self._remember(checked, doc, doc_id)  # same doc id: keeps its place in order
        return checked

    def delete(self, record_id: str) -> T | None:
        """Remove a record; returns it (for undo), or None when it was not there."""
        with self._storage.locked():
            self._fresh()
            if record_id not in self._doc_ids:
                return None
            gone = self._models_for([record_id])[0]
            doc_id = str(self._doc_ids[record_id])

            replaced: dict[str, bytes] = {}

            def remove(table: LazyTable) -> list[str]:
                replaced[record_id] = bytes(table.raw_bytes(doc_id))  # what it was
                del table[doc_id]
                return [doc_id]

            self._change(remove, [record_id], deleted=True, replaced=replaced)
            self._unlink(record_id)
            del self._doc_ids[record_id]
        return gone

    def _change(
        self,
        edit: Callable[[LazyTable], list[str]],
        record_ids: list[str],
        deleted: bool = False,
        replaced: dict[str, bytes] | None = None,
    ) -> LazyTable:
        """Apply `edit` to this kind's stored table and save the records it names
        (durably, or at the end of the batch); the table. Call with the lock held. The
        cached table is edited in place and only the changed records are written: copying
        and rewriting 11,000 records per save is what made stock TinyDB slow."""
        tables = self._storage.data_to_change()
        table = tables.get(self.model.table)
        if table is None:
            table = tables[self.model.table] = LazyTable(name=self.model.table)
        try:
            keys = edit(table)
            # When and where each changed, in the same journal line (versions.py).
            stamped = versions.stamp(tables, self.model.table, record_ids, deleted, replaced)
        except BaseException:
            # The cached table may be half changed: drop the cache, disk is untouched.
            self._storage.close()
            raise
        self._storage.write_changes(self.model.table, keys, also=stamped)
        return table

    def _checked(self, record: T) -> T:
        # Re-validate: model_copy(update=...) skips validation, and nothing invalid is saved.
        return self.model.model_validate(record.model_dump())

    def _remember(self, record: T, doc: dict[str, Any], doc_id: int) -> None:
        self._facts.pop(record.id, None)  # gathered again when next asked for
        self._index(doc_id, doc)
        bisect.insort(self._timeline, (self._times[record.id], record.id))
        self._models[record.id] = record

    def _unlink(self, record_id: str) -> None:
        """Drop a record from the time line, person links and models (not its doc id)."""
        moment = self._times.pop(record_id)
        # Found by bisection (the line is sorted): list.remove compares every entry
        # before it, which made unlinking 3,000 moments from 20 years take seconds.
        entry, line = (moment, record_id), self._timeline
        at = bisect.bisect_left(line, entry)
        if at < len(line) and line[at] == entry:
            del line[at]
        else:  # never expected: the slow way rather than the wrong entry
            line.remove(entry)
        self._people.pop(record_id, None)
        self._facts.pop(record_id, None)
        self._models.pop(record_id, None)
