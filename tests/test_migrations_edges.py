"""Edges of the schema migrations, as pure functions (mutation testing, issue 18)."""

from __future__ import annotations

from typing import Any

import pytest

from reconnect.store import migrations
from reconnect.store.migrations import META_TABLE, SCHEMA_VERSION, migrate, schema_version

OLD_META = {"1": {"created_at": "2025-01-01T00:00:00+00:00"}}
NEW_META = {"created_at": "2026-11-21T00:00:00+00:00", "app": "reconnect"}


def test_every_table_after_meta_and_default_is_migrated() -> None:
    # meta and _default come first, so a `break` instead of `continue` would lose the rest.
    data = {
        "meta": dict(OLD_META),
        "_default": {"1": {"kept": True}},
        "people": {"1": {"name": "Sam"}, "2": {"name": "Ana"}},
        "connections": {"1": {"what": "hi"}},
    }
    out = migrate(data, NEW_META)
    assert list(out) == ["_default", "people", "connections", META_TABLE]
    assert out["_default"] == {"1": {"kept": True}}
    assert [doc["name"] for doc in out["people"].values()] == ["Sam", "Ana"]
    ids = [doc["id"] for table in ("people", "connections") for doc in out[table].values()]
    assert len(set(ids)) == 3 and all(len(i) == 32 for i in ids)
    assert out["connections"]["1"] == {"id": ids[2], "what": "hi"}


def test_a_record_that_has_an_id_is_kept_as_it_is() -> None:
    out = migrate({"people": {"7": {"name": "Sam", "id": "a" * 32}}}, NEW_META)
    assert out["people"] == {"7": {"name": "Sam", "id": "a" * 32}}
    assert list(out["people"]["7"]) == ["name", "id"]  # not rewritten: same layout on disk


def test_the_files_created_at_survives_a_migration() -> None:
    out = migrate({"meta": dict(OLD_META), "people": {}}, NEW_META)
    assert out[META_TABLE] == {
        "1": {
            "created_at": OLD_META["1"]["created_at"],
            "app": "reconnect",
            "schema_version": SCHEMA_VERSION,
        }
    }


def test_without_a_created_at_the_new_meta_gives_it() -> None:
    out = migrate({"people": {}}, NEW_META)
    assert out[META_TABLE] == {"1": {**NEW_META, "schema_version": SCHEMA_VERSION}}
    assert migrate({}, {})[META_TABLE] == {
        "1": {"created_at": None, "schema_version": SCHEMA_VERSION}
    }


def test_schema_version_reads_the_first_int_in_meta() -> None:
    assert schema_version({}) == 0
    assert schema_version({"meta": {}}) == 0
    assert schema_version({"meta": {"1": {"schema_version": "1"}, "2": {"schema_version": 3}}}) == 3


def test_an_up_to_date_file_is_not_migrated_again(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(data: Any) -> Any:
        raise AssertionError("migrated twice")

    monkeypatch.setitem(migrations.MIGRATIONS, 0, refuse)
    data = {"meta": {"1": {"schema_version": 1}}, "people": {"1": {"name": "Sam"}}}
    assert migrate(data, {})["people"] == {"1": {"name": "Sam"}}


def test_migrations_run_in_order_each_once(monkeypatch: pytest.MonkeyPatch) -> None:
    ran: list[int] = []

    def step(n: int) -> Any:
        def run(data: Any) -> Any:
            assert n not in ran, f"migration {n} ran twice"
            ran.append(n)
            return {**data, f"v{n + 1}": {}}

        return run

    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 3)
    monkeypatch.setattr(migrations, "MIGRATIONS", {n: step(n) for n in range(3)})
    out = migrate({"meta": {"1": {"schema_version": 1}}}, {})
    assert ran == [1, 2]
    assert out == {"v2": {}, "v3": {}, META_TABLE: {"1": {"created_at": None, "schema_version": 3}}}
