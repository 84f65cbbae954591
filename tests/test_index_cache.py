"""The index kept between processes (store/index_cache.py): used only for the exact
bytes it was built from, built again when it is missing, stale or damaged, never kept
for an encrypted folder, and never a reason for a command to fail."""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from reconnect.records.models import Connection, Person
from reconnect.store import encryption, index_cache
from reconnect.store.repo import Repo
from reconnect.store.store import Store
from tests.encryption_helpers import PASSPHRASE, cheap_scrypt  # noqa: F401 (a fixture)

AT = datetime(2026, 11, 20, 18, 30, tzinfo=UTC)
WORDS = "Harbourwalk with the choir"


@pytest.fixture(autouse=True)
def every_table_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    """Small tables are kept too (in use only those of about 500 records and more)."""
    monkeypatch.setattr(index_cache, "MIN_BYTES", 0)


def _filled(folder: Path, count: int = 30) -> tuple[Store, Person]:
    store = Store.open(folder)
    person = store.people.add(Person(created_at=AT - timedelta(days=400), name="Ana"))
    store.connections.add_many(
        Connection(
            at=AT - timedelta(hours=7 * n),
            what=f"{WORDS} {n}",
            counterpart="friend",
            person_id=person.id if n % 3 == 0 else None,
            depth=1 + n % 5,
            comfort=1 + n % 5,
        )
        for n in range(count)
    )
    store.close()  # folds the journal: the file's table is written whole
    return Store.open(folder), person


def _entry(store: Store) -> Path:
    return index_cache.entry_path(store.storage.path, "connections")


def _look(store: Store) -> tuple[object, ...]:
    repo = store.connections
    week = repo.ids_between(AT - timedelta(days=7), AT + timedelta(days=1))
    return (week, repo.latest_by_person(), [c.id for c in repo.all()], repo.count())


def _no_record_read(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object) -> None:
        raise AssertionError("the records were read to index them")

    monkeypatch.setattr(Repo, "_read_rows", refuse)


def test_a_second_process_reads_the_kept_index_not_the_records(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, _ = _filled(data_dir)
    expected = _look(store)  # built from the records, and kept
    assert _entry(store).exists()
    with monkeypatch.context() as patched:
        _no_record_read(patched)
        assert _look(Store.open(data_dir)) == expected


def test_saves_since_the_index_was_kept_are_applied_to_it(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, person = _filled(data_dir)
    _look(store)
    other = Store.open(data_dir)  # another process: its saves go to the journal
    first = other.connections.between()[0]
    other.connections.delete(first.id)
    moved = other.connections.between()[-1]
    other.connections.update(moved.model_copy(update={"at": AT + timedelta(hours=1)}))
    added = other.connections.add(
        Connection(at=AT, what="new", counterpart="friend", person_id=person.id, depth=2, comfort=2)
    )
    assert (data_dir / "reconnect.json.journal").exists()  # not folded in yet
    reopened = Store.open(data_dir)
    week, latest, ids, count = _look(reopened)
    assert first.id not in ids and added.id in ids and count == 30
    assert moved.person_id == person.id and latest[person.id] == AT + timedelta(hours=1)
    assert week[-1] == moved.id
    with monkeypatch.context() as patched:  # the same, built from the records
        patched.setattr(index_cache, "MIN_BYTES", 1 << 62)
        assert _look(Store.open(data_dir)) == (week, latest, ids, count)


def test_an_index_of_other_bytes_is_not_used(data_dir: Path) -> None:
    store, _ = _filled(data_dir)
    _look(store)
    old_entry = _entry(store).read_bytes()
    other = Store.open(data_dir)
    gone = other.connections.between()[-1]
    other.connections.delete(gone.id)
    other.close()  # folded: the table's bytes are not those the entry was kept for
    reopened = Store.open(data_dir)
    assert gone.id not in _look(reopened)[2]
    assert _entry(reopened).read_bytes() != old_entry  # kept again, for the new bytes


@pytest.mark.parametrize("damage", ["cut", "byte", "empty", "not json"])
def test_a_damaged_index_is_built_again(data_dir: Path, damage: str) -> None:
    store, _ = _filled(data_dir)
    expected = _look(store)
    entry = _entry(store)
    raw = entry.read_bytes()
    middle = len(raw) // 2
    entry.write_bytes(
        {
            "cut": raw[:middle],
            "byte": raw[:middle] + bytes([raw[middle] ^ 1]) + raw[middle + 1 :],
            "empty": b"",
            "not json": b"{\n[",
        }[damage]
    )
    assert _look(Store.open(data_dir)) == expected
    assert entry.read_bytes() == raw  # kept again, whole


def test_it_holds_ids_and_times_never_words_nor_where_the_folder_is(data_dir: Path) -> None:
    store, _ = _filled(data_dir)
    _look(store)
    entry = _entry(store)
    assert WORDS.encode() not in entry.read_bytes() and b"Ana" not in entry.read_bytes()
    assert data_dir.name not in entry.name
    assert entry.stat().st_mode & 0o777 == 0o600


def test_a_cache_folder_that_cannot_be_written_costs_nothing_but_time(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would be")
    monkeypatch.setenv(index_cache.ENV, str(blocked / "index"))
    store, _ = _filled(data_dir)
    assert _look(store)[3] == 30
    assert _look(Store.open(data_dir))[3] == 30


@pytest.mark.usefixtures("cheap_scrypt")
def test_an_encrypted_folder_keeps_no_index_outside_itself(data_dir: Path) -> None:
    store, _ = _filled(data_dir)
    _look(store)
    assert _entry(store).exists()
    key = encryption.encrypt(data_dir, store.storage, PASSPHRASE)
    assert not _entry(store).exists()  # the one kept while it was plain is gone
    reopened = Store.open(data_dir, key=key)
    assert _look(reopened)[3] == 30
    assert not _entry(reopened).exists()
    assert not any(index_cache.cache_dir().glob("*.idx"))


def test_entries_long_unwritten_are_removed_when_one_is_written(data_dir: Path) -> None:
    folder = index_cache.cache_dir()
    folder.mkdir(parents=True)
    old, recent = folder / "0123-connections.idx", folder / "4567-connections.idx"
    for entry in (old, recent):
        entry.write_bytes(b"{}\n")
    long_ago = time.time() - index_cache.UNUSED_FOR_SECONDS - 60
    os.utime(old, (long_ago, long_ago))
    store, _ = _filled(data_dir)
    _look(store)
    assert not old.exists() and recent.exists() and _entry(store).exists()
