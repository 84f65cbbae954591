"""A file we don't fully understand is never written.

Every file of the corpus in tests/data/malformed goes through every command in a real
process: the exit status says what happened, no traceback reaches the person, and the
data file's bytes are the same afterwards.
"""

from __future__ import annotations

import hashlib
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from reconnect.store.migrations import SCHEMA_VERSION
from reconnect.store.store import DATA_FILE_NAME, Store
from tests.conftest import PINNED_TODAY

CORPUS = Path(__file__).parent / "data" / "malformed"
DATA_CASES = sorted(p.name for p in (CORPUS / "data").iterdir())
IMPORT_CASES = sorted(p.name for p in (CORPUS / "imports").iterdir())
EXIT_USAGE, EXIT_DATA_FILE = 2, 3
LOCK_FILE_NAME = DATA_FILE_NAME + ".lock"  # ours, holds no data


def reconnect(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "RECONNECT_DATA_DIR": str(data_dir)}
    cmd = [sys.executable, "-m", "reconnect", *args]
    return subprocess.run(
        cmd, capture_output=True, text=True, timeout=60, env=env, stdin=subprocess.DEVNULL
    )


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def every_command(tmp_path: Path) -> list[tuple[str, ...]]:
    backup = tmp_path / "backup.json"
    if not backup.exists():
        source = Store.open(tmp_path / "source")
        del source
        result = reconnect(tmp_path / "source", "export", "--format", "json", "-o", str(backup))
        assert result.returncode == 0, result.stderr
    return [
        ("check",),
        ("--today", PINNED_TODAY.isoformat()),  # the app's own open
        ("log", "Said hi", "--counterpart", "neighbour", "--depth", "1", "--comfort", "3"),
        ("today",),
        ("import", str(backup)),
        ("export", "--format", "json", "-o", str(tmp_path / "out.json")),
    ]


def assert_refused(result: subprocess.CompletedProcess[str], status: int) -> None:
    said = result.stdout + result.stderr
    assert result.returncode == status, said
    assert "Traceback" not in said
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert 1 <= len(lines) <= 2, said  # the problem, and what to do


@pytest.mark.parametrize("case", DATA_CASES)
def test_a_malformed_data_file_is_refused_and_left_as_it_was(tmp_path: Path, case: str) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o700)
    path = data_dir / DATA_FILE_NAME
    path.write_bytes((CORPUS / "data" / case).read_bytes())
    before = sha256(path)
    for args in every_command(tmp_path):
        result = reconnect(data_dir, *args)
        assert_refused(result, EXIT_DATA_FILE)
        assert sha256(path) == before, args
    assert {p.name for p in data_dir.iterdir()} <= {DATA_FILE_NAME, LOCK_FILE_NAME}


@pytest.mark.parametrize("case", IMPORT_CASES)
def test_a_malformed_import_is_refused_and_nothing_changes(tmp_path: Path, case: str) -> None:
    data_dir = tmp_path / "data"
    reconnect(
        data_dir, "log", "Said hi", "--counterpart", "neighbour", "--depth", "1", "--comfort", "3"
    )
    path = data_dir / DATA_FILE_NAME
    before = sha256(path)
    for extra in ((), ("--check",)):
        result = reconnect(data_dir, "import", str(CORPUS / "imports" / case), *extra)
        assert_refused(result, EXIT_USAGE)
        assert sha256(path) == before


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _socket(path: Path) -> None:
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(path))
    sock.close()


def _folder(path: Path) -> None:
    path.mkdir()


def _dangling_link(path: Path) -> None:
    path.symlink_to(path.with_name("gone.json"))


def _link_to_fifo(path: Path) -> None:
    os.mkfifo(path.with_name("pipe"))
    path.symlink_to(path.with_name("pipe"))


@pytest.mark.parametrize("make", [_fifo, _socket, _folder, _dangling_link, _link_to_fifo])
def test_what_is_not_an_ordinary_file_is_refused_without_blocking(tmp_path: Path, make) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o700)
    make(data_dir / DATA_FILE_NAME)
    listing = {p.name for p in data_dir.iterdir()}
    for args in every_command(tmp_path):
        result = reconnect(data_dir, *args)  # the timeout catches a hang
        assert_refused(result, EXIT_DATA_FILE)
    assert {p.name for p in data_dir.iterdir()} - {LOCK_FILE_NAME} == listing


