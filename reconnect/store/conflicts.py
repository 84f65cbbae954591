"""Conflicted copies a sync tool leaves beside our files, found by their names.

When two machines change a synced file before they next meet, the sync tool keeps both:
one under the usual name, the other renamed beside it. Each names it its own way,
inserting a mark before the file's last extension:

- Syncthing:  reconnect.sync-conflict-20261201-101500-ABCDEF7.json
- Dropbox:    reconnect (Ana's conflicted copy 2026-12-01).json
- Nextcloud:  reconnect (conflicted copy 2026-12-01 101500).json
- ownCloud (and Nextcloud's newer clients): reconnect_conflict-20261201-101500.json

The same marks on the journal (reconnect.json.sync-conflict-….journal) and the drafts.
A journal of ours set aside as unmatched (reconnect.json.journal.unmatched) is merged
the same way. Finding them is a listing of the folder, never a read.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reconnect.store.storage import DurableStorage

DATA = "data file"
JOURNAL = "journal"
DRAFT = "draft"
MERGED_FOLDER = "merged"

_MARKS = (
    r"\.sync-conflict-[0-9]{8}-[0-9]{6}-[A-Za-z0-9]+",
    r" \([^()/]*conflicted copy[^()/]*(?: \([0-9]+\))?\)(?: \([0-9]+\))?",
    r"_conflict-[0-9]{8}-[0-9]{6}",
)


class CopyRefused(Exception):
    """A copy left where it is; the message says why, in a person's words."""


@dataclass(frozen=True)
class ConflictedCopy:
    path: Path
    kind: str  # DATA, JOURNAL or DRAFT
    original: str  # the name it is a copy of


def _pattern(name: str) -> re.Pattern[str]:
    stem, dot, ext = name.rpartition(".")
    marks = "|".join(_MARKS)
    return re.compile(rf"{re.escape(stem)}(?:{marks}){re.escape(dot + ext)}")


def patterns(
    data_name: str, draft_names: tuple[str, ...]
) -> list[tuple[re.Pattern[str], str, str]]:
    journal_name = data_name + ".journal"
    found = [
        (_pattern(data_name), DATA, data_name),
        (_pattern(journal_name), JOURNAL, journal_name),
    ]
    # Ours: a journal that named another copy of the data file, set aside by a save.
    unmatched = re.compile(rf"{re.escape(journal_name)}\.unmatched(?:\.[0-9]+)?")
    found.append((unmatched, JOURNAL, journal_name))
    found.extend((_pattern(name), DRAFT, name) for name in draft_names)
    return found


def find(folder: Path, data_name: str, draft_names: tuple[str, ...]) -> list[ConflictedCopy]:
    """The conflicted copies waiting in `folder`, oldest name first (sorted: the same
    order on every run)."""
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return []
    rules = patterns(data_name, draft_names)
    copies = []
    for name in names:
        for pattern, kind, original in rules:
            if pattern.fullmatch(name):
                copies.append(ConflictedCopy(folder / name, kind, original))
                break
    return copies


# The drafts' names (reconnect/logic/drafts.py; a test keeps the two the same).
DRAFT_NAMES = ("reflection-draft.json", "review-draft.json")
# Copies left alone (path, size, mtime): not read again until they change.
Refused = set[tuple[Path, int, int]]


def waiting(storage: DurableStorage, data_dir: Path) -> list[ConflictedCopy]:
    """Conflicted copies beside the data file (and drafts in the data folder): a listing,
    no read."""
    copies = find(storage.path.parent, storage.path.name, ())
    copies += [c for c in find(data_dir, storage.path.name, DRAFT_NAMES) if c.kind == DRAFT]
    return list({c.path: c for c in copies}.values())


def as_found(path: Path) -> tuple[Path, int, int]:
    try:
        st = os.stat(path)
    except OSError:
        return (path, 0, 0)
    return (path, st.st_size, st.st_mtime_ns)


def anything_waiting(storage: DurableStorage, data_dir: Path, refused: Refused) -> bool:
    """Cheap (a listing and the journal state we hold): is there something to merge?
    Asked first at every open, so the merge's code loads only when there is."""
    state = storage.journal
    if state.stale and not state.reflected and as_found(state.path) not in refused:
        return True
    return any(as_found(c.path) not in refused for c in waiting(storage, data_dir))
