"""The typed repository over TinyDB tables: models in, models out.

Reads come from a per-table cache of validated models, rebuilt only when the storage's
generation changes (our own write, or another process's). Every write holds the
cross-process lock from the read that checks for changes to the durable write.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator, MutableMapping
from datetime import datetime
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import TypeAdapter, ValidationError
from tinydb import TinyDB
from tinydb.table import Document, Table

from reconnect import __version__
from reconnect.migrations import META_TABLE, SCHEMA_VERSION, migrate, schema_version
from reconnect.models import (
    CheckIn,
    Connection,
    Goal,
    Person,
    Record,
    Reflection,
    WeeklyReview,
    first_error,
    now_local,
)
from reconnect.storage import RESTORE_HINT, Data, DataFileError, DurableStorage, prepare_folder

DATA_FILE_NAME = "reconnect.json"
T = TypeVar("T", bound=Record)


class _IntKeyView(MutableMapping[int, Any]):
    """The raw table (str doc ids) seen with int doc ids, as TinyDB's updaters expect."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.raw = raw

    def __getitem__(self, key: int) -> Any:
        return self.raw[str(key)]

    def __setitem__(self, key: int, value: Any) -> None:
        self.raw[str(key)] = value

    def __delitem__(self, key: int) -> None:
        del self.raw[str(key)]

    def __contains__(self, key: object) -> bool:
        return str(key) in self.raw

    def __iter__(self) -> Iterator[int]:
        return (int(k) for k in self.raw)

    def __len__(self) -> int:
        return len(self.raw)


class FastTable(Table):
    """TinyDB's Table, tuned for one big file.

    Stock TinyDB copies a whole table twice per write (str ids to int and back) and
    scans it for the next id; on 11,000 records that is most of an insert's time. Here
    the updater edits the cached table in place and the repository supplies the next id.
    """

    def set_next_id(self, next_id: int) -> None:
        self._next_id = next_id

    def _update_table(self, updater: Callable[[dict[int, Any]], None]) -> None:
        tables = self._storage.read() or {}
        raw = tables.setdefault(self.name, {})
        try:
            updater(_IntKeyView(raw))  # type: ignore[arg-type]
        except BaseException:
            # The cached table may be half changed: drop the cache, disk is untouched.
            self._storage.close()
            raise
        self._storage.write(tables)
        self.clear_cache()


class ReconnectDB(TinyDB):
    table_class = FastTable


def _check_version(path: Path, data: Data) -> None:
    if schema_version(data) > SCHEMA_VERSION:
        raise DataFileError(
            path,
            f"The data file was written by a newer reconnect (schema {schema_version(data)})",
            f"Nothing was changed. Upgrade reconnect (this is {__version__}, schema "
            f"{SCHEMA_VERSION}) to open it.",
        )


