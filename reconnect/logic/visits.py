"""Writes for groups of one's own: an after-visit check (through the one save path for
moments), and deleting a group while keeping its visits.

Floor 3: plain functions over the store's public API; never textual. The check is kept
on the visit itself (a moment linked to its group), so it moves with that moment.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reconnect.logic import connections
from reconnect.logic.connections import Saved
from reconnect.logic.removals import RecordRemoved, unlink
from reconnect.records.models import Connection, Sense, VisitCheck

if TYPE_CHECKING:
    from reconnect.store.store import Store

# The order the picker numbers the answers in: 1 yes, 2 not yet, 3 not sure.
SENSE_CHOICES: tuple[Sense, ...] = (Sense.YES, Sense.NOT_YET, Sense.NOT_SURE)


def check_of(answers: dict[str, Sense | None]) -> VisitCheck | None:
    """The check from the answers given; None when every question was left out."""
    check = VisitCheck.model_validate(answers)
    return check if check.answers() else None


def save_visit_check(store: Store, visit_id: str, check: VisitCheck | None) -> Saved:
    """Keep `check` on the visit (None clears it); raises ValueError if the visit is gone
    or is not a visit to a group."""
    visit = store.connections.get(visit_id)
    if visit is None:
        raise ValueError("That visit is no longer in the log; nothing was saved.")
    if visit.group_id is None:
        raise ValueError("Only a visit to a group has an after-visit check.")
    updated = visit.model_validate({**visit.model_dump(), "visit_check": check})
    return connections.save(store, updated)  # by module: the one path, seen by its spies


def delete_group(store: Store, group_id: str) -> RecordRemoved | None:
    """Delete a group in one write. Its visits stay as moments, unlinked (a check only
    belongs on a visit, so it goes with the link); the Removal puts both back."""
    with store.batch():
        cut = unlink(store, Connection.table, group_id, ("group_id", "visit_check"))
        gone = store.groups.delete(group_id)
    return RecordRemoved(gone, gone.name, tuple(cut)) if gone is not None else None
