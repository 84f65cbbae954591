"""A full disk never costs a file: an export or a draft holds its old content or the new,
never an empty or partial one, and no private temp copy is left behind; temp copies a
crash left are cleaned from the data folder and the export folder."""

from __future__ import annotations

import errno
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from reconnect.logic.drafts import ReflectionDraft, draft_path, load_draft, save_draft
from reconnect.store import atomic
from reconnect.store.store import DATA_FILE_NAME, Store
from reconnect.transfer.export import export
from tests.test_store import hello

DAY = date(2026, 11, 21)
TWO_DAYS = 2 * 24 * 60 * 60


def disk_full(*_: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def half_then_full(handle: object, data: atomic.Chunk) -> None:
    handle.write(bytes(data)[: len(data) // 2])  # type: ignore[attr-defined]
    disk_full()


# Where a full disk can stop a write: mid-way, at the fsync, at the rename.
FAILURES: dict[str, Callable[[pytest.MonkeyPatch], None]] = {
    "write": lambda mp: mp.setattr(atomic, "_write_all", half_then_full),
    "fsync": lambda mp: mp.setattr(atomic.os, "fsync", disk_full),
    "replace": lambda mp: mp.setattr(atomic.os, "replace", disk_full),
}


def temp_files(folder: Path) -> list[str]:
    return [p.name for p in folder.rglob("*") if p.name.endswith(".tmp")]


def contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("failure", FAILURES)
@pytest.mark.parametrize(("fmt", "name"), [("md", "r.md"), ("json", "b.json"), ("csv", "csv")])
def test_an_export_onto_a_full_disk_keeps_the_old_one(
    demo_store: Store,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    failure: str,
    fmt: str,
    name: str,
) -> None:
    out = tmp_path / "exports"
    output = out / name
    export(demo_store, fmt, output, start=DAY, end=DAY)
    demo_store.connections.add(hello())  # the next export differs
    before = contents(output if fmt == "csv" else out)
    assert all(before.values())

    FAILURES[failure](monkeypatch)
    with pytest.raises(OSError) as stopped:
        export(demo_store, fmt, output, start=DAY, end=DAY)
    monkeypatch.undo()

    assert stopped.value.errno == errno.ENOSPC
    assert contents(output if fmt == "csv" else out) == before
    assert temp_files(out) == []


@pytest.mark.parametrize("failure", FAILURES)
def test_a_draft_save_onto_a_full_disk_keeps_the_last_draft(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    Store.open(data_dir)
    path = draft_path(data_dir)
    save_draft(path, ReflectionDraft(body="the words so far"))

    FAILURES[failure](monkeypatch)
    with pytest.raises(OSError):
        save_draft(path, ReflectionDraft(body="the words so far, and more"))
    monkeypatch.undo()

    assert load_draft(path).body == "the words so far"
    assert temp_files(data_dir) == []


def leave(folder: Path, name: str, age: float = TWO_DAYS) -> Path:
    path = folder / name
    path.write_text("a private copy")
    then = time.time() - age
    os.utime(path, (then, then))
    return path


def test_stale_temp_files_of_ours_are_cleaned_from_the_data_folder_at_open(
    data_dir: Path,
) -> None:
    Store.open(data_dir)
    stale = [
        leave(data_dir, ".reflection-draft.json.k2j4h1x0.reconnect.tmp"),
        leave(data_dir, ".review-draft.json.a1b2c3d4.tmp"),  # named as before the mark
        leave(data_dir, f".{DATA_FILE_NAME}.q8w7e6r5.reconnect.tmp", age=0),  # under the lock
    ]
    kept = [
        leave(data_dir, ".reflection-draft.json.z9y8x7w6.reconnect.tmp", age=60),  # under way
        leave(data_dir, ".notes.txt.a1b2c3d4.tmp"),  # not ours
        leave(data_dir, ".reconnect.json.swp"),  # an editor's
    ]
    Store.open(data_dir)
    assert [p.exists() for p in stale] == [False] * len(stale)
    assert [p.exists() for p in kept] == [True] * len(kept)


def test_stale_temp_files_are_cleaned_beside_a_linked_data_file_and_the_link(
    tmp_path: Path,
) -> None:
    elsewhere, data_dir = tmp_path / "synced", tmp_path / "data"
    Store.open(elsewhere)
    data_dir.mkdir(mode=0o700)
    (data_dir / DATA_FILE_NAME).symlink_to(elsewhere / DATA_FILE_NAME)
    beside_target = leave(elsewhere, f".{DATA_FILE_NAME}.q8w7e6r5.reconnect.tmp")
    beside_link = leave(data_dir, ".reflection-draft.json.k2j4h1x0.reconnect.tmp")
    Store.open(data_dir)
    assert not beside_target.exists() and not beside_link.exists()


def test_stale_temp_files_of_ours_are_cleaned_from_the_export_folder(
    demo_store: Store, tmp_path: Path
) -> None:
    out = tmp_path / "Documents"
    out.mkdir()
    stale = [
        leave(out, ".session.md.k2j4h1x0.reconnect.tmp"),
        leave(out, ".reconnect-report-2026-11-20.md.a1b2c3d4.tmp"),  # named as before
    ]
    kept = [
        leave(out, ".session.md.z9y8x7w6.reconnect.tmp", age=60),  # another export, under way
        leave(out, ".thesis.tex.a1b2c3d4.tmp"),  # another program's
    ]
    export(demo_store, "md", out / "session.md", start=DAY, end=DAY)
    assert [p.exists() for p in stale] == [False] * len(stale)
    assert [p.exists() for p in kept] == [True] * len(kept)


@pytest.mark.parametrize(("fmt", "name"), [("json", "backup.json"), ("csv", "csv")])
def test_the_shell_export_onto_a_full_disk_says_one_line_and_keeps_the_old_export(
    data_dir: Path, tmp_path: Path, fmt: str, name: str
) -> None:
    out = tmp_path / "exports"
    out.mkdir()  # an export never makes the folder it goes in
    output = out / name
    Store.open(data_dir).connections.add(hello())
    env = {**os.environ, "RECONNECT_DATA_DIR": str(data_dir)}
    command = [sys.executable, "-m", "reconnect", "export", "--format", fmt, "-o", str(output)]
    assert subprocess.run(command, env=env, capture_output=True, timeout=60).returncode == 0
    before = contents(output if fmt == "csv" else out)
    store = Store.open(data_dir)
    with store.batch():
        for n in range(200):
            store.connections.add(hello(n, note="a longer note " * 10))
    store.close()
    limit = 4 * max(len(b) for b in before.values())  # room for the lock file, not the export

    def small_disk() -> None:  # stands in for a disk with that little room left
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    result = subprocess.run(
        command,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
        preexec_fn=small_disk,
    )
    assert result.returncode != 0
    assert result.stderr.splitlines() == [
        f"reconnect export: cannot write {output} (File too large); choose another -o path."
    ]
    assert contents(output if fmt == "csv" else out) == before
    assert temp_files(tmp_path) == []
