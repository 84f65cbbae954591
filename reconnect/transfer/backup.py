"""A JSON backup of every record, and bringing one back (merged by id).

A backup is one file: {"format": "reconnect-backup", "schema_version", "exported_at",
"app_version", "records": {kind: [record, ...]}, "own_resources": [{"name", "reach"}]}.
"own_resources" is the person's own people and places from Settings (older backups have
no such key). Importing validates every record before writing anything; records whose
id is already present are skipped, so importing the same backup twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import orjson
from pydantic import ValidationError

from reconnect import version
from reconnect.logic.plural import plural
from reconnect.records.models import (
    TABLES,
    Group,
    Record,
    Reflection,
    first_error,
    now_local,
)
from reconnect.settings import MAX_RESOURCES, ResourceSetting
from reconnect.store.migrations import SCHEMA_VERSION
from reconnect.store.store import Store
from reconnect.transfer.documents import ImportRefused

BACKUP_FORMAT = "reconnect-backup"
# Settings' own people and places travel with the records: they are the person's words.
OWN_RESOURCES_KEY = "own_resources"
Progress = Callable[[int, int], None]


def collect(
    store: Store, include_private: bool, progress: Progress | None = None
) -> tuple[dict[str, list[Record]], int]:
    """Every record by kind, and how many private reflections were left out."""
    records: dict[str, list[Record]] = {}
    repos = store.repos
    for done, (name, repo) in enumerate(repos.items(), start=1):
        records[name] = list(repo.all())
        if progress:
            progress(done, len(repos))
    left_out = 0
    if not include_private:
        # A group's notes are private like a private reflection: what is shared (the CSV
        # by default) keeps the group and leaves its notes blank.
        records["groups"] = [_without_notes(g) for g in records.get("groups", [])]
        kept = [r for r in records["reflections"] if not getattr(r, "private", False)]
        left_out = len(records["reflections"]) - len(kept)
        records["reflections"] = kept
    return records, left_out


def _without_notes(group: Record) -> Record:
    return group.model_copy(update={"notes": ""}) if isinstance(group, Group) else group


def backup_bytes(
    records: dict[str, list[Record]], resources: Sequence[ResourceSetting] = ()
) -> bytes:
    document = {
        "format": BACKUP_FORMAT,
        "schema_version": SCHEMA_VERSION,
        "app_version": version(),
        "exported_at": now_local().isoformat(),
        "records": {name: [r.model_dump(mode="json") for r in rs] for name, rs in records.items()},
        OWN_RESOURCES_KEY: [r.model_dump(mode="json") for r in resources],
    }
    return orjson.dumps(document, option=orjson.OPT_INDENT_2) + b"\n"


def is_backup(document: object) -> bool:
    return isinstance(document, dict) and document.get("format") == BACKUP_FORMAT


@dataclass
class MergeResult:
    added: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        added = sum(self.added.values())
        skipped = sum(self.skipped.values())
        kinds = ", ".join(f"{n} {k}" for k, n in self.added.items() if n) or "nothing new"
        return f"Added {plural(added, 'record')} ({kinds}); skipped {skipped} already present."


def parse_backup(document: Any, progress: Progress | None = None) -> dict[str, list[Record]]:
    """Validate a whole backup; raise ImportRefused naming the first bad record."""
    if not is_backup(document):
        raise ImportRefused('not a reconnect backup (no "format": "reconnect-backup")')
    version = document.get("schema_version")
    if not isinstance(version, int) or version > SCHEMA_VERSION:
        raise ImportRefused(
            f"backup schema_version {version!r} is not one this reconnect reads "
            f"(up to {SCHEMA_VERSION}); upgrade reconnect"
        )
    raw = document.get("records")
    if not isinstance(raw, dict):
        raise ImportRefused("'records' must be an object of record lists")
    unknown = sorted(set(raw) - set(TABLES))
    if unknown:
        raise ImportRefused(f"not a kind of record reconnect keeps: {', '.join(unknown)}")
    total = sum(len(v) for v in raw.values() if isinstance(v, list))
    done = 0
    parsed: dict[str, list[Record]] = {}
    for name, items in raw.items():
        if not isinstance(items, list):
            raise ImportRefused(f"'records.{name}' must be a list")
        model = TABLES[name]
        parsed[name] = []
        seen: set[str] = set()
        for index, item in enumerate(items):
            try:
                record = model.model_validate(item)
            except ValidationError as exc:
                rid = item.get("id") if isinstance(item, dict) else None
                which = f" (record id {rid})" if isinstance(rid, str) else ""
                raise ImportRefused(f"{name}[{index}] {first_error(exc)}{which}") from None
            if record.id in seen:
                raise ImportRefused(f"{name}[{index}] repeats id {record.id}")
            seen.add(record.id)
            parsed[name].append(record)
            done += 1
            if progress and done % 500 == 0:
                progress(done, total)
    if progress:
        progress(total, total)
    return parsed


def parse_resources(document: Any) -> list[ResourceSetting] | None:
    """The own people and places a backup carries; None for an older backup without them.
    Raise ImportRefused naming the first bad entry."""
    raw = document.get(OWN_RESOURCES_KEY) if isinstance(document, dict) else None
    if raw is None:
        return None
    if not isinstance(raw, list):
        raise ImportRefused(f"'{OWN_RESOURCES_KEY}' must be a list")
    if len(raw) > MAX_RESOURCES:
        raise ImportRefused(f"'{OWN_RESOURCES_KEY}' holds {len(raw)}; at most {MAX_RESOURCES}")
    found: list[ResourceSetting] = []
    for index, item in enumerate(raw):
        try:
            found.append(ResourceSetting.model_validate(item))
        except ValidationError as exc:
            raise ImportRefused(f"{OWN_RESOURCES_KEY}[{index}] {first_error(exc)}") from None
    return found


def merge(store: Store, records: dict[str, list[Record]]) -> MergeResult:
    """Add records whose id is new, in one durable write; skip the rest."""
    result = MergeResult()
    with store.batch():
        for name, items in records.items():
            repo = store.repos[name]
            fresh = [r for r in items if not repo.has(r.id)]
            repo.add_many(fresh)
            result.added[name] = len(fresh)
            result.skipped[name] = len(items) - len(fresh)
    return result


def private_count(records: dict[str, list[Record]]) -> int:
    return sum(1 for r in records.get("reflections", []) if isinstance(r, Reflection) and r.private)
