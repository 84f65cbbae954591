"""The encryption commands as a person (or a script) uses them: the passphrase from a
file or the keyring, one line and a distinct status for each way of failing, sealed
backups, a warning before a plain report."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend

from reconnect.cli.main import main
from reconnect.store.folder_key import key_file_path, read_key_file
from reconnect.store.store import DATA_FILE_NAME
from tests.encryption_helpers import (
    NEW_PASSPHRASE,
    PASSPHRASE,
    SECRETS,
    cheap_scrypt,  # noqa: F401 (a fixture)
    digest,
    passphrase_file,
    plaintext_found,
)

LOG = ["log", f"tea with {SECRETS[1]}", "--counterpart", "friend", "--depth", "3", "--comfort", "4"]


def reconnect(
    *args: str, data_dir: Path, passphrase: Path | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    """The real command, with no terminal attached (stdin is not a tty)."""
    environ = {**os.environ, "RECONNECT_DATA_DIR": str(data_dir), **env}
    environ.pop("RECONNECT_PASSPHRASE_FILE", None)
    if passphrase is not None:
        environ["RECONNECT_PASSPHRASE_FILE"] = str(passphrase)
    return subprocess.run(
        [sys.executable, "-m", "reconnect", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=environ,
        stdin=subprocess.DEVNULL,
    )


@pytest.fixture
def encrypted(tmp_path: Path, data_dir: Path) -> Path:
    """An encrypted folder holding one moment; the passphrase's file."""
    pw = passphrase_file(tmp_path, PASSPHRASE)
    assert reconnect(*LOG, data_dir=data_dir).returncode == 0
    done = reconnect("encrypt", data_dir=data_dir, passphrase=pw)
    assert done.returncode == 0, done.stderr
    assert "encrypted" in done.stdout
    return pw


