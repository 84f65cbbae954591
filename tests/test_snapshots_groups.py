"""Snapshots at 80×24 of groups of one's own, seeded here: the list beside People (g),
a group's page with its visits and moving answers (enter), and the after-visit check
for its newest visit (k); and a page whose answers stayed low (the gentle "try another")."""

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from reconnect.records.models import (
    CommunityKind,
    Connection,
    Counterpart,
    Group,
    GroupStatus,
    Rhythm,
    Sense,
    VisitCheck,
)
from reconnect.store.store import Store

_AT = datetime(2026, 10, 27, 18, 30, tzinfo=UTC)  # a Tuesday


@pytest.fixture
def seeded(store: Store) -> Store:
    group = store.groups.add(
        Group(
            name="Tuesday peer circle",
            kind=CommunityKind.PEER_SUPPORT,
            where="Library, room 2",
            when="Tuesdays 18:30",
            rhythm=Rhythm.WEEKLY,
            status=GroupStatus.TRYING,
            notes="Sit near the door the first time.",
            created_at=_AT,
        )
    )
    store.groups.add(
        Group(
            name="Saturday choir",
            kind=CommunityKind.SHARED_INTEREST,
            rhythm=Rhythm.FORTNIGHTLY,
            status=GroupStatus.MOVED_ON,
            created_at=_AT,
        )
    )
    checks = (
        VisitCheck(purpose=Sense.NOT_SURE, less_alone=Sense.NOT_YET, safer=Sense.NOT_SURE),
        VisitCheck(purpose=Sense.YES, rhythm=Sense.YES, less_alone=Sense.NOT_SURE),
        VisitCheck(purpose=Sense.YES, rhythm=Sense.YES, welcome=Sense.YES, less_alone=Sense.YES),
    )
    visits = zip((2, 3, 4), (None, 3, 4), checks, strict=True)  # comfort, myself, check
    for week, (comfort, myself, check) in enumerate(visits):
        store.connections.add(
            Connection(
                at=_AT + timedelta(weeks=week),
                what="Went to Tuesday peer circle",
                counterpart=Counterpart.GROUP,
                depth=2,
                comfort=comfort,
                authenticity=myself,
                group_id=group.id,
                visit_check=check,
            )
        )
    return store


def test_groups_beside_people(snap_compare, seeded: Store, make_test_app: Callable) -> None:
    app = make_test_app(seeded, start_area="people")
    assert snap_compare(app, press=["b"], terminal_size=(80, 24))


def test_a_groups_page(snap_compare, seeded: Store, make_test_app: Callable) -> None:
    app = make_test_app(seeded, start_area="people")
    assert snap_compare(app, press=["b", "enter"], terminal_size=(80, 24))


def test_the_after_visit_check(snap_compare, seeded: Store, make_test_app: Callable) -> None:
    app = make_test_app(seeded, start_area="people")
    assert snap_compare(app, press=["b", "enter", "k"], terminal_size=(80, 24))


def test_a_groups_page_when_answers_stay_low(
    snap_compare, store: Store, make_test_app: Callable
) -> None:
    group = store.groups.add(
        Group(name="Thursday online circle", kind=CommunityKind.ONLINE, created_at=_AT)
    )
    low = VisitCheck(purpose=Sense.NOT_YET, less_alone=Sense.NOT_SURE, safer=Sense.NOT_YET)
    for week in range(3):
        store.connections.add(
            Connection(
                at=_AT + timedelta(weeks=week),
                what="Went to Thursday online circle",
                counterpart=Counterpart.GROUP,
                depth=1,
                comfort=2,
                group_id=group.id,
                visit_check=low,
            )
        )
    app = make_test_app(store, start_area="people")
    assert snap_compare(app, press=["b", "enter"], terminal_size=(80, 24))
