"""Opening the files of the data folder safely: never blocking on a FIFO or a device,
never following a dangling link into writing a file of our own, a folder private to the
user."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from reconnect.store.atomic import PRIVATE_FILE, PRIVATE_FOLDER, make_private_folder
from reconnect.store.errors import NOT_A_FILE_HINT, NOTICES, DataFileError

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def not_a_regular_file(mode: int) -> str | None:
    """What a file of this mode is, when it is not an ordinary file; else None."""
    if stat.S_ISREG(mode):
        return None
    return next((name for test, name in _KINDS if test(mode)), "not an ordinary file")


def read_regular_file(path: Path) -> tuple[bytes, os.stat_result]:
    """The bytes of an ordinary file (following a symlink), never blocking on a FIFO or
    a device. Raises FileNotFoundError, or DataFileError for anything else there."""
    try:
        kind = not_a_regular_file(os.stat(path).st_mode)
    except FileNotFoundError:
        if path.is_symlink():  # writing would replace the link with a file of our own
            raise _dangling(path) from None
        raise
    if kind is None:
        # O_NONBLOCK: should a FIFO be swapped in after the stat, opening it cannot hang.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
        with open(fd, "rb", closefd=True) as handle:
            st = os.fstat(fd)
            kind = not_a_regular_file(st.st_mode)
            if kind is None:
                return handle.read(), st
    raise DataFileError(path, f"The data file is {kind}, not an ordinary file", NOT_A_FILE_HINT)


def resolve_data_file(path: Path) -> Path:
    """The file a symlinked data file points at (resolved once, at open: every write then
    replaces that file, beside itself, and the link stays a link); `path` itself when it
    is no link. A link to nothing is refused (writing would make a new, empty file), and
    so is a link to what is not an ordinary file."""
    if not path.is_symlink():
        return path
    target = Path(os.path.realpath(path))
    try:
        kind = not_a_regular_file(os.stat(target).st_mode)
    except FileNotFoundError:
        raise _dangling(path) from None
    if kind is not None:  # refused before a lock file is made beside it
        raise DataFileError(path, f"The data file links to {kind}", NOT_A_FILE_HINT)
    return target


def _dangling(path: Path) -> DataFileError:
    return DataFileError(
        path,
        f"The data file is a link to {os.readlink(path)}, which does not exist",
        "Nothing was changed. Restore the file it points at, or remove the link.",
    )


def open_lock_file(path: Path) -> Any:
    """The lock file, opened without ever blocking; refused if it is not a plain file."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NONBLOCK | os.O_CLOEXEC, 0o600)
    kind = not_a_regular_file(os.fstat(fd).st_mode)
    if kind is not None:
        os.close(fd)
        raise DataFileError(path, f"The lock file is {kind}", NOT_A_FILE_HINT)
    os.fchmod(fd, 0o600)
    return open(fd, "r+b")


def prepare_folder(folder: Path) -> None:
    """Create the data folder private to the user (0700)."""
    if folder.exists() and not folder.is_dir():
        raise DataFileError(
            folder, "The data folder is a file", "Give --data-dir (or RECONNECT_DATA_DIR) a folder."
        )
    if not folder.exists():
        make_private_folder(folder)


def make_private(path: Path, what: str) -> None:
    """Take away what others may do with one of our files (0600) or folders (0700), and
    say so (once: the next open finds it private). Nothing to do when it is gone."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return
    private = PRIVATE_FOLDER if stat.S_ISDIR(st.st_mode) else PRIVATE_FILE
    if not st.st_mode & 0o077:  # neither group nor others may read, write or enter
        return
    found = f"Your {what} {path} could be opened by other users ({stat.S_IMODE(st.st_mode):o})"
    try:
        os.chmod(path, private)
    except PermissionError:  # another user's: said at every open, for it stays open
        NOTICES.append(f"{found}, and it is not yours to change; ask its owner to make it private.")
        return
    NOTICES.append(f"{found}; it is now private to you ({private:o}).")
