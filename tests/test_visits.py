"""The writes for groups of one's own (reconnect/logic/visits.py), without a terminal."""

from datetime import UTC, datetime

import pytest

from reconnect.logic.visits import check_of, delete_group, save_visit_check
from reconnect.records.models import Connection, Counterpart, Group, Sense, VisitCheck
from reconnect.store.store import Store

_AT = datetime(2026, 11, 3, 18, 30, tzinfo=UTC)


def _moment(store: Store, group_id: str | None) -> Connection:
    return store.connections.add(
        Connection(
            at=_AT,
            what="Went",
            counterpart=Counterpart.GROUP,
            depth=2,
            comfort=3,
            group_id=group_id,
        )
    )


def test_a_check_with_nothing_answered_is_no_check() -> None:
    assert check_of(dict.fromkeys(("purpose", "hope"))) is None
    assert check_of({"hope": Sense.YES}) == VisitCheck(hope=Sense.YES)


def test_a_check_is_kept_on_its_visit_and_only_on_a_visit(store: Store) -> None:
    group = store.groups.add(Group(name="Circle", created_at=_AT))
    visit = _moment(store, group.id)
    save_visit_check(store, visit.id, VisitCheck(safer=Sense.NOT_SURE))
    stored = store.connections.get(visit.id)
    assert stored is not None and stored.visit_check == VisitCheck(safer=Sense.NOT_SURE)
    with pytest.raises(ValueError, match="visit to a group"):
        save_visit_check(store, _moment(store, None).id, VisitCheck(hope=Sense.YES))
    with pytest.raises(ValueError, match="no longer"):
        save_visit_check(store, "f" * 32, None)


def test_deleting_a_group_keeps_its_visits_and_undo_puts_the_links_back(store: Store) -> None:
    group = store.groups.add(Group(name="Circle", created_at=_AT))
    visit = _moment(store, group.id)
    save_visit_check(store, visit.id, VisitCheck(hope=Sense.YES))
    before = store.connections.get(visit.id)
    removal = delete_group(store, group.id)
    assert removal is not None and removal.count("connections") == 1
    kept = store.connections.get(visit.id)
    assert kept is not None and (kept.group_id, kept.visit_check) == (None, None)
    assert removal.restore(store)
    assert store.groups.get(group.id) == group
    assert store.connections.get(visit.id) == before
