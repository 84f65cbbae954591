"""Property tests: a data file of any older schema opens with every record and every
meta field it had (meta.created_at above all), and opening it again changes nothing."""

from __future__ import annotations

import json
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from reconnect.records.models import (
    Channel,
    CheckIn,
    Circle,
    Connection,
    Goal,
    Pause,
    Person,
    Reflection,
    Step,
    WeeklyReview,
)
from reconnect.store.migrations import META_TABLE, SCHEMA_VERSION, migrate
from reconnect.store.store import DATA_FILE_NAME, Store

Doc = dict[str, Any]

# Words as people type them: any letters, marks and symbols, not just ASCII.
words = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")),
    min_size=1,
    max_size=20,
).map(lambda s: s.strip() or "x")
moments = st.datetimes(
    min_value=datetime(2020, 1, 1), max_value=datetime(2030, 1, 1), timezones=st.just(UTC)
)
days = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 1, 1))


def _dump(record: Any) -> Doc:
    return record.model_dump(mode="json")


connections = st.builds(
    Connection,
    at=moments,
    what=words,
    counterpart=st.just("friend"),
    channel=st.sampled_from(Channel),
    depth=st.integers(1, 5),
    comfort=st.integers(1, 5),
    note=words,
    authenticity=st.none() | st.integers(1, 5),
).map(_dump)
people = st.builds(
    Person,
    created_at=moments,
    name=words,
    circle=st.sampled_from(Circle),
    cadence_days=st.none() | st.integers(1, 730),
).map(_dump)
reflections = st.builds(
    Reflection, at=moments, title=words, body=words, patterns=st.just(["busy"])
).map(_dump)
goals = st.builds(
    Goal,
    created_at=moments,
    title=words,
    weekly_target=st.integers(0, 5),
    steps=st.lists(st.builds(Step, title=words, difficulty=st.integers(0, 10)), max_size=3),
    pauses=st.lists(days.map(lambda d: Pause(start=d, until=d + timedelta(days=3))), max_size=2),
).map(_dump)
checkins = st.builds(
    CheckIn,
    week=days,
    at=moments,
    lack_companionship=st.integers(1, 3),
    left_out=st.integers(1, 3),
    isolated=st.integers(1, 3),
).map(_dump)
reviews = st.builds(WeeklyReview, week=days, at=moments, helped=words).map(_dump)
TABLES = {
    Connection.table: connections,
    Person.table: people,
    Reflection.table: reflections,
    Goal.table: goals,
    CheckIn.table: checkins,
    WeeklyReview.table: reviews,
}


# Fields each version added: a record of an older version has none of them.
ADDED_SINCE = {
    2: ("authenticity", "support", "support_kind", "safe"),
    3: ("group_id", "visit_check"),
}


@st.composite
def older_record(draw: st.DrawFn, records: st.SearchStrategy[Doc], version: int) -> Doc:
    """A record as `version` wrote it: without the fields added since, and at version 0
    mostly without an id of its own."""
    doc = draw(records)
    for since, fields in ADDED_SINCE.items():
        for field in fields if since > version else ():
            doc.pop(field, None)
    if version == 0 and draw(st.booleans()):
        del doc["id"]
    return doc


@st.composite
def older_files(draw: st.DrawFn) -> tuple[int, dict[str, dict[str, Doc]]]:
    """An older file's tables: version 0 (the meta table, if any, has no
    schema_version), 1 (before authenticity, support and safe people) or 2 (before
    groups of one's own)."""
    version = draw(st.integers(0, SCHEMA_VERSION - 1))
    data: dict[str, dict[str, Doc]] = {}
    for name, records in TABLES.items():
        if draw(st.booleans()):
            docs = draw(st.lists(older_record(records, version), max_size=4))
            # TinyDB's doc ids need not run from 1 (records were deleted).
            first = draw(st.integers(1, 50))
            data[name] = {str(first + n * 2): doc for n, doc in enumerate(docs)}
    if draw(st.booleans()):
        data["_default"] = {"1": {"kept": draw(words)}}
    meta: Doc = {}
    if draw(st.booleans()):
        meta["created_at"] = draw(moments).isoformat()
    if draw(st.booleans()):
        meta["app_version"] = "0.0.1"
    if draw(st.booleans()):
        meta["note"] = draw(words)  # a field this version does not know of
    if version > 0:
        meta["schema_version"] = version
    if meta or draw(st.booleans()):
        data[META_TABLE] = {"1": meta} if meta else {}
    return version, data


@given(older_files())
def test_every_record_and_meta_field_survives_migration(
    older: tuple[int, dict[str, dict[str, Doc]]],
) -> None:
    _, data = older
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / DATA_FILE_NAME
        path.write_text(json.dumps(data))
        store = Store.open(Path(folder))
        migrated = json.loads(path.read_text())
        for name, table in data.items():
            if name == META_TABLE:
                continue
            assert set(migrated[name]) == set(table), name  # the same doc ids
            for doc_id, doc in table.items():
                new = migrated[name][doc_id]
                assert {k: v for k, v in new.items() if k != "id" or "id" in doc} == doc
                assert len(new["id"]) == 32 if name != "_default" else new == doc
        ids = [d["id"] for n, t in migrated.items() if n in TABLES for d in t.values()]
        assert len(ids) == len(set(ids))
        for name in TABLES:
            read = {r.id for r in getattr(store, name).all()}
            assert read == {d["id"] for d in migrated.get(name, {}).values()}
        old_meta = next(iter(data.get(META_TABLE, {}).values()), {})
        meta = store.meta()
        assert meta["schema_version"] == SCHEMA_VERSION
        assert set(old_meta) <= set(meta)
        for key, value in old_meta.items():
            if key not in ("schema_version", "app_version"):  # these say what wrote it
                assert meta[key] == value, key
        assert meta.get("created_at")
        # Opened again: nothing to migrate, not a byte changed, the same ids.
        before = path.read_bytes()
        Store.open(Path(folder))
        assert path.read_bytes() == before


@given(older_files())
def test_migrate_is_pure_and_lands_on_this_version(
    older: tuple[int, dict[str, dict[str, Doc]]],
) -> None:
    _, data = older
    copy = json.loads(json.dumps(data))
    out = migrate(data, {"created_at": "2026-11-21T10:00:00+00:00", "app_version": "9"})
    assert data == copy  # the input is left alone
    assert out[META_TABLE]["1"]["schema_version"] == SCHEMA_VERSION
    assert (
        migrate(out, {"created_at": "later", "app_version": "10"})[META_TABLE]["1"]["created_at"]
        == out[META_TABLE]["1"]["created_at"]
    )
