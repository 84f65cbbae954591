"""The rules shared by `reconnect log` and the Log area."""

from datetime import UTC, date, datetime, time, timedelta

import pytest
from pydantic import ValidationError

from reconnect.logic.connections import (
    check_not_future,
    find_person,
    parse_choice,
    parse_clock,
    parse_moment,
    save,
)
from reconnect.records.models import Channel, Circle, Connection, Counterpart, Person
from reconnect.store.store import Store

NOW = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)


def _connection(**kw: object) -> Connection:
    fields: dict[str, object] = {
        "at": NOW,
        "what": "Said hi",
        "counterpart": "neighbour",
        "depth": 1,
        "comfort": 3,
    }
    return Connection(**(fields | kw))


@pytest.mark.parametrize("text", ["in-person", "In person", "in_person", " IN-PERSON "])
def test_choices_read_the_way_people_type_them(text: str) -> None:
    assert parse_choice(Channel, text) is Channel.IN_PERSON


def test_an_unknown_choice_lists_what_is_allowed() -> None:
    with pytest.raises(ValueError, match=r"'boss' is not one of: stranger, .*chosen-family"):
        parse_choice(Counterpart, "boss")


@pytest.mark.parametrize(("text", "expected"), [("18:30", time(18, 30)), ("6.05", time(6, 5))])
def test_clock_times(text: str, expected: time) -> None:
    assert parse_clock(text) == expected


@pytest.mark.parametrize("text", ["24:00", "18:60", "6pm", "", "1830"])
def test_bad_clock_times_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="like 18:30"):
        parse_clock(text)


def test_moments_from_iso_or_a_time_today() -> None:
    assert parse_moment("2026-11-20T18:30", NOW) == datetime(2026, 11, 20, 18, 30, tzinfo=UTC)
    assert parse_moment("09:15", NOW) == datetime(2026, 11, 21, 9, 15, tzinfo=UTC)
    with pytest.raises(ValueError, match="not a date or time"):
        parse_moment("someday", NOW)


def test_the_future_is_refused_with_a_little_slack() -> None:
    check_not_future(NOW + timedelta(minutes=4), NOW)
    with pytest.raises(ValueError, match="later than now"):
        check_not_future(NOW + timedelta(hours=1), NOW)


def test_find_person_ignores_case_and_spacing_and_prefers_the_active() -> None:
    old = Person(name="Sam Lee", created_at=NOW, archived=True)
    current = Person(name="sam  lee", created_at=NOW)
    assert find_person([old, current], " SAM LEE ") is current
    assert find_person([old], "Sam Lee") is old
    assert find_person([current], "Sam") is None
    assert find_person([current], "  ") is None


def test_an_unknown_name_becomes_a_person_with_a_circle_from_the_counterpart(
    store: Store,
) -> None:
    saved = save(store, _connection(counterpart="chosen_family"), who="Jo", now=NOW)
    assert saved.new_person is not None and saved.new_person.circle is Circle.CHOSEN_FAMILY
    assert store.people.get(saved.new_person.id) == saved.new_person
    assert store.connections.get(saved.connection.id).person_id == saved.new_person.id  # type: ignore[union-attr]


def test_a_known_name_is_reused(store: Store) -> None:
    jo = store.people.add(Person(name="Jo", created_at=NOW))
    saved = save(store, _connection(), who="jo")
    assert saved.new_person is None and saved.connection.person_id == jo.id
    assert store.people.count() == 1


def test_saving_again_updates_and_an_empty_name_clears_the_person(store: Store) -> None:
    first = save(store, _connection(), who="Jo").connection
    again = save(store, first.model_copy(update={"depth": 4}), who="")
    assert again.edited and again.connection.person_id is None
    assert store.connections.count() == 1 and store.connections.get(first.id).depth == 4  # type: ignore[union-attr]


def test_a_bad_name_saves_nothing_at_all(store: Store) -> None:
    with pytest.raises(ValidationError):
        save(store, _connection(), who="x" * 101)
    assert store.connections.count() == 0 and store.people.count() == 0


def test_times_are_kept_on_their_day(store: Store) -> None:
    saved = save(store, _connection(at=datetime(2026, 11, 20, 23, 59, tzinfo=UTC)))
    assert saved.connection.at.date() == date(2026, 11, 20)


def test_two_people_with_one_name_the_circle_that_fits_wins() -> None:
    from reconnect.logic.connections import find_person
    from reconnect.records.models import Circle, Counterpart, Person

    at = datetime(2026, 11, 1, tzinfo=UTC)
    neighbour = Person(name="Maria", circle=Circle.NEIGHBOUR, created_at=at)
    friend = Person(name="Maria", circle=Circle.FRIEND, created_at=at)
    people = [neighbour, friend]
    assert find_person(people, "maria", Counterpart.FRIEND) == friend
    assert find_person(people, "Maria", Counterpart.NEIGHBOUR) == neighbour
    assert find_person(people, "Maria") == neighbour  # no hint: the first one
