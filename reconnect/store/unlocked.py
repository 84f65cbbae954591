"""The keys this process has unlocked, by data folder, and the one way to read and write
a private file of a folder (a draft, a kept copy): sealed when the folder is encrypted.

The store registers its folder's key at open; a draft saved later in that folder is
sealed with it, without every screen carrying the key.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from reconnect.store.atomic import Chunk, atomic_write
from reconnect.store.folder_key import FolderKey, NoPassphrase, is_encrypted
from reconnect.store.sealing import seal, unseal

_KEYS: dict[Path, FolderKey] = {}


def _where(folder: Path) -> Path:
    return Path(os.path.abspath(folder))


def remember(folder: Path, key: FolderKey | None) -> None:
    if key is None:
        _KEYS.pop(_where(folder), None)
    else:
        _KEYS[_where(folder)] = key


def key_for(folder: Path) -> FolderKey | None:
    return _KEYS.get(_where(folder))


def forget_all() -> None:
    _KEYS.clear()


def read_private(path: Path) -> bytes:
    """A file's plain bytes (FileNotFoundError when there is none)."""
    return unseal(path.read_bytes(), key_for(path.parent), path)


def write_private(path: Path, data: Chunk | Iterable[Chunk]) -> None:
    """Write a private file of a data folder atomically, sealed when the folder is
    encrypted. A folder encrypted by another process since we opened it (no key here)
    is refused (NoPassphrase), never written in plain."""
    key = key_for(path.parent)
    if key is None and is_encrypted(path.parent):
        raise NoPassphrase(path.parent)
    if key is None:
        atomic_write(path, data)
        return
    pieces = [data] if isinstance(data, bytes | bytearray | memoryview) else data
    atomic_write(path, seal([bytes(p) for p in pieces], key))
