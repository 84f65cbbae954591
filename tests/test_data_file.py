"""The data file's layout: one record per line, read back fast or parsed whole."""

import json
from datetime import UTC, datetime
from pathlib import Path

import orjson
import pytest

from reconnect.records.models import Connection, Person
from reconnect.store.data_file import (
    NotADatabase,
    _decode_lines,
    decode,
    decode_with_layout,
    encode,
)
from reconnect.store.errors import DataFileError
from reconnect.store.lazy_table import LazyTable
from reconnect.store.store import DATA_FILE_NAME, Store

AT = datetime(2026, 11, 20, 9, tzinfo=UTC)


def as_bytes(tables: dict[str, LazyTable]) -> bytes:
    return b"".join(bytes(part) for part in encode(tables))


def plain(tables: dict[str, LazyTable]) -> dict[str, dict[str, object]]:
    return {name: dict(table.items()) for name, table in tables.items()}


def test_encoded_file_is_ordinary_json_with_a_record_per_line() -> None:
    tables = {
        "people": LazyTable(),
        "connections": LazyTable(),
        "empty": LazyTable(),
    }
    tables["people"]["1"] = {"id": "a", "name": 'Mé "quoted"\n'}
    tables["connections"]["1"] = {"id": "b"}
    tables["connections"]["2"] = {"id": "c", "note": "}\n{"}
    raw = as_bytes(tables)
    assert json.loads(raw) == plain(tables)
    # {, then header + records + close for each table, the empty table, }
    assert raw.count(b"\n") == 1 + (1 + 1 + 1) + (1 + 2 + 1) + 1 + 1
    fast = _decode_lines(raw)
    assert fast is not None
    assert plain(fast) == plain(tables)


def test_appending_after_a_fast_load_writes_the_same_as_a_full_encode() -> None:
    first = {"t": LazyTable()}
    first["t"]["1"] = {"id": "a"}
    loaded = decode(as_bytes(first))
    loaded["t"]["2"] = {"id": "b"}
    fresh = {"t": LazyTable()}
    fresh["t"]["1"] = {"id": "a"}
    fresh["t"]["2"] = {"id": "b"}
    assert as_bytes(loaded) == as_bytes(fresh)


@pytest.mark.parametrize(
    "raw",
    [
        json.dumps({"people": {"1": {"id": "a"}}}, indent=2).encode(),  # edited by hand
        json.dumps({"people": {"1": {"id": "a"}}}).encode(),  # stock TinyDB's layout
    ],
)
def test_other_layouts_are_parsed_whole(raw: bytes) -> None:
    assert _decode_lines(raw) is None
    assert plain(decode(raw)) == {"people": {"1": {"id": "a"}}}


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        # A hand edit that deleted the last record but left its comma: not JSON.
        (b'{\n"people": {\n"1": {"id": "a"},\n}\n}\n', "not valid JSON"),
        # A comma missing between records.
        (b'{\n"people": {\n"1": {"id": "a"}\n"2": {"id": "b"}\n}\n}\n', "not valid JSON"),
        # A comma missing between tables.
        (b'{\n"a": {}\n"b": {}\n}\n', "not valid JSON"),
        # The same record key twice: writing back would keep only one.
        (b'{\n"people": {\n"1": {"id": "a"},\n"1": {"id": "b"}\n}\n}\n', "twice"),
        # Keys TinyDB never writes; "01" would be updated as a second record "1".
        (b'{\n"people": {\n"x1": {"id": "a"}\n}\n}\n', "not a number"),
        (b'{\n"people": {\n"01": {"id": "a"}\n}\n}\n', "not a number"),
    ],
)
def test_files_that_only_look_like_ours_are_refused(raw: bytes, problem: str) -> None:
    assert _decode_lines(raw) is None
    with pytest.raises(NotADatabase, match=problem):
        decode(raw)


def test_a_stock_tinydb_file_opens_and_is_rewritten_in_our_layout(data_dir: Path) -> None:
    data_dir.mkdir()
    person = Person(created_at=AT, name="Maya")
    raw = {"meta": {"1": {"schema_version": 1}}, "people": {"1": person.model_dump(mode="json")}}
    (data_dir / DATA_FILE_NAME).write_text(json.dumps(raw, indent=4))
    store = Store.open(data_dir)
    assert store.people.all() == [person]
    store.people.add(Person(created_at=AT, name="Sam"))
    written = (data_dir / DATA_FILE_NAME).read_bytes()
    assert _decode_lines(written) is not None
    assert [p.name for p in Store.open(data_dir).people.all()] == ["Maya", "Sam"]


