"""Conflicted copies merged into the data file, then moved into `merged/`.

Order matters for a crash: the merged records are written first (whole and atomically,
through the storage), and only then is the copy moved away. Merging a copy twice
changes nothing, so a kill between the two steps is harmless: the next open merges the
same copy again, finds nothing new, and moves it.

A copy that cannot be read, is damaged, or comes from a newer schema is left where it
is, and said; it never stops the data file from opening.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import orjson

from reconnect.records.models import TABLES
from reconnect.store import journal
from reconnect.store.atomic import atomic_write, fsync_folder, make_private_folder
from reconnect.store.conflicts import (
    DATA,
    DRAFT,
    JOURNAL,
    MERGED_FOLDER,
    ConflictedCopy,
    CopyRefused,
    find,
)
from reconnect.store.data_file import NotADatabase, decode_with_layout
from reconnect.store.errors import DataFileError
from reconnect.store.lazy_table import DamagedRecord, DamagedTable, LazyTable
from reconnect.store.meta_fields import journal_base
from reconnect.store.migrations import SCHEMA_VERSION, migrate, schema_version
from reconnect.store.storage import Data, DurableStorage
from reconnect.store.sync_drafts import merge_draft
from reconnect.store.sync_merge import Plan, Side, apply, plan, read_side
from reconnect.store.sync_read import data_copy_bytes, journal_copy_bytes
from reconnect.store.validation import parsed_tables, validate_tables

RECORD_TABLES = tuple(TABLES)
# The drafts' names (reconnect/logic/drafts.py; a test keeps the two the same).
DRAFT_NAMES = ("reflection-draft.json", "review-draft.json")


@dataclass(frozen=True)
class Merged:
    copy: Path
    plan: Plan


def waiting(storage: DurableStorage, data_dir: Path) -> list[ConflictedCopy]:
    """Conflicted copies beside the data file (and drafts in the data folder): a listing,
    no read."""
    copies = find(storage.path.parent, storage.path.name, ())
    copies += [c for c in find(data_dir, storage.path.name, DRAFT_NAMES) if c.kind == DRAFT]
    return list({c.path: c for c in copies}.values())


def copy_tables(copy: ConflictedCopy, bases: tuple[Path, ...] = ()) -> Data:
    """A conflicted copy's records, in this schema. Raises CopyRefused.

    A journal holds only the saves since its data file was written whole: replayed
    over that file when it is among `bases` (a data file copy waiting, or ours), so
    the merge knows every version that device had seen; else on its own."""
    try:
        if copy.kind == JOURNAL:
            replay = journal.parse(journal_copy_bytes(copy.path))
            tables = _base_of(replay.base, bases)
            journal.apply(tables, replay.changes)
            return tables
        # Lines are checked as they are split (a damaged one refuses the copy), and
        # every record it brings in is validated: no need to parse each one here.
        tables, _ = decode_with_layout(data_copy_bytes(copy.path), ours=True)
    except (OSError, DataFileError, NotADatabase, journal.JournalHeaderDamaged) as exc:
        raise CopyRefused(f"it could not be read ({_short(exc)})") from None
    version = schema_version(tables)  # type: ignore[arg-type]
    if version > SCHEMA_VERSION:
        raise CopyRefused(
            f"it was written by a newer reconnect (schema {version}, this one knows "
            f"{SCHEMA_VERSION}): upgrade reconnect here, and it is merged at the next start"
        )
    if version < SCHEMA_VERSION:
        try:
            docs = migrate(parsed_tables(copy.path, tables), {})
        except (DataFileError, DamagedRecord) as exc:
            raise CopyRefused(f"it is damaged ({_short(exc)})") from None
        tables = {name: LazyTable.of_docs(name, table) for name, table in docs.items()}
    return tables


def their_side(copy: ConflictedCopy, bases: tuple[Path, ...] = ()) -> Side:
    """A copy read for a merge. Raises CopyRefused."""
    try:
        return read_side(copy_tables(copy, bases), RECORD_TABLES)
    except (DamagedTable, DamagedRecord, orjson.JSONDecodeError) as exc:
        raise CopyRefused(f"it is damaged ({_short(exc)})") from None


def _base_of(base: str | None, bases: tuple[Path, ...]) -> Data:
    """The tables of the data file a journal continues, when one of `bases` is it."""
    for path in bases if base else ():
        try:
            tables, _ = decode_with_layout(data_copy_bytes(path), ours=True)
        except (OSError, DataFileError, NotADatabase):
            continue
        if journal_base(tables) == base and schema_version(tables) == SCHEMA_VERSION:  # type: ignore[arg-type]
            return tables
    return {}


def _bases(storage: DurableStorage, data_dir: Path) -> tuple[Path, ...]:
    copies = [c.path for c in waiting(storage, data_dir) if c.kind == DATA]
    return (*copies, storage.path)


def _short(exc: BaseException) -> str:
    text = exc.problem if isinstance(exc, DataFileError) else str(exc)
    return text.splitlines()[0][:200]


def plan_for(storage: DurableStorage, copy: ConflictedCopy) -> Plan:
    """What merging this copy would change (reads only). Raises CopyRefused."""
    theirs = their_side(copy, _bases(storage, copy.path.parent))
    data = storage.read() or {}
    return plan(read_side(data, RECORD_TABLES), theirs)


def _validated(copy: Path, merge: Plan) -> None:
    """Every record the copy brings in is checked by its model, as a save would."""
    incoming: dict[str, dict[str, bytes]] = {}
    for n, ((table, _), raw) in enumerate(merge.put.items()):
        incoming.setdefault(table, {})[str(n)] = raw
    try:
        validate_tables(copy, {t: LazyTable(dict(d)) for t, d in incoming.items()}, TABLES)
    except DataFileError as exc:
        raise CopyRefused(f"it is damaged ({_short(exc)})") from None


def merge_copy(
    storage: DurableStorage, copy: ConflictedCopy, bases: tuple[Path, ...] = ()
) -> Merged:
    """Merge one copy of the data file or journal into ours and write the result whole;
    the copy is not moved (see merge_waiting). Raises CopyRefused."""
    theirs = their_side(copy, bases)
    with storage.locked():
        data = storage.data_to_change()
        ours = read_side(data, RECORD_TABLES)
        merge = plan(ours, theirs)
        if not merge.empty:
            _validated(copy.path, merge)
            apply(data, ours, merge)
            storage.write(data)  # whole, atomically: before the copy moves
    return Merged(copy.path, merge)


def merge_stale_journal(storage: DurableStorage) -> Merged | None:
    """Our journal continues another copy of the data file (the other device wrote the
    file whole; or ours did, and theirs arrived): merge its saves record by record, and
    keep its bytes in merged/ first. None when there is nothing to do."""
    with storage.locked():
        storage.read()
        state = storage.journal
        if not state.stale or state.reflected or state.damaged:
            return None
        raw = journal_copy_bytes(state.path)
        kept = _free(state.path.parent / MERGED_FOLDER / f"{state.path.name}.{state.base}")
        make_private_folder(kept.parent)
        atomic_write(kept, raw)
        copy = ConflictedCopy(state.path, JOURNAL, state.path.name)
        bases = tuple(c.path for c in waiting(storage, state.path.parent) if c.kind == DATA)
        theirs = their_side(copy, bases)
        data = storage.data_to_change()
        ours = read_side(data, RECORD_TABLES)
        merge = plan(ours, theirs)
        _validated(state.path, merge)
        apply(data, ours, merge)
        storage.write(data)  # whole: the stale journal is removed with it
    return Merged(kept, merge)


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


def describe(merge: Plan) -> str:
    """'3 added, 1 changed, 1 deleted, 1 also changed on another device', or nothing new."""
    parts = [
        f"{count} {what}"
        for count, what in (
            (merge.added, "added"),
            (merge.changed, "changed"),
            (len(merge.delete), "deleted"),
            (len(merge.history), "kept as also changed on another device"),
        )
        if count
    ]
    return ", ".join(parts) or "nothing new"


# A copy left alone, as it was when refused: not read (nor said) again until it changes.
Refused = set[tuple[Path, int, int]]


def _as_found(path: Path) -> tuple[Path, int, int]:
    try:
        st = os.stat(path)
    except OSError:
        return (path, 0, 0)
    return (path, st.st_size, st.st_mtime_ns)


def anything_waiting(storage: DurableStorage, data_dir: Path, refused: Refused) -> bool:
    """Cheap (a listing and the journal state we hold): is there something to merge?"""
    state = storage.journal
    if state.stale and not state.reflected and _as_found(state.path) not in refused:
        return True
    return any(_as_found(c.path) not in refused for c in waiting(storage, data_dir))


def merge_waiting(
    storage: DurableStorage, data_dir: Path, refused: Refused | None = None
) -> list[str]:
    """Merge every conflicted copy waiting (and a journal left by another copy of the
    data file); one line per copy, for the person. `refused` (kept by the caller between
    calls) gains the copies left alone, and those in it are passed over."""
    refused = set() if refused is None else refused
    lines: list[str] = []
    stale_path = storage.journal.path
    try:
        stale = None
        if _as_found(stale_path) not in refused:
            stale = merge_stale_journal(storage)
    except (CopyRefused, DataFileError, OSError) as exc:
        refused.add(_as_found(stale_path))
        lines.append(
            f"{stale_path} continues another copy of the data file, and its saves could "
            f"not be merged ({_short(exc)}): it is kept as it is."
        )
    else:
        if stale is not None:
            lines.append(
                f"Merged the saves of a journal written beside another copy of the data "
                f"file (synced from another device): {describe(stale.plan)}. Its bytes are "
                f"kept at {stale.copy}."
            )
    bases = _bases(storage, data_dir)
    # Journals first: the data file copy a journal continues is read with it, so it
    # must still be there (a merged copy moves away).
    order = {JOURNAL: 0, DATA: 1, DRAFT: 2}
    for copy in sorted(waiting(storage, data_dir), key=lambda c: order[c.kind]):
        if _as_found(copy.path) in refused:
            continue
        try:
            if copy.kind == DRAFT:
                lines.append(merge_draft(data_dir / copy.original, copy.path))
                continue
            merged = merge_copy(storage, copy, bases)
        except CopyRefused as exc:
            refused.add(_as_found(copy.path))
            lines.append(f"A conflicted copy {copy.path} was left as it is: {exc}.")
            continue
        except (DataFileError, OSError) as exc:  # ours could not be written: next start
            refused.add(_as_found(copy.path))
            lines.append(f"A conflicted copy {copy.path} is not merged yet: {_short(exc)}.")
            continue
        kept = move_to_merged(copy.path)
        lines.append(
            f"Merged a conflicted copy of the {copy.kind} from the sync tool: "
            f"{describe(merged.plan)}. The copy is kept at {kept}."
        )
    return lines


def preview(storage: DurableStorage, data_dir: Path) -> list[str]:
    """What merging would do, one line per copy waiting; reads only (for check)."""
    lines = []
    state = storage.journal
    if state.stale and not state.reflected and not state.damaged:
        copy = ConflictedCopy(state.path, JOURNAL, state.path.name)
        try:
            merge = plan_for(storage, copy)
            lines.append(
                f"Its journal continues another copy of the data file (synced from another "
                f"device): merging it at the next start would: {describe(merge)}."
            )
        except CopyRefused as exc:
            lines.append(f"Its journal continues another copy of the data file, but {exc}.")
    for copy in waiting(storage, data_dir):
        if copy.kind == DRAFT:
            lines.append(
                f"A conflicted copy of a draft waits: {copy.path}. At the next start the "
                "newer writing stays the draft, and both are kept in merged/."
            )
            continue
        try:
            what = describe(plan_for(storage, copy))
        except CopyRefused as exc:
            lines.append(f"A conflicted copy {copy.path} will be left as it is: {exc}.")
            continue
        lines.append(f"A conflicted copy waits: {copy.path}. Merging it would: {what}.")
    return lines
