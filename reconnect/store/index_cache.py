"""A kept copy of a big table's index (each record's id, time and person), so that a
process that only looks (`reconnect today` at every prompt, a start) does not parse
five years of moments again to count this week's.

It is a cache, never a source: an entry is named by the SHA-256 of the exact table
bytes it describes, so it is used only for those bytes and can never describe a file
that changed since (another device's sync, a hand edit, a newer version of ours all
give other bytes, and the index is built again). A lost, cut or damaged entry is built
again too; it carries its own checksum.

It lives in the user's cache folder, outside the data folder, so a sync tool does not
carry it. It holds ids and times, never words, and only of a folder that is not
encrypted: an encrypted folder keeps no index outside itself (`reconnect encrypt`
removes the one it had).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import time
from datetime import datetime
from pathlib import Path

import orjson

# Bump when what an entry holds, or how a time is read into it, changes.
FORMAT = 1
# Smaller tables are indexed faster than an entry is read (~500 moments).
MIN_BYTES = 200_000
ENV = "RECONNECT_CACHE_DIR"
# An entry not written for this long is removed when another is written.
UNUSED_FOR_SECONDS = 90 * 24 * 60 * 60

# (doc id, record id, time, person id or None), in the table's order.
Row = tuple[int, str, datetime, str | None]
# The same as four lists (doc ids, record ids, times, person ids): how an entry is kept.
Columns = tuple[list[int], list[str], list[datetime], list[str | None]]


def columns(rows: list[Row]) -> Columns:
    if not rows:
        return [], [], [], []
    docs, ids, times, people = zip(*rows, strict=True)
    return list(docs), list(ids), list(times), list(people)


def cache_dir() -> Path:
    given = os.environ.get(ENV)
    if given:
        return Path(given).expanduser()
    from platformdirs import user_cache_path

    return user_cache_path("reconnect", appauthor=False) / "index"


def _folder_tag(data_path: Path) -> str:
    """The data file's entries' shared name part: its full path, hashed (the cache
    folder does not show where anyone keeps their data)."""
    return hashlib.sha256(os.fsencode(os.path.abspath(data_path))).hexdigest()[:24]


def entry_path(data_path: Path, table: str) -> Path:
    return cache_dir() / f"{_folder_tag(data_path)}-{table}.idx"


def entry_key(body: bytes | memoryview, table: str, shape: str) -> str:
    """The name of an index of exactly these table bytes; `shape` says how they are
    read (the time field, whether records link a person)."""
    digest = hashlib.sha256(f"{FORMAT}\0{table}\0{shape}\0".encode())
    digest.update(body)
    return digest.hexdigest()


def read(data_path: Path, table: str, key: str) -> Columns | None:
    """The index kept for `key`, or None (none kept, another key, or damaged)."""
    try:
        raw = entry_path(data_path, table).read_bytes()
    except OSError:
        return None
    head, _, payload = raw.partition(b"\n")
    try:
        meta = orjson.loads(head)
        if meta.get("key") != key or meta.get("sum") != hashlib.sha256(payload).hexdigest():
            return None
        found = orjson.loads(payload)
        docs, ids, people = found["doc"], found["id"], found["person"]
        times = list(map(datetime.fromisoformat, found["at"]))
    except (orjson.JSONDecodeError, AttributeError, KeyError, TypeError, ValueError):
        return None
    if not len(docs) == len(ids) == len(times) == len(people):
        return None
    return docs, ids, times, people


def write(data_path: Path, table: str, key: str, index: Columns) -> None:
    """Keep `index` as the index of the bytes `key` names. Best effort: a cache folder
    that cannot be written costs speed, never a command."""
    docs, ids, moments, people = index
    times = [moment.isoformat() for moment in moments]
    payload = orjson.dumps({"doc": docs, "id": ids, "at": times, "person": people})
    head = orjson.dumps({"format": FORMAT, "key": key, "sum": hashlib.sha256(payload).hexdigest()})
    from reconnect.store.atomic import atomic_write

    with contextlib.suppress(OSError):
        atomic_write(entry_path(data_path, table), [head, b"\n", payload], durable=False)
        _forget_old()


def _forget_old() -> None:
    """Remove entries not written for a long while: a folder moved or deleted leaves its
    entries behind, and one still in use is only built again."""
    now = time.time()
    for entry in cache_dir().glob("*.idx"):
        with contextlib.suppress(OSError):
            if now - entry.stat().st_mtime > UNUSED_FOR_SECONDS:
                entry.unlink()


def forget(data_path: Path) -> None:
    """Remove every entry of this data file (when it is encrypted: an encrypted folder
    keeps no index outside itself)."""
    with contextlib.suppress(OSError):
        for entry in cache_dir().glob(f"{_folder_tag(data_path)}-*.idx"):
            with contextlib.suppress(FileNotFoundError):
                entry.unlink()
