"""Every file we write is 0600 and every folder 0700, whatever the umask; a data folder or
file found open to others is made private at open, and the person told once."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from reconnect.cli.crash import write_crash_log
from reconnect.logic.drafts import ReflectionDraft, draft_path, save_draft
from reconnect.settings import Settings, save_settings, settings_path
from reconnect.store.errors import drain_notices
from reconnect.store.journal import journal_path
from reconnect.store.store import DATA_FILE_NAME, Store
from reconnect.transfer.export import FORMATS, export
from tests.test_store import hello


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    """Everything in the test is written as if the person's umask let anyone in."""
    before = os.umask(0o000)
    try:
        yield
    finally:
        os.umask(before)


def assert_private(top: Path) -> None:
    """`top` and everything under it: folders 0700, files 0600."""
    found = [top, *top.rglob("*")]
    wrong = {
        str(p.relative_to(top.parent)): oct(mode(p))
        for p in found
        if mode(p) != (0o700 if p.is_dir() else 0o600)
    }
    assert not wrong


@pytest.mark.usefixtures("open_umask")
def test_the_data_folder_its_files_and_drafts_are_private(tmp_path: Path) -> None:
    data_dir = tmp_path / "deep" / "data"  # the folder above is made by us too
    store = Store.open(data_dir)
    store.connections.add(hello(1))  # a journal line
    assert journal_path(data_dir / DATA_FILE_NAME).exists()
    save_draft(draft_path(data_dir), ReflectionDraft(body="still writing"))
    store.close()  # folds the journal: the data file written whole
    store.connections.add(hello(2))
    assert sorted(p.name for p in data_dir.iterdir()) == [
        DATA_FILE_NAME,
        DATA_FILE_NAME + ".journal",
        DATA_FILE_NAME + ".lock",
        "reflection-draft.json",
    ]
    assert_private(tmp_path / "deep")


@pytest.mark.usefixtures("open_umask")
def test_the_original_kept_beside_an_upgraded_file_is_private(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o700)
    (data_dir / DATA_FILE_NAME).write_text(json.dumps({"people": {}}))  # no meta: upgraded
    Store.open(data_dir)
    drain_notices()
    assert any(p.name.startswith(f"{DATA_FILE_NAME}.before-schema") for p in data_dir.iterdir())
    assert_private(data_dir)


@pytest.mark.usefixtures("open_umask")
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_export_is_private(demo_store: Store, tmp_path: Path, fmt: str) -> None:
    output = tmp_path / "exports" / "nested" / f"out.{fmt}"
    day = date(2026, 11, 21)
    export(demo_store, fmt, output, start=day, end=day)
    assert output.exists()
    assert_private(tmp_path / "exports")


@pytest.mark.usefixtures("open_umask")
def test_the_settings_folder_and_file_are_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RECONNECT_CONFIG_DIR", str(tmp_path / "home" / "config" / "reconnect"))
    save_settings(Settings(theme="nord"))
    assert settings_path().exists()
    assert_private(tmp_path / "home")


@pytest.mark.usefixtures("open_umask")
def test_a_crash_log_and_its_folders_are_private(tmp_path: Path) -> None:
    log = write_crash_log("Traceback: a private detail")
    assert log is not None and log.is_relative_to(tmp_path / "state")
    assert_private(tmp_path / "state")


def test_a_data_folder_open_to_others_is_made_private_with_one_notice(data_dir: Path) -> None:
    Store.open(data_dir).connections.add(hello())
    Store.open(data_dir).close()  # the journal folded in: no journal file left to check
    drain_notices()
    os.chmod(data_dir, 0o755)
    os.chmod(data_dir / DATA_FILE_NAME, 0o644)

    Store.open(data_dir)
    told = drain_notices()
    assert mode(data_dir) == 0o700
    assert mode(data_dir / DATA_FILE_NAME) == 0o600
    assert len(told) == 2
    assert str(data_dir) in told[0] and "755" in told[0] and "private" in told[0]
    assert str(data_dir / DATA_FILE_NAME) in told[1] and "644" in told[1]
    assert all("\n" not in notice for notice in told)  # one line each

    Store.open(data_dir)
    assert drain_notices() == []  # told once: it is private now


def test_a_data_folder_not_ours_to_change_is_said_and_still_opens(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reconnect.store import files

    Store.open(data_dir)
    os.chmod(data_dir, 0o770)  # a shared folder, owned by someone else

    def not_the_owner(path: object, mode: int) -> None:
        raise PermissionError(1, "Operation not permitted", str(path))

    monkeypatch.setattr(files.os, "chmod", not_the_owner)
    Store.open(data_dir).connections.add(hello())
    assert drain_notices() == [
        f"Your data folder {data_dir} could be opened by other users (770), and it is not "
        "yours to change; ask its owner to make it private."
    ]


def test_a_refused_data_file_keeps_its_mode(data_dir: Path) -> None:
    """A file we will not use is left exactly as it was, its mode too."""
    from reconnect.store.errors import DataFileError

    data_dir.mkdir(mode=0o755)
    (data_dir / DATA_FILE_NAME).write_text("{ not json")
    os.chmod(data_dir / DATA_FILE_NAME, 0o644)
    with pytest.raises(DataFileError):
        Store.open(data_dir)
    assert (mode(data_dir), mode(data_dir / DATA_FILE_NAME)) == (0o755, 0o644)
    assert drain_notices() == []


def test_the_shell_prints_the_notice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from reconnect.cli.main import main

    data_dir = tmp_path / "data"
    Store.open(data_dir)
    drain_notices()
    os.chmod(data_dir, 0o750)
    assert main(["--data-dir", str(data_dir), "check"]) == 0  # check changes nothing
    assert mode(data_dir) == 0o750
    said = ["log", "Said hi", "--counterpart", "neighbour", "--depth", "1", "--comfort", "3"]
    assert main(["--data-dir", str(data_dir), *said]) == 0
    assert mode(data_dir) == 0o700
    told = [line for line in capsys.readouterr().err.splitlines() if "private to you" in line]
    assert told == [
        f"reconnect: Your data folder {data_dir} could be opened by other users (750); it "
        "is now private to you (700)."
    ]


async def test_the_app_shows_the_notice(data_dir: Path) -> None:
    from reconnect.app import make_app
    from reconnect.delays import IMMEDIATE
    from tests.conftest import PINNED_TODAY

    Store.open(data_dir)
    os.chmod(data_dir, 0o755)
    app = make_app(data_dir, today=PINNED_TODAY, settings=Settings(), delays=IMMEDIATE)
    async with app.run_test() as pilot:
        await pilot.pause()
        shown = [(n.title, n.message) for n in app._notifications]
    assert (
        "About your files",
        f"Your data folder {data_dir} could be opened by other users (755); it is now "
        "private to you (700).",
    ) in shown
    assert mode(data_dir) == 0o700
