"""Merge another copy's records into ours, record by record: the latest change wins.

Records are matched by their own `id`, never by doc id (each file numbers its own).
For each record, each side offers its latest version (versions.py) and its bytes; the
greater of (time, device id, deleted, bytes) wins, a total order, so the result is the
same whichever copy is read first. A record absent without a tombstone never beats one
present, and a tombstone beats every older version, so a deleted record never comes
back from an older copy.

Where both sides hold the record and differ, the losing version goes to the history
table (shown on the record as "also changed on another device"), unless the winning
side had already seen it (its log of versions holds it: the loser is simply older).
Version logs, history and devices are unions. Merging a copy twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import orjson

from reconnect.store.lazy_table import LazyTable
from reconnect.store.versions import (
    DEVICES,
    HISTORY,
    NO_VERSION,
    VERSIONS,
    Key,
    Version,
    content_hash,
    entry_version,
)

Tables = Mapping[str, LazyTable]
Seen = tuple[str, str, str, str, bool]  # a version entry's identity


def _seen(entry: dict[str, Any]) -> Seen:
    get = entry.get
    return (
        str(get("table")),
        str(get("id")),
        str(get("at", "")),
        str(get("device", "")),
        get("deleted") is True,
    )


def _record_id(raw: bytes) -> str | None:
    # Our records start with their id (records.models.Record): read it without a parse.
    if raw.startswith(b'{"id":"'):
        end = raw.find(b'"', 7)
        if end > 7:
            return raw[7:end].decode()
    doc = orjson.loads(raw)
    return doc.get("id") if isinstance(doc, dict) and isinstance(doc.get("id"), str) else None


def _parse_all(table: LazyTable | None) -> list[tuple[str, dict[str, Any]]]:
    if table is None or table.is_empty():
        return []
    items = list(table.raw_items())
    docs = orjson.loads(b"[" + b",".join(bytes(raw) for _, raw in items) + b"]")
    return [(k, d) for (k, _), d in zip(items, docs, strict=True) if isinstance(d, dict)]


def _history_key(entry: dict[str, Any]) -> tuple[str, str, str, str]:
    v = entry_version(entry)
    return (str(entry.get("table")), str(entry.get("id")), v.at, v.device)


@dataclass
class Side:
    """One copy, read for a merge."""

    docs: dict[Key, bytes] = field(default_factory=dict)
    doc_ids: dict[Key, str] = field(default_factory=dict)
    log: set[Seen] = field(default_factory=set)
    entries: dict[Seen, dict[str, Any]] = field(default_factory=dict)
    latest: dict[Key, Version] = field(default_factory=dict)
    history: dict[tuple[str, str, str, str], dict[str, Any]] = field(default_factory=dict)
    devices: dict[str, dict[str, Any]] = field(default_factory=dict)
    # (table, id, hash of the bytes) of each version an entry says it replaced ("was").
    replaced: set[tuple[str, str, str]] = field(default_factory=set)

    def saw(self, key: Key, version: Version, doc: bytes) -> bool:
        """Whether this copy had this version of the record before changing it."""
        if (*key, *version) in self.log:
            return True
        return bool(self.replaced) and (*key, content_hash(doc)) in self.replaced

    def state(self, key: Key) -> tuple[Version, bytes]:
        """What this side offers for a record: its version and bytes (b"": none)."""
        doc = self.docs.get(key)
        version = self.latest.get(key, NO_VERSION)
        if version.deleted:
            return version, b""
        if doc is None:
            return NO_VERSION, b""  # absent without a tombstone: never wins
        return version, doc


def read_side(tables: Tables, record_tables: tuple[str, ...]) -> Side:
    side = Side()
    for name in record_tables:
        table = tables.get(name)
        if table is None:
            continue
        for doc_id, raw in table.raw_items():
            blob = bytes(raw)
            rid = _record_id(blob)
            if rid is not None:
                side.docs[(name, rid)] = blob
                side.doc_ids[(name, rid)] = doc_id
    for _, entry in _parse_all(tables.get(VERSIONS)):
        seen = _seen(entry)
        was = entry.get("was")
        if isinstance(was, str):
            side.replaced.add((seen[0], seen[1], was))
        if seen not in side.entries:
            side.entries[seen] = entry
            key, version = (seen[0], seen[1]), Version(seen[2], seen[3], seen[4])
            if key not in side.latest or version > side.latest[key]:
                side.latest[key] = version
    side.log = set(side.entries)
    for _, entry in _parse_all(tables.get(HISTORY)):
        side.history.setdefault(_history_key(entry), entry)
    for _, device in _parse_all(tables.get(DEVICES)):
        if isinstance(device.get("id"), str):
            side.devices.setdefault(device["id"], device)
    return side


@dataclass
class Plan:
    """What merging a copy into ours does; empty when it changes nothing."""

    put: dict[Key, bytes] = field(default_factory=dict)  # added or replaced
    added: int = 0
    delete: list[Key] = field(default_factory=list)
    history: list[dict[str, Any]] = field(default_factory=list)
    versions: list[dict[str, Any]] = field(default_factory=list)
    devices: list[dict[str, Any]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.put or self.delete or self.history or self.versions or self.devices)

    @property
    def changed(self) -> int:
        return len(self.put) - self.added


def plan(ours: Side, theirs: Side) -> Plan:
    out = Plan()
    for key in sorted(ours.docs.keys() | theirs.docs.keys()):
        mine, other = ours.state(key), theirs.state(key)
        if mine == other:
            continue
        win, lose, winner = (mine, other, ours) if mine > other else (other, mine, theirs)
        lost = lose[0]
        # A version the winning side never saw was changed there concurrently: keep it.
        if lose[1] and lose[1] != win[1] and not winner.saw(key, lost, lose[1]):
            entry = {"table": key[0], "id": key[1], "at": lost.at, "device": lost.device}
            out.history.append({**entry, "doc": orjson.loads(lose[1])})
        if win[1] == (ours.docs.get(key) or b"") and not win[0].deleted:
            continue  # ours already holds the winner
        if win[1]:
            out.put[key] = win[1]
            out.added += key not in ours.docs
        elif key in ours.docs:
            out.delete.append(key)
    out.versions = [e for s, e in sorted(theirs.entries.items()) if s not in ours.log]
    out.history.extend(e for k, e in sorted(theirs.history.items()) if k not in ours.history)
    unique = {_history_key(h): h for h in out.history}
    out.history = [h for k, h in unique.items() if k not in ours.history]
    out.devices = [d for i, d in sorted(theirs.devices.items()) if i not in ours.devices]
    return out


def apply(tables: dict[str, LazyTable], ours: Side, merge: Plan) -> None:
    """Make the plan's changes in our tables (in memory: the caller writes them)."""

    def table(name: str) -> LazyTable:
        if name not in tables:
            tables[name] = LazyTable(name=name)
        return tables[name]

    for key, raw in merge.put.items():
        target = table(key[0])
        doc_id = ours.doc_ids.get(key) or str(target.next_id())
        target.put_raw(doc_id, raw)
    for key in merge.delete:
        del tables[key[0]][ours.doc_ids[key]]
    for name, docs in (
        (VERSIONS, merge.versions),
        (HISTORY, merge.history),
        (DEVICES, merge.devices),
    ):
        target = table(name)
        for doc in docs:
            target.put_raw(str(target.next_id()), orjson.dumps(doc))
