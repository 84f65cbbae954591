"""Two devices syncing one folder: their copies crossed under each sync tool's names.

Each device is a folder of its own and a RECONNECT_DEVICE of its own. Both start from
the same data, then each adds, changes and deletes records; the sync tool then leaves
one device's file beside the other's as a conflicted copy. The merged result must hold
every change, bring back no deleted record, and be the same whichever copy was read
first; merging again changes nothing.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import orjson
import pytest

from reconnect.records.models import Connection, Person
from reconnect.store import sync, versions
from reconnect.store.errors import drain_notices
from reconnect.store.store import DATA_FILE_NAME, Store

AT = datetime(2026, 11, 20, 18, 30, tzinfo=UTC)
JOURNAL_NAME = DATA_FILE_NAME + ".journal"

# How each tool names a conflicted copy of a file: stem, extension -> the copy's name.
SCHEMES: dict[str, Callable[[str, str], str]] = {
    "syncthing": lambda stem, ext: f"{stem}.sync-conflict-20261201-101500-B7X2KQM{ext}",
    "dropbox": lambda stem, ext: f"{stem} (Ana's conflicted copy 2026-12-01){ext}",
    "nextcloud": lambda stem, ext: f"{stem} (conflicted copy 2026-12-01 101500){ext}",
    "owncloud": lambda stem, ext: f"{stem}_conflict-20261201-101500{ext}",
}


def conflicted(scheme: str, name: str) -> str:
    stem, _, ext = name.rpartition(".")
    return SCHEMES[scheme](stem, "." + ext)


def moment(n: int, what: str | None = None) -> Connection:
    return Connection(
        at=AT + timedelta(minutes=n),
        what=what or f"moment {n}",
        counterpart="neighbour",
        depth=1,
        comfort=3,
    )


def as_device(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.setenv("RECONNECT_DEVICE", f"{name.lower()}-id:{name}")


def content(folder: Path) -> dict[str, Any]:
    """What a folder holds, doc ids aside: records by id, versions, history, devices."""
    store = Store.open(folder)
    tables = store.storage.read() or {}
    records = {
        name: {doc["id"]: doc for doc in (tables[name][k] for k in tables[name])}
        for name in store.repos
        if name in tables
    }
    seen = sorted(orjson.dumps(e, option=orjson.OPT_SORT_KEYS) for e in versions.entries(tables))
    kept = sorted(orjson.dumps(h, option=orjson.OPT_SORT_KEYS) for h in versions.history(tables))
    return {
        "records": {k: v for k, v in records.items() if v},
        "versions": seen,
        "history": kept,
        "devices": versions.devices(tables),
    }


@pytest.fixture
def two_devices(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Laptop and Phone, from one shared start, each having changed things since."""
    laptop, phone = tmp_path / "laptop", tmp_path / "phone"
    as_device(monkeypatch, "Laptop")
    start = Store.open(laptop)
    both_edit = start.connections.add(moment(1))
    laptop_deletes = start.connections.add(moment(2))
    phone_deletes = start.connections.add(moment(3))
    laptop_edits = start.connections.add(moment(4))
    deleted_vs_edited = start.connections.add(moment(5))
    start.people.add(Person(created_at=AT, name="Maya"))
    start.close()
    shutil.copytree(laptop, phone)

    laptop_store = Store.open(laptop)
    laptop_store.connections.update(both_edit.model_copy(update={"what": "laptop's words"}))
    laptop_store.connections.delete(laptop_deletes.id)
    laptop_store.connections.update(laptop_edits.model_copy(update={"what": "only laptop"}))
    laptop_store.connections.update(deleted_vs_edited.model_copy(update={"what": "edited"}))
    laptop_new = laptop_store.connections.add(moment(10, "laptop new"))
    laptop_store.close()

    as_device(monkeypatch, "Phone")
    phone_store = Store.open(phone)
    phone_store.connections.update(both_edit.model_copy(update={"what": "phone's words"}))
    phone_store.connections.delete(phone_deletes.id)
    phone_store.connections.delete(deleted_vs_edited.id)  # after the laptop's edit
    phone_new = phone_store.connections.add(moment(11, "phone new"))
    phone_store.people.add(Person(created_at=AT, name="Sam"))
    # The phone's last saves stay in its journal (not folded): the journal syncs too.
    return {
        "laptop": laptop,
        "phone": phone,
        "both_edit": both_edit.id,
        "gone": {laptop_deletes.id, phone_deletes.id, deleted_vs_edited.id},
        "new": {laptop_new.id, phone_new.id},
        "laptop_edits": laptop_edits.id,
    }


