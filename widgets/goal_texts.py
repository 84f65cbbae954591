"""One goal as text for its screen: what it is (and its homework), its weekly rhythm, and
how its done steps felt against what was expected. Handed the records and results; the
words carry the meaning, styles only emphasise."""

from __future__ import annotations

from datetime import date

from rich.text import Text

from reconnect.logic import ladder
from reconnect.logic.consistency import Consistency
from reconnect.logic.day_format import day_format
from reconnect.logic.goal_words import discomfort_verdict
from reconnect.logic.plural import plural
from reconnect.records.content import GOAL_KIND_LABELS, GOAL_STATUS_LABELS
from reconnect.records.models import Goal, GoalStatus, Homework, label
from widgets.score_spark import score_text

# Until a goal has this many judged weeks, its score is explained as just starting.
JUST_STARTED_WEEKS = 4


def goal_text(goal: Goal, today: date, person_name: str | None = None) -> Text:
    """Title, kind and state, aim, with whom, why, and the homework if it is some."""
    text = Text()
    text.append(goal.title, style="bold underline")
    text.append("\n")
    text.append(GOAL_KIND_LABELS[goal.kind.value], style="bold")
    if ladder.is_paused(goal, today):
        until = (
            f" until {day_format(goal.paused_until, '%a {day} %b')}" if goal.paused_until else ""
        )
        text.append(f" · resting{until} (these weeks don't count)")
    elif goal.status is not GoalStatus.ACTIVE and goal.status is not GoalStatus.PAUSED:
        text.append(f" · {GOAL_STATUS_LABELS[goal.status]}")
    else:
        text.append(" · active")
    if goal.weekly_target:
        text.append(f" · aim: {goal.weekly_target} a week")
    if person_name is not None:
        text.append(f" · with {person_name}")
    if goal.why:
        text.append(f"\nWhy: {goal.why}", style="italic")
    if goal.homework is not None:
        text.append_text(homework_text(goal.homework))
    return text


def homework_text(hw: Homework) -> Text:
    text = Text()
    text.append("\nHomework", style="bold")
    if hw.assigned_by:
        text.append(f" from {hw.assigned_by}")
    text.append(f", set {day_format(hw.assigned_on, '{day} %b')}")
    if hw.due_on:
        text.append(f", due {day_format(hw.due_on, '%a {day} %b')}", style="bold")
    if hw.discuss_in_session:
        text.append(" · to talk about in session")
    if hw.instructions:
        text.append(f"\n{hw.instructions.strip()}")
    if hw.outcome:
        text.append(f"\nHow it went: {label(hw.outcome)}", style="bold")
        if hw.obstacles:
            text.append(f"; in the way: {hw.obstacles.strip()}")
    return text


def rhythm_text(goal: Goal, result: Consistency) -> Text:
    """Steadiness (the consistency score) against the weekly aim, and a word for a new
    or returning goal. Not called "aim met": it is habit strength, which grows over
    weeks (four good weeks make half), so "16%" after one good week read as a fail."""
    if not goal.weekly_target:
        return Text("No weekly aim: set one with Edit (e) to see how steady it is.", style="dim")
    text = Text("Steadiness, built week by week: ")
    empty = "starts once this week's aim is met or the week ends"
    text.append_text(score_text(result.score, result.recent(), empty=empty))
    if result.score is not None:
        # Weeks before the goal began have no bar: count the bars actually drawn.
        drawn = sum(score is not None for score in result.recent())
        text.append(f" (bars: last {plural(drawn, 'week')})")
    text.append(f"\nThis week so far: {result.this_week} of an aim of {goal.weekly_target}")
    if result.this_week >= goal.weekly_target:
        text.append(" ✓ met")
    if result.score is not None and result.judged < JUST_STARTED_WEEKS:
        # A smoothed score starts low by design; say so before it discourages.
        text.append(
            "\nJust started: steadiness grows with every week you meet your aim (four "
            "good weeks make 50%); a missed week takes only a little away.",
            style="italic",
        )
    if result.welcome_back and goal.status is not GoalStatus.DONE:
        text.append(
            "\nWelcome back. Nothing to make up for: one small step this week is plenty.",
            style="bold",
        )
    return text


def discomfort_text(goal: Goal) -> Text:
    """Expected against felt discomfort over the done steps, or what will show here."""
    summary = ladder.discomfort(goal)
    if summary is None:
        return Text(
            "When a step is done you'll record how uncomfortable it really felt, next to "
            "what you expected.",
            style="dim",
        )
    text = Text(f"Over {plural(summary.steps, 'done step')}: expected ", style="")
    text.append(f"{summary.predicted:.1f}", style="bold")
    text.append(" on average, felt ")
    text.append(f"{summary.actual:.1f}", style="bold")
    text.append(" (out of 10). ")
    text.append(discomfort_verdict(summary.difference), style="italic")
    return text
