"""The connection editor's rules without a terminal: days offered, the moment a day and
a time mean, who a typed name means, what is still missing."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from reconnect.logic.connection_form import (
    DAYS_OFFERED,
    PersonPick,
    Prefill,
    day_choices,
    missing_scales,
    moment_of,
)
from reconnect.logic.weeks import at_local
from reconnect.records.models import Channel, Circle, Connection, Counterpart, Person

TODAY = date(2026, 11, 21)  # a Saturday
NOW = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)


def _person(name: str, circle: Circle = Circle.FRIEND, archived: bool = False) -> Person:
    return Person(name=name, circle=circle, created_at=NOW, archived=archived)


def test_days_offered_go_back_four_weeks_and_keep_an_older_own_day() -> None:
    choices = day_choices(TODAY)
    assert len(choices) == DAYS_OFFERED
    assert choices[:3] == [
        ("today", "2026-11-21"),
        ("yesterday", "2026-11-20"),
        ("Thu 19 Nov", "2026-11-19"),
    ]
    old = TODAY - timedelta(days=60)
    assert day_choices(TODAY, old)[-1] == ("Tue 22 Sep", "2026-09-22")
    assert len(day_choices(TODAY, TODAY)) == DAYS_OFFERED


def test_the_moment_of_a_day_and_a_time() -> None:
    assert moment_of(TODAY, "", TODAY, now=NOW) == at_local(TODAY, NOW.time())
    assert moment_of(TODAY, "9:05", TODAY, now=NOW) == at_local(TODAY, NOW.time().replace(9, 5))
    edited = datetime(2026, 11, 21, 8, 30, 15, tzinfo=UTC)
    assert moment_of(TODAY, "", TODAY, editing_at=edited, now=NOW) == edited
    with pytest.raises(ValueError, match="give a time for that day"):
        moment_of(TODAY - timedelta(days=1), "", TODAY, now=NOW)
    with pytest.raises(ValueError, match="later than now"):
        moment_of(TODAY, "23:00", TODAY, now=at_local(TODAY, NOW.time()))


def test_missing_scales_say_which() -> None:
    assert missing_scales(3, 4) == ""
    assert missing_scales(None, 4).startswith("choose depth:")
    assert missing_scales(None, None).startswith("choose depth and comfort:")


def test_a_picked_person_stays_picked_while_the_name_matches() -> None:
    neighbour = _person("Maria", Circle.NEIGHBOUR)
    friend = _person("Maria", Circle.FRIEND)
    gone = _person("Ann", archived=True)
    pick = PersonPick.among([friend, gone, neighbour], gone.id)
    assert pick.people == [friend, neighbour] and pick.picked == gone
    assert pick.keeps_picked(" ann ") and pick.named("Ann") == gone
    assert pick.named("maria", Counterpart.NEIGHBOUR) == neighbour
    assert pick.pick(friend.id) == friend and pick.named("Maria", Counterpart.NEIGHBOUR) == friend
    assert pick.pick(None) is None and pick.picked == friend
    assert pick.hint("  maria ") == "Maria, friend"
    assert pick.hint("Sam") == "New: Sam will be added to People"
    assert pick.hint("  ") == ""
    assert pick.choices() == [("Maria (friend)", friend.id), ("Maria (neighbour)", neighbour.id)]


def test_an_entry_prefills_the_editor_with_its_own_fields() -> None:
    connection = Connection(
        at=NOW, what="Said hi", counterpart="neighbour", depth=2, comfort=4, note="briefly"
    )
    start = Prefill.of(connection)
    assert (start.what, start.counterpart, start.depth, start.comfort, start.note) == (
        "Said hi",
        Counterpart.NEIGHBOUR,
        2,
        4,
        "briefly",
    )
    assert Prefill().channel is Channel.IN_PERSON and Prefill().depth is None