def test_every_way_of_failing_to_open_has_a_line_and_a_status_and_changes_nothing(
    tmp_path: Path, data_dir: Path, encrypted: Path
) -> None:
    before = digest(data_dir)
    wrong = passphrase_file(tmp_path, "not it at all", "wrong")
    cases = {
        3: reconnect(*LOG, data_dir=data_dir),  # no terminal, no file
        4: reconnect(*LOG, data_dir=data_dir, passphrase=wrong),
    }
    assert digest(data_dir) == before
    data = data_dir / DATA_FILE_NAME
    whole = data.read_bytes()
    data.write_bytes(whole[: len(whole) // 2])
    cut_digest = digest(data_dir)
    cases[6] = reconnect(*LOG, data_dir=data_dir, passphrase=encrypted)
    assert digest(data_dir) == cut_digest
    flipped = bytearray(whole)
    flipped[-20] ^= 0x40
    data.write_bytes(bytes(flipped))
    flipped_digest = digest(data_dir)
    cases[5] = reconnect(*LOG, data_dir=data_dir, passphrase=encrypted)
    assert digest(data_dir) == flipped_digest
    words = {
        3: "no passphrase was given",
        4: "does not open",
        5: "damaged or was changed",
        6: "cut short",
    }
    for status, result in cases.items():
        assert result.returncode == status, (status, result.stderr)
        assert "Traceback" not in result.stderr
        assert words[status] in result.stderr.splitlines()[0]


def test_log_check_and_export_honour_the_passphrase_file(
    data_dir: Path, encrypted: Path, tmp_path: Path
) -> None:
    saved = reconnect(*LOG, data_dir=data_dir, passphrase=encrypted)
    assert saved.returncode == 0, saved.stderr
    assert plaintext_found(data_dir) == []
    checked = reconnect("check", data_dir=data_dir, passphrase=encrypted)
    assert checked.returncode == 0 and "2 connections" in checked.stdout
    assert "It is encrypted" in checked.stdout
    report = tmp_path / "report.md"
    exported = reconnect(
        "export", "--format", "md", "-o", str(report), data_dir=data_dir, passphrase=encrypted
    )
    assert exported.returncode == 0
    assert "your data is encrypted, but this md file is not" in exported.stderr


def test_passphrase_change_from_files_then_only_the_new_one_opens(
    tmp_path: Path, data_dir: Path, encrypted: Path
) -> None:
    new = passphrase_file(tmp_path, NEW_PASSPHRASE, "new")
    changed = reconnect(
        "passphrase",
        data_dir=data_dir,
        passphrase=encrypted,
        RECONNECT_NEW_PASSPHRASE_FILE=str(new),
    )
    assert changed.returncode == 0, changed.stderr
    assert reconnect(*LOG, data_dir=data_dir, passphrase=encrypted).returncode == 4
    assert reconnect(*LOG, data_dir=data_dir, passphrase=new).returncode == 0


def test_decrypt_then_plain_commands_need_nothing(data_dir: Path, encrypted: Path) -> None:
    done = reconnect("decrypt", data_dir=data_dir, passphrase=encrypted)
    assert done.returncode == 0, done.stderr
    assert not key_file_path(data_dir).exists()
    assert SECRETS[1].encode() in (data_dir / DATA_FILE_NAME).read_bytes()
    assert reconnect(*LOG, data_dir=data_dir).returncode == 0


def test_encrypt_twice_and_decrypt_a_plain_folder_are_refused_plainly(
    data_dir: Path, encrypted: Path, tmp_path: Path
) -> None:
    again = reconnect("encrypt", data_dir=data_dir, passphrase=encrypted)
    assert again.returncode == 2 and "already encrypted" in again.stderr
    plain = tmp_path / "plain"
    refused = reconnect("decrypt", data_dir=plain)
    assert refused.returncode == 2 and "not encrypted" in refused.stderr


def test_a_short_new_passphrase_is_refused_and_nothing_changes(
    tmp_path: Path, data_dir: Path
) -> None:
    assert reconnect(*LOG, data_dir=data_dir).returncode == 0
    before = digest(data_dir)
    short = passphrase_file(tmp_path, "short")
    refused = reconnect("encrypt", data_dir=data_dir, passphrase=short)
    assert refused.returncode == 2 and "at least 8 characters" in refused.stderr
    assert digest(data_dir) == before


# --- sealed backups ------------------------------------------------------------------


@pytest.mark.usefixtures("cheap_scrypt")
def test_an_encrypted_backup_holds_no_plaintext_and_imports_with_its_passphrase(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    assert main(LOG) == 0
    pw = passphrase_file(tmp_path, PASSPHRASE)
    monkeypatch.setenv("RECONNECT_PASSPHRASE_FILE", str(pw))
    backup = tmp_path / "backup.json"
    # A plain folder: --encrypt asks for a passphrase (here: the file).
    assert main(["export", "--format", "json", "--encrypt", "-o", str(backup)]) == 0
    assert SECRETS[1].encode() not in backup.read_bytes()
    assert "encrypted" in capsys.readouterr().out
    elsewhere = tmp_path / "elsewhere"
    monkeypatch.setenv("RECONNECT_DATA_DIR", str(elsewhere))
    assert main(["import", str(backup)]) == 0
    assert "Added 1 record" in capsys.readouterr().out
    wrong = passphrase_file(tmp_path, "not the passphrase", "wrong")
    monkeypatch.setenv("RECONNECT_PASSPHRASE_FILE", str(wrong))
    assert main(["import", str(backup)]) == 4


@pytest.mark.usefixtures("cheap_scrypt")
def test_an_encrypted_folder_backs_up_sealed_by_default_with_its_own_passphrase(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    pw = passphrase_file(tmp_path, PASSPHRASE)
    monkeypatch.setenv("RECONNECT_PASSPHRASE_FILE", str(pw))
    assert main(LOG) == 0
    assert main(["encrypt"]) == 0
    backup = tmp_path / "b.json"
    assert main(["export", "--format", "json", "-o", str(backup)]) == 0
    assert SECRETS[1].encode() not in backup.read_bytes()
    plain = tmp_path / "plain.json"
    assert main(["export", "--format", "json", "--no-encrypt", "-o", str(plain)]) == 0
    assert "this json file is not" in capsys.readouterr().err
    assert SECRETS[1].encode() in plain.read_bytes()
    assert main(["export", "--format", "csv", "--encrypt", "-o", str(tmp_path / "c")]) == 2


# --- the keyring ---------------------------------------------------------------------


class MemoryKeyring(KeyringBackend):
    """A keyring in a dict: the real ones need a desktop session."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.kept.pop((service, username), None)


@pytest.mark.usefixtures("cheap_scrypt")
def test_remember_keeps_the_passphrase_in_the_keyring_until_decrypt(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import keyring

    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    assert main(LOG) == 0
    pw = passphrase_file(tmp_path, PASSPHRASE)
    monkeypatch.setenv("RECONNECT_PASSPHRASE_FILE", str(pw))
    assert main(["encrypt", "--remember"]) == 0
    assert list(memory.kept.values()) == [PASSPHRASE]
    monkeypatch.delenv("RECONNECT_PASSPHRASE_FILE")
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert main(LOG) == 0  # no file, no terminal: the keyring gives it
    assert main(["decrypt"]) == 0
    assert memory.kept == {}
    assert read_key_file(data_dir) is None


# A process killed outright (os._exit: no cleanup, temp files left) as its N-th file
# write of the change begins.
KILLED_AT = """\
import os, sys
from reconnect.store import atomic, encryption, storage
real, count = atomic.atomic_write, [0]
def dying(*args, **kwargs):
    count[0] += 1
    if count[0] > int(sys.argv[1]):
        os._exit(9)
    real(*args, **kwargs)
encryption.atomic_write = storage.atomic_write = dying
from reconnect.cli.main import main
sys.exit(main(sys.argv[2:]))
"""


@pytest.mark.parametrize("command", ["encrypt", "decrypt", "passphrase"])
@pytest.mark.parametrize("writes", [0, 1, 2, 3])
def test_a_kill_during_a_change_leaves_a_folder_that_opens_with_old_or_new(
    tmp_path: Path, data_dir: Path, command: str, writes: int
) -> None:
    old = passphrase_file(tmp_path, PASSPHRASE)
    new = passphrase_file(tmp_path, NEW_PASSPHRASE, "new")
    assert reconnect(*LOG, data_dir=data_dir).returncode == 0
    if command != "encrypt":
        assert reconnect("encrypt", data_dir=data_dir, passphrase=old).returncode == 0
    assert reconnect(*LOG, data_dir=data_dir, passphrase=old).returncode == 0  # a journal
    env = {
        **os.environ,
        "RECONNECT_DATA_DIR": str(data_dir),
        "RECONNECT_PASSPHRASE_FILE": str(new if command == "encrypt" else old),
        "RECONNECT_NEW_PASSPHRASE_FILE": str(new),
    }
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_AT, str(writes), command],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        stdin=subprocess.DEVNULL,
    )
    assert killed.returncode in (0, 9), killed.stderr
    opened = [
        reconnect("check", data_dir=data_dir, passphrase=pw)
        for pw in (old, new, passphrase_file(tmp_path, "", "none"))
    ]
    good = [r for r in opened if r.returncode == 0]
    assert good, [r.stderr for r in opened]
    assert "2 connections" in good[0].stdout
    if read_key_file(data_dir) is not None and read_key_file(data_dir).pending:
        assert "stopped midway" in good[0].stdout
    # The next open finishes the change: no plain word left when it is encrypted.
    pw = next(p for p, r in zip((old, new), opened, strict=False) if r.returncode == 0)
    assert reconnect(*LOG, data_dir=data_dir, passphrase=pw).returncode == 0
    if read_key_file(data_dir) is not None:
        assert read_key_file(data_dir).pending is None
        assert plaintext_found(data_dir) == []
