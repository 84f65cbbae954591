"""The `merged/` folder in the data folder: conflicted copies go there once merged, and
nothing in it is ever overwritten or deleted by reconnect."""

from __future__ import annotations

import os
from pathlib import Path

from reconnect.store.atomic import atomic_write, fsync_folder, make_private_folder
from reconnect.store.conflicts import MERGED_FOLDER


def move_to_merged(copy: Path) -> Path:
    """Move a merged copy into merged/ beside it (never over an earlier one)."""
    target = _free(copy.parent / MERGED_FOLDER / copy.name)
    make_private_folder(target.parent)
    os.replace(copy, target)
    fsync_folder(copy.parent)
    fsync_folder(target.parent)
    return target


def _free(target: Path) -> Path:
    n, candidate = 1, target
    while candidate.exists():
        n += 1
        candidate = target.with_name(f"{target.name}.{n}")
    return candidate


def keep_in_merged(folder: Path, name: str, raw: bytes) -> Path:
    """Put these bytes in merged/ under `name` (an identical copy already there is
    enough: a second run after a crash adds nothing)."""
    target = folder / MERGED_FOLDER / name
    make_private_folder(target.parent)
    n = 1
    while target.exists():
        if target.read_bytes() == raw:
            return target
        n += 1
        target = target.with_name(f"{name}.{n}")
    atomic_write(target, raw)
    return target
