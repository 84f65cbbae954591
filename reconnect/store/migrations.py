"""Schema migrations: each a pure function from one version's data to the next.

A data file records its schema_version in the meta table. A file without one is
version 0: written before the meta table existed, when records had no `id` of their own.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

Data = dict[str, dict[str, dict[str, Any]]]

SCHEMA_VERSION = 4
META_TABLE = "meta"


def _v0_to_v1(data: Data) -> Data:
    """Give every record a stable id of its own (doc ids are internal to TinyDB)."""
    out: Data = {}
    for name, table in data.items():
        if name == META_TABLE:
            continue
        if name == "_default":  # TinyDB's unnamed table: not ours, kept as it is
            out[name] = dict(table)
            continue
        out[name] = {
            doc_id: doc if "id" in doc else {"id": uuid.uuid4().hex, **doc}
            for doc_id, doc in table.items()
        }
    return out


def _only_additions(data: Data) -> Data:
    """A version that only adds optional fields or tables: no old record changes (an
    old moment's authenticity was never asked, so it stays absent: a gap, never a
    zero). The version still moves on, so an older reconnect refuses the file instead
    of dropping what it does not know."""
    return {name: dict(table) for name, table in data.items() if name != META_TABLE}


# MIGRATIONS[n] turns version n into version n + 1.
MIGRATIONS: dict[int, Callable[[Data], Data]] = {
    0: _v0_to_v1,
    # 2: moments gain authenticity and support, people a safe mark, goals "ask for help".
    1: _only_additions,
    # 3: groups of one's own; moments link to one (group_id) with an after-visit check.
    2: _only_additions,
    # 4: a journal beside the data file holds the latest saves (named by the meta's
    # journal_base): an older reconnect would not read it, so it must refuse the file.
    3: _only_additions,
}


def schema_version(data: Data) -> int:
    meta = data.get(META_TABLE) or {}
    for doc in meta.values():
        version = doc.get("schema_version")
        if isinstance(version, int):
            return version
    return 0


def migrate(data: Data, meta: dict[str, Any]) -> Data:
    """Bring data up to SCHEMA_VERSION; `meta` is the meta document to store with it."""
    version = schema_version(data)
    old_meta = _meta_doc(data)
    created_at = old_meta.get("created_at", meta.get("created_at"))
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
    data = {k: v for k, v in data.items() if k != META_TABLE}
    # Fields of the old meta we do not know of are kept: a later version may need them.
    data[META_TABLE] = {
        "1": {**old_meta, **meta, "created_at": created_at, "schema_version": version}
    }
    return data


def _meta_doc(data: Data) -> dict[str, Any]:
    meta = data.get(META_TABLE) or {}
    return next(iter(meta.values()), {})
