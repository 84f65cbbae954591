"""A durable TinyDB Storage: atomic writes, an in-memory cache, a cross-process lock.

TinyDB's stock JSONStorage rewrites the file in place and re-parses it on every query.
This one reads once and keeps the parsed data, re-reading only when the file's stamp
(inode, size, mtime) shows that another process replaced it. Every write goes to a temp
file in the same folder, is fsynced and then moved over the old file with os.replace,
so the file on disk is always the old or the new version, never half of one.

A stamp can repeat (two same-size writes within one clock tick can land on a recycled
inode), so each writer also leaves a fresh token in the lock file; under the lock the
token, not the stamp, decides whether our cache is still the file's content.

Beside the token the lock file holds the stamp of the file that writer left. We only
ever write a file whose every record was validated, so a file whose stamp still matches
is trusted as it is; any other (edited by hand, restored, from an older version) is
validated in full before anything is written.

A save of a few records does not rewrite the file: it appends one line to the journal
beside it (reconnect/store/journal.py), and the stamp covers both files. The journal is
folded into the file, written whole, when it has grown or when the store closes.
"""

from __future__ import annotations

import contextlib
import os
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from reconnect.store import journal
from reconnect.store.atomic import (
    OLD_DATA_COPY_PATTERN,
    atomic_write,
    fsync_folder,
    remove_stale_temp_files,
    temp_prefix,
)
from reconnect.store.data_file import NotADatabase, decode_with_layout, encode
from reconnect.store.errors import (
    NOTICES,
    RESTORE_HINT,
    BatchAbandoned,
    DataFileError,
    DataFileGone,
)
from reconnect.store.file_lock import lock_exclusive, unlock
from reconnect.store.files import open_lock_file, read_regular_file, resolve_data_file
from reconnect.store.folder_key import FolderKey, key_file_path
from reconnect.store.gc_pause import gc_paused
from reconnect.store.journal_state import JournalState
from reconnect.store.lazy_table import DamagedRecord, DamagedTable, LazyTable, parse_record
from reconnect.store.meta_fields import hint_next_ids, journal_base, stamp_meta
from reconnect.store.sealing import is_sealed, seal, unseal
from reconnect.store.versions import compact_if_due

Data = dict[str, LazyTable]
# (inode, size, mtime) of the data file, then of the journal (zeros when there is none).
Stamp = tuple[int, ...]
NO_FILE = (0, 0, 0)
# Our stamp once another writer is seen: unequal to any disk stamp, so the next read
# loads again (None, by contrast, is "the file is gone": equal while it stays gone).
STALE: Stamp = (-1,)
# Fold the journal into the data file once it is this big: every open replays it, so
# it stays small whatever the years (a fold, rewriting the file, comes every few
# hundred saves).
FOLD_AT_LEAST = 256 * 1024


def _stamp_of(st: os.stat_result) -> tuple[int, int, int]:
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def _file_stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        return _stamp_of(os.stat(path))
    except FileNotFoundError:
        return None


def _lock_content(token: bytes, stamp: Stamp | None) -> bytes:
    return token if stamp is None else token + b"".join(b" %d" % n for n in stamp)


def _stamp_in(content: bytes | None) -> Stamp | None:
    """The stamp a writer recorded in the lock file, if any."""
    fields = (content or b"").split()
    if len(fields) != 7 or not all(f.isdigit() for f in fields[1:]):
        return None
    return tuple(int(f) for f in fields[1:])


Validator = Callable[[Path, Data], None]


