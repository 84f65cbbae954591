"""A durable TinyDB Storage: atomic writes, an in-memory cache, a cross-process lock.

TinyDB's stock JSONStorage rewrites the file in place and re-parses it on every query.
This one reads once and keeps the parsed data, re-reading only when the file's stamp
(inode, size, mtime) shows that another process replaced it. Every write goes to a temp
file in the same folder, is fsynced and then moved over the old file with os.replace,
so the file on disk is always the old or the new version, never half of one.

A stamp can repeat (two same-size writes within one clock tick can land on a recycled
inode), so each writer also leaves a fresh token in the lock file; under the lock the
token, not the stamp, decides whether our cache is still the file's content.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import tempfile
import threading
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from reconnect.data_file import NotADatabase, decode, encode
from reconnect.lazy_table import DamagedRecord, LazyTable, parse_record

Data = dict[str, LazyTable]
Stamp = tuple[int, int, int]


class DataFileError(Exception):
    """The data file can't be used safely. It is left exactly as it is."""

    def __init__(self, path: Path, problem: str, way_out: str) -> None:
        super().__init__(f"{problem}: {path}\n{way_out}")
        self.path = path
        self.problem = problem
        self.way_out = way_out


RESTORE_HINT = (
    "Nothing was changed. Restore the file from a backup, or move it aside to start afresh."
)


class BatchAbandoned(RuntimeError):
    """A change inside a batch failed and was caught: nothing of the batch is saved."""


def _stamp_of(st: os.stat_result) -> Stamp:
    return (st.st_ino, st.st_size, st.st_mtime_ns)