def crossed(tmp_path: Path, here: Path, there: Path, scheme: str, label: str) -> Path:
    """`here`'s folder, with `there`'s data file and journal beside it as the sync tool
    names conflicted copies."""
    folder = tmp_path / label
    shutil.copytree(here, folder)
    for name in (DATA_FILE_NAME, JOURNAL_NAME):
        if (there / name).exists():
            shutil.copy2(there / name, folder / conflicted(scheme, name))
    return folder


def assert_every_change_is_held(found: dict[str, Any], devices: dict[str, Any]) -> None:
    moments = found["records"]["connections"]
    assert not devices["gone"] & moments.keys()  # no deleted record came back
    assert devices["new"] <= moments.keys()
    assert moments[devices["both_edit"]]["what"] == "phone's words"  # the later change
    assert moments[devices["laptop_edits"]]["what"] == "only laptop"
    assert {p["name"] for p in found["records"]["people"].values()} == {"Maya", "Sam"}
    # The laptop's words lost to the phone's later change, and stay visible.
    kept = [orjson.loads(h) for h in found["history"]]
    assert [h["doc"]["what"] for h in kept if h["id"] == devices["both_edit"]] == ["laptop's words"]
    # The edit the deleting phone never saw is kept too (a deleted record's words).
    assert "edited" in [h["doc"]["what"] for h in kept]
    assert set(found["devices"].values()) == {"Laptop", "Phone"}


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
def test_crossed_copies_merge_every_change_the_same_either_way(
    scheme: str, two_devices: dict[str, Any], tmp_path: Path
) -> None:
    laptop, phone = two_devices["laptop"], two_devices["phone"]
    one = content(crossed(tmp_path, laptop, phone, scheme, "laptop-first"))
    other = content(crossed(tmp_path, phone, laptop, scheme, "phone-first"))
    assert one == other
    assert_every_change_is_held(one, two_devices)


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
def test_copies_are_moved_into_merged_and_a_second_merge_changes_nothing(
    scheme: str, two_devices: dict[str, Any], tmp_path: Path
) -> None:
    folder = crossed(tmp_path, two_devices["laptop"], two_devices["phone"], scheme, "x")
    copies = sorted(p.name for p in folder.iterdir() if "onflict" in p.name)
    assert len(copies) == 2  # the data file's and the journal's
    drain_notices()
    Store.open(folder).close()
    notices = drain_notices()
    assert sum("Merged a conflicted copy" in n for n in notices) == 2
    assert sorted(p.name for p in (folder / "merged").iterdir()) == copies
    assert not [p for p in folder.iterdir() if "onflict" in p.name]
    first = content(folder)
    before = (folder / DATA_FILE_NAME).read_bytes()
    # The same copies arrive again (a sync tool replaying them): nothing changes.
    for name in copies:
        shutil.copy2(folder / "merged" / name, folder / name)
    Store.open(folder)
    assert (folder / DATA_FILE_NAME).read_bytes() == before
    assert content(folder) == first
    assert_every_change_is_held(first, two_devices)


