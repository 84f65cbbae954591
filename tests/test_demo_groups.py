"""The demo's group: the Thursday book club, its visits and after-visit checks."""

from datetime import UTC

import pytest

from reconnect import demo
from reconnect.demo import generate
from reconnect.demo.groups import CHECKED_VISITS
from reconnect.logic.groups import groups_tried, visits_to, yes_share
from reconnect.records.models import Channel, CommunityKind, GroupStatus
from tests.conftest import PINNED_TODAY


def test_the_demo_has_the_book_club_with_visits_that_warm_up() -> None:
    history = generate(PINNED_TODAY, tz=UTC)
    club, forum = groups_tried(history.groups)
    assert (club.name, club.status) == ("Thursday book club", GroupStatus.STAYING)
    assert (forum.kind, forum.status) == (CommunityKind.ONLINE, GroupStatus.MOVED_ON)
    assert len(visits_to(forum.id, history.connections)) == 2
    book_club = next(p for p in history.people if p.name == "Book club")
    goal = next(g for g in history.goals if g.person_id == book_club.id)
    assert club.goal_id == goal.id
    visits = visits_to(club.id, history.connections)
    # Its visits are the moments there in person; a text to someone from it is not one.
    assert visits == [
        c
        for c in history.connections
        if c.person_id == book_club.id and c.channel is Channel.IN_PERSON
    ]
    checked = [v for v in visits if v.visit_check is not None]
    assert len(checked) == CHECKED_VISITS
    shares = [yes_share(v) or 0.0 for v in checked]
    assert sum(shares[-2:]) > sum(shares[:2])  # the answers warm up


IDS = {"id", "person_id", "goal_id", "step_id", "group_id", "visit_check"}


def test_the_group_leaves_the_rest_of_the_history_as_it_was(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with_group = generate(PINNED_TODAY, tz=UTC)
    monkeypatch.setattr(demo, "book_club", lambda _s, _p, _g, connections, _tz: ([], connections))
    without = generate(PINNED_TODAY, tz=UTC)
    assert [g.name for g in without.groups] == ["Night owls peer support forum"]
    forum = without.groups[0].id
    assert [
        c.model_dump(exclude=IDS) for c in with_group.connections if c.person_id or not c.group_id
    ] == [c.model_dump(exclude=IDS) for c in without.connections if c.group_id != forum]
    assert sum(c.group_id is not None for c in with_group.connections) == 7 + 2


def test_a_short_history_has_no_forum() -> None:
    from reconnect.demo.profile import Profile

    history = generate(PINNED_TODAY, Profile(weeks=2), tz=UTC)
    assert "Night owls peer support forum" not in [g.name for g in history.groups]
