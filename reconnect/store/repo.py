"""One kind of record: add, get, update, delete and list, models in and models out.

Loading keeps records as bytes. The first read of a kind builds a small index (id, time,
person) in one cheap pass with orjson (or reads the one kept for the table's exact bytes:
index_cache.py); pydantic validates a record only when a screen asks for it, and keeps
the model. So Today on five years of data validates one week of connections, not eleven
thousand, and a command that only looks (`reconnect today`) loads neither pydantic nor
the models. Every write holds the cross-process lock from the
check for outside changes to the durable write, then updates the index in place.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import orjson

from reconnect.records.clock import YEARS, at_the_edge
from reconnect.records.kinds import Kind, model_of
from reconnect.store import index_cache, versions
from reconnect.store.errors import DataFileError
from reconnect.store.gc_pause import gc_paused
from reconnect.store.lazy_table import DamagedRecord, LazyTable, parse_record
from reconnect.store.storage import DurableStorage
from reconnect.store.validation import damaged_record

if TYPE_CHECKING:
    from pydantic import TypeAdapter

    from reconnect.records.models import Record

T = TypeVar("T", bound="Record")
Row = index_cache.Row
Columns = index_cache.Columns
_NOT_LOOKED_UP: Any = object()


class Repo(Generic[T]):
    """The records of one kind. Returned models are frozen, so sharing them is safe."""

    def __init__(self, storage: DurableStorage, kind: Kind) -> None:
        self._storage = storage
        self.kind = kind
        self.table = kind.table
        self._model: type[T] | None = None  # loaded when first needed (model)
        self._adapter: TypeAdapter[list[T]] | None = None  # built on first use
        self._time_key = kind.time_key
        self._has_person = kind.has_person
        self._generation = -1
        self._doc_ids: dict[str, int] = {}  # record id -> doc id, in insertion order
        self._times: dict[str, datetime] = {}
        self._timeline: list[tuple[datetime, str]] = []  # sorted by time
        self._people: dict[str, str] = {}  # record id -> person id
        self._fact_kind: Any = _NOT_LOOKED_UP  # records/facts.py's, looked up when asked
        self._facts: dict[str, Any] = {}  # record id -> its facts (records/facts.py)
        self._models: dict[str, T] = {}
        self._raw = LazyTable()

    @property
    def model(self) -> type[T]:
        """The kind's pydantic model (pydantic and the models load on first use)."""
        if self._model is None:
            self._model = model_of(self.kind)  # type: ignore[assignment]
        return self._model  # type: ignore[return-value]

    @property
    def _fact_type(self) -> Any:
        """The facts the index keeps of this kind (records/facts.py), or None."""
        if self._fact_kind is _NOT_LOOKED_UP:
            from reconnect.records.facts import FACTS_BY_TABLE

            self._fact_kind = FACTS_BY_TABLE.get(self.table)
        return self._fact_kind

    # --- the index ----------------------------------------------------------------

    def _fresh(self, with_facts: bool = False) -> None:
        """Rebuild the index if the data was (re)loaded since it was built; `with_facts`:
        keep every record's facts from the same pass (facts asked for before anything
        else read the table: no second parse of, say, a week of 100,000 moments)."""
        data = self._storage.read() or {}  # reloads if another process wrote
        if self._generation == self._storage.generation:
            return
        table = data.get(self.table)
        if table is None:
            table = LazyTable()
        self._raw = table  # the table the index describes (our writes change it in place)
        self._doc_ids, self._times, self._people, self._models = {}, {}, {}, {}
        self._facts = {}
        make = self._fact_type if with_facts else None
        with gc_paused():
            index = self._kept_index(table, make)
            if index is None:
                index = index_cache.columns(self._read_rows(table.raw_items(), make))
            self._keep_all(index)
            times = self._times
            self._timeline = sorted(zip(times.values(), times.keys(), strict=True))
        self._generation = self._storage.generation

    def _kept_index(self, table: LazyTable, make: Any) -> Columns | None:
        """The index of a big table as kept for its exact bytes (built and kept now if
        there is none), with the changes since applied; None for a table not kept so
        (small, already split, or in an encrypted folder)."""
        found = table.unsplit_body()
        if found is None or self._storage.key is not None:
            return None
        body, changes = found
        if len(body) < index_cache.MIN_BYTES:
            return None
        path, name = self._storage.path, self.table
        key = index_cache.entry_key(body, name, f"{self._time_key}:{self._has_person}")
        index = index_cache.read(path, name, key)
        if index is None:
            # Without changes the table's lines are its records: split it for good (a
            # model asked for next needs it split).
            lines = table.raw_items() if not changes else table.body_items()
            index = index_cache.columns(self._read_rows(lines, make))
            index_cache.write(path, name, key, index)
        if not changes:
            return index
        # The changes applied as the table applies them: by doc id, in order.
        by_doc = {str(row[0]): row for row in zip(*index, strict=True)}
        for doc_id, raw in changes:
            if raw is None:
                by_doc.pop(doc_id, None)
            else:
                by_doc[doc_id] = self._read_rows([(doc_id, raw)], make)[0]
        return index_cache.columns(list(by_doc.values()))

    def _read_rows(self, items: Iterable[tuple[str, Any]], make: Any) -> list[Row]:
        """Rows from stored bytes (keeping each record's facts when `make` is given);
        raises DataFileError naming a record that cannot be indexed."""
        rows = []
        for doc_id, raw in items:
            try:
                doc = parse_record(doc_id, raw)
                row = self._row(int(doc_id), doc)
                if make is not None:
                    self._facts[row[1]] = make.from_doc(row[1], row[2], doc)
            except DamagedRecord:
                raise self._damaged(doc_id, DamagedRecord.DETAIL) from None
            except ValueError as exc:
                raise self._damaged(doc_id, str(exc)) from None
            rows.append(row)
        return rows

    def _row(self, doc_id: int, doc: dict[str, Any]) -> Row:
        """What the index keeps of a record. Raises ValueError naming the field that
        cannot be indexed."""
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
        return doc_id, rid, moment, doc.get("person_id") if self._has_person else None

    def _keep_all(self, index: Columns) -> None:
        """Index these records, in order (a record id met twice keeps its first place and
        its last values, as indexing one by one does)."""
        doc_ids, rids, moments, people = index
        self._doc_ids = dict(zip(rids, doc_ids, strict=True))
        self._times = dict(zip(rids, moments, strict=True))
        self._people = {rid: person for rid, person in zip(rids, people, strict=True) if person}
        if self._facts:  # those of records a later change removed go
            self._facts = {rid: f for rid, f in self._facts.items() if rid in self._times}

    def _index(self, doc_id: int, doc: dict[str, Any]) -> None:
        """Raises ValueError naming the field that cannot be indexed."""
        _, rid, moment, person = self._row(doc_id, doc)
        self._doc_ids[rid] = doc_id
        self._times[rid] = moment
        if person:
            self._people[rid] = person

    def _damaged(self, doc_id: object, detail: str) -> DataFileError:
        return damaged_record(self._storage.path, self.table, str(doc_id), detail)

    def _models_for(self, record_ids: list[str]) -> list[T]:
        """Models for these ids, validating (in one call) those not seen yet."""
        missing = [rid for rid in record_ids if rid not in self._models]
        if missing:
            # The table the index was built from: a reload since would not match its ids.
            table = self._raw
            blob = b"[" + b",".join(table.raw_bytes(str(self._doc_ids[r])) for r in missing) + b"]"
            from pydantic import TypeAdapter, ValidationError

            from reconnect.store.validation import failing_record

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
        table = (self._storage.read() or {}).get(self.table)
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
            raise TypeError(f"the index keeps no facts of {self.table}")
        with self._storage.thread_lock:
            self._fresh(with_facts=True)
            ids = self.ids_between(start, end)
            facts = self._facts
            missing = [rid for rid in ids if rid not in facts]
            if missing:
                self._gather_facts(missing)
            return [facts[rid] for rid in ids]

    def docs(self) -> list[dict[str, Any]]:
        """Every stored document, parsed but not validated, in the order added, and
        without building the index: for a quick look at a small kind where building the
        models would cost more than the look (`reconnect today`). A document holds
        whatever the file holds: read it defensively, and show and save models."""
        with self._storage.thread_lock:
            table = (self._storage.read() or {}).get(self.table)
            found = []
            for doc_id, raw in table.raw_items() if table is not None else ():
                try:
                    found.append(parse_record(doc_id, raw))
                except DamagedRecord:
                    raise self._damaged(doc_id, DamagedRecord.DETAIL) from None
            return found

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
        table = tables.get(self.table)
        if table is None:
            table = tables[self.table] = LazyTable(name=self.table)
        try:
            keys = edit(table)
            # When and where each changed, in the same journal line (versions.py).
            stamped = versions.stamp(tables, self.table, record_ids, deleted, replaced)
        except BaseException:
            # The cached table may be half changed: drop the cache, disk is untouched.
            self._storage.close()
            raise
        self._storage.write_changes(self.table, keys, also=stamped)
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