def test_a_journal_from_the_other_device_replacing_ours_is_merged(
    two_devices: dict[str, Any], tmp_path: Path
) -> None:
    # The laptop's folded file, and the phone's journal (naming the old base) synced
    # over the laptop's: its saves are merged, not set aside.
    folder = tmp_path / "x"
    shutil.copytree(two_devices["laptop"], folder)
    shutil.copy2(two_devices["phone"] / JOURNAL_NAME, folder / JOURNAL_NAME)
    store = Store.open(folder)
    moments = {c.id: c.what for c in store.connections.all()}
    assert moments[two_devices["both_edit"]] == "phone's words"
    assert two_devices["new"] <= moments.keys()
    assert not two_devices["gone"] & moments.keys()
    assert list((folder / "merged").iterdir())  # its bytes kept


def test_an_unmatched_journal_set_aside_by_a_save_is_merged_later(
    two_devices: dict[str, Any], tmp_path: Path
) -> None:
    folder = tmp_path / "x"
    shutil.copytree(two_devices["laptop"], folder)
    shutil.copy2(two_devices["phone"] / JOURNAL_NAME, folder / (JOURNAL_NAME + ".unmatched"))
    store = Store.open(folder)
    assert two_devices["new"] <= {c.id for c in store.connections.all()}


def test_a_copy_from_a_newer_schema_is_left_alone_and_said(tmp_path: Path) -> None:
    folder = tmp_path / "x"
    Store.open(folder).close()
    raw = (
        (folder / DATA_FILE_NAME)
        .read_bytes()
        .replace(b'"schema_version":4', b'"schema_version":99')
    )
    copy = folder / conflicted("syncthing", DATA_FILE_NAME)
    copy.write_bytes(raw)
    drain_notices()
    Store.open(folder)
    (notice,) = [n for n in drain_notices() if "conflicted copy" in n]
    assert "newer reconnect" in notice and "left as it is" in notice
    assert copy.read_bytes() == raw


def test_a_damaged_copy_is_left_alone_and_the_file_still_opens(tmp_path: Path) -> None:
    folder = tmp_path / "x"
    Store.open(folder).connections.add(moment(1))
    copy = folder / conflicted("dropbox", DATA_FILE_NAME)
    copy.write_bytes(b'{"connections": {"1": {"id": "x"')
    drain_notices()
    store = Store.open(folder)
    assert store.connections.count() == 1
    assert any("left as it is" in n for n in drain_notices())
    assert copy.exists()


def test_a_copy_holding_an_invalid_record_is_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, other = tmp_path / "x", tmp_path / "y"
    Store.open(folder).close()
    shutil.copytree(folder, other)
    Store.open(other).connections.add(moment(1))
    Store.open(other).close()
    raw = (other / DATA_FILE_NAME).read_bytes().replace(b'"depth":1', b'"depth":9')
    copy = folder / conflicted("nextcloud", DATA_FILE_NAME)
    copy.write_bytes(raw)
    store = Store.open(folder)
    assert store.connections.count() == 0
    assert copy.exists()


