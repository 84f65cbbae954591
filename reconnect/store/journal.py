"""The journal: changes since the data file was last written whole, one line each.

Saving one record used to rewrite the whole data file (megabytes after a few years). Now
a save appends one line to `reconnect.json.journal` and fsyncs it; opening reads the data
file and replays the journal over it; when the journal has grown (or the app closes) it
is folded into the data file, written whole and atomically as before.

    {"journal_for":"3f2a…"}
    {"at":"2026-12-01T10:00:00.123456+00:00","changes":[{"table":"connections","key":"12","doc":{…}}]}
    {"at":"…","changes":[{"table":"people","key":"4","deleted":true}]}

The first line names the data file it continues (the `journal_base` in the data file's
meta, new at every whole write): a journal left by a fold that crashed after writing
the data file names an older base and is not replayed twice. One line is one save (a
batch of changes is all or nothing): a line cut off by a crash was never confirmed as
saved and is set aside, never fatal. A damaged line elsewhere is reported with its line
number and the rest is read; the data file is not written whole until it is mended.
Every line is ordinary JSON, a record per change with its table, key and time.
"""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import orjson

from reconnect.store.atomic import fsync_folder
from reconnect.store.folder_key import FolderKey
from reconnect.store.lazy_table import LazyTable
from reconnect.store.sealing import LINE_MARK, unseal_line

JOURNAL_SUFFIX = ".journal"


def journal_path(data_path: Path) -> Path:
    return data_path.with_name(data_path.name + JOURNAL_SUFFIX)


@dataclass(frozen=True)
class Change:
    """One record as it is after a save: its bytes, or None when it was deleted."""

    table: str
    key: str
    doc: bytes | memoryview | None


@dataclass
class Replay:
    """What a journal holds, read without trusting it."""

    base: str | None = None  # the data file it continues; None: no journal
    changes: list[Change] = field(default_factory=list)
    damaged: list[int] = field(default_factory=list)  # line numbers, from 1
    saves: int = 0  # well-formed save lines
    torn_at: int | None = None  # byte offset of a last line cut off mid-write
    size: int = 0  # bytes read


class JournalHeaderDamaged(ValueError):
    """The first line does not say which data file the journal continues."""


def header(base: str) -> bytes:
    return b'{"journal_for":%s}\n' % orjson.dumps(base)


def save_line(changes: list[Change], at: datetime | None = None) -> bytes:
    """One save as a journal line (docs are embedded as the bytes we hold: no re-encode)."""
    stamp = orjson.dumps((at or datetime.now(UTC)).isoformat())
    parts = []
    for change in changes:
        head = b'{"table":%s,"key":%s,' % (orjson.dumps(change.table), orjson.dumps(change.key))
        if change.doc is None:
            parts.append(head + b'"deleted":true}')
        else:
            parts.append(head + b'"doc":' + bytes(change.doc) + b"}")
    return b'{"at":%s,"changes":[%s]}\n' % (stamp, b",".join(parts))


def parse(raw: bytes, key: FolderKey | None = None) -> Replay:
    """The journal's header and changes; damaged lines and a torn end are noted, not
    raised. Raises JournalHeaderDamaged when the first line is not a header. A sealed
    line (an encrypted folder's) is opened with `key`: one that does not open is damaged."""
    replay = Replay(size=len(raw))
    if not raw:
        return replay
    end = raw.rfind(b"\n") + 1
    if end < len(raw):
        replay.torn_at = end  # the last line has no newline: its write never finished
    lines = raw[:end].split(b"\n")[:-1]
    if not lines:
        raise JournalHeaderDamaged("the journal's first line was cut off")
    replay.base = _base(lines[0])
    for number, line in enumerate(lines[1:], start=2):
        if line.startswith(LINE_MARK):
            line = unseal_line(line, key, replay.base) or b""
        changes = _changes(line)
        if changes is None:
            replay.damaged.append(number)
        else:
            replay.changes.extend(changes)
            replay.saves += 1
    return replay


def _base(line: bytes) -> str:
    try:
        head = orjson.loads(line)
    except orjson.JSONDecodeError:
        head = None
    if not isinstance(head, dict) or not isinstance(head.get("journal_for"), str):
        raise JournalHeaderDamaged("the journal's first line does not name its data file")
    return head["journal_for"]


def _changes(line: bytes) -> list[Change] | None:
    """The changes of one line, or None when the line is not a well-formed save."""
    try:
        entry = orjson.loads(line)
    except orjson.JSONDecodeError:
        return None
    if not isinstance(entry, dict) or not isinstance(entry.get("changes"), list):
        return None
    changes = []
    for item in entry["changes"]:
        if not isinstance(item, dict):
            return None
        table, key = item.get("table"), item.get("key")
        if not isinstance(table, str) or not isinstance(key, str) or not key.isdigit():
            return None
        if item.get("deleted") is True:
            changes.append(Change(table, key, None))
        elif isinstance(item.get("doc"), dict):
            changes.append(Change(table, key, orjson.dumps(item["doc"])))
        else:
            return None
    return changes


def read(path: Path) -> bytes:
    """The journal's bytes; empty when there is none."""
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        return b""


class JournalChanged(OSError):
    """The journal is not the length the save expected: someone else wrote to it."""


def append(path: Path, data: bytes, expected_size: int | None = None) -> None:
    """Append whole lines and make them durable before returning (0600, whatever the
    umask). Call with the store's lock held: one writer at a time. With `expected_size`,
    refuse (JournalChanged) rather than append after bytes we have not read."""
    created = not path.exists()
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, 0o600)
    try:
        if expected_size is not None and os.fstat(fd).st_size != expected_size:
            raise JournalChanged(
                errno.EAGAIN,
                "The journal was changed by another program during the save; nothing was "
                "saved. Try again",
                str(path),
            )
        if created:
            os.fchmod(fd, 0o600)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)
    if created:
        fsync_folder(path.parent)


def cut_torn_end(path: Path, torn_at: int) -> bytes:
    """Remove a last line cut off mid-write (call with the lock held); its bytes."""
    with open(path, "r+b") as handle:
        handle.seek(torn_at)
        torn = handle.read()
        handle.truncate(torn_at)
        handle.flush()
        os.fsync(handle.fileno())
    return torn


def apply(tables: dict[str, LazyTable], changes: list[Change]) -> None:
    """Replay changes over tables (the last change of a record wins: replaying twice
    gives the same tables)."""
    for change in changes:
        table = tables.get(change.table)
        if table is None:
            table = tables[change.table] = LazyTable(name=change.table)
        if change.doc is None:
            table.pop_quietly(change.key)
        else:
            table.put_raw(change.key, change.doc)
