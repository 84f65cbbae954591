"""What merging the copies waiting would do, read without writing (reconnect check)."""

from __future__ import annotations

from pathlib import Path

from reconnect.store.conflicts import DRAFT, JOURNAL, ConflictedCopy, CopyRefused, waiting
from reconnect.store.storage import DurableStorage
from reconnect.store.sync import describe, plan_for


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
