"""The data file vanishing while the app is open (moved aside, deleted, restored by hand):
a save says plainly that it is gone and changes nothing, the records stay readable, and
writing back everything held makes saving work again. Never a loop of failures."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from tinydb import TinyDB

from reconnect.records.models import Connection, Person
from reconnect.store.errors import DataFileGone
from reconnect.store.journal import journal_path
from reconnect.store.storage import DurableStorage
from reconnect.store.store import DATA_FILE_NAME, Store

AT = datetime(2026, 11, 20, 18, 30, tzinfo=UTC)


def hello(what: str) -> Connection:
    return Connection(at=AT, what=what, counterpart="neighbour", depth=2, comfort=3)


@pytest.fixture
def gone(store: Store, data_dir: Path) -> Store:
    """A store holding a person and a moment (one folded, one in the journal) whose
    data file and journal were then moved aside."""
    store.people.add(Person(created_at=AT, name="Maya"))
    store.storage.fold()
    store.connections.add(hello("first"))
    (data_dir / DATA_FILE_NAME).rename(data_dir / "moved-aside.json")
    journal_path(data_dir / DATA_FILE_NAME).unlink()
    return store


def test_a_batched_save_says_the_file_is_gone_and_changes_nothing(
    gone: Store, data_dir: Path
) -> None:
    for _ in range(3):  # the same plain answer every time, never BatchAbandoned
        with pytest.raises(DataFileGone, match="The data file is gone"), gone.batch():
            gone.connections.add(hello("second"))
    assert [c.what for c in gone.connections.all()] == ["first"]
    assert not (data_dir / DATA_FILE_NAME).exists()
    assert not journal_path(data_dir / DATA_FILE_NAME).exists()


def test_a_single_save_says_the_file_is_gone_and_changes_nothing(gone: Store) -> None:
    with pytest.raises(DataFileGone):
        gone.connections.add(hello("second"))
    with pytest.raises(DataFileGone):
        gone.people.update(gone.people.all()[0].model_copy(update={"name": "Sam"}))
    assert gone.file_gone
    assert [c.what for c in gone.connections.all()] == ["first"]
    assert [p.name for p in gone.people.all()] == ["Maya"]


def test_writing_back_saves_everything_held_and_saving_works_again(
    gone: Store, data_dir: Path
) -> None:
    assert gone.write_back()
    assert not gone.file_gone
    gone.connections.add(hello("second"))
    fresh = Store.open(data_dir)
    assert [c.what for c in fresh.connections.all()] == ["first", "second"]
    assert [p.name for p in fresh.people.all()] == ["Maya"]
    assert not gone.write_back()  # the file is there: nothing to do


def test_a_file_put_back_by_hand_is_read_again(gone: Store, data_dir: Path) -> None:
    (data_dir / "moved-aside.json").rename(data_dir / DATA_FILE_NAME)
    gone.connections.add(hello("second"))
    assert not gone.file_gone
    # The journal moved aside too: the file put back holds only what was folded.
    assert [c.what for c in Store.open(data_dir).connections.all()] == ["second"]


def test_quitting_while_gone_leaves_the_folder_as_it_was(gone: Store, data_dir: Path) -> None:
    gone.close()
    assert not (data_dir / DATA_FILE_NAME).exists()


def test_a_file_moved_without_its_journal_is_written_back_with_the_journals_saves(
    store: Store, data_dir: Path
) -> None:
    store.connections.add(hello("in the journal"))
    (data_dir / DATA_FILE_NAME).unlink()
    with pytest.raises(DataFileGone):
        store.connections.add(hello("refused"))
    assert store.write_back()
    assert not journal_path(data_dir / DATA_FILE_NAME).exists()
    assert [c.what for c in Store.open(data_dir).connections.all()] == ["in the journal"]


def test_the_file_vanishing_after_another_process_opened_it_is_still_noticed(
    store: Store, data_dir: Path
) -> None:
    store.connections.add(hello("first"))
    Store.open(data_dir)  # another process: it leaves a new token in the lock file
    (data_dir / DATA_FILE_NAME).unlink()
    with pytest.raises(DataFileGone):
        store.connections.add(hello("second"))
    assert store.write_back()
    assert [c.what for c in Store.open(data_dir).connections.all()] == ["first"]


def test_a_batch_on_a_file_that_never_was_writes_it_as_tinydb_would(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    db = TinyDB(path, storage=DurableStorage)
    storage = db.storage
    assert isinstance(storage, DurableStorage)
    with storage.batch():
        db.insert({"n": 1})
        db.insert({"n": 2})
    storage.close()
    assert [d["n"] for d in db.all()] == [1, 2]
    assert path.exists()
