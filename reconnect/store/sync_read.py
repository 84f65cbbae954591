"""The one place a conflicted copy's bytes are read (a data file, a journal, a draft
left beside ours by a sync tool), so that unsealing them is wired in here alone."""

from __future__ import annotations

from pathlib import Path

from reconnect.store.files import read_regular_file


def data_copy_bytes(path: Path) -> bytes:
    """A conflicted copy of the data file, as the storage would read the file itself."""
    return read_regular_file(path)[0]


def journal_copy_bytes(path: Path) -> bytes:
    """A conflicted copy of the journal (or one of ours set aside as unmatched)."""
    return read_regular_file(path)[0]


def draft_copy_bytes(path: Path) -> bytes:
    """A conflicted copy of a draft."""
    return read_regular_file(path)[0]
