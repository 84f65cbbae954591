"""Backups, CSV, calendar export and jrnl import (the core; the CLI is tested apart)."""

import contextlib
import csv
import json
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from reconnect.store.store import DATA_FILE_NAME, Store
from reconnect.transfer.backup import ImportRefused, backup_bytes, collect, merge, parse_backup
from reconnect.transfer.csv_export import write_csv_folder
from reconnect.transfer.ics_export import steps_calendar
from reconnect.transfer.jrnl import parse_jrnl

JRNL_SAMPLE = Path(__file__).parent / "data" / "jrnl-4.6-export.json"


def everything(store: Store) -> dict[str, list[object]]:
    return {name: sorted(repo.all(), key=lambda r: r.id) for name, repo in store.repos.items()}


def test_backup_into_an_empty_folder_gives_back_the_same_records(
    demo_store: Store, tmp_path: Path
) -> None:
    records, left_out = collect(demo_store, include_private=True)
    assert left_out == 0
    document = orjson.loads(backup_bytes(records))
    fresh = Store.open(tmp_path / "fresh")
    result = merge(fresh, parse_backup(document))
    assert sum(result.skipped.values()) == 0
    assert everything(Store.open(tmp_path / "fresh")) == everything(demo_store)


def test_backup_merges_by_id_without_duplicates(demo_store: Store, tmp_path: Path) -> None:
    records, _ = collect(demo_store, include_private=True)
    document = orjson.loads(backup_bytes(records))
    result = merge(demo_store, parse_backup(document))
    assert sum(result.added.values()) == 0
    assert sum(result.skipped.values()) == sum(len(v) for v in records.values())
    assert "Added 0" in result.summary()


def test_private_reflections_are_left_out_unless_asked(demo_store: Store) -> None:
    private = [r for r in demo_store.reflections.all() if r.private]
    assert private, "the demo data has private reflections"
    records, left_out = collect(demo_store, include_private=False)
    assert left_out == len(private)
    text = backup_bytes(records).decode()
    assert all(r.id not in text for r in private)


@pytest.mark.parametrize(
    ("document", "where"),
    [
        ({"entries": []}, "not a reconnect backup"),
        ({"format": "reconnect-backup", "schema_version": 99, "records": {}}, "upgrade"),
        ({"format": "reconnect-backup", "schema_version": 1, "records": {"pets": []}}, "pets"),
        (
            {
                "format": "reconnect-backup",
                "schema_version": 1,
                "records": {"connections": [{"id": "0" * 32, "what": "hi"}]},
            },
            "connections[0] at: missing; it is required",
        ),
    ],
)
def test_a_bad_backup_is_refused_naming_the_place(document: object, where: str) -> None:
    with pytest.raises(ImportRefused, match=where.replace("[", r"\[").replace("]", r"\]")):
        parse_backup(document)


def test_jrnl_sample_becomes_reflections_and_reimport_adds_nothing(store: Store) -> None:
    document = json.loads(JRNL_SAMPLE.read_text(encoding="utf-8"))
    reflections = parse_jrnl(document)
    assert len(reflections) == len(document["entries"]) == 5
    first = reflections[0]
    assert first.title == "Quiet Saturday."
    assert "skipped the party" in first.body
    assert sorted(first.tags) == ["party", "withdrawal"]
    assert (first.at.year, first.at.month, first.at.day, first.at.hour) == (2026, 10, 3, 20)
    assert any("🌱" in r.body for r in reflections)
    assert merge(store, {"reflections": reflections}).added["reflections"] == 5
    again = merge(store, {"reflections": parse_jrnl(document)})
    assert again.added["reflections"] == 0 and again.skipped["reflections"] == 5


def test_bad_jrnl_entry_is_refused_naming_it() -> None:
    with pytest.raises(ImportRefused, match=r"entries\[1\]"):
        parse_jrnl({"tags": {}, "entries": [{"date": "2026-01-01"}, {"date": "yesterday"}]})


def test_csv_folder_has_a_file_per_kind(demo_store: Store, tmp_path: Path) -> None:
    records, _ = collect(demo_store, include_private=True)
    written = write_csv_folder(tmp_path / "csv", records)
    names = {p.name for p in written}
    assert {"connections.csv", "people.csv", "goals.csv", "goal_steps.csv"} <= names
    with (tmp_path / "csv" / "connections.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == demo_store.connections.count()
    assert {"at", "what", "depth", "comfort"} <= set(rows[0])


def test_calendar_has_each_planned_open_step(demo_store: Store) -> None:
    goals = demo_store.goals.all()
    planned = [s for g in goals for s in g.steps if s.planned_on and not s.done]
    assert planned
    calendar = Calendar.from_ical(steps_calendar(goals))
    events = list(calendar.walk("VEVENT"))
    assert {str(e["summary"]) for e in events} == {s.title for s in planned}
    assert all(str(e["uid"]).endswith("@reconnect") for e in events)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.one_of(
        st.binary(max_size=200),
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.text(max_size=20),
            lambda c: (
                st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=10), c, max_size=4)
            ),
            max_leaves=20,
        ),
    )
)
def test_arbitrary_input_is_refused_cleanly(store: Store, data_dir: Path, value: object) -> None:
    before = (data_dir / DATA_FILE_NAME).read_bytes()
    document = value
    if isinstance(value, bytes):
        try:
            document = orjson.loads(value)
        except orjson.JSONDecodeError:
            return
    for parse in (parse_backup, parse_jrnl):
        with contextlib.suppress(ImportRefused):
            parse(document)
    assert (data_dir / DATA_FILE_NAME).read_bytes() == before
