"""Goal and ladder changes, and the multi-record actions on goals and people."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from reconnect.logic import ladder
from reconnect.logic.drift import drifting
from reconnect.logic.goals import complete_step_and_log, delete_goal
from reconnect.logic.people import delete_person, linked_count, people_rows
from reconnect.records.models import Connection, Goal, GoalStatus, Person, Step
from reconnect.store.store import Store
from tests.conftest import each_way, nights

NOW = datetime(2026, 11, 21, 12, tzinfo=UTC)
TODAY = date(2026, 11, 21)


def _goal() -> Goal:
    return Goal(created_at=NOW, title="Reach out to Maya")


def _titles(goal: Goal) -> list[str]:
    return [s.title for s in goal.steps]


def test_steps_go_in_easiest_first_and_can_be_moved() -> None:
    goal = _goal()
    for title, difficulty in (("hard", 8), ("easy", 1), ("middle", 4), ("also easy", 1)):
        goal = ladder.add_step(goal, Step(title=title, difficulty=difficulty))
    assert _titles(goal) == ["easy", "also easy", "middle", "hard"]
    hard = goal.steps[3].id
    # Moving up past an easier step takes on its difficulty: the ladder stays easiest
    # first, so the next step is the first one not done.
    goal = ladder.move_step(goal, hard, -1)
    assert _titles(goal) == ["easy", "also easy", "hard", "middle"]
    assert [s.difficulty for s in goal.steps] == [1, 1, 4, 4]
    goal = ladder.move_step(goal, hard, -1)
    goal = ladder.move_step(goal, hard, -1)
    goal = ladder.move_step(goal, hard, -1)  # already at the top: stays
    assert _titles(goal) == ["hard", "easy", "also easy", "middle"]
    assert goal.next_step() is not None and goal.next_step().title == "hard"  # type: ignore[union-attr]
    goal = ladder.move_step(goal, hard, +1)  # down past an equal step: difficulty kept
    assert _titles(goal) == ["easy", "hard", "also easy", "middle"]
    assert [s.difficulty for s in goal.steps] == [1, 1, 1, 4]
    # Editing a step's difficulty moves it to its new rung.
    edited = goal.steps[1].model_copy(update={"difficulty": 9})
    goal = ladder.replace_step(goal, edited)
    assert _titles(goal) == ["easy", "also easy", "middle", "hard"]
    goal = ladder.remove_step(goal, hard)
    assert _titles(goal) == ["easy", "also easy", "middle"]


def test_complete_plan_and_reopen_a_step() -> None:
    goal = ladder.add_step(_goal(), Step(title="Reply", predicted_discomfort=7))
    step_id = goal.steps[0].id
    goal = ladder.plan_step(goal, step_id, TODAY)
    assert goal.steps[0].planned_on == TODAY
    goal = ladder.complete_step(goal, step_id, 3, "easier than I feared", NOW)
    step = goal.steps[0]
    assert step.done and step.actual_discomfort == 3 and step.note == "easier than I feared"
    assert goal.next_step() is None
    summary = ladder.discomfort(goal)
    assert summary is not None and (summary.predicted, summary.actual) == (7, 3)
    assert summary.difference == 4
    goal = ladder.reopen_step(goal, step_id)
    assert not goal.steps[0].done and ladder.discomfort(goal) is None


def test_pause_resume_and_finish_keep_a_record_of_pauses() -> None:
    goal = ladder.pause(_goal(), date(2026, 12, 1), TODAY)
    assert goal.status is GoalStatus.PAUSED and ladder.is_paused(goal, TODAY)
    assert [(p.start, p.until) for p in goal.pauses] == [(TODAY, date(2026, 12, 1))]
    goal = ladder.resume(goal, date(2026, 11, 25))  # back early: the pause ends that day
    assert goal.status is GoalStatus.ACTIVE and goal.paused_until is None
    assert [(p.start, p.until) for p in goal.pauses] == [(TODAY, date(2026, 11, 25))]
    assert not ladder.is_paused(goal, TODAY)
    done = ladder.finish(goal, GoalStatus.DONE, TODAY)
    assert done.status is GoalStatus.DONE and len(done.pauses) == 1
    # A pause whose day has passed no longer holds the goal back.
    old = ladder.pause(_goal(), date(2026, 11, 1), date(2026, 10, 20))
    assert not ladder.is_paused(old, TODAY)


def _connection(**kw: object) -> Connection:
    return Connection(at=NOW, what="Coffee", counterpart="friend", depth=3, comfort=4, **kw)  # type: ignore[arg-type]


def test_complete_step_and_log_is_one_write_linking_goal_and_step(store: Store) -> None:
    goal = ladder.add_step(_goal(), Step(title="Suggest a walk", predicted_discomfort=6))
    store.goals.add(goal)
    step_id = goal.steps[0].id
    done = complete_step_and_log(
        store, goal.id, step_id, actual=2, note="fine", at=NOW, connection=_connection()
    )
    assert done.goal.steps[0].actual_discomfort == 2 and done.logged is not None
    again = Store.open(store.path.parent)  # what a second process sees on disk
    (logged,) = again.connections.all()
    assert (logged.goal_id, logged.step_id) == (goal.id, step_id)
    assert again.goals.get(goal.id).steps[0].done  # type: ignore[union-attr]


def test_complete_step_of_a_goal_gone_meanwhile_writes_nothing(store: Store) -> None:
    with pytest.raises(KeyError):
        complete_step_and_log(
            store, "f" * 32, "e" * 32, actual=2, note="", at=NOW, connection=_connection()
        )
    assert store.connections.count() == 0


def test_deleting_a_goal_or_a_person_keeps_their_log_unlinked(store: Store) -> None:
    person = Person(name="Maya", created_at=NOW)
    goal = _goal().model_copy(update={"person_id": person.id})
    store.people.add(person)
    store.goals.add(goal)
    store.connections.add_many(
        [_connection(person_id=person.id, goal_id=goal.id), _connection(person_id=person.id)]
    )
    assert linked_count(store, person.id) == (2, 1)
    gone = delete_person(store, person.id)
    assert gone is not None and gone.record == person and gone.count("connections") == 2
    assert store.people.count() == 0 and store.connections.count() == 2
    assert all(c.person_id is None for c in store.connections.all())
    assert store.goals.get(goal.id).person_id is None  # type: ignore[union-attr]
    removed = delete_goal(store, goal.id)
    assert removed is not None and removed.count("connections") == 1
    assert store.connections.count() == 2
    assert all(c.goal_id is None for c in store.connections.all())


def test_people_rows_derive_last_contact_and_drift() -> None:
    start = datetime(2026, 10, 1, tzinfo=UTC)
    maya = Person(name="Maya", cadence_days=7, created_at=start)
    sam = Person(name="sam", created_at=start)
    log = [
        _connection(person_id=maya.id).model_copy(update={"at": datetime(2026, 11, 1, tzinfo=UTC)})
    ]
    rows = people_rows([sam, maya], log, TODAY)
    assert [r.person.name for r in rows] == ["Maya", "sam"]
    assert rows[0].days_since == 20 and rows[0].logged == 1
    assert rows[0].drift is not None and rows[0].drift.overdue_by == 13
    assert rows[1].last is None and rows[1].drift is None


def test_drift_counts_local_days_from_a_contact_a_minute_from_midnight(zone: ZoneInfo) -> None:
    for night in nights(zone):
        today = night + timedelta(days=10)
        maya = Person(name="Maya", cadence_days=7, created_at=NOW - timedelta(days=400))
        sam = Person(
            name="Sam",
            cadence_days=9,
            created_at=datetime.combine(night, time(0, 1), tzinfo=zone).astimezone(UTC),
        )
        late = datetime.combine(night, time(23, 59), tzinfo=zone).astimezone(UTC)
        log = [_connection(person_id=maya.id).model_copy(update={"at": late})]
        for found in each_way(
            zone, lambda tz, c=log, p=(maya, sam), t=today: drifting(p, c, t, tz)
        ):
            # Both count from `night`, ten days ago where the user is.
            assert [(d.person.name, d.days_since, d.overdue_by) for d in found] == [
                ("Maya", 10, 3),
                ("Sam", 10, 1),
            ]
        for rows in each_way(
            zone, lambda tz, c=log, p=(maya, sam), t=today: people_rows(p, c, t, tz)
        ):
            assert [(r.person.name, r.days_since, r.logged) for r in rows] == [
                ("Maya", 10, 1),
                ("Sam", None, 0),
            ]
            assert [r.drift.overdue_by if r.drift else None for r in rows] == [3, 1]


def test_resting_twice_on_a_day_makes_one_pause() -> None:
    """Found by the life-cycle machine: pause, resume and pause again on one day left
    two pauses sharing that day."""
    goal = ladder.pause(_goal(), TODAY, TODAY)
    goal = ladder.resume(goal, TODAY)
    goal = ladder.pause(goal, date(2026, 11, 28), TODAY)
    assert [(p.start, p.until) for p in goal.pauses] == [(TODAY, date(2026, 11, 28))]
    again = ladder.pause(goal, date(2026, 11, 23), date(2026, 11, 22))  # shorter, next day
    assert [(p.start, p.until) for p in again.pauses] == [(TODAY, date(2026, 11, 23))]
    assert again.paused_until == date(2026, 11, 23)


@pytest.mark.parametrize("status", [GoalStatus.DONE, GoalStatus.LET_GO])
def test_a_finished_goal_is_neither_rested_nor_resumed(status: GoalStatus) -> None:
    """Found by the life-cycle machine: resume (or rest) applied to a goal another window
    had finished meanwhile reopened it (or paused it)."""
    finished = ladder.finish(ladder.pause(_goal(), date(2026, 12, 1), TODAY), status, TODAY)
    assert ladder.resume(finished, date(2026, 11, 23)) == finished
    assert ladder.pause(finished, date(2026, 12, 5), date(2026, 11, 23)) == finished
