"""`reconnect check` and `reconnect sync-status` on a synced folder, and conflicted
copies of drafts (the newest writing stays the draft, nothing is lost)."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reconnect.cli.main import main
from reconnect.logic import drafts
from reconnect.store import conflicts
from reconnect.store.errors import drain_notices
from reconnect.store.store import DATA_FILE_NAME, Store
from tests.test_sync_devices import SCHEMES, as_device, conflicted, moment


@pytest.fixture
def waiting_copy(data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The data folder (Laptop's) with a conflicted copy from Phone beside it."""
    as_device(monkeypatch, "Laptop")
    Store.open(data_dir).connections.add(moment(1))
    Store.open(data_dir).close()
    phone = tmp_path / "phone"
    shutil.copytree(data_dir, phone)
    as_device(monkeypatch, "Phone")
    store = Store.open(phone)
    store.connections.add(moment(2))
    store.connections.add(moment(3))
    store.close()
    as_device(monkeypatch, "Laptop")
    copy = data_dir / conflicted("syncthing", DATA_FILE_NAME)
    shutil.copy2(phone / DATA_FILE_NAME, copy)
    return copy


def test_check_lists_a_copy_waiting_and_what_it_would_add_without_writing(
    waiting_copy: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = {p.name: p.read_bytes() for p in data_dir.iterdir() if p.is_file()}
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert f"A conflicted copy waits: {waiting_copy}. Merging it would: 2 added." in out
    assert {p.name: p.read_bytes() for p in data_dir.iterdir() if p.is_file()} == before


def test_sync_status_shows_the_last_change_per_device(
    waiting_copy: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Store.open(data_dir).close()  # merges the phone's copy
    assert main(["sync-status"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].startswith("Phone: last change ")
    assert lines[1].startswith("Laptop (this device): last change ")
    assert "No conflicted copies waiting." in out
    assert main(["check"]) == 0
    assert "Changed on: Phone: last change" in capsys.readouterr().out


def draft(body: str, saved_at: datetime) -> bytes:
    found = drafts.ReflectionDraft(body=body, saved_at=saved_at)
    return json.dumps(found.to_json()).encode()


def test_the_store_knows_the_drafts_names() -> None:
    assert conflicts.DRAFT_NAMES == (drafts.DRAFT_FILE_NAME, drafts.REVIEW_DRAFT_FILE_NAME)


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
@pytest.mark.parametrize("newer", ["copy", "ours"])
def test_a_conflicted_draft_keeps_the_newest_writing_and_loses_none(
    scheme: str, newer: str, data_dir: Path
) -> None:
    Store.open(data_dir)
    early, late = datetime(2026, 12, 1, 9, tzinfo=UTC), datetime(2026, 12, 1, 10, tzinfo=UTC)
    ours = draft("written here", late if newer == "ours" else early)
    theirs = draft("written on the phone", late if newer == "copy" else early)
    path = drafts.draft_path(data_dir)
    path.write_bytes(ours)
    copy = data_dir / conflicted(scheme, drafts.DRAFT_FILE_NAME)
    copy.write_bytes(theirs)
    drain_notices()
    Store.open(data_dir)
    (notice,) = [n for n in drain_notices() if "draft" in n]
    assert path.read_bytes() == (theirs if newer == "copy" else ours)
    assert not copy.exists()
    kept = {p.read_bytes() for p in (data_dir / "merged").iterdir()}
    assert theirs in kept and (ours in kept if newer == "copy" else True)
    loaded = drafts.load_draft(path)
    assert loaded.body == ("written on the phone" if newer == "copy" else "written here")
    assert "newer" in notice or "older" in notice


def test_a_damaged_draft_copy_is_left_alone(data_dir: Path) -> None:
    Store.open(data_dir)
    copy = data_dir / conflicted("dropbox", drafts.REVIEW_DRAFT_FILE_NAME)
    copy.write_bytes(b"{not json")
    drain_notices()
    Store.open(data_dir)
    assert copy.exists()
    assert any("left as it is" in n for n in drain_notices())


def test_check_says_a_copy_from_a_newer_reconnect_will_be_left_alone(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Store.open(data_dir).close()
    raw = (data_dir / DATA_FILE_NAME).read_bytes()
    copy = data_dir / conflicted("owncloud", DATA_FILE_NAME)
    copy.write_bytes(raw.replace(b'"schema_version":4', b'"schema_version":99'))
    assert main(["sync-status"]) == 0
    out = capsys.readouterr().out
    assert f"A conflicted copy {copy} will be left as it is" in out
    assert "newer reconnect (schema 99" in out
