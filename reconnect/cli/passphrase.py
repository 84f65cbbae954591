"""Where a command gets an encrypted folder's passphrase, in this order:

1. the first line of the file named by RECONNECT_PASSPHRASE_FILE (scripts and tests;
   RECONNECT_NEW_PASSPHRASE_FILE gives the new one to `reconnect passphrase`);
2. the system keyring, when the person opted in on this machine (`--remember`);
3. asking, without echo, when a terminal is attached (three tries).

With none of them the command stops with NoPassphrase (exit status 3, one line).
"""

from __future__ import annotations

import contextlib
import getpass
import os
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reconnect.store.errors import DataFileError
from reconnect.store.folder_key import (
    FolderKey,
    KeyFile,
    NoPassphrase,
    WrongPassphrase,
    key_file_path,
    read_key_file,
)
from reconnect.store.paths import data_dir

if TYPE_CHECKING:
    from reconnect.store.store import Store

PASSPHRASE_FILE_ENV = "RECONNECT_PASSPHRASE_FILE"
NEW_PASSPHRASE_FILE_ENV = "RECONNECT_NEW_PASSPHRASE_FILE"
KEYRING_SERVICE = "reconnect"
TRIES = 3
# Shorter than this is refused: a passphrase guessed in minutes protects nothing.
MIN_LENGTH = 8


class PassphraseRefused(ValueError):
    """A new passphrase that cannot be used (too short, the two differ)."""


def from_file(env: str = PASSPHRASE_FILE_ENV) -> str | None:
    """The first line of the file named by `env`; None when it is not set."""
    name = os.environ.get(env)
    if not name:
        return None
    try:
        with open(name, encoding="utf-8") as handle:
            line = handle.readline()
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise PassphraseRefused(f"{env} names {name}, which cannot be read ({reason})") from None
    return line.rstrip("\r\n")


def has_terminal() -> bool:
    return sys.stdin.isatty() and sys.stderr.isatty()


def ask(prompt: str) -> str:
    """Ask without echo (on the terminal); NoPassphrase-worthy callers check first."""
    return getpass.getpass(prompt, stream=sys.stderr)


def _keyring_name(folder: Path) -> str:
    return str(Path(os.path.abspath(folder)))


def remembered(folder: Path) -> str | None:
    """The passphrase kept in the system keyring for this folder, when opted in."""
    from reconnect.settings import load_settings

    if _keyring_name(folder) not in load_settings()[0].remembered_folders:
        return None
    try:
        import keyring
        from keyring.errors import KeyringError

        return keyring.get_password(KEYRING_SERVICE, _keyring_name(folder))
    except (ImportError, KeyringError, RuntimeError):
        return None


def remember(folder: Path, passphrase: str | None) -> str:
    """Keep (or, with None, drop) the folder's passphrase in the keyring; what was done."""
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    from reconnect.settings import load_settings, save_settings

    name = _keyring_name(folder)
    settings, _ = load_settings()
    folders = [f for f in settings.remembered_folders if f != name]
    try:
        if passphrase is None:
            if name not in settings.remembered_folders:
                return ""
            with contextlib.suppress(PasswordDeleteError):
                keyring.delete_password(KEYRING_SERVICE, name)
            said = "The passphrase is no longer kept in this machine's keyring."
        else:
            keyring.set_password(KEYRING_SERVICE, name, passphrase)
            folders.append(name)
            said = "The passphrase is kept in this machine's keyring: it will not be asked here."
    except (KeyringError, RuntimeError) as exc:
        return f"The system keyring could not be used ({exc}); the passphrase will be asked."
    save_settings(settings.model_copy(update={"remembered_folders": folders}))
    return said


def _unlocked_without_asking(folder: Path, key_file: KeyFile) -> FolderKey | None:
    """The key opened with the passphrase file or the keyring; None when neither gives
    one. A wrong passphrase from the file raises; one from the keyring is said, and the
    person is asked (it was changed on another machine)."""
    path = key_file_path(folder)
    given = from_file()
    if given is not None:
        return key_file.unlock(given, path)
    kept = remembered(folder)
    if kept is None:
        return None
    try:
        return key_file.unlock(kept, path)
    except WrongPassphrase:
        print(
            "reconnect: the passphrase kept in the keyring no longer opens this folder.",
            file=sys.stderr,
        )
        return None