def test_a_damaged_record_line_stops_the_open(data_dir: Path) -> None:
    store = Store.open(data_dir)
    store.people.add(Person(created_at=AT, name="Maya"))
    store.connections.add(Connection(at=AT, what="hi", counterpart="neighbour", depth=1, comfort=3))
    store.storage.fold()  # the records into the data file itself
    path = data_dir / DATA_FILE_NAME
    broken = path.read_bytes().replace(b'"name":"Maya"', b'"name":"Maya}', 1)
    path.write_bytes(broken)
    # A file edited since we wrote it is validated whole before anything is used.
    with pytest.raises(DataFileError, match="Record 1 in 'people' is damaged"):
        Store.open(data_dir)
    assert path.read_bytes() == broken


def test_damage_made_while_open_stops_the_next_write(data_dir: Path) -> None:
    store = Store.open(data_dir)
    store.people.add(Person(created_at=AT, name="Maya"))
    store.storage.fold()
    path = data_dir / DATA_FILE_NAME
    broken = path.read_bytes().replace(b'"name":"Maya"', b'"name":1', 1)
    path.write_bytes(broken)
    with pytest.raises(DataFileError, match="'people' is damaged"):
        store.connections.add(
            Connection(at=AT, what="hello", counterpart="neighbour", depth=1, comfort=3)
        )
    assert path.read_bytes() == broken


def test_written_records_round_trip_exactly(store: Store, data_dir: Path) -> None:
    c = Connection(at=AT, what='Coffee 🌱 和 "quoted"', counterpart="friend", depth=3, comfort=4)
    store.connections.add(c)
    store.storage.fold()
    raw = (data_dir / DATA_FILE_NAME).read_bytes()
    [doc] = orjson.loads(raw)["connections"].values()
    assert Connection.model_validate(doc) == c


def test_a_file_cut_just_before_its_final_brace_is_refused() -> None:
    whole = b'{\n"people": {\n"1": {"id": "a"}\n}\n}\n'
    cut = whole[: whole.rindex(b"}")]
    with pytest.raises(json.JSONDecodeError):
        json.loads(cut)
    assert _decode_lines(cut) is None
    with pytest.raises(NotADatabase, match="not valid JSON"):
        decode(cut)


def test_two_records_on_one_line_are_read_by_the_full_parser() -> None:
    raw = b'{\n"people": {\n"1": {"id": "a"}, "2": {"id": "b"}\n}\n}\n'
    assert json.loads(raw) == {"people": {"1": {"id": "a"}, "2": {"id": "b"}}}
    assert _decode_lines(raw) is None
    tables, foreign = decode_with_layout(raw)
    assert foreign  # rewritten one per line (the original kept aside) at the first save
    assert plain(tables) == {"people": {"1": {"id": "a"}, "2": {"id": "b"}}}


def _json_or_none(raw: bytes) -> object:
    try:
        return json.loads(raw)
    except ValueError:
        return None


def test_the_reader_agrees_with_json_on_every_cut_and_every_dropped_byte() -> None:
    tables = {"meta": LazyTable(), "people": LazyTable(), "empty": LazyTable()}
    tables["meta"]["1"] = {"schema_version": 4}
    tables["people"]["1"] = {"id": "a", "name": 'M}, "é'}
    tables["people"]["2"] = {"id": "b", "tags": [1, {"x": None}]}
    whole = as_bytes(tables)
    variants = [whole[:n] for n in range(1, len(whole))]
    variants += [whole[:n] + whole[n + 1 :] for n in range(len(whole))]
    for raw in variants:
        if not raw.strip():
            continue  # an empty file is an empty store, as in TinyDB
        expected = _json_or_none(raw)
        if not isinstance(expected, dict) or not all(
            isinstance(t, dict) and all(isinstance(d, dict) for d in t.values())
            for t in expected.values()
        ):
            with pytest.raises(NotADatabase):
                decode(raw)
            continue
        try:
            got = plain(decode(raw))
        except NotADatabase:
            continue  # JSON, but keys we refuse (a record key that is not a number)
        assert got == expected, raw
