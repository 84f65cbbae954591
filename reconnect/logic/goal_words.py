"""A goal's screen in plain words: how a step stands on the ladder, what the felt
discomfort says, and the choices its menus offer. Plain strings, tested without a
terminal; the screen adds the emphasis."""

from __future__ import annotations

from reconnect.logic.day_format import day_format
from reconnect.records.models import Goal, GoalStatus, Step

# Steps of the ladder: done, the next one to do, the rest.
DONE_MARK, NEXT_MARK, LATER_MARK = "✓", "→", "·"

# What marking a goal done, letting it go or making it active again says back.
FINISHED_WORDS = {
    "done": "Marked done. That took showing up, again and again.",
    "let_go": "Let go. Choosing what fits now is part of the work.",
    "active": "Active again.",
}


def step_mark(step: Step, next_step: Step | None) -> str:
    if step.done:
        return DONE_MARK
    return NEXT_MARK if next_step is not None and step.id == next_step.id else LATER_MARK


def step_when(step: Step) -> str:
    """'done 3 Nov', 'plan Thu 12' or nothing."""
    if step.done and step.done_at:
        return f"done {day_format(step.done_at, '{day} %b')}"
    if step.planned_on:
        return f"plan {day_format(step.planned_on, '%a {day}')}"
    return ""


def discomfort_verdict(difference: float) -> str:
    """What expected minus felt discomfort (on average, out of 10) says."""
    if difference >= 0.5:
        return "The fear was bigger than the reality."
    if difference <= -0.5:
        return "Harder than expected: a smaller step next is a fine choice."
    return "About as expected: you read yourself well."


def step_choices(step: Step) -> list[tuple[str, str]]:
    """The menu of one step: (choice, words)."""
    return [
        ("reopen", "Not done after all") if step.done else ("complete", "Done: how did it feel?"),
        ("plan", "Plan it for a day"),
        ("edit", "Change it"),
        ("up", "Move up the ladder"),
        ("down", "Move down the ladder"),
        ("remove", "Remove it"),
    ]


def goal_choices(goal: Goal) -> list[tuple[str, str]]:
    """The More menu of a goal: (choice, words)."""
    choices: list[tuple[str, str]] = []
    if goal.homework is not None:
        choices.append(("homework", "Homework: how it went"))
    if goal.status in (GoalStatus.DONE, GoalStatus.LET_GO):
        choices.append(("active", "Make it active again"))
    else:
        choices.append(("done", "Mark the goal done"))
        choices.append(("let_go", "Let it go (it served its purpose, or it doesn't fit now)"))
    choices.append(("plan", "Plan the highlighted step for a day"))
    choices.append(("delete", "Delete the goal"))
    return choices


def made_words(goal: Goal) -> str:
    """What to do next with a goal just made: its filled-in ladder, or its first step."""
    if goal.steps:
        return (
            f"It has {len(goal.steps)} steps, easiest first: change or delete any "
            "(enter on a step)."
        )
    return "Now add its first small step (a)."
