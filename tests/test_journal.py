"""The journal beside the data file: a save appends one line, a crash at any point keeps
every confirmed save, and nothing damaged is ever folded into the data file."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from reconnect.cli.main import main
from reconnect.records.models import Connection, Person
from reconnect.store import journal, journal_state, storage
from reconnect.store.errors import DataFileError, drain_notices
from reconnect.store.store import DATA_FILE_NAME, Store

AT = datetime(2026, 11, 20, 18, 30, tzinfo=UTC)


def hello(n: int) -> Connection:
    return Connection(
        at=AT + timedelta(minutes=n), what=f"hello {n}", counterpart="neighbour", depth=1, comfort=3
    )


def whats(data_dir: Path) -> list[str]:
    return [c.what for c in Store.open(data_dir).connections.all()]


def journal_of(data_dir: Path) -> Path:
    return data_dir / (DATA_FILE_NAME + journal.JOURNAL_SUFFIX)


def test_a_save_appends_one_line_and_leaves_the_data_file_alone(
    store: Store, data_dir: Path
) -> None:
    data_file = data_dir / DATA_FILE_NAME
    store.connections.add(hello(1))  # the first save names the journal's base
    before = data_file.read_bytes()
    store.connections.add(hello(2))
    store.people.add(Person(created_at=AT, name="Maya"))
    assert data_file.read_bytes() == before
    lines = journal_of(data_dir).read_bytes().splitlines()
    assert b"journal_for" in lines[0] and len(lines) == 4
    assert whats(data_dir) == ["hello 1", "hello 2"]
    assert [p.name for p in Store.open(data_dir).people.all()] == ["Maya"]
    assert oct(journal_of(data_dir).stat().st_mode & 0o777) == "0o600"


def test_update_and_delete_replay_in_order(store: Store, data_dir: Path) -> None:
    first = store.connections.add(hello(1))
    second = store.connections.add(hello(2))
    store.connections.update(first.model_copy(update={"what": "a real talk"}))
    store.connections.delete(second.id)
    assert whats(data_dir) == ["a real talk"]
    store.close()  # folds
    assert not journal_of(data_dir).exists()
    assert whats(data_dir) == ["a real talk"]


def test_the_journal_is_folded_when_it_grows(
    store: Store, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(storage, "FOLD_AT_LEAST", 2000)
    for n in range(12):
        store.connections.add(hello(n))
        # (a fold may have just removed it: a journal never grows past the bound)
        journal = journal_of(data_dir)
        assert not journal.exists() or journal.stat().st_size <= 2000 + 1000
    assert whats(data_dir) == [f"hello {n}" for n in range(12)]
    assert b"hello 0" in (data_dir / DATA_FILE_NAME).read_bytes()


def test_a_batch_is_one_line_all_or_nothing(store: Store, data_dir: Path) -> None:
    store.connections.add(hello(0))
    size = journal_of(data_dir).stat().st_size
    with store.batch():
        store.connections.add(hello(1))
        store.people.add(Person(created_at=AT, name="Maya"))
    assert len(journal_of(data_dir).read_bytes()[size:].splitlines()) == 1
    with pytest.raises(RuntimeError), store.batch():
        store.connections.add(hello(2))
        raise RuntimeError("changed my mind")
    assert whats(data_dir) == ["hello 0", "hello 1"]


def test_a_torn_last_line_is_left_out_told_and_set_aside(store: Store, data_dir: Path) -> None:
    store.connections.add(hello(1))
    store.connections.add(hello(2))
    path = journal_of(data_dir)
    whole = path.read_bytes()
    path.write_bytes(whole[:-40])  # the last save was cut off before it was confirmed
    drain_notices()
    reopened = Store.open(data_dir)
    assert [c.what for c in reopened.connections.all()] == ["hello 1"]
    (notice,) = drain_notices()
    assert "cut off before it was saved" in notice
    reopened.connections.add(hello(3))
    assert whats(data_dir) == ["hello 1", "hello 3"]
    torn = path.with_name(path.name + ".torn").read_bytes()
    assert torn == whole[whole.rfind(b"\n", 0, -1) + 1 : -40] + b"\n"
    assert not drain_notices()  # the journal is whole again


def test_a_damaged_line_is_reported_the_rest_kept_and_nothing_folded(
    store: Store, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for n in range(3):
        store.connections.add(hello(n))
    path = journal_of(data_dir)
    lines = path.read_bytes().splitlines(keepends=True)
    lines[2] = b'{"at": "oops", "changes": [\n'  # the second save's line
    path.write_bytes(b"".join(lines))
    data_file = data_dir / DATA_FILE_NAME
    before = data_file.read_bytes()
    drain_notices()
    reopened = Store.open(data_dir)
    assert [c.what for c in reopened.connections.all()] == ["hello 0", "hello 2"]
    (notice,) = drain_notices()
    assert "Line 3 of" in notice and "damaged" in notice
    reopened.connections.add(hello(3))  # saving still works: it appends
    reopened.close()  # but nothing is folded while a line is unread
    assert data_file.read_bytes() == before
    assert whats(data_dir) == ["hello 0", "hello 2", "hello 3"]
    assert main(["--data-dir", str(data_dir), "check"]) == 1
    out = capsys.readouterr().out
    assert "Problems in" in out and "Line 3 of" in out


def test_a_whole_write_is_refused_while_a_line_is_damaged(store: Store, data_dir: Path) -> None:
    store.connections.add(hello(0))
    store.connections.add(hello(1))
    path = journal_of(data_dir)
    path.write_bytes(path.read_bytes() + b"not json\n")
    reopened = Store.open(data_dir)
    with pytest.raises(DataFileError, match="Line 4 of the journal is damaged"):
        reopened.storage.write(reopened.storage.read() or {})
    assert whats(data_dir) == ["hello 0", "hello 1"]


def test_a_fold_that_crashed_after_writing_the_file_is_not_replayed_twice(
    store: Store, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = store.connections.add(hello(1))
    gone = store.connections.add(hello(2))
    store.connections.delete(gone.id)
    monkeypatch.setattr(journal_state.JournalState, "remove", _power_cut)
    with pytest.raises(OSError, match="power cut"):
        store.storage.fold()
    monkeypatch.undo()
    assert journal_of(data_dir).exists()  # left behind, naming the old base
    drain_notices()
    reopened = Store.open(data_dir)
    assert [c.id for c in reopened.connections.all()] == [kept.id]
    assert not drain_notices()  # nothing was lost: nothing to say
    reopened.connections.add(hello(3))
    assert whats(data_dir) == ["hello 1", "hello 3"]
    assert not list(data_dir.glob("*.unmatched*"))


def _power_cut(self: object) -> None:
    raise OSError("power cut")


def test_a_journal_of_another_copy_of_the_data_file_is_merged_record_by_record(
    store: Store, data_dir: Path
) -> None:
    # (A restored file, or another device's file synced in: the journal's saves are
    # merged by the latest change; its bytes are kept in merged/.)
    store.connections.add(hello(1))
    store.close()
    backup = (data_dir / DATA_FILE_NAME).read_bytes()
    again = Store.open(data_dir)
    again.connections.add(hello(2))
    again.close()  # a new base
    again = Store.open(data_dir)
    again.connections.add(hello(3))  # in a journal naming that base
    (data_dir / DATA_FILE_NAME).write_bytes(backup)  # restored by hand
    drain_notices()
    restored = Store.open(data_dir)
    assert [c.what for c in restored.connections.all()] == ["hello 1", "hello 3"]
    (notice,) = drain_notices()
    assert "Merged the saves of a journal" in notice and "1 added" in notice
    restored.connections.add(hello(4))
    assert whats(data_dir) == ["hello 1", "hello 3", "hello 4"]
    (kept,) = (data_dir / "merged").glob("*.journal.*")
    assert b"hello 3" in kept.read_bytes()
    assert not list(data_dir.glob("*.unmatched*"))


def test_a_missing_data_file_with_a_journal_is_refused(store: Store, data_dir: Path) -> None:
    store.connections.add(hello(1))
    store.connections.add(hello(2))
    (data_dir / DATA_FILE_NAME).unlink()
    with pytest.raises(DataFileError, match="missing, but its journal"):
        Store.open(data_dir)
    assert journal_of(data_dir).exists()


def test_a_damaged_first_line_is_refused_untouched(store: Store, data_dir: Path) -> None:
    store.connections.add(hello(1))
    store.connections.add(hello(2))
    path = journal_of(data_dir)
    broken = b"garbage\n" + path.read_bytes().split(b"\n", 1)[1]
    path.write_bytes(broken)
    with pytest.raises(DataFileError, match="journal beside the data file is damaged"):
        Store.open(data_dir)
    assert path.read_bytes() == broken


def test_a_full_disk_mid_line_leaves_no_half_line(
    store: Store, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.connections.add(hello(1))
    store.connections.add(hello(2))
    path = journal_of(data_dir)
    before = path.read_bytes()
    real_write = os.write

    def half_then_full(fd: int, data: bytes | memoryview) -> int:
        if len(data) > 100:
            return real_write(fd, bytes(data)[:50])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(journal.os, "write", half_then_full)
    with pytest.raises(OSError, match="No space"):
        store.connections.add(hello(3))
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert [c.what for c in store.connections.all()] == ["hello 1", "hello 2"]
    store.connections.add(hello(4))
    assert whats(data_dir) == ["hello 1", "hello 2", "hello 4"]


def test_another_process_append_is_seen_and_never_written_over(
    store: Store, data_dir: Path
) -> None:
    store.connections.add(hello(1))
    flags = ["--counterpart", "friend", "--depth", "2", "--comfort", "3"]
    assert main(["--data-dir", str(data_dir), "log", "from the shell", *flags]) == 0
    assert store.refresh() is True
    store.connections.add(hello(2))
    store.close()  # the app's fold at quit keeps the shell's moment
    assert sorted(whats(data_dir)) == ["from the shell", "hello 1", "hello 2"]


# A writer that says which saves were confirmed (the save call returned).
APPENDER = """
import sys
from datetime import UTC, datetime
from pathlib import Path
from reconnect.records.models import Connection
from reconnect.store import storage
from reconnect.store.store import Store
storage.FOLD_AT_LEAST = int(sys.argv[3])
store = Store.open(Path(sys.argv[1]))
print("ready", flush=True)
for n in range(100000):
    what = f"{sys.argv[2]} {n}"
    store.connections.add(Connection(
        at=datetime(2026, 1, 1, tzinfo=UTC), what=what,
        counterpart="friend", depth=2, comfort=3))
    print(what, flush=True)