class DurableStorage(Storage):
    """TinyDB storage over one JSON file; see the module docstring.

    One instance may be used from several threads: a re-entrant thread lock is held
    for every read, write and lock, so a worker's batch is never joined or seen
    half-done by another thread.

    `check` runs on every load (cheap: the schema version); `validate` parses and
    validates every record, and runs before the first write after a load unless the
    file is one we wrote ourselves.
    """

    def __init__(
        self,
        path: Path,
        check: Validator | None = None,
        validate: Validator | None = None,
        key: FolderKey | None = None,
    ) -> None:
        # A symlinked data file is resolved once: its lock and journal live beside the
        # file it points at, not beside the link, so two links to one file (two data
        # folders, or a folder moved) share one lock, and the journal travels with the
        # file it continues. The key file stays with the data folder.
        self.key_path = key_file_path(path.parent)
        self.path = path = resolve_data_file(path)
        self.lock_path = path.with_name(path.name + ".lock")
        self._check = check
        self._validate = validate
        self._data: Data | None = None
        self._stamp: Stamp | None = None
        self._token: bytes | None = None  # the lock file's content our cache matches
        self._thread_lock = threading.RLock()
        self._lock_file: Any = None
        self._lock_depth = 0
        self._batch_depth = 0
        self._batch_broken = False
        self._dirty = False
        self._verified = False
        # Set when the file read was not in our own layout (written by hand or by stock
        # TinyDB): its bytes are kept aside before our first write reformats it.
        self.foreign_layout = False
        # Bumped when the data was (re)loaded from disk or dropped, not by our own writes:
        # caches built on an older generation must be rebuilt.
        self.generation = 0
        # Bumped on every change, ours or another process's: screens compare it to skip
        # reloading what they already show.
        self.version = 0
        # The encrypted folder's key: every file written is sealed with it (sealing.py).
        self.key = key
        self._key_stamp = _file_stamp(self.key_path)
        self.journal = JournalState(journal.journal_path(path), key=key)
        self._pending: set[tuple[str, str]] = set()  # (table, key) changed, not written
        self._whole = False  # a change we cannot name record by record: write whole
        self._told: set[str] = set()  # journal problems already told
        # The data file vanished while we held its records: they stay readable here,
        # nothing is written until it is back or write_back() is asked for.
        self.file_gone = False

    @property
    def thread_lock(self) -> threading.RLock:
        """Held by every read and write: a worker thread may share this storage."""
        return self._thread_lock

    # --- reading -------------------------------------------------------------------

    def disk_stamp(self) -> Stamp | None:
        """The data file's stamp and the journal's; None when there is no data file."""
        data = _file_stamp(self.path)
        if data is None:
            return None
        return data + (_file_stamp(self.journal.path) or NO_FILE)

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
        with gc_paused():
            return self._load_now()

    def _load_now(self) -> Data | None:
        # The token first: if a write lands between the two reads, the token is the
        # older one and the next lock reloads once more; never the other way round.
        token = self._read_token()
        try:
            raw, st = read_regular_file(self.path)
        except FileNotFoundError:
            if self._data is not None:
                # Gone while we hold its records (and the journal's): keep them to show
                # and to write back; a file that comes back is read again.
                self.file_gone = True
                self._stamp = None
                return self._data
            if journal.read(self.journal.path):
                raise DataFileError(
                    self.path,
                    "The data file is missing, but its journal is still beside it",
                    f"Nothing was changed. Restore {self.path.name} from a backup, or move "
                    f"{self.journal.path.name} aside to start afresh.",
                ) from None
            self._forget()
            return None
        # Ours when the stamp is the one the last writer left: its tables may stay
        # unsplit until used, and take new records by the ids its meta keeps.
        ours = _stamp_in(token) == _stamp_of(st) + (_file_stamp(self.journal.path) or NO_FILE)
        if self._data is not None:
            self._key_unchanged()  # or what we hold was read under another key
        raw = unseal(raw, self.key, self.path)
        try:
            data, self.foreign_layout = decode_with_layout(raw, ours=ours)
            if ours:
                hint_next_ids(data)
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
        self.journal = JournalState.load(self.journal.path, data, self.key)
        self._tell(self.journal.problems())
        stamp = _stamp_of(st) + (self.journal.stamp or NO_FILE)
        self._data, self._stamp, self._token = data, stamp, token
        self.file_gone = False
        # A file we wrote ourselves holds only validated records.
        self._verified = _stamp_in(token) == stamp
        self.generation += 1
        self.version += 1
        return data

    @property
    def verified(self) -> bool:
        return self._verified

    def verify(self) -> None:
        """Validate every record: a damaged one stops us before we write anything."""
        if self._verified or self._data is None:
            return
        if self._validate is not None:
            try:
                self._validate(self.path, self._data)
            except DamagedTable as exc:
                raise self._damaged(exc) from None
        else:
            for name, table in self._data.items():
                try:
                    for doc_id, raw in table.raw_items():
                        parse_record(doc_id, raw, name)
                except DamagedRecord as exc:
                    raise DataFileError(self.path, str(exc), RESTORE_HINT) from None
                except DamagedTable as exc:
                    raise self._damaged(exc) from None
        self._verified = True

    def remember_verified(self) -> None:
        """Record (with the lock held) that the file as it is now was validated, so the
        next open trusts it without validating again."""
        if self._verified and self._stamp is not None and self._stamp == self.disk_stamp():
            held = self._read_token()
            if held is not None and held == self._token and _stamp_in(held) == self._stamp:
                # Already trusted as it is, by the token we read it with: a new token
                # would make every other process reload, and `reconnect today` write at
                # every prompt.
                return
            self._token = _lock_content(uuid.uuid4().hex.encode(), self._stamp)
            self.lock_path.write_bytes(self._token)

    def _damaged(self, exc: Exception) -> DataFileError:
        return DataFileError(self.path, f"The data file is damaged: {exc}", RESTORE_HINT)

    def must_have_file(self) -> None:
        """Raise DataFileGone before a change when the data file vanished: saving only
        this change (a journal line beside no file) would leave the rest behind."""
        if self.file_gone:
            raise DataFileGone(self.path)

    def data_to_change(self) -> Data:
        """The data, brought up to date, for a change to be made in; DataFileGone,
        before anything is changed, when the data file vanished."""
        data = self.read()
        if data is None:
            raise DataFileGone(self.path)  # and nothing held: nothing to write back
        self.must_have_file()
        return data

    def write_back(self) -> bool:
        """Write every record held in memory as the data file, when the file vanished
        while open; False when there was nothing to do (the file is there)."""
        with self.locked():
            data = self.read()
            if data is None or not self.file_gone:
                return False
            self._write_now(data)
            return True

    def rewrite_whole(self) -> None:
        """Write the data file whole as it is now (under the current key, or plain)."""
        with self.locked():
            data = self.read()
            if data is not None and not self.file_gone:
                self._write_now(data)

    def _key_unchanged(self) -> None:
        """Before a write (lock held): refuse when another reconnect encrypted the folder,
        decrypted it or changed its passphrase since we opened it; writing as we are would
        leave a record in plain, or under a key the folder no longer holds."""
        if _file_stamp(self.key_path) != self._key_stamp:
            raise DataFileError(
                self.key_path.parent,
                "The data folder was encrypted, decrypted or given a new passphrase by "
                "another reconnect while this one was open",
                "Nothing was saved. Quit and open reconnect again.",
            )

    def rekey(self, key: FolderKey | None) -> None:
        """After our own encrypt, decrypt or passphrase change (lock held): write with
        this key from now on."""
        self.key = key
        self.journal.key = key
        self._key_stamp = _file_stamp(self.key_path)

    def _tell(self, problems: list[str]) -> None:
        """Each journal problem once per storage (a reload finds the same again)."""
        for problem in problems:
            if problem not in self._told:
                self._told.add(problem)
                NOTICES.append(problem)

    def _forget(self) -> None:
        held = self._data is not None
        self._pending.clear()
        self._whole = False
        self._data = None
        self._stamp = None
        self._token = None
        self.generation += 1
        self.version += 1
        if self._batch_depth and held:
            self._batch_broken = True  # what the batch did so far is gone

    # --- writing -------------------------------------------------------------------

    def write(self, data: dict[str, Any]) -> None:
        """TinyDB's write: the whole data, changes not named, so it is written whole."""
        with self._thread_lock:
            self.must_have_file()
            fresh = {
                name: table if isinstance(table, LazyTable) else LazyTable.of_docs(name, table)
                for name, table in data.items()
            }
            if any(fresh[name] is not data[name] for name in data):
                self.generation += 1  # new table objects: indexes must be rebuilt
            self.version += 1
            self._data = fresh
            self._whole = True
            if self._batch_depth:
                self._dirty = True
                return
            self._commit()

    def write_changes(
        self, table: str, keys: list[str], also: Iterable[tuple[str, str]] = ()
    ) -> None:
        """These records of the cached data changed (added, updated or deleted): save
        them, durably, as one journal line (or at the end of the batch); `also`:
        (table, key) of other records changed with them (their versions)."""
        with self._thread_lock:
            self.version += 1
            self._pending.update((table, key) for key in keys)
            self._pending.update(also)
            if self._batch_depth:
                self._dirty = True
                return
            self._commit()

    def _commit(self) -> None:
        data = self._data
        if data is None:
            return
        self.must_have_file()  # changes check first; this is the last guard
        self._key_unchanged()
        try:
            base = journal_base(data)
            if self._whole or base is None or self.foreign_layout:
                self._write_now(data)
                return
            self.verify()
            self.journal.set_aside()
            self.journal.append(self._changes(data), base)
        except DamagedTable as exc:
            self._forget()
            raise self._damaged(exc) from None
        except BaseException:
            # The cache may already hold the change that did not reach the disk.
            self._forget()
            raise
        self._pending.clear()
        self._after_write()
        if self._fold_due():
            self.fold()

    def _changes(self, data: Data) -> list[journal.Change]:
        changes = []
        for table_name, key in sorted(self._pending):
            table = data.get(table_name)
            doc = table.saved_form(key) if table is not None else None
            changes.append(journal.Change(table_name, key, doc))
        return changes

    def _fold_due(self) -> bool:
        if self.journal.damaged or self._stamp in (None, STALE):
            return False
        return self.journal.size > FOLD_AT_LEAST

    def fold(self) -> None:
        """Write the journal's changes into the data file (whole, atomically) and start a
        new journal. Nothing to do without changes, or while a journal line is damaged."""
        with self.locked():
            data = self.read()
            if data is None or self.journal.damaged or self.file_gone:
                return  # gone: quitting leaves the folder as the person left it
            if self.journal.has_changes or self.journal.stale:
                self._write_now(data)

    def _write_now(self, data: Data) -> None:
        """Write the data file whole, with a new journal base, and remove the journal."""
        try:
            if self.journal.damaged:
                raise DataFileError(
                    self.journal.path,
                    f"Line {self.journal.damaged[0]} of the journal is damaged",
                    "Nothing was changed. Fix or delete that line (reconnect check "
                    "shows it), then save again.",
                )
            self._key_unchanged()
            self.verify()
            if self.foreign_layout:
                self.keep_original(
                    "before-rewrite",
                    "was written by another program (or by hand) and was rewritten in "
                    "reconnect's own layout",
                )
                self.foreign_layout = False
            compact_if_due(data)
            stamp_meta(data, uuid.uuid4().hex)
            parts = encode(data)
            atomic_write(self.path, parts if self.key is None else seal(parts, self.key))
            # A journal of another copy of the file (synced in) not merged yet: kept
            # aside to be merged (store/sync.py), never removed with its saves.
            if self.journal.stale and not self.journal.reflected:
                self.journal.set_aside()
            # The file now holds every change of the journal: a crash before this
            # removal leaves a journal naming the old base, which is never replayed.
            self.journal.remove()
            fsync_folder(self.path.parent)
        except DamagedTable as exc:
            self._forget()
            raise self._damaged(exc) from None
        except BaseException:
            self._forget()
            raise
        self._data = data
        self._pending.clear()
        self._whole = False
        self._after_write()

    def _after_write(self) -> None:
        self.file_gone = False
        self._stamp = self.disk_stamp()
        self._verified = True  # validated records, and new ones validated by their model
        self._token = _lock_content(uuid.uuid4().hex.encode(), self._stamp)
        # We hold the lock: tell other processes. Written in place, not by atomic_write:
        # the lock is held on this file itself, and a file put in its place is unlocked.
        self.lock_path.write_bytes(self._token)

    def keep_original(self, label: str, why: str) -> Path | None:
        """Copy the file as it is now to `<name>.<label>` (0600) before we change its shape,
        and leave a notice saying where. An earlier copy is never overwritten."""
        try:
            raw, _ = read_regular_file(self.path)
        except FileNotFoundError:
            return None
        if not raw or raw.isspace():  # isspace copies nothing (strip copied 19 MB)
            return None  # nothing a person wrote
        target = self.path.with_name(f"{self.path.name}.{label}")
        n = 1
        while target.exists():
            if target.read_bytes() == raw:
                return target
            n += 1
            target = self.path.with_name(f"{self.path.name}.{label}.{n}")
        atomic_write(target, raw if self.key is None or is_sealed(raw) else seal(raw, self.key))
        NOTICES.append(f"Your data file {why}; the file as it was is kept at {target}")
        return target

    # --- locking and batching ----------------------------------------------------------

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the exclusive cross-process lock (re-entrant within one thread)."""
        with self._thread_lock:
            if self._lock_depth == 0:
                handle = open_lock_file(self.lock_path)
                lock_exclusive(handle)
                self._lock_file = handle
                if self._data is not None and self._read_token() != self._token:
                    self._stamp = STALE  # another writer since we read: reload on next read
            self._lock_depth += 1
            try:
                yield
            finally:
                self._lock_depth -= 1
                if self._lock_depth == 0:
                    unlock(self._lock_file)
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
            # A file that never was is fine (the batch's write makes it, as in TinyDB);
            # one gone while we hold its records is refused before anything changes.
            self.must_have_file()
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
                self._commit()

    def _end_broken_batch(self) -> None:
        self._dirty = False
        self._batch_broken = False
        self._forget()

    def close(self) -> None:
        """Drop the cache; the next read loads the file again."""
        with self._thread_lock:
            self._forget()

    def close_and_fold(self) -> None:
        """Fold the journal (when it holds changes), then drop the cache: at quit."""
        with self._thread_lock:
            if self._data is not None or self.journal.path.exists():
                self.fold()
            self._forget()

    def remove_stale_temp_files(self, *folders: Path) -> None:
        """Temp files left by a crash hold a private copy of the data: remove them, from
        the data file's folder and from `folders` (the data folder, where drafts are
        kept, when the data file is a link to elsewhere). Call with the lock held: no
        writer of the data file is midway, so its own temp copies go whatever their age."""
        remove_stale_temp_files(
            self.path.parent, any_age=(f"{temp_prefix(self.path)}*.tmp", OLD_DATA_COPY_PATTERN)
        )
        for folder in folders:
            if folder != self.path.parent:
                remove_stale_temp_files(folder)
