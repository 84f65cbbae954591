"""The store's cross-process lock (portalocker on the handle the store opened)."""

from __future__ import annotations

import errno
import subprocess
import sys
from pathlib import Path

import portalocker
import pytest

from reconnect.store import file_lock
from reconnect.store.files import open_lock_file
from reconnect.store.store import Store

# Another process tries flock itself: a reconnect of an older version locked with it.
TRY_FLOCK = """
import fcntl, sys
with open(sys.argv[1], "rb") as handle:
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        print("held")
    else:
        print("free")
"""


def other_process_finds(path: Path) -> str:
    out = subprocess.run(
        [sys.executable, "-c", TRY_FLOCK, str(path)], capture_output=True, text=True, check=True
    )
    return out.stdout.strip()


def test_the_lock_excludes_another_process_and_keeps_the_token(tmp_path: Path) -> None:
    path = tmp_path / "reconnect.json.lock"
    path.write_bytes(b"token-and-stamp")
    handle = open_lock_file(path)
    file_lock.lock_exclusive(handle)
    try:
        assert other_process_finds(path) == "held"
        assert path.read_bytes() == b"token-and-stamp"
    finally:
        file_lock.unlock(handle)
        handle.close()
    assert other_process_finds(path) == "free"


def test_the_store_holds_it_while_locked_and_lets_go_after(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "data")
    storage = store.storage
    with storage.locked():
        assert other_process_finds(storage.lock_path) == "held"
    assert other_process_finds(storage.lock_path) == "free"


def test_a_refusal_from_the_system_stays_an_oserror_and_closes_the_handle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(handle: object, flags: object) -> None:
        cause = OSError(errno.ENOLCK, "No locks available")
        raise portalocker.LockException(cause, str(cause)) from cause

    monkeypatch.setattr(portalocker, "lock", refuse)
    handle = open_lock_file(tmp_path / "x.lock")
    with pytest.raises(OSError) as raised:
        file_lock.lock_exclusive(handle)
    assert raised.value.errno == errno.ENOLCK
    assert handle.closed


def test_the_package_declares_the_platforms_it_runs_on() -> None:
    import tomllib

    root = Path(__file__).resolve().parent.parent
    project = tomllib.loads((root / "pyproject.toml").read_text())["project"]
    systems = {c for c in project["classifiers"] if c.startswith("Operating System ::")}
    assert systems == {"Operating System :: POSIX :: Linux", "Operating System :: MacOS"}
    # No POSIX-only module is imported directly by the store any more.
    assert "import fcntl" not in (root / "reconnect" / "store" / "storage.py").read_text()
