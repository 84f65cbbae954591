"""A damaged record is reported by its table, its key in the file and the field, so a
person (or a support thread) can find it: never by a position in some list."""

from __future__ import annotations

from datetime import UTC, datetime

import orjson
import pytest

from reconnect.records.kinds import CONNECTIONS
from reconnect.records.models import Connection
from reconnect.store.errors import DataFileError
from reconnect.store.lazy_table import DamagedRecord, LazyTable
from reconnect.store.repo import Repo
from reconnect.store.store import Store

AT = datetime(2026, 11, 20, 18, 30, tzinfo=UTC)


def _three_then_damage_the_last(store: Store, **change: object) -> Repo[Connection]:
    """Keys 2 and 3 left (1 deleted), 3 changed behind the store's back: a fresh
    repository over the same cache reads it (3 is second in its list)."""
    added = [
        store.connections.add(Connection(at=AT, what=w, counterpart="friend", depth=2, comfort=3))
        for w in ("one", "two", "three")
    ]
    store.connections.delete(added[0].id)
    table = store.storage.read()["connections"]  # type: ignore[index]
    doc = {**table["3"], **change}
    table.put_raw("3", orjson.dumps(doc))
    return Repo(store.storage, CONNECTIONS)


def test_a_record_failing_its_model_is_named_by_table_key_and_field(store: Store) -> None:
    repo = _three_then_damage_the_last(store, depth=9)
    with pytest.raises(DataFileError, match=r"Record 3 in 'connections' is damaged \(depth: "):
        repo.all()


def test_a_record_that_cannot_be_indexed_is_named_by_table_key_and_field(store: Store) -> None:
    repo = _three_then_damage_the_last(store, at="yesterday")
    with pytest.raises(
        DataFileError,
        match=r"Record 3 in 'connections' is damaged \(at: missing or not a date and time\)",
    ):
        repo.count()


def test_a_record_that_is_not_an_object_is_named_by_table_and_key() -> None:
    table = LazyTable(name="meta")
    table.put_raw("1", b"[1, 2]")
    with pytest.raises(DamagedRecord, match=r"Record 1 in 'meta' is damaged \(it is not a JSON"):
        table["1"]
