"""When each record last changed and on which device, kept beside the records.

Record documents are validated by models that refuse unknown fields, so versions live
in tables of the store's own, in the same data file:

- `versions`: one entry per change, appended at every save (never rewritten, so a save
  parses nothing): {"table", "id", "at", "device"}, plus "deleted": true for a
  deletion (a tombstone). A record's version is its latest entry; the older entries
  tell a merge which versions this copy has already seen.
- `devices`: {"id", "name"} of each device that changed something.
- `history`: versions that lost a merge to a change made on another device, kept whole
  so the person can still see them: {"table", "id", "at", "device", "doc"}.

Times are UTC ISO 8601 with microseconds, so they order as text.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any, NamedTuple

import orjson

from reconnect.store.device import this_device
from reconnect.store.lazy_table import LazyTable

VERSIONS = "versions"
DEVICES = "devices"
HISTORY = "history"
SYNC_TABLES = (VERSIONS, DEVICES, HISTORY)
# Entries superseded (and tombstones) older than this are dropped at a compaction.
KEEP_FOR = timedelta(days=365)

Tables = dict[str, LazyTable]
Key = tuple[str, str]  # (table, record id)


class Version(NamedTuple):
    """Ordered as "latest wins" reads it: time, then device id, then a deletion."""

    at: str
    device: str
    deleted: bool = False


NO_VERSION = Version("", "")  # a record written before versions were kept


def now_text() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _table(tables: Tables, name: str) -> LazyTable:
    table = tables.get(name)
    if table is None:
        table = tables[name] = LazyTable(name=name)
    return table


def stamp(
    tables: Tables,
    table: str,
    record_ids: Iterable[str],
    deleted: bool = False,
    replaced: dict[str, bytes] | None = None,
) -> list[Key]:
    """Append a version entry for each record changed (now, on this device); the
    (table, doc id) pairs written, for the same journal line as the records.

    `replaced`: a changed or deleted record's bytes before the change. Its entry names
    them by a short hash ("was"), so a merge can tell a version this device had seen
    from one changed elsewhere at the same time, even from a journal alone; nothing is
    parsed for it."""
    device = this_device()
    versions = _table(tables, VERSIONS)
    head = b'{"table":%s,"id":' % orjson.dumps(table)
    tail = b',"at":%s,"device":%s%s' % (
        orjson.dumps(now_text()),
        orjson.dumps(device.id),
        b',"deleted":true' if deleted else b"",
    )
    written: list[Key] = []
    for rid in record_ids:
        key = str(versions.next_id())
        before = (replaced or {}).get(rid)
        was = b',"was":"%s"' % content_hash(before).encode() if before is not None else b""
        versions.put_raw(key, head + orjson.dumps(rid) + tail + was + b"}")
        written.append((VERSIONS, key))
    devices = _table(tables, DEVICES)
    if not _knows(devices, device.id):
        key = str(devices.next_id())
        devices[key] = {"id": device.id, "name": device.name}
        written.append((DEVICES, key))
    return written


def content_hash(raw: bytes) -> str:
    """A record's bytes, named short (for "was": not a secret, only a match)."""
    return hashlib.blake2b(raw, digest_size=8).hexdigest()


def _knows(devices: LazyTable, device_id: str) -> bool:
    if devices.unsplit and not devices.may_hold_id(device_id):
        return False
    return any(doc.get("id") == device_id for doc in _docs(devices))


def _docs(table: LazyTable | None) -> list[dict[str, Any]]:
    if table is None or table.is_empty():
        return []
    return orjson.loads(b"[" + b",".join(bytes(raw) for _, raw in table.raw_items()) + b"]")


def entry_version(entry: dict[str, Any]) -> Version:
    return Version(
        str(entry.get("at", "")), str(entry.get("device", "")), bool(entry.get("deleted"))
    )


def entries(tables: Tables) -> list[dict[str, Any]]:
    """Every version entry (parsed: for a merge, a check, sync-status)."""
    return [e for e in _docs(tables.get(VERSIONS)) if isinstance(e, dict)]


def latest(all_entries: Iterable[dict[str, Any]]) -> dict[Key, Version]:
    """Each record's latest version (a tombstone when it was deleted last)."""
    found: dict[Key, Version] = {}
    for entry in all_entries:
        key = (str(entry.get("table")), str(entry.get("id")))
        version = entry_version(entry)
        if key not in found or version > found[key]:
            found[key] = version
    return found


def devices(tables: Tables) -> dict[str, str]:
    """Device id -> readable name."""
    return {
        str(d["id"]): str(d.get("name") or d["id"])
        for d in _docs(tables.get(DEVICES))
        if isinstance(d, dict) and "id" in d
    }


def history(tables: Tables) -> list[dict[str, Any]]:
    return [h for h in _docs(tables.get(HISTORY)) if isinstance(h, dict)]


def others_of(tables: Tables, table: str, record_id: str) -> list[dict[str, Any]]:
    """The versions of one record that lost to a change on another device, newest
    first: each {"at", "device", "doc"}."""
    found = [h for h in history(tables) if h.get("table") == table and h.get("id") == record_id]
    return sorted(found, key=lambda h: (str(h.get("at")), str(h.get("device"))), reverse=True)


def last_change_per_device(tables: Tables) -> dict[str, str]:
    """Device id -> the time of its latest change."""
    last: dict[str, str] = {}
    for entry in entries(tables):
        device, at = str(entry.get("device", "")), str(entry.get("at", ""))
        if at > last.get(device, ""):
            last[device] = at
    return last


def compact(tables: Tables, now: datetime | None = None) -> bool:
    """Drop superseded entries and tombstones older than a year (a whole write may
    then shrink the table); True when something was dropped. Parses the table: call it
    rarely (see sync.compact_due)."""
    table = tables.get(VERSIONS)
    if table is None or table.is_empty():
        return False
    cutoff = ((now or datetime.now(UTC)) - KEEP_FOR).isoformat(timespec="microseconds")
    items = list(table.raw_items())
    docs = orjson.loads(b"[" + b",".join(bytes(raw) for _, raw in items) + b"]")
    newest = latest(docs)
    drop = []
    for (doc_id, _), entry in zip(items, docs, strict=True):
        version = entry_version(entry)
        old = version.at < cutoff
        superseded = newest.get((str(entry.get("table")), str(entry.get("id")))) != version
        if old and (superseded or version.deleted):
            drop.append(doc_id)
    for doc_id in drop:
        del table[doc_id]
    return bool(drop)


COMPACTED_FIELD = "versions_compacted_at"
COMPACT_EVERY = timedelta(days=30)


def compact_if_due(tables: Tables) -> None:
    """At a whole write, about once a month: compact the versions (a parse of the whole
    table, too dear for every fold), and note when in the meta written with them."""
    meta = tables.get("meta")
    if not meta or VERSIONS not in tables:
        return
    key = next(iter(meta))
    doc = meta[key]
    now = datetime.now(UTC)
    last = doc.get(COMPACTED_FIELD)
    if isinstance(last, str) and last > (now - COMPACT_EVERY).isoformat():
        return
    compact(tables, now)
    meta[key] = {**doc, COMPACTED_FIELD: now.isoformat(timespec="seconds")}
