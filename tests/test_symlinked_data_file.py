"""A data file that is a symlink stays one: every write replaces the file it points at,
beside itself, with its lock and journal there too. A link to nothing is refused."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reconnect.settings import Settings, load_settings, save_settings
from reconnect.store.errors import DataFileError
from reconnect.store.store import DATA_FILE_NAME, Store
from tests.conftest import PINNED_TODAY
from tests.test_store import hello

EXIT_DATA_FILE = 3
LOG = ("log", "Said hi", "--counterpart", "neighbour", "--depth", "1", "--comfort", "3")


def linked(tmp_path: Path) -> tuple[Path, Path]:
    """A data folder whose data file links to one in another folder (already in use)."""
    elsewhere = tmp_path / "synced"
    Store.open(elsewhere).connections.add(hello(1))
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o700)
    (data_dir / DATA_FILE_NAME).symlink_to(elsewhere / DATA_FILE_NAME)
    return data_dir, elsewhere


def reconnect(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "RECONNECT_DATA_DIR": str(data_dir)}
    return subprocess.run(
        [sys.executable, "-m", "reconnect", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        stdin=subprocess.DEVNULL,
    )


def test_a_linked_data_file_stays_a_link_through_every_kind_of_write(tmp_path: Path) -> None:
    data_dir, elsewhere = linked(tmp_path)
    store = Store.open(data_dir)
    store.connections.add(hello(2))  # a journal line
    assert (elsewhere / f"{DATA_FILE_NAME}.journal").exists()
    store.close()  # the journal folded in: the file written whole

    link = data_dir / DATA_FILE_NAME
    assert link.is_symlink() and link.resolve() == elsewhere / DATA_FILE_NAME
    assert [p.name for p in data_dir.iterdir()] == [DATA_FILE_NAME]  # nothing beside the link
    assert {p.name for p in elsewhere.iterdir()} == {DATA_FILE_NAME, f"{DATA_FILE_NAME}.lock"}
    assert [c.what for c in Store.open(elsewhere).connections.all()] == ["hello 1", "hello 2"]


def test_the_link_and_its_target_share_one_lock(tmp_path: Path) -> None:
    data_dir, elsewhere = linked(tmp_path)
    through_link, direct = Store.open(data_dir), Store.open(elsewhere)
    assert through_link.storage.lock_path == direct.storage.lock_path
    assert through_link.storage.journal.path == direct.storage.journal.path
    direct.connections.add(hello(2))
    assert through_link.refresh()
    assert len(through_link.connections.all()) == 2
    assert through_link.path == data_dir / DATA_FILE_NAME  # drafts stay in the data folder


def test_a_dangling_link_is_refused_and_nothing_is_made(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o700)
    gone = tmp_path / "unmounted" / DATA_FILE_NAME
    (data_dir / DATA_FILE_NAME).symlink_to(gone)
    with pytest.raises(DataFileError, match="which does not exist") as refused:
        Store.open(data_dir)
    assert str(gone) in str(refused.value) and "remove the link" in str(refused.value)
    assert [p.name for p in data_dir.iterdir()] == [DATA_FILE_NAME]  # not even a lock file
    assert not gone.parent.exists()


def test_the_shell_writes_through_a_link(tmp_path: Path) -> None:
    data_dir, elsewhere = linked(tmp_path)
    result = reconnect(data_dir, *LOG)
    assert result.returncode == 0, result.stderr
    assert (data_dir / DATA_FILE_NAME).is_symlink()
    assert len(Store.open(elsewhere).connections.all()) == 2


@pytest.mark.parametrize(
    "args", [LOG, ("--today", PINNED_TODAY.isoformat())], ids=["log", "the app"]
)
def test_the_shell_and_the_app_refuse_a_dangling_link_with_status_3(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o700)
    gone = tmp_path / "gone.json"
    (data_dir / DATA_FILE_NAME).symlink_to(gone)
    result = reconnect(data_dir, *args)
    assert result.returncode == EXIT_DATA_FILE, result.stderr
    lines = result.stderr.splitlines()
    assert lines == [
        f"reconnect: The data file is a link to {gone}, which does not exist: "
        f"{data_dir / DATA_FILE_NAME}",
        "Nothing was changed. Restore the file it points at, or remove the link.",
    ]
    assert not gone.exists() and (data_dir / DATA_FILE_NAME).is_symlink()


def test_a_linked_settings_file_stays_a_link(tmp_path: Path) -> None:
    """A dotfiles manager links settings.toml into place: saving keeps the link."""
    kept = tmp_path / "dotfiles" / "settings.toml"
    save_settings(Settings(theme="nord"), kept)
    link = tmp_path / "config" / "settings.toml"
    link.parent.mkdir()
    link.symlink_to(kept)
    save_settings(Settings(theme="gruvbox"), link)
    assert link.is_symlink()
    assert load_settings(kept)[0].theme == "gruvbox"
    assert [p.name for p in link.parent.iterdir()] == ["settings.toml"]
