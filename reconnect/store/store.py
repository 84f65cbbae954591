"""The user's records: one TinyDB file, a typed repository per kind of record.

See reconnect/repo.py for how records are read and written, reconnect/storage.py for
how the file is kept safe, and reconnect/data_file.py for its layout.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reconnect import version
from reconnect.records import kinds
from reconnect.records.clock import now_local
from reconnect.store import versions
from reconnect.store.conflicts import Refused, anything_waiting
from reconnect.store.errors import NOTICES, RESTORE_HINT, DataFileError
from reconnect.store.files import make_private, prepare_folder
from reconnect.store.folder_key import FolderKey, KeyFile, NoPassphrase, read_key_file
from reconnect.store.lazy_table import DamagedRecord
from reconnect.store.migrations import META_TABLE, SCHEMA_VERSION, migrate, schema_version
from reconnect.store.repo import Repo
from reconnect.store.storage import Data, DurableStorage
from reconnect.store.unlocked import remember
from reconnect.store.validation import parsed_tables, validate_tables

if TYPE_CHECKING:
    from reconnect.records.models import (
        CheckIn,
        Connection,
        Goal,
        Group,
        Person,
        Record,
        Reflection,
        WeeklyReview,
    )

DATA_FILE_NAME = "reconnect.json"


def models() -> dict[str, type[Record]]:
    """Every kind's pydantic model, by table name (pydantic loads on first call: only
    validating needs it)."""
    from reconnect.records.models import TABLES

    return TABLES


def _validate(path: Path, data: Data) -> None:
    validate_tables(path, data, models())


def _needs_migration(data: Data | None) -> bool:
    return data is None or not data.get(META_TABLE) or schema_version(data) < SCHEMA_VERSION


def _migrated(path: Path, data: Data | None) -> dict[str, Any]:
    """The data brought up to this schema, in memory, every record validated.
    Raises DataFileError naming the first record that is not right."""
    meta = {"created_at": now_local().isoformat(), "app_version": version()}
    try:
        migrated = migrate(parsed_tables(path, data or {}), meta)
    except DamagedRecord as exc:
        raise DataFileError(path, f"The data file is damaged: {exc}", RESTORE_HINT) from None
    validate_tables(path, migrated, models())
    return migrated


def _check_version(path: Path, data: Data) -> None:
    if schema_version(data) > SCHEMA_VERSION:
        raise DataFileError(
            path,
            f"The data file was written by a newer reconnect (schema {schema_version(data)})",
            f"Nothing was changed. Upgrade reconnect (this is {version()}, schema "
            f"{SCHEMA_VERSION}) to open it.",
        )


@dataclass(frozen=True)
class Inspection:
    """What `reconnect check` found: records by kind, whether the file will be upgraded,
    the saves in the journal not yet folded into the file, and journal problems."""

    counts: dict[str, int]
    upgrade: bool
    journal: Path
    journal_saves: int
    problems: list[str]
    odd_dates: list[str]  # records with a date out of range: they open, named here
    sync_waiting: list[str] = field(default_factory=list)  # conflicted copies, what they add
    devices: list[tuple[str, str, str]] = field(default_factory=list)  # last change of each


def _odd_dates(tables: Any) -> list[str]:
    from reconnect.store.odd_dates import odd_dates  # validates: loads pydantic

    return odd_dates(tables)


def _last_changes(tables: Any) -> list[tuple[str, str, str]]:
    names = versions.devices(tables)
    last = versions.last_change_per_device(tables)
    rows = [(names.get(d, d), d, at) for d, at in last.items()]
    return sorted(rows, key=lambda row: row[2], reverse=True)


class Store:
    """The user's records. Open with Store.open(data_dir)."""

    def __init__(self, path: Path, key: FolderKey | None = None) -> None:
        self.path = path
        self.data_dir = path.parent  # where drafts and their conflicted copies are
        self.refused_copies: Refused = set()  # left alone: not read again unchanged
        self.storage = DurableStorage(path, check=_check_version, validate=_validate, key=key)
        self.connections: Repo[Connection] = Repo(self.storage, kinds.CONNECTIONS)
        self.reflections: Repo[Reflection] = Repo(self.storage, kinds.REFLECTIONS)
        self.goals: Repo[Goal] = Repo(self.storage, kinds.GOALS)
        self.people: Repo[Person] = Repo(self.storage, kinds.PEOPLE)
        self.checkins: Repo[CheckIn] = Repo(self.storage, kinds.CHECKINS)
        self.reviews: Repo[WeeklyReview] = Repo(self.storage, kinds.REVIEWS)
        self.groups: Repo[Group] = Repo(self.storage, kinds.GROUPS)

    @classmethod
    def open(cls, data_dir: Path, key: FolderKey | None = None) -> Store:
        """Open (creating if needed) the data file in data_dir, migrating an older one.

        The whole file is read and validated first (or trusted, when the lock file says
        we wrote it ourselves); a migration runs in memory and is written only when its
        result is valid, after the original bytes are kept beside the file.
        Raises DataFileError, without changing a byte, when the file is damaged or newer.
        A data folder or file others could open is then made private (with a notice).
        An encrypted folder needs its `key` (NoPassphrase without it); a change of its
        encryption that a crash stopped midway is finished first.
        """
        prepare_folder(data_dir)
        key_file = read_key_file(data_dir)
        if key_file is None:
            key = None
        elif key is None:
            raise NoPassphrase(data_dir)
        store = cls(data_dir / DATA_FILE_NAME, key)
        store.data_dir = data_dir
        storage = store.storage
        with storage.locked():
            storage.remove_stale_temp_files(data_dir)
            if key_file is not None and key_file.pending and key is not None:
                from reconnect.store.encryption import finish_pending

                key = finish_pending(data_dir, storage, key_file, key)
            remember(data_dir, key)  # conflicted copies and drafts open with it
            data = storage.read()
            if _needs_migration(data):
                migrated = _migrated(store.path, data)
                if data is not None:
                    storage.keep_original(
                        f"before-schema-{SCHEMA_VERSION}",
                        "came from an older version of reconnect and was upgraded",
                    )
                    storage.foreign_layout = False  # the copy just kept holds its bytes
                storage.write(migrated)
            else:
                storage.verify()
                storage.remember_verified()
            # Conflicted copies a sync tool left, and a journal of another copy's file.
            NOTICES.extend(store._merge_waiting())
            # Only once the file is accepted: one refused is left exactly as it was.
            for path, what in (
                (data_dir, "data folder"),
                (storage.path, "data file"),
                (storage.journal.path, "journal"),
            ):
                make_private(path, what)
        return store

    @staticmethod
    def inspect(data_dir: Path, key: FolderKey | None = None) -> Inspection | None:
        """Validate the data file and its journal without writing anything (not even a
        lock file), or None when there is no file. Raises DataFileError naming what is
        wrong with the file; what is wrong with the journal is in the result."""
        path = data_dir / DATA_FILE_NAME
        storage = DurableStorage(path, check=_check_version, key=key)
        remember(data_dir, key)  # the copies waiting are read with it
        data = storage.read()
        if data is None:
            return None
        found = storage.journal
        upgrade = _needs_migration(data)
        tables = _migrated(path, data) if upgrade else data
        counts = validate_tables(path, tables, models())
        saves = found.saves if not found.stale else 0
        from reconnect.store import sync_preview

        waiting = sync_preview.preview(storage, data_dir)
        return Inspection(
            counts,
            upgrade,
            found.path,
            saves,
            found.problems(),
            _odd_dates(tables),
            waiting,
            _last_changes(tables),
        )

    @property
    def repos(self) -> dict[str, Repo[Any]]:
        return {
            repo.table: repo
            for repo in (
                self.connections,
                self.reflections,
                self.goals,
                self.people,
                self.checkins,
                self.reviews,
                self.groups,
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

    @property
    def encrypted(self) -> bool:
        return self.storage.key is not None

    def backup_seal(self) -> tuple[FolderKey, KeyFile] | None:
        """The current data key and the key file wrapping it (under the folder's
        passphrase), for a sealed backup that opens anywhere with that passphrase;
        None when the folder is not encrypted."""
        key = self.storage.key
        key_file = read_key_file(self.data_dir) if key is not None else None
        if key is None or key_file is None:
            return None
        return key.only_current(), key_file.keeping_only(key.current)

    @property
    def file_gone(self) -> bool:
        """The data file vanished while open: the records are held here, unsaved."""
        return self.storage.file_gone

    def write_back(self) -> bool:
        """Write every record held in memory as a new data file when the file vanished
        while open; False when the file is there (nothing to do)."""
        return self.storage.write_back()

    def refresh(self) -> bool:
        """Reload if another process wrote; True when there is something new to show."""
        if not self.storage.changed_on_disk():
            return False
        self.storage.read()
        return True

    def merge_conflicts(self) -> list[str]:
        """Merge conflicted copies the sync tool left since we looked (cheap when there
        are none: a listing); one line per copy merged or left."""
        with self.storage.thread_lock:
            self.storage.read()
            return self._merge_waiting()

    def _merge_waiting(self) -> list[str]:
        """Merge what is waiting; the merge's code loads only when something is (a
        listing tells), so a start with nothing to merge does not pay for it."""
        if not anything_waiting(self.storage, self.data_dir, self.refused_copies):
            return []
        from reconnect.store import sync

        return sync.merge_waiting(self.storage, self.data_dir, self.refused_copies)

    def other_versions(self, table: str, record_id: str) -> list[dict[str, Any]]:
        """Versions of a record that lost a merge to a change on another device, newest
        first ({"at", "device", "device_name", "doc"})."""
        with self.storage.thread_lock:
            tables = self.storage.read() or {}
            names = versions.devices(tables)
            found = versions.others_of(tables, table, record_id)
        return [
            {**h, "device_name": names.get(str(h.get("device")), h.get("device"))} for h in found
        ]

    def ids_with_other_versions(self, table: str) -> set[str]:
        """Records of this kind with a version kept from another device."""
        with self.storage.thread_lock:
            tables = self.storage.read() or {}
            return {str(h.get("id")) for h in versions.history(tables) if h.get("table") == table}

    def last_change_per_device(self) -> list[tuple[str, str, str]]:
        """(device name, device id, time of its last change), latest first."""
        with self.storage.thread_lock:
            return _last_changes(self.storage.read() or {})

    def is_empty(self) -> bool:
        """No record of any kind (cheap: reads no table that has records)."""
        with self.storage.thread_lock:
            tables = self.storage.read() or {}
            return all(table.is_empty() for name, table in tables.items() if name in self.repos)

    def counts(self) -> dict[str, int]:
        """The number of records of each kind (cheap: validates nothing)."""
        return {name: repo.count() for name, repo in self.repos.items()}

    def odd_dates(self) -> list[str]:
        """A line for each record holding a date out of range (see store.odd_dates)."""
        with self.storage.thread_lock:
            return _odd_dates(self.storage.read() or {})

    def verify(self) -> dict[str, int]:
        """Validate every record; the counts, or DataFileError naming what is wrong."""
        with self.storage.locked():
            return validate_tables(self.path, self.storage.read() or {}, models())

    def close(self) -> None:
        """At quit: fold the journal into the data file, and drop the cache."""
        self.storage.close_and_fold()