# Keys being opened in the background while a command loads its code (unlock_early).
_EARLY: dict[Path, tuple[threading.Thread, dict[str, Any]]] = {}


def unlock_early(folder: Path) -> None:
    """Begin opening an encrypted folder's key in a thread when no one has to be asked:
    scrypt releases the GIL, so its quarter of a second runs beside the imports of the
    command (pydantic, the models, Textual) instead of after them."""
    try:
        key_file = read_key_file(folder)
    except DataFileError:
        return  # said when the command opens the folder
    if key_file is None:
        return
    box: dict[str, Any] = {}

    def work() -> None:
        try:
            box["key"] = _unlocked_without_asking(folder, key_file)
        except BaseException as exc:  # raised where the key is asked for
            box["error"] = exc

    thread = threading.Thread(target=work, name="unlock", daemon=True)
    _EARLY[Path(os.path.abspath(folder))] = (thread, box)
    thread.start()


def _early_result(folder: Path) -> tuple[bool, FolderKey | None]:
    """Whether the key was looked for early, and what was found."""
    early = _EARLY.pop(Path(os.path.abspath(folder)), None)
    if early is None:
        return False, None
    thread, box = early
    thread.join()
    if "error" in box:
        raise box["error"]
    return True, box.get("key")


def folder_key(folder: Path, may_ask: bool = True) -> FolderKey | None:
    """The unlocked key of an encrypted folder; None for a plain one. Raises
    NoPassphrase (nothing gave one and, with `may_ask`, no terminal to ask at),
    WrongPassphrase, KeyFileDamaged, PassphraseRefused."""
    looked, given = _early_result(folder)
    if given is not None:
        return given
    key_file = read_key_file(folder)
    if key_file is None:
        return None
    if not looked:
        given = _unlocked_without_asking(folder, key_file)
        if given is not None:
            return given
    if not may_ask or not has_terminal():
        raise NoPassphrase(folder)
    for attempt in range(TRIES):
        try:
            return key_file.unlock(ask(f"Passphrase for {folder}: "), key_file_path(folder))
        except WrongPassphrase:
            if attempt == TRIES - 1:
                raise
            print("That passphrase does not open it; try again.", file=sys.stderr)
    raise NoPassphrase(folder)  # not reached


def new_passphrase(folder: Path, env: str = PASSPHRASE_FILE_ENV) -> str:
    """A new passphrase: from the file named by `env`, else asked twice."""
    given = from_file(env)
    if given is None:
        if not has_terminal():
            raise PassphraseRefused(
                f"no new passphrase was given: run this in a terminal, or set {env} to a "
                "file whose first line is the new passphrase"
            )
        return _new_at_the_terminal()
    if len(given) < MIN_LENGTH:
        raise PassphraseRefused(f"{_TOO_SHORT}; nothing was changed")
    return given


_TOO_SHORT = (
    f"a passphrase needs at least {MIN_LENGTH} characters (a few words are easy to "
    "remember and hard to guess)"
)


def _new_at_the_terminal() -> str:
    """Asked twice; a short one is refused before the second asking, and a slip is
    asked again, as a wrong passphrase is, rather than ending the command."""
    for attempt in range(TRIES):
        given = ask("New passphrase: ")
        if len(given) < MIN_LENGTH:
            problem = _TOO_SHORT
        elif ask("The same again: ") != given:
            problem = "the two passphrases differ"
        else:
            return given
        if attempt < TRIES - 1:
            print(f"{problem[0].upper()}{problem[1:]}; try again.", file=sys.stderr)
    raise PassphraseRefused(f"{problem}; nothing was changed")


def open_store(explicit_dir: str | os.PathLike[str] | None, may_ask: bool = True) -> Store:
    """The store of the data folder a command names, unlocked when it is encrypted
    (asked at a terminal only with `may_ask`)."""
    from reconnect.store.store import Store

    folder = data_dir(explicit_dir)
    return Store.open(folder, key=folder_key(folder, may_ask=may_ask))
