"""The one place a conflicted copy's bytes are read (a data file, a journal, a draft
left beside ours by a sync tool): an encrypted folder's copies are opened here with the
folder's key (store/unlocked.py), one sealed under a key the folder does not hold, or
with no key unlocked, is refused (a DataFileError) and left where it is."""

from __future__ import annotations

from pathlib import Path

from reconnect.store.files import read_regular_file
from reconnect.store.folder_key import FolderKey
from reconnect.store.sealing import unseal
from reconnect.store.unlocked import key_for


def copy_key(path: Path) -> FolderKey | None:
    """The key of the folder a copy lies in (None: not encrypted, or not unlocked)."""
    return key_for(path.parent)


def data_copy_bytes(path: Path) -> bytes:
    """A conflicted copy of the data file, plain, as the storage reads the file itself."""
    return unseal(read_regular_file(path)[0], copy_key(path), path)


def journal_copy_bytes(path: Path) -> bytes:
    """A conflicted copy of the journal (or one of ours set aside as unmatched), as it
    lies on disk: an encrypted folder's lines are sealed one by one, and opened as
    they are parsed (journal.parse with copy_key)."""
    return read_regular_file(path)[0]


def draft_copy_bytes(path: Path) -> bytes:
    """A conflicted copy of a draft, plain."""
    return unseal(read_regular_file(path)[0], copy_key(path), path)
