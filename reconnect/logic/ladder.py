"""Pure changes to a goal and its ladder of steps: each returns a new Goal.

The ladder is `Goal.steps`, kept easiest first: difficulties never go down along it,
and steps of equal difficulty keep the order the user gave them. So the first step not
done is always `Goal.next_step()` (the easiest not done).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from reconnect.records.models import Goal, GoalStatus, Pause, Step


def _with_steps(goal: Goal, steps: list[Step]) -> Goal:
    return goal.model_copy(update={"steps": steps})


def _index(goal: Goal, step_id: str) -> int:
    for n, step in enumerate(goal.steps):
        if step.id == step_id:
            return n
    raise KeyError(f"no step {step_id} in goal {goal.id}")


def add_step(goal: Goal, step: Step) -> Goal:
    """Insert after every step that is no harder, so the ladder stays easiest first."""
    at = sum(1 for s in goal.steps if s.difficulty <= step.difficulty)
    return _with_steps(goal, [*goal.steps[:at], step, *goal.steps[at:]])


def replace_step(goal: Goal, step: Step) -> Goal:
    """Swap in an edited step; a changed difficulty moves it to its new rung."""
    steps = list(goal.steps)
    at = _index(goal, step.id)
    if steps[at].difficulty != step.difficulty:
        return add_step(remove_step(goal, step.id), step)
    steps[at] = step
    return _with_steps(goal, steps)


def remove_step(goal: Goal, step_id: str) -> Goal:
    return _with_steps(goal, [s for s in goal.steps if s.id != step_id])


def move_step(goal: Goal, step_id: str, offset: int) -> Goal:
    """Move a step one rung up (offset < 0) or down (> 0); stops at either end; 0 stays.

    Moving past a step of another difficulty takes on that step's difficulty, so the
    ladder stays easiest first: the user's order is a statement about difficulty.
    """
    steps = list(goal.steps)
    old = _index(goal, step_id)
    if offset == 0:
        return goal  # no move (it once moved up keeping the harder difficulty)
    down = offset > 0  # one test for both the direction and the difficulty taken
    new = old + (1 if down else -1)
    if not 0 <= new < len(steps):
        return goal
    moving, passed = steps[old], steps[new]
    level = max if down else min
    steps[new] = moving.model_copy(
        update={"difficulty": level(moving.difficulty, passed.difficulty)}
    )
    steps[old] = passed
    return _with_steps(goal, steps)


def complete_step(goal: Goal, step_id: str, actual: int, note: str, at: datetime) -> Goal:
    step = goal.steps[_index(goal, step_id)]
    done = step.model_copy(update={"actual_discomfort": actual, "note": note, "done_at": at})
    return replace_step(goal, done)


def reopen_step(goal: Goal, step_id: str) -> Goal:
    """Undo a completion (a slip of the finger), keeping the note."""
    step = goal.steps[_index(goal, step_id)]
    return replace_step(goal, step.model_copy(update={"actual_discomfort": None, "done_at": None}))


def plan_step(goal: Goal, step_id: str, day: date | None) -> Goal:
    step = goal.steps[_index(goal, step_id)]
    return replace_step(goal, step.model_copy(update={"planned_on": day}))


FINISHED = (GoalStatus.DONE, GoalStatus.LET_GO)


def pause(goal: Goal, until: date, today: date) -> Goal:
    """Rest the goal until a day; those weeks will not count against it.

    A finished goal stays finished (another window may have finished it since the
    rest was asked for). Resting again on a day a pause ran joins that pause, so no two
    pauses share a day.
    """
    if goal.status in FINISHED:
        return goal
    closed = _closed_pauses(goal, today)
    joined = [p for p in closed if p.until >= today]
    span = Pause(
        start=min([today, *(p.start for p in joined)]),
        until=max([until, *(p.until for p in joined)]),
    )
    return goal.model_copy(
        update={
            "status": GoalStatus.PAUSED,
            "paused_until": until,
            "pauses": [*(p for p in closed if p.until < today), span],
        }
    )


def resume(goal: Goal, today: date) -> Goal:
    """Back to active; a pause still running ends today. A finished goal stays finished
    (resuming is no way to reopen one finished in another window meanwhile)."""
    if goal.status in FINISHED:
        return goal
    return goal.model_copy(
        update={
            "status": GoalStatus.ACTIVE,
            "paused_until": None,
            "pauses": _closed_pauses(goal, today),
        }
    )


def _closed_pauses(goal: Goal, today: date) -> list[Pause]:
    """The goal's pauses with any still running cut short at today."""
    return [
        p.model_copy(update={"until": today}) if p.start <= today <= p.until else p
        for p in goal.pauses
    ]


def finish(goal: Goal, status: GoalStatus, today: date) -> Goal:
    """Mark done or let go (or active again); a running pause ends today."""
    return goal.model_copy(
        update={"status": status, "paused_until": None, "pauses": _closed_pauses(goal, today)}
    )


def is_paused(goal: Goal, today: date) -> bool:
    return goal.status is GoalStatus.PAUSED and (
        goal.paused_until is None or goal.paused_until >= today
    )


@dataclass(frozen=True)
class Discomfort:
    """Predicted against actual discomfort over a goal's done steps."""

    steps: int
    predicted: float
    actual: float

    @property
    def difference(self) -> float:
        """How much bigger the fear was than the reality (negative: harder than feared)."""
        return self.predicted - self.actual


def discomfort(goal: Goal) -> Discomfort | None:
    """Averages over done steps that have an actual discomfort; None when none do."""
    pairs = [
        (s.predicted_discomfort, s.actual_discomfort)
        for s in goal.steps
        if s.done and s.actual_discomfort is not None
    ]
    if not pairs:
        return None
    return Discomfort(
        len(pairs),
        sum(p for p, _ in pairs) / len(pairs),
        sum(a for _, a in pairs) / len(pairs),
    )


def _next_difficulty(steps: list[Step], predicted: int) -> int:
    """As easy as the easiest step not done (so it comes next); on a ladder climbed to
    the top, as hard as its top step; on an empty one, as hard as it is expected to
    feel. It was 0 there: a "Diff 0" nobody chose."""
    todo = [s.difficulty for s in steps if not s.done]
    if todo:
        return min(todo)
    if steps:
        return max(s.difficulty for s in steps)
    return predicted


def goal_with_next_step(
    goal: Goal, title: str, previous: str | None = None, predicted: int = 0
) -> Goal:
    """`goal` with `title` as a step (it comes next: see _next_difficulty), expecting
    `predicted` discomfort. A step of that title already there is kept
    as it is; a not-done step named `previous` (the review's earlier wording) is renamed
    rather than duplicated."""
    title = title.strip()
    if any(step.title == title for step in goal.steps):
        return goal
    steps = list(goal.steps)
    for i, step in enumerate(steps):
        if previous and step.title == previous.strip() and not step.done:
            steps[i] = step.model_copy(update={"title": title})
            break
    else:
        step = Step(
            title=title,
            difficulty=_next_difficulty(steps, predicted),
            predicted_discomfort=predicted,
        )
        steps = list(add_step(goal, step).steps)  # in its place on the ladder
    return Goal.model_validate({**goal.model_dump(), "steps": [s.model_dump() for s in steps]})
