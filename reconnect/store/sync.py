"""Conflicted copies merged into the data file, then moved into `merged/`.

Order matters for a crash: the merged records are written first (whole and atomically,
through the storage), and only then is the copy moved away. Merging a copy twice
changes nothing, so a kill between the two steps is harmless: the next open merges the
same copy again, finds nothing new, and moves it.

A copy that cannot be read, is damaged, or comes from a newer schema is left where it
is, and said; it never stops the data file from opening.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reconnect.records.models import TABLES
from reconnect.store.conflicts import (
    DATA,
    DRAFT,
    DRAFT_NAMES,
    JOURNAL,
    ConflictedCopy,
    CopyRefused,
    Refused,
    as_found,
    waiting,
)
from reconnect.store.errors import DataFileError
from reconnect.store.lazy_table import LazyTable
from reconnect.store.merged_folder import keep_in_merged, move_to_merged
from reconnect.store.storage import Data, DurableStorage
from reconnect.store.sync_copies import (
    RECORD_TABLES,
    bases_of,
    short,
    their_side,
)
from reconnect.store.sync_drafts import merge_draft
from reconnect.store.sync_merge import Plan, Side, apply, plan, read_side
from reconnect.store.sync_read import journal_copy_bytes
from reconnect.store.validation import validate_tables

__all__ = ["DRAFT_NAMES", "merge_waiting", "move_to_merged"]


@dataclass(frozen=True)
class Merged:
    copy: Path
    plan: Plan


def plan_for(storage: DurableStorage, copy: ConflictedCopy) -> Plan:
    """What merging this copy would change (reads only). Raises CopyRefused."""
    theirs = their_side(copy, bases_of(storage, copy.path.parent))
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
        raise CopyRefused(f"it is damaged ({short(exc)})") from None


def _apply(storage: DurableStorage, data: Data, ours: Side, merge: Plan) -> None:
    apply(data, ours, merge)
    # The tables were changed in place, behind the repositories' indexes: rebuild them.
    storage.generation += 1


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
            _apply(storage, data, ours, merge)
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
        # Kept before the merge is written: a kill in between merges it again, and an
        # identical copy already kept is not made twice.
        kept = keep_in_merged(state.path.parent, f"{state.path.name}.{state.base}", raw)
        copy = ConflictedCopy(state.path, JOURNAL, state.path.name)
        bases = tuple(c.path for c in waiting(storage, state.path.parent) if c.kind == DATA)
        theirs = their_side(copy, bases)
        data = storage.data_to_change()
        ours = read_side(data, RECORD_TABLES)
        merge = plan(ours, theirs)
        _validated(state.path, merge)
        _apply(storage, data, ours, merge)
        state.reflected = True  # its saves are in the data now: removed at the write
        storage.write(data)
    return Merged(kept, merge)


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
        if as_found(stale_path) not in refused:
            stale = merge_stale_journal(storage)
    except (CopyRefused, DataFileError, OSError) as exc:
        refused.add(as_found(stale_path))
        lines.append(
            f"{stale_path} continues another copy of the data file, and its saves could "
            f"not be merged ({short(exc)}): it is kept as it is."
        )
    else:
        if stale is not None:
            lines.append(
                f"Merged the saves of a journal written beside another copy of the data "
                f"file (synced from another device): {describe(stale.plan)}. Its bytes are "
                f"kept at {stale.copy}."
            )
    bases = bases_of(storage, data_dir)
    # Journals first: the data file copy a journal continues is read with it, so it
    # must still be there (a merged copy moves away).
    order = {JOURNAL: 0, DATA: 1, DRAFT: 2}
    for copy in sorted(waiting(storage, data_dir), key=lambda c: order[c.kind]):
        if as_found(copy.path) in refused:
            continue
        try:
            if copy.kind == DRAFT:
                lines.append(merge_draft(data_dir / copy.original, copy.path))
                continue
            merged = merge_copy(storage, copy, bases)
        except CopyRefused as exc:
            refused.add(as_found(copy.path))
            lines.append(f"A conflicted copy {copy.path} was left as it is: {exc}.")
            continue
        except (DataFileError, OSError) as exc:  # ours could not be written: next start
            refused.add(as_found(copy.path))
            lines.append(f"A conflicted copy {copy.path} is not merged yet: {short(exc)}.")
            continue
        kept = move_to_merged(copy.path)
        lines.append(
            f"Merged a conflicted copy of the {copy.kind} from the sync tool: "
            f"{describe(merged.plan)}. The copy is kept at {kept}."
        )
    return lines
