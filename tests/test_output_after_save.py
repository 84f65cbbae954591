"""Once a command has saved, its exit status says so, whatever becomes of its output: a
script that retries on failure must not save the same moment twice."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reconnect.store.store import Store

LOG = ["log", "Said hi", "--counterpart", "neighbour", "--depth", "1", "--comfort", "3"]


def _run(data_dir: Path, args: list[str], stdout: int | None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reconnect", "--data-dir", str(data_dir), *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
    )


def _broken_pipe() -> int:
    """The write end of a pipe nobody reads any more: every write is EPIPE."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    return write_end


@pytest.mark.parametrize("output", ["broken pipe", "full device"])
def test_a_saved_moment_exits_0_when_its_words_cannot_be_printed(
    data_dir: Path, output: str
) -> None:
    if output == "full device" and not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    target = _broken_pipe() if output == "broken pipe" else os.open("/dev/full", os.O_WRONLY)
    try:
        result = _run(data_dir, LOG, target)
    finally:
        os.close(target)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert Store.open(data_dir).connections.count() == 1


def test_a_closed_stdout_still_saves_and_exits_0(data_dir: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reconnect", "--data-dir", str(data_dir), *LOG],
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
        preexec_fn=lambda: os.close(1),
    )
    assert result.returncode == 0, result.stderr
    assert Store.open(data_dir).connections.count() == 1


def test_import_and_export_exit_0_once_written_when_the_pipe_is_gone(
    data_dir: Path, tmp_path: Path
) -> None:
    assert _run(data_dir, LOG, subprocess.DEVNULL).returncode == 0
    backup = tmp_path / "backup.json"
    target = _broken_pipe()
    try:
        exported = _run(data_dir, ["export", "--format", "json", "-o", str(backup)], target)
        imported = _run(tmp_path / "fresh", ["import", str(backup)], target)
    finally:
        os.close(target)
    assert (exported.returncode, imported.returncode) == (0, 0), exported.stderr + imported.stderr
    assert Store.open(tmp_path / "fresh").connections.count() == 1