class DurableStorage(Storage):
    """TinyDB storage over one JSON file; see the module docstring.

    One instance may be used from several threads: a re-entrant thread lock is held
    for every read, write and lock, so a worker's batch is never joined or seen
    half-done by another thread.
    """

    def __init__(self, path: Path, check: Callable[[Path, Data], None] | None = None) -> None:
        self.path = path
        self.lock_path = path.with_name(path.name + ".lock")
        self._check = check
        self._data: Data | None = None
        self._stamp: Stamp | None = None
        self._token: bytes | None = None  # the writer's token our cache matches
        self._thread_lock = threading.RLock()
        self._lock_file: Any = None
        self._lock_depth = 0
        self._batch_depth = 0
        self._batch_broken = False
        self._dirty = False
        self._verified = False
        self._parsed_tables: set[str] = set()
        # Bumped when the data was (re)loaded from disk or dropped, not by our own writes:
        # caches built on an older generation must be rebuilt.
        self.generation = 0
        # Bumped on every change, ours or another process's: screens compare it to skip
        # reloading what they already show.
        self.version = 0

    # --- reading -------------------------------------------------------------------

    def disk_stamp(self) -> Stamp | None:
        try:
            return _stamp_of(os.stat(self.path))
        except FileNotFoundError:
            return None

    def changed_on_disk(self) -> bool:
        """True when another process replaced the file since we last read or wrote it."""
        return self.disk_stamp() != self._stamp

    def read(self) -> Data | None:
        with self._thread_lock:
            if self._batch_depth and self._data is not None:
                return self._data
            if self._data is not None and not self.changed_on_disk():
                return self._data
            return self._load()

    def _read_token(self) -> bytes | None:
        try:
            return self.lock_path.read_bytes() or None
        except FileNotFoundError:
            return None

    def _load(self) -> Data | None:
        # The token first: if a write lands between the two reads, the token is the
        # older one and the next lock reloads once more; never the other way round.
        token = self._read_token()
        try:
            with open(self.path, "rb") as handle:
                stamp = _stamp_of(os.fstat(handle.fileno()))
                raw = handle.read()
        except FileNotFoundError:
            self._forget()
            return None
        try:
            data = decode(raw)
        except NotADatabase as exc:
            raise DataFileError(
                self.path, f"The data file is damaged: {exc}", RESTORE_HINT
            ) from None
        if self._check is not None:
            try:
                self._check(self.path, data)
            except DamagedRecord as exc:
                raise DataFileError(
                    self.path, f"The data file is damaged: {exc}", RESTORE_HINT
                ) from None
        self._data, self._stamp, self._token = data, stamp, token
        self._verified = False
        self._parsed_tables = set()
        self.generation += 1
        self.version += 1
        return data

    def mark_parsed(self, table: str) -> None:
        """Every record of `table` was parsed since the load: verify() may skip it."""
        self._parsed_tables.add(table)

    def verify(self) -> None:
        """Parse every record once: a damaged one stops us before we write anything.

        Loading keeps records as unparsed bytes, so this runs before the first write
        after each load (a few ms on 14,000 records), never on the read path.
        """
        if self._verified or self._data is None:
            return
        for name, table in self._data.items():
            if name in self._parsed_tables:
                continue
            for doc_id, raw in table.raw_items():
                try:
                    parse_record(doc_id, raw)
                except DamagedRecord as exc:
                    raise DataFileError(
                        self.path, f"The table '{name}' is damaged: {exc}", RESTORE_HINT
                    ) from None
        self._verified = True

    def _forget(self) -> None:
        self._data = None
        self._stamp = None
        self._token = None
        self.generation += 1
        self.version += 1
        if self._batch_depth:
            self._batch_broken = True  # what the batch did so far is gone

    # --- writing -------------------------------------------------------------------

    def write(self, data: dict[str, Any]) -> None:
        with self._thread_lock:
            fresh = {
                name: table
                if isinstance(table, LazyTable)
                else LazyTable({doc_id: orjson.dumps(doc) for doc_id, doc in table.items()})
                for name, table in data.items()
            }
            if any(fresh[name] is not data[name] for name in data):
                self.generation += 1  # new table objects: indexes must be rebuilt
            self.version += 1
            if self._batch_depth:
                self._data = fresh
                self._dirty = True
                return
            self._write_now(fresh)

    def _write_now(self, data: Data) -> None:
        folder = self.path.parent
        tmp: str | None = None
        try:
            self.verify()
            parts = encode(data)
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=TEMP_PREFIX, suffix=".tmp")
            with os.fdopen(fd, "wb", buffering=0) as handle:
                os.fchmod(fd, 0o600)
                for part in parts:  # unbuffered: big pieces go straight to the kernel
                    _write_all(handle, part)
                os.fsync(fd)
            os.replace(tmp, self.path)
        except BaseException:
            # The cache may already hold the change that did not reach the disk.
            self._forget()
            if tmp is not None:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(tmp)
            raise
        _fsync_folder(folder)
        self._data = data
        self._stamp = self.disk_stamp()
        self._token = uuid.uuid4().hex.encode()
        self.lock_path.write_bytes(self._token)  # we hold the lock: tell other processes

    # --- locking and batching ----------------------------------------------------------

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the exclusive cross-process lock (re-entrant within one thread)."""
        with self._thread_lock:
            if self._lock_depth == 0:
                handle = open(self.lock_path, "a+b")  # noqa: SIM115 - held across the block
                os.chmod(self.lock_path, 0o600)
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
                self._lock_file = handle
                if self._data is not None and self._read_token() != self._token:
                    self._stamp = None  # another writer since we read: reload on next read
            self._lock_depth += 1
            try:
                yield
            finally:
                self._lock_depth -= 1
                if self._lock_depth == 0:
                    fcntl.flock(self._lock_file.fileno(), fcntl.LOCK_UN)
                    self._lock_file.close()
                    self._lock_file = None

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Many changes, one lock and one durable write; nothing is written on error.

        If a change inside fails and the caller catches it, the batch is abandoned at
        its end (BatchAbandoned): saving the rest would save only part of it.
        """
        with self.locked():
            self.read()  # bring the cache up to date under the lock
            if self._batch_depth == 0:
                self._batch_broken = False
            self._batch_depth += 1
            try:
                yield
            except BaseException:
                self._batch_depth -= 1
                self._batch_broken = True
                if self._batch_depth == 0:
                    self._end_broken_batch()
                raise
            self._batch_depth -= 1
            if self._batch_depth:
                return
            if self._batch_broken:
                self._end_broken_batch()
                raise BatchAbandoned("a change in this batch failed; nothing was saved")
            if self._dirty:
                self._dirty = False
                if self._data is not None:
                    self._write_now(self._data)

    def _end_broken_batch(self) -> None:
        self._dirty = False
        self._batch_broken = False
        self._forget()

    def close(self) -> None:
        """Drop the cache; the next read loads the file again."""
        with self._thread_lock:
            self._forget()

    def remove_stale_temp_files(self) -> None:
        """Temp files left by a crash hold a private copy of the data: remove them.
        Call with the lock held, so that no writer is midway."""
        for leftover in self.path.parent.glob(f"{TEMP_PREFIX}*.tmp"):
            with contextlib.suppress(OSError):
                leftover.unlink()


TEMP_PREFIX = ".reconnect-"


def _write_all(handle: Any, data: bytes | memoryview) -> None:
    """An unbuffered write may take only part of the bytes: loop until all are written."""
    view = memoryview(data)
    while view:
        view = view[handle.write(view) :]


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def prepare_folder(folder: Path) -> None:
    """Create the data folder private to the user (0700)."""
    if folder.exists() and not folder.is_dir():
        raise DataFileError(
            folder, "The data folder is a file", "Give --data-dir (or RECONNECT_DATA_DIR) a folder."
        )
    if not folder.exists():
        folder.mkdir(parents=True, mode=0o700)
        os.chmod(folder, 0o700)