class Repo(Generic[T]):
    """Add, get, update, delete and list the records of one kind."""

    def __init__(self, store: Store, model: type[T]) -> None:
        self._store = store
        self.model = model
        self._table: FastTable = store.db.table(model.table, cache_size=0)  # type: ignore[assignment]
        self._adapter = TypeAdapter(list[model])  # type: ignore[valid-type]
        self._generation = -1
        self._records: list[T] = []
        self._doc_ids: dict[str, int] = {}
        self._by_id: dict[str, T] = {}

    # --- reading -------------------------------------------------------------------

    def _fresh(self) -> None:
        """Rebuild the model cache if the data was (re)loaded since it was built."""
        storage = self._store.storage
        data = storage.read() or {}  # reloads if another process wrote
        if self._generation == storage.generation:
            return
        raw = data.get(self.model.table, {})
        self._records = self._validate(list(raw.values()))
        self._doc_ids = {doc["id"]: int(doc_id) for doc_id, doc in raw.items()}
        self._by_id = {r.id: r for r in self._records}
        self._generation = storage.generation

    def _validate(self, docs: list[dict[str, Any]]) -> list[T]:
        try:
            return self._adapter.validate_python(docs)
        except ValidationError as exc:
            raise DataFileError(
                self._store.path,
                f"A record in '{self.model.table}' is damaged ({first_error(exc)})",
                RESTORE_HINT,
            ) from None

    def all(self) -> list[T]:
        """Every record, in the order they were added. Models are frozen: safe to share."""
        self._fresh()
        return list(self._records)

    def get(self, record_id: str) -> T | None:
        self._fresh()
        return self._by_id.get(record_id)

    def count(self) -> int:
        self._fresh()
        return len(self._records)

    def between(self, start: datetime | None = None, end: datetime | None = None) -> list[T]:
        """Records whose time (`at`, else `created_at`) is in [start, end), oldest first."""
        key = _time_key(self.model)
        picked = [
            r
            for r in self.all()
            if (start is None or getattr(r, key) >= start)
            and (end is None or getattr(r, key) < end)
        ]
        picked.sort(key=lambda r: getattr(r, key))
        return picked

    # --- writing -------------------------------------------------------------------
    # Each write holds the lock, brings the cache up to date, writes through TinyDB and
    # then updates the cache in place: re-validating thousands of records per write
    # would cost more than the write itself.

    def add(self, record: T) -> T:
        self.add_many([record])
        return record

    def add_many(self, records: Iterable[T]) -> int:
        checked = [self._checked(r) for r in records]
        if not checked:
            return 0
        with self._store.storage.locked():
            self._fresh()
            clash = next((r.id for r in checked if r.id in self._by_id), None)
            if clash is not None:
                raise ValueError(f"a {self.model.__name__} with id {clash} already exists")
            self._table.set_next_id(max(self._doc_ids.values(), default=0) + 1)
            doc_ids = self._table.insert_multiple(r.model_dump(mode="json") for r in checked)
            for record, doc_id in zip(checked, doc_ids, strict=True):
                self._records.append(record)
                self._by_id[record.id] = record
                self._doc_ids[record.id] = doc_id
        return len(checked)

    def update(self, record: T) -> T:
        """Replace the stored record with the same id (validated again first)."""
        checked = self._checked(record)
        with self._store.storage.locked():
            self._fresh()
            doc_id = self._doc_ids.get(record.id)
            if doc_id is None:
                raise KeyError(f"no {self.model.__name__} with id {record.id}")
            self._table.upsert(Document(checked.model_dump(mode="json"), doc_id=doc_id))
            old = self._by_id[record.id]
            self._records[self._records.index(old)] = checked
            self._by_id[record.id] = checked
        return checked

    def delete(self, record_id: str) -> T | None:
        """Remove a record; returns it (for undo), or None when it was not there."""
        with self._store.storage.locked():
            self._fresh()
            doc_id = self._doc_ids.get(record_id)
            if doc_id is None:
                return None
            self._table.remove(doc_ids=[doc_id])
            gone = self._by_id.pop(record_id)
            del self._doc_ids[record_id]
            self._records.remove(gone)
        return gone

    def _checked(self, record: T) -> T:
        # Re-validate: model_copy(update=...) skips validation, and nothing invalid is saved.
        return self.model.model_validate(record.model_dump())


def _time_key(model: type[Record]) -> str:
    return "at" if "at" in model.model_fields else "created_at"


class Store:
    """The user's records. Open with Store.open(data_dir)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.storage = DurableStorage(path, check=_check_version)
        self.db = ReconnectDB(storage=lambda: self.storage)
        self.connections: Repo[Connection] = Repo(self, Connection)
        self.reflections: Repo[Reflection] = Repo(self, Reflection)
        self.goals: Repo[Goal] = Repo(self, Goal)
        self.people: Repo[Person] = Repo(self, Person)
        self.checkins: Repo[CheckIn] = Repo(self, CheckIn)
        self.reviews: Repo[WeeklyReview] = Repo(self, WeeklyReview)

    @classmethod
    def open(cls, data_dir: Path) -> Store:
        """Open (creating if needed) the data file in data_dir, migrating an older one.

        Raises DataFileError, without changing a byte, when the file is damaged or newer.
        """
        prepare_folder(data_dir)
        store = cls(data_dir / DATA_FILE_NAME)
        with store.storage.locked():
            data = store.storage.read()
            if data is None or schema_version(data) < SCHEMA_VERSION or not data.get(META_TABLE):
                meta = {"created_at": now_local().isoformat(), "app_version": __version__}
                store.storage.write(migrate(data or {}, meta))
        return store

    @property
    def repos(self) -> dict[str, Repo[Any]]:
        return {
            repo.model.table: repo
            for repo in (
                self.connections,
                self.reflections,
                self.goals,
                self.people,
                self.checkins,
                self.reviews,
            )
        }

    def meta(self) -> dict[str, Any]:
        data = self.storage.read() or {}
        return next(iter(data.get(META_TABLE, {}).values()), {})

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Several changes as one: one lock, one durable write, all or nothing."""
        with self.storage.batch():
            yield

    def refresh(self) -> bool:
        """Reload if another process wrote; True when there is something new to show."""
        if not self.storage.changed_on_disk():
            return False
        self.storage.read()
        return True

    def counts(self) -> dict[str, int]:
        """The number of records of each kind; validates every record on the way."""
        return {name: repo.count() for name, repo in self.repos.items()}

    def close(self) -> None:
        self.storage.close()
