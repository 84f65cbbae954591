"""The cross-process lock on an open file, through portalocker: flock on Linux and
macOS, as before, so a reconnect of an older version running beside still excludes us.

The lock is taken on the handle the store opened: the lock file's content is a token
the store reads and writes, and a library that opens (and truncates) the file itself
would wipe it.
"""

from __future__ import annotations

from typing import IO

import portalocker


def lock_exclusive(handle: IO[bytes]) -> None:
    """Wait for the exclusive lock on `handle`. A refusal from the system stays the
    OSError it was (callers say what a disk error means), and the handle is closed."""
    try:
        portalocker.lock(handle, portalocker.LockFlags.EXCLUSIVE)
    except portalocker.LockException as exc:
        handle.close()
        cause = exc.__cause__
        raise (cause if isinstance(cause, OSError) else OSError(str(exc))) from None


def unlock(handle: IO[bytes]) -> None:
    portalocker.unlock(handle)
