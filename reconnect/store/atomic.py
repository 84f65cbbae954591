"""The one way every file of ours is written: whole or not at all, private, durable.

A temp file in the same folder (so the rename cannot cross file systems), written in
full, fsynced, renamed over the target with os.replace, then the folder fsynced so the
rename itself survives a power cut. The file is 0600 whatever the umask: everything we
write holds someone's private words.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

Chunk = bytes | bytearray | memoryview


def temp_prefix(path: Path) -> str:
    """The name prefix of our temp files for `path` (for cleaning up after a crash)."""
    return f".{path.name}."


TEMP_SUFFIX = ".tmp"


def atomic_write(path: Path, data: Chunk | Iterable[Chunk], mode: int = 0o600) -> None:
    """Replace `path` with `data` (bytes, or pieces written in order), or raise and leave
    it exactly as it was. A missing parent folder is created 0700."""
    folder = path.parent
    if not folder.is_dir():
        folder.mkdir(parents=True, mode=0o700)
    parts = [data] if isinstance(data, bytes | bytearray | memoryview) else data
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=temp_prefix(path), suffix=TEMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb", buffering=0) as handle:
            os.fchmod(fd, mode)
            for part in parts:  # unbuffered: big pieces go straight to the kernel
                _write_all(handle, part)
            os.fsync(fd)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    fsync_folder(folder)


def _write_all(handle: os.FileIO | object, data: Chunk) -> None:
    """An unbuffered write may take only part of the bytes: loop until all are written."""
    view = memoryview(data)
    while view:
        view = view[handle.write(view) :]  # type: ignore[attr-defined]


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
