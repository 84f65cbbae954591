"""Versions and tombstones: stamped by every save in the same journal line, without
reading the table; the device's identity kept outside the data folder; compaction."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import orjson
import pytest

from reconnect.records.models import Connection
from reconnect.store import device, versions
from reconnect.store.lazy_table import LazyTable
from reconnect.store.store import DATA_FILE_NAME, Store

AT = datetime(2026, 11, 20, 18, 30, tzinfo=UTC)


def moment(n: int) -> Connection:
    return Connection(at=AT, what=f"moment {n}", counterpart="neighbour", depth=1, comfort=3)


def journal_lines(data_dir: Path) -> list[dict]:
    raw = (data_dir / (DATA_FILE_NAME + ".journal")).read_bytes()
    return [orjson.loads(line) for line in raw.splitlines()[1:]]


def test_a_save_and_a_delete_stamp_versions_in_the_same_journal_line(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RECONNECT_DEVICE", "abc123:Laptop")
    store = Store.open(data_dir)
    kept = store.connections.add(moment(1))
    store.connections.delete(kept.id)
    add, delete = journal_lines(data_dir)
    assert {c["table"] for c in add["changes"]} == {"connections", "versions", "devices"}
    (version,) = [c["doc"] for c in add["changes"] if c["table"] == "versions"]
    assert version["id"] == kept.id and version["device"] == "abc123"
    (tombstone,) = [c["doc"] for c in delete["changes"] if c["table"] == "versions"]
    assert tombstone["deleted"] is True and tombstone["id"] == kept.id
    assert store.last_change_per_device()[0][:2] == ("Laptop", "abc123")


def test_a_save_on_a_file_we_wrote_leaves_the_versions_unsplit(data_dir: Path) -> None:
    store = Store.open(data_dir)
    store.connections.add_many([moment(n) for n in range(20)])
    store.close()
    reopened = Store.open(data_dir)
    reopened.connections.add(moment(99))  # as `reconnect log`: nothing parsed
    tables = reopened.storage.read() or {}
    assert tables["versions"].unsplit
    assert tables["connections"].unsplit


def test_the_device_is_kept_per_machine_outside_the_data_folder(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("RECONNECT_DEVICE", raising=False)
    first = device.this_device()
    assert device.state_file().is_relative_to(tmp_path / "state")
    assert device.state_file().stat().st_mode & 0o077 == 0
    device._cache.clear()
    assert device.this_device() == first  # read back, the same
    Store.open(data_dir).connections.add(moment(1))
    assert not list(data_dir.glob("device*"))


def test_compaction_drops_only_what_is_older_than_a_year_and_superseded() -> None:
    now = datetime(2026, 12, 1, tzinfo=UTC)
    old = (now - timedelta(days=400)).isoformat(timespec="microseconds")
    older = (now - timedelta(days=500)).isoformat(timespec="microseconds")
    recent = (now - timedelta(days=10)).isoformat(timespec="microseconds")

    def entry(rid: str, at: str, deleted: bool = False) -> dict:
        doc = {"table": "connections", "id": rid, "at": at, "device": "d"}
        return {**doc, "deleted": True} if deleted else doc

    table = LazyTable.of_docs(
        "versions",
        {
            "1": entry("a", older),  # superseded, old: dropped
            "2": entry("a", old),  # a's latest, old: kept (the record lives)
            "3": entry("b", older),
            "4": entry("b", old, deleted=True),  # an old tombstone: dropped with it
            "5": entry("c", old),  # superseded, old: dropped (the tombstone stays)
            "6": entry("c", recent, deleted=True),  # a recent tombstone: kept
        },
    )
    tables = {"versions": table}
    assert versions.compact(tables, now)
    assert sorted(table) == ["2", "6"]
    assert not versions.compact(tables, now)  # nothing more to drop
