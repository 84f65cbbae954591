"""Tables of a file we wrote stay unsplit until used: adding a moment reads no other
moment, and nothing is lost or doubled for it."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from reconnect.logic import connections
from reconnect.records.models import Connection, Person
from reconnect.store.errors import DataFileError
from reconnect.store.store import DATA_FILE_NAME, Store

AT = datetime(2026, 11, 20, 18, 30, tzinfo=UTC)


def hello(n: int) -> Connection:
    return Connection(
        at=AT + timedelta(minutes=n), what=f"hello {n}", counterpart="neighbour", depth=1, comfort=3
    )


@pytest.fixture
def folded(data_dir: Path) -> Path:
    """A data folder with three moments and a person, written whole (as after a quit)."""
    store = Store.open(data_dir)
    for n in range(3):
        store.connections.add(hello(n))
    gone = store.connections.add(hello(99))
    store.connections.delete(gone.id)  # its doc id is never handed out again
    store.people.add(Person(created_at=AT, name="Maya"))
    store.close()
    return data_dir


def unsplit(store: Store) -> dict[str, bool]:
    return {name: table.unsplit for name, table in (store.storage.read() or {}).items()}


def test_adding_a_moment_reads_no_other_moment(folded: Path) -> None:
    store = Store.open(folded)
    assert unsplit(store)["connections"]
    saved = connections.save(store, hello(3), who="Maya")
    assert unsplit(store)["connections"]
    assert saved.new_person is None  # found among the people (a small table, split)
    again = Store.open(folded)
    assert [c.what for c in again.connections.all()] == [f"hello {n}" for n in range(4)]
    keys = list((again.storage.read() or {})["connections"])
    assert keys == ["1", "2", "3", "5"]  # 4 was the deleted moment's: not used again


def test_an_id_that_is_already_stored_is_still_refused(folded: Path) -> None:
    first = Store.open(folded).connections.all()[0]
    store = Store.open(folded)
    with pytest.raises(ValueError, match="already exists"):
        store.connections.add(first)
    assert store.connections.count() == 3


def test_an_edit_of_an_existing_moment_is_an_update(folded: Path) -> None:
    first = Store.open(folded).connections.all()[0]
    store = Store.open(folded)
    saved = connections.save(store, first.model_copy(update={"what": "a real talk"}))
    assert saved.edited
    whats = [c.what for c in Store.open(folded).connections.all()]
    assert whats == ["a real talk", "hello 1", "hello 2"]


def test_damage_the_stamp_does_not_show_is_found_at_first_use(folded: Path) -> None:
    path = folded / DATA_FILE_NAME
    st = os.stat(path)
    raw = path.read_bytes()
    broken = raw.replace(b'"what":"hello 1"', b'"what":"hello 1}', 1)
    assert len(broken) == len(raw)
    path.write_bytes(broken)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))  # bit rot: same size, same time
    store = Store.open(folded)
    store.connections.add(hello(7))  # appending needs none of the others
    with pytest.raises(DataFileError, match="'connections' is damaged"):
        store.connections.all()
    assert path.read_bytes() == broken


def test_a_fold_after_unsplit_appends_keeps_everything(folded: Path) -> None:
    store = Store.open(folded)
    for n in range(3, 6):
        store.connections.add(hello(n))
    assert unsplit(store)["connections"]
    store.close()
    again = Store.open(folded)
    assert [c.what for c in again.connections.all()] == [f"hello {n}" for n in range(6)]


def test_is_empty_reads_no_table_that_has_records(folded: Path, tmp_path: Path) -> None:
    store = Store.open(folded)
    assert not store.is_empty()
    assert unsplit(store)["connections"]
    assert Store.open(tmp_path / "new").is_empty()
    only_deleted = Store.open(tmp_path / "gone")
    only_deleted.people.delete(only_deleted.people.add(Person(created_at=AT, name="A")).id)
    assert Store.open(tmp_path / "gone").is_empty()


def test_an_id_that_is_not_the_first_key_is_still_found(data_dir: Path) -> None:
    store = Store.open(data_dir)
    store.connections.add(hello(0))
    store.close()
    path = data_dir / DATA_FILE_NAME
    tables = json.loads(path.read_bytes())
    first = tables["connections"]["1"]
    tables["connections"]["1"] = {k: first[k] for k in sorted(first)}  # "id" not first
    path.write_text(json.dumps(tables, indent=1))  # another program's layout
    rewritten = Store.open(data_dir)
    rewritten.people.add(Person(created_at=AT, name="Maya"))  # written whole, ours now
    rewritten.close()
    again = Store.open(data_dir)
    assert unsplit(again)["connections"]
    with pytest.raises(ValueError, match="already exists"):
        again.connections.add(Connection.model_validate(first))
    assert again.connections.count() == 1
