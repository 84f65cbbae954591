"""Opening the files of the data folder safely: never blocking on a FIFO or a device,
never following a dangling link into writing a file of our own, a folder private to the
user."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from reconnect.store.errors import NOT_A_FILE_HINT, DataFileError

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
            raise DataFileError(
                path,
                f"The data file is a link to {os.readlink(path)}, which does not exist",
                "Nothing was changed. Restore the file it points at, or remove the link.",
            ) from None
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
        folder.mkdir(parents=True, mode=0o700)
        os.chmod(folder, 0o700)
