"""What `reconnect today` reads of goals, people, check-ins and reviews, from their
stored documents (Repo.docs) rather than validated models: building the models'
validators costs more than the whole look (~40 ms at a prompt). The app and every save
use the models; here a document that does not read as expected is left out (`reconnect
check` is where damage is reported), and the rules are the models' and drift's own."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from reconnect.logic.weeks import local_date, week_start

Doc = dict[str, Any]
UNREADABLE = (KeyError, TypeError, ValueError, AttributeError, OverflowError)


@dataclass(frozen=True)
class GoalGlance:
    title: str
    step: str | None  # the easiest step not done (Goal.next_step)
    planned_on: date | None
    due_on: date | None  # homework's
    has_steps: bool = True  # False: none written yet (step is None then too)


def _day(value: object) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else None


def active_goals(docs: Iterable[Doc], today: date) -> list[GoalGlance]:
    """As overview.active_goals: active, or paused with the pause already over."""
    found = []
    for doc in docs:
        try:
            status = doc.get("status", "active")
            until = _day(doc.get("paused_until"))
            if not (status == "active" or (status == "paused" and until and until < today)):
                continue
            todo = [s for s in doc.get("steps") or [] if s.get("done_at") is None]
            step = min(todo, key=lambda s: s.get("difficulty", 0)) if todo else None
            homework = doc.get("homework") or {}
            found.append(
                GoalGlance(
                    str(doc["title"]),
                    str(step["title"]) if step else None,
                    _day(step.get("planned_on")) if step else None,
                    _day(homework.get("due_on")),
                    bool(doc.get("steps")),
                )
            )
        except UNREADABLE:
            continue
    return found


def drifting_names(people: Iterable[Doc], latest: Mapping[str, datetime], today: date) -> list[str]:
    """As drift.drifting_from: people past the rhythm wished for, most overdue first."""
    found: list[tuple[float, str]] = []
    for doc in people:
        try:
            cadence = doc.get("cadence_days")
            if doc.get("archived") or not cadence:
                continue
            since = latest.get(doc["id"]) or datetime.fromisoformat(doc["created_at"])
            overdue = (today - local_date(since)).days - cadence
            if overdue > 0:
                found.append((-overdue / cadence, str(doc["name"])))
        except UNREADABLE:
            continue
    found.sort(key=lambda f: (f[0], f[1].lower()))
    return [name for _, name in found]


def has_week(docs: Iterable[Doc], start: date, first_day: int) -> bool:
    """Whether a check-in or review is filed under the week beginning on `start`."""
    for doc in docs:
        try:
            day = _day(doc["week"])
        except UNREADABLE:
            continue
        if day is not None and week_start(day, first_day) == start:
            return True
    return False
