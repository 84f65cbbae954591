"""Edges of the goal services that write more than one record (mutation testing, issue 18)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from reconnect.logic import ladder
from reconnect.logic.goals import (
    complete_step_and_log,
    delete_goal,
    linked_connections,
    remove_step,
)
from reconnect.logic.removals import StepRemoved
from reconnect.records.models import Connection, Goal, Step
from reconnect.store.store import Store

NOW = datetime(2026, 11, 21, 12, tzinfo=UTC)


def _goal(store: Store, *titles: str) -> Goal:
    goal = Goal(created_at=NOW, title="Reach out to Maya")
    for n, title in enumerate(titles):
        goal = ladder.add_step(goal, Step(title=title, difficulty=n))
    return store.goals.add(goal)


def _connection(**kw: object) -> Connection:
    return Connection(at=NOW, what="Coffee", counterpart="friend", depth=3, comfort=4, **kw)  # type: ignore[arg-type]


def test_a_step_done_without_a_connection_logs_none(store: Store) -> None:
    goal = _goal(store, "Wave")
    done = complete_step_and_log(store, goal.id, goal.steps[0].id, actual=1, note="", at=NOW)
    assert done.logged is None and done.goal.steps[0].done_at == NOW
    assert store.connections.count() == 0


def test_a_gone_goal_is_named_in_the_key_error(store: Store) -> None:
    with pytest.raises(KeyError, match="^'no goal " + "f" * 32 + "'$"):
        complete_step_and_log(store, "f" * 32, "e" * 32, actual=2, note="", at=NOW)


def test_who_finds_or_adds_the_person_of_the_logged_connection(store: Store) -> None:
    goal = _goal(store, "Coffee")
    done = complete_step_and_log(
        store,
        goal.id,
        goal.steps[0].id,
        actual=2,
        note="",
        at=NOW,
        connection=_connection(),
        who="Maya",
    )
    (person,) = store.people.all()
    assert person.name == "Maya"
    assert done.logged is not None and done.logged.connection.person_id == person.id


def test_deleting_a_goal_names_it_and_a_missing_goal_is_none(store: Store) -> None:
    goal = _goal(store, "Wave")
    removed = delete_goal(store, goal.id)
    assert removed is not None
    assert (removed.record, removed.name, removed.unlinked) == (goal, goal.title, ())
    assert delete_goal(store, goal.id) is None


def test_linked_connections_are_only_the_goals_own(store: Store) -> None:
    goal = _goal(store)
    mine = store.connections.add(_connection(goal_id=goal.id))
    store.connections.add_many([_connection(), _connection(goal_id="b" * 32)])
    assert linked_connections(store, goal.id) == [mine]


def test_removing_a_step_says_where_it_stood(store: Store) -> None:
    goal = _goal(store, "a", "b", "c")
    removed = remove_step(store, goal.id, goal.steps[1].id)
    assert removed == StepRemoved(goal.id, goal.steps[1], 1)
    kept = store.goals.get(goal.id)
    assert kept is not None and [s.title for s in kept.steps] == ["a", "c"]
    again = Store.open(store.path.parent)  # written to disk
    assert [s.title for s in again.goals.get(goal.id).steps] == ["a", "c"]  # type: ignore[union-attr]


def test_removing_the_first_step_is_index_zero(store: Store) -> None:
    goal = _goal(store, "a", "b")
    assert remove_step(store, goal.id, goal.steps[0].id) == StepRemoved(goal.id, goal.steps[0], 0)


def test_removing_a_missing_step_or_from_a_missing_goal_changes_nothing(store: Store) -> None:
    goal = _goal(store, "a")
    assert remove_step(store, goal.id, "e" * 32) is None
    assert remove_step(store, "f" * 32, goal.steps[0].id) is None
    assert store.goals.get(goal.id) == goal
