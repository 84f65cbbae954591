"""What a failed write means, in a person's words: what happened and what to do.

One place for it, so the app's forms, its other saves and the shell say the same thing
for the same failure (a full disk, a read-only folder, a file we will not write over).
"""

from __future__ import annotations

import errno

from reconnect.store.errors import DataFileError

# What a write the disk refuses raises: a full disk, a read-only folder, a data file
# changed into something we will not write over.
WRITE_ERRORS = (OSError, DataFileError)

# errno -> (what happened, what to do about it)
_WORDS: dict[int, tuple[str, str]] = {
    errno.ENOSPC: ("The disk is full", "Free some space"),
    errno.EDQUOT: ("Your disk quota is used up", "Free some space"),
    errno.EFBIG: (
        "The file is larger than this disk or a file-size limit allows",
        "Free some space (or raise the limit: ulimit -f)",
    ),
    errno.EROFS: (
        "The data folder is on a read-only disk",
        "Make it writable, or choose another data folder in Settings",
    ),
    errno.EACCES: (
        "reconnect is not allowed to use the data folder",
        "Check its permissions",
    ),
    errno.EPERM: (
        "reconnect is not allowed to use the data folder",
        "Check its permissions",
    ),
    errno.EIO: ("The disk reported an error", "Check the disk (and make a backup soon)"),
}


def failure_words(exc: BaseException) -> tuple[str, str]:
    """(what happened, what to do) for an OSError or a DataFileError."""
    if isinstance(exc, DataFileError):
        return exc.problem, "Check the data folder"
    number = getattr(exc, "errno", None)
    if number in _WORDS:
        return _WORDS[number]
    reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return f"The disk refused the write ({reason})", "Check the data folder"


def not_saved_words(exc: BaseException, again: str = "press ctrl+s again") -> str:
    """One line for a save that failed while the words are still on screen."""
    what, todo = failure_words(exc)
    return f"{what}: nothing was saved; your words are still here. {todo} and {again}."


def not_done_words(exc: BaseException, action: str) -> str:
    """One line for a change with no typed words (a delete, an archive, a status)."""
    what, todo = failure_words(exc)
    return f"{what}: {action} was not saved. {todo} and try again."
