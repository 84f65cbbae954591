"""Goal changes that touch more than one record, each as one atomic write."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reconnect.logic import connections, ladder
from reconnect.logic.ladder import complete_step
from reconnect.logic.removals import RecordRemoved, StepRemoved, unlink
from reconnect.records.models import Connection, Goal
from reconnect.store.store import Store


@dataclass(frozen=True)
class StepCompleted:
    goal: Goal
    logged: connections.Saved | None  # None: no connection was logged with it


def complete_step_and_log(
    store: Store,
    goal_id: str,
    step_id: str,
    *,
    actual: int,
    note: str,
    at: datetime,
    connection: Connection | None = None,
    who: str | None = None,
) -> StepCompleted:
    """Mark a step done and, if given, log its connection linked to the goal and step
    (through the connection service, so `who` finds or adds the person as the Log does).

    Both land in one durable write: never a done step without its connection or the
    other way round. Raises KeyError if the goal or step is gone (another window).
    """
    logged: connections.Saved | None = None
    with store.batch():
        goal = store.goals.get(goal_id)
        if goal is None:
            raise KeyError(f"no goal {goal_id}")
        updated = store.goals.update(complete_step(goal, step_id, actual, note, at))
        if connection is not None:
            linked = connection.model_copy(update={"goal_id": goal_id, "step_id": step_id})
            logged = connections.save(store, linked, who=who)
    return StepCompleted(updated, logged)


def linked_connections(store: Store, goal_id: str) -> list[Connection]:
    return [c for c in store.connections.all() if c.goal_id == goal_id]


def delete_goal(store: Store, goal_id: str) -> RecordRemoved | None:
    """Delete a goal (its steps with it) in one write; its logged connections stay,
    unlinked. The Removal puts the goal and those links back."""
    with store.batch():
        cut = unlink(store, Connection.table, goal_id, ("goal_id", "step_id"))
        gone = store.goals.delete(goal_id)
    return RecordRemoved(gone, gone.title, tuple(cut)) if gone is not None else None


def remove_step(store: Store, goal_id: str, step_id: str) -> StepRemoved | None:
    """Take a step off its goal's ladder; connections logged for it keep its id, so
    putting it back links them again."""
    with store.batch():
        goal = store.goals.get(goal_id)
        steps = goal.steps if goal is not None else []
        index = next((n for n, s in enumerate(steps) if s.id == step_id), None)
        if goal is None or index is None:
            return None
        store.goals.update(ladder.remove_step(goal, step_id))
    return StepRemoved(goal_id, goal.steps[index], index)