"""


def _start(data_dir: Path, name: str, fold_at: int) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", APPENDER, str(data_dir), name, str(fold_at)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline() == "ready\n"
    return proc


@pytest.mark.parametrize("fold_at", [1 << 30, 3000])  # appends only; folds in between too
def test_a_kill_at_any_point_keeps_every_confirmed_save(
    store: Store, data_dir: Path, fold_at: int
) -> None:
    confirmed: set[str] = set()
    for round_ in range(6):
        proc = _start(data_dir, f"r{round_}", fold_at)
        assert proc.stdout is not None
        for _ in range(3 + 4 * round_):  # a different moment of the save each round
            confirmed.add(proc.stdout.readline().strip())
        proc.kill()
        proc.wait()
        confirmed.update(line.strip() for line in proc.stdout if line.strip())
        found = set(whats(data_dir))
        assert confirmed <= found
        assert len(found) == len(Store.open(data_dir).connections.all())


def test_two_processes_appending_and_folding_at_once_lose_nothing(
    store: Store, data_dir: Path
) -> None:
    procs = [_start(data_dir, name, 4000) for name in ("a", "b")]
    confirmed: set[str] = set()
    for proc in procs:
        assert proc.stdout is not None
        for _ in range(60):
            confirmed.add(proc.stdout.readline().strip())
    for proc in procs:
        proc.kill()
        proc.wait()
        assert proc.stdout is not None
        confirmed.update(line.strip() for line in proc.stdout if line.strip())
    assert confirmed <= set(whats(data_dir))
    assert main(["--data-dir", str(data_dir), "check"]) == 0


def test_quitting_the_app_folds_the_journal(
    store: Store, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reconnect.cli import main as cli_main

    store.connections.add(hello(1))
    store.connections.add(hello(2))
    assert journal_of(data_dir).exists()
    monkeypatch.setattr(cli_main, "run_quietly", lambda app: 0)  # the app ran and quit
    assert main(["--data-dir", str(data_dir)]) == 0
    assert not journal_of(data_dir).exists()
    assert b"hello 2" in (data_dir / DATA_FILE_NAME).read_bytes()


def test_a_writer_killed_before_it_left_its_token_is_still_seen(
    store: Store, data_dir: Path
) -> None:
    store.connections.add(hello(1))
    lock = data_dir / (DATA_FILE_NAME + ".lock")
    token = lock.read_bytes()
    Store.open(data_dir).connections.add(hello(2))  # another process...
    lock.write_bytes(token)  # ...killed between its journal line and its token
    store.connections.add(hello(3))
    assert whats(data_dir) == ["hello 1", "hello 2", "hello 3"]
    assert main(["--data-dir", str(data_dir), "check"]) == 0


def test_a_line_appended_behind_the_lock_is_never_cut_or_written_after(
    store: Store, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.connections.add(hello(1))
    path = journal_of(data_dir)
    monkeypatch.setattr(store.storage, "disk_stamp", lambda: store.storage._stamp)
    extra = journal.save_line([journal.Change("people", "9", b'{"id":"x"}')])
    with path.open("ab") as handle:  # a program that ignores the lock
        handle.write(extra)
    with pytest.raises(journal.JournalChanged):
        store.connections.add(hello(2))
    assert path.read_bytes().endswith(extra)
