"""Opening a backup made with `reconnect export --format json --encrypt`.

Such a backup carries the key file that wraps its key (sealing.envelope_of), so it opens
with its passphrase alone, on any machine. A backup of this very folder opens with the
key already unlocked (its key is one of the folder's): the app imports it without
asking anything.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reconnect.store.folder_key import FolderKey
from reconnect.store.sealing import envelope_of, header, unseal


class SealedBackupRefused(ValueError):
    """An encrypted file that cannot be opened here; the message says why, in one line."""


def open_sealed(
    raw: bytes,
    path: Path,
    folder_key: FolderKey | None,
    ask: Callable[[], str] | None,
) -> bytes:
    """The plain bytes of an encrypted backup. Raises SealedBackupRefused, or
    WrongPassphrase / SealedFileAltered / SealedFileCutShort (exit statuses 4–6)."""
    head, _ = header(raw, path)
    if folder_key is not None and folder_key.cipher(head["key"]) is not None:
        return unseal(raw, folder_key, path)
    envelope = envelope_of(raw, path)
    if envelope is None:
        raise SealedBackupRefused(
            f"{path.name} is an encrypted data file, not a backup: to open it, point "
            "--data-dir at the folder it is in"
        )
    if ask is None:
        raise SealedBackupRefused(
            f"{path.name} is an encrypted backup: import it from the shell "
            f"(reconnect import {path}), which asks for its passphrase"
        )
    return unseal(raw, envelope.unlock(ask(), path), path)
