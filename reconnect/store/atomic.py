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
import time
from collections.abc import Iterable
from pathlib import Path

Chunk = bytes | bytearray | memoryview

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


def temp_prefix(path: Path) -> str:
    """The name prefix of our temp files for `path` (for cleaning up after a crash)."""
    return f".{path.name}."


# Every temp file of ours ends so: a folder that is not ours (where an export goes) is
# cleaned of our leftovers by name, never of another program's.
TEMP_SUFFIX = ".reconnect.tmp"
# The name versions before 0.2 gave temp copies of the data file (and our exports of
# the default names had since).
OLD_DATA_COPY_PATTERN = ".reconnect-*.tmp"
# Names our temp copies had before they carried that ending: still ours to clean.
OLD_TEMP_PATTERNS = (OLD_DATA_COPY_PATTERN, ".reconnect.json.*.tmp", ".*-draft.json.*.tmp")
# A temp file this old belongs to no write still under way (a write takes seconds).
STALE_AFTER_SECONDS = 24 * 60 * 60


def make_private_folder(folder: Path) -> None:
    """Create `folder`, and every missing folder above it, 0700 whatever the umask (mkdir
    -p would leave the ones above it open to everyone under umask 000)."""
    missing = [f for f in (folder, *folder.parents) if not f.exists()]
    for level in reversed(missing):
        with contextlib.suppress(FileExistsError):  # made by another process meanwhile
            level.mkdir(mode=PRIVATE_FOLDER)
            os.chmod(level, PRIVATE_FOLDER)


def atomic_write(
    path: Path, data: Chunk | Iterable[Chunk], mode: int = PRIVATE_FILE, durable: bool = True
) -> None:
    """Replace `path` with `data` (bytes, or pieces written in order), or raise and leave
    it exactly as it was. A missing parent folder is created 0700. A symlink stays a
    link: the file it points at is replaced, beside itself. `durable=False` (a cache,
    built again when lost) skips the fsyncs: still whole or not at all while the system
    runs; after a power cut it may be cut short (its reader checks)."""
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    folder = path.parent
    if not folder.is_dir():
        make_private_folder(folder)
    parts = [data] if isinstance(data, bytes | bytearray | memoryview) else data
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=temp_prefix(path), suffix=TEMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb", buffering=0) as handle:
            os.fchmod(fd, mode)
            for part in parts:  # unbuffered: big pieces go straight to the kernel
                _write_all(handle, part)
            if durable:
                os.fsync(fd)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    if durable:
        fsync_folder(folder)


def remove_stale_temp_files(folder: Path, any_age: Iterable[str] = ()) -> None:
    """Remove temp files of ours a crash (or a full disk) left in `folder`: each holds a
    private copy. Those matching a pattern of `any_age` go whatever their age (the caller
    holds the lock their writer takes); the others once a day old, so a write under way
    in another process keeps its temp file."""
    now = time.time()
    for pattern in any_age:
        for leftover in folder.glob(pattern):
            _remove_temp(leftover)
    for pattern in (f".*{TEMP_SUFFIX}", *OLD_TEMP_PATTERNS):
        for leftover in folder.glob(pattern):
            with contextlib.suppress(OSError):
                if now - leftover.lstat().st_mtime > STALE_AFTER_SECONDS:
                    _remove_temp(leftover)


def _remove_temp(leftover: Path) -> None:
    if leftover.is_file() and not leftover.is_symlink():
        with contextlib.suppress(OSError):
            leftover.unlink()


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