def test_a_kill_between_writing_the_merge_and_moving_the_copy_loses_nothing(
    two_devices: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = crossed(tmp_path, two_devices["laptop"], two_devices["phone"], "syncthing", "x")
    expected = content(
        crossed(tmp_path, two_devices["laptop"], two_devices["phone"], "syncthing", "y")
    )

    def killed(copy: Path) -> Path:
        raise KeyboardInterrupt("killed")

    monkeypatch.setattr(sync, "move_to_merged", killed)
    with pytest.raises(KeyboardInterrupt):
        Store.open(folder)
    monkeypatch.undo()
    assert content(folder) == expected  # opens, merges again, and nothing is lost


def test_a_kill_while_writing_the_merge_leaves_the_folder_as_it_was(
    two_devices: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reconnect.store import storage

    folder = crossed(tmp_path, two_devices["laptop"], two_devices["phone"], "dropbox", "x")
    expected = content(
        crossed(tmp_path, two_devices["laptop"], two_devices["phone"], "dropbox", "y")
    )
    before = (folder / DATA_FILE_NAME).read_bytes()

    def killed(path: Path, data: object, mode: int = 0o600) -> None:
        raise KeyboardInterrupt("killed mid-write")

    monkeypatch.setattr(storage, "atomic_write", killed)
    with pytest.raises(KeyboardInterrupt):
        Store.open(folder)
    monkeypatch.undo()
    assert (folder / DATA_FILE_NAME).read_bytes() == before
    assert content(folder) == expected


KILL_SCRIPT = """
import os, sys
from reconnect.store import storage, sync
from reconnect.store.store import Store

where = sys.argv[2]
if where == "after-write":
    sync.move_to_merged = lambda copy: os._exit(137)
else:
    real = storage.atomic_write

    def half(path, data, mode=0o600):
        import reconnect.store.atomic as atomic
        atomic.os.replace = lambda *a: os._exit(137)  # the temp file written, not moved
        real(path, data, mode)

    storage.atomic_write = half
Store.open(__import__("pathlib").Path(sys.argv[1]))
"""


@pytest.mark.parametrize("where", ["after-write", "mid-write"])
def test_a_process_killed_during_a_merge_leaves_a_folder_that_opens_whole(
    where: str, two_devices: dict[str, Any], tmp_path: Path
) -> None:
    import subprocess
    import sys

    folder = crossed(tmp_path, two_devices["laptop"], two_devices["phone"], "owncloud", "x")
    expected = content(
        crossed(tmp_path, two_devices["laptop"], two_devices["phone"], "owncloud", "y")
    )
    done = subprocess.run([sys.executable, "-c", KILL_SCRIPT, str(folder), where], check=False)
    assert done.returncode == 137
    assert content(folder) == expected


def test_a_journal_of_another_copy_not_merged_is_kept_at_quit(
    two_devices: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "x"
    shutil.copytree(two_devices["laptop"], folder)
    store = Store.open(folder)
    shutil.copy2(two_devices["phone"] / JOURNAL_NAME, folder / JOURNAL_NAME)
    store.refresh()  # the journal arrived; not merged yet (the app's next look would)
    store.close()  # quit: the file is written whole, the journal is not thrown away
    assert (folder / (JOURNAL_NAME + ".unmatched")).exists()
    reopened = Store.open(folder)
    assert two_devices["new"] <= {c.id for c in reopened.connections.all()}


def test_a_journal_alone_tells_an_edit_from_a_conflict(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The phone's journal continues a file the laptop has since written whole (its
    # base is nowhere to be read): each change names the version it replaced, so only
    # a record changed on both is kept as "also changed on another device".
    laptop, phone = tmp_path / "laptop", tmp_path / "phone"
    as_device(monkeypatch, "Laptop")
    start = Store.open(laptop)
    edited, deleted, both = (start.connections.add(moment(n)) for n in range(3))
    start.close()
    shutil.copytree(laptop, phone)
    as_device(monkeypatch, "Phone")
    other = Store.open(phone)
    other.connections.update(edited.model_copy(update={"what": "phone edit"}))
    other.connections.delete(deleted.id)
    other.connections.update(both.model_copy(update={"what": "phone's words"}))
    as_device(monkeypatch, "Laptop")
    store = Store.open(laptop)
    store.connections.update(both.model_copy(update={"what": "laptop's words"}))
    store.connections.add(moment(9))
    store.close()  # a new base: the phone's journal now continues nothing here
    shutil.copy2(phone / JOURNAL_NAME, laptop / JOURNAL_NAME)
    merged = Store.open(laptop)
    moments = {c.id: c.what for c in merged.connections.all()}
    assert moments[edited.id] == "phone edit"
    assert deleted.id not in moments
    assert moments[both.id] == "laptop's words"  # the later change
    kept = merged.other_versions("connections", both.id)
    assert [k["doc"]["what"] for k in kept] == ["phone's words"]
    assert not merged.other_versions("connections", edited.id)
    assert merged.ids_with_other_versions("connections") == {both.id}