@pytest.mark.parametrize("make", [_fifo, _folder])
def test_an_import_that_is_not_an_ordinary_file_is_refused(tmp_path: Path, make) -> None:
    target = tmp_path / "plan.json"
    make(target)
    result = reconnect(tmp_path / "data", "import", str(target))
    assert_refused(result, EXIT_USAGE)


def test_an_upgrade_keeps_the_original_and_says_where(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o700)
    path = data_dir / DATA_FILE_NAME
    original = (
        b'{"connections": {"1": {"at": "2026-11-20T18:30:00+00:00", "what": "hi", '
        b'"counterpart": "neighbour", "depth": 1, "comfort": 3}}}'
    )
    path.write_bytes(original)
    checked = reconnect(data_dir, "check")
    assert checked.returncode == 0, checked.stderr
    assert path.read_bytes() == original  # check never writes
    assert sorted(p.name for p in data_dir.iterdir()) == [DATA_FILE_NAME]
    result = reconnect(
        data_dir, "log", "Hello", "--counterpart", "friend", "--depth", "2", "--comfort", "4"
    )
    assert result.returncode == 0, result.stderr
    kept = data_dir / f"{DATA_FILE_NAME}.before-schema-{SCHEMA_VERSION}"
    assert kept.read_bytes() == original
    assert kept.stat().st_mode & 0o777 == 0o600
    assert str(kept) in result.stderr
    assert Store.open(data_dir).connections.count() == 2


def test_the_app_stops_on_damage_found_while_running(
    demo_store: Store, data_dir: Path, make_test_app, capsys: pytest.CaptureFixture[str]
) -> None:
    from reconnect.cli.main import run_quietly

    path = data_dir / DATA_FILE_NAME
    app = make_test_app(demo_store)

    async def damage_it(pilot) -> None:
        await pilot.pause()
        path.write_bytes(b'{"connections": {"1": {"depth": NaN}}}')
        app.call_later(app.check_for_outside_changes)  # what the timer does every 2 s
        await pilot.pause()

    status = run_quietly(app, headless=True, auto_pilot=damage_it)
    err = capsys.readouterr().err
    assert status == EXIT_DATA_FILE
    assert "The data file is damaged" in err and "Traceback" not in err
    assert path.read_bytes() == b'{"connections": {"1": {"depth": NaN}}}'


def test_an_unexpected_error_in_the_app_is_one_line_and_a_crash_log(
    store: Store,
    make_test_app,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from reconnect.cli.main import run_quietly

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    app = make_test_app(store)

    async def break_it(pilot) -> None:
        await pilot.pause()
        app.call_later(lambda: 1 / 0)
        await pilot.pause()

    status = run_quietly(app, headless=True, auto_pilot=break_it)
    err = capsys.readouterr().err
    assert status == 1
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    [log] = (tmp_path / "state").rglob("crash-*.log")
    assert "ZeroDivisionError" in log.read_text()
    assert log.stat().st_mode & 0o777 == 0o600
    assert str(log) in err


def test_an_unexpected_error_in_a_command_is_one_line_and_a_crash_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from reconnect.cli import main as cli

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))

    def broken(args: object) -> int:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setitem(cli.COMMANDS, "where", broken)
    assert cli.main(["where"]) == 1
    err = capsys.readouterr().err
    assert "RecursionError" in err and "Traceback" not in err
    [log] = (tmp_path / "state").rglob("crash-*.log")
    assert "Traceback" in log.read_text()


def test_a_file_in_another_layout_is_kept_before_our_first_write(tmp_path: Path) -> None:
    import json

    data_dir = tmp_path / "data"
    reconnect(data_dir, "log", "Hi", "--counterpart", "friend", "--depth", "2", "--comfort", "3")
    path = data_dir / DATA_FILE_NAME
    pretty = json.dumps(json.loads(path.read_bytes()), indent=4).encode()  # as an editor would
    path.write_bytes(pretty)
    assert reconnect(data_dir, "check").returncode == 0
    result = reconnect(
        data_dir, "log", "Hello", "--counterpart", "friend", "--depth", "2", "--comfort", "4"
    )
    assert result.returncode == 0, result.stderr
    kept = data_dir / f"{DATA_FILE_NAME}.before-rewrite"
    assert kept.read_bytes() == pretty and str(kept) in result.stderr
    assert Store.open(data_dir).connections.count() == 2
