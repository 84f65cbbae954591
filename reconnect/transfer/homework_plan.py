"""Homework plans: goals with steps a therapist writes in TOML or JSON (the guide is
reconnect/docs/homework-plan.md).

A plan is checked whole before anything is saved: every problem is reported with its
place (goal, step, field) and nothing is written. Each goal gets a stable `plan_key`
from the plan and the goal, so importing the same plan again adds nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from reconnect.records.error_words import reason_words
from reconnect.records.models import (
    Day,
    Goal,
    GoalKind,
    Homework,
    Line,
    Note,
    Scale10,
    Step,
    Title,
    first_error,
)
from reconnect.store.store import Store


@dataclass(frozen=True)
class PlanProblem:
    loc: tuple[str | int, ...]  # where in the document: ("goals", 1, "steps", 0, "title")
    text: str  # the place in words and the reason


class PlanError(ValueError):
    """The plan can't be imported; each problem names its place and the reason."""

    def __init__(self, problems: Sequence[PlanProblem]) -> None:
        super().__init__("; ".join(p.text for p in problems))
        self.problems = list(problems)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PlanStep(_Strict):
    title: Title
    difficulty: Scale10 = 0
    predicted_discomfort: Scale10 = 0
    planned_on: Day | None = None
    note: Note = ""


class PlanGoal(_Strict):
    key: Annotated[str, Field(max_length=100)] = ""
    title: Title
    why: Note = ""
    kind: GoalKind = GoalKind.REACH_OUT
    weekly_target: Annotated[int, Field(ge=0, le=50)] = 0
    due_on: Day | None = None
    instructions: Note = ""
    discuss_in_session: bool | None = None
    steps: list[PlanStep] = Field(default_factory=list, max_length=100)


class Plan(_Strict):
    name: Line = ""
    assigned_by: Line = ""
    assigned_on: Day
    due_on: Day | None = None
    discuss_in_session: bool = True
    goals: list[PlanGoal] = Field(min_length=1, max_length=100)


def _describe(loc: Sequence[str | int], raw: Any) -> str:
    """('goals', 1, 'steps', 0, 'difficulty') -> 'goal 2 “Title”, step 1 “…”, difficulty'."""
    parts: list[str] = []
    node = raw
    n = 0
    while n < len(loc):
        key = loc[n]
        nxt = loc[n + 1] if n + 1 < len(loc) else None
        if key in ("goals", "steps") and isinstance(nxt, int):
            node = node.get(key)[nxt] if isinstance(node, dict) else None  # type: ignore[index]
            where = f"{'goal' if key == 'goals' else 'step'} {nxt + 1}"
            title = node.get("title") if isinstance(node, dict) else None
            if isinstance(title, str) and title.strip():
                short = title.strip() if len(title) <= 40 else title.strip()[:39] + "…"
                where += f" \u201c{short}\u201d"
            parts.append(where)
            n += 2
            continue
        parts.append(str(key))
        n += 1
    return ", ".join(parts)


def parse_plan(raw: Any) -> Plan:
    """Check a parsed document against the plan format. Raises PlanError."""
    if not isinstance(raw, dict):
        text = "a plan is a table of fields with a list of goals"
        raise PlanError([PlanProblem((), text)])
    try:
        plan = Plan.model_validate(raw)
    except ValidationError as exc:
        problems: dict[tuple[str | int, ...], PlanProblem] = {}
        for err in exc.errors():
            loc = tuple(err.get("loc", ()))
            if loc in problems:  # one reason per place is enough
                continue
            where = _describe(loc, raw)
            reason = (
                "not a field of a plan"
                if err.get("type") == "extra_forbidden"
                else reason_words(err)
            )
            problems[loc] = PlanProblem(loc, f"{where}: {reason}" if where else reason)
        raise PlanError(list(problems.values())) from None
    seen: dict[str, int] = {}
    repeated: list[PlanProblem] = []
    for n, goal in enumerate(plan.goals, start=1):
        ident = _goal_ident(goal)
        if ident in seen:
            field_name = "key" if goal.key else "title"
            repeated.append(
                PlanProblem(
                    ("goals", n - 1, field_name),
                    f"goal {n} \u201c{goal.title}\u201d: same {field_name} as "
                    f"goal {seen[ident]}; give one of them its own key",
                )
            )
        else:
            seen[ident] = n
    if repeated:
        raise PlanError(repeated)
    return plan


def _goal_ident(goal: PlanGoal) -> str:
    return goal.key.strip().casefold() or " ".join(goal.title.casefold().split())


def plan_key(plan: Plan, goal: PlanGoal) -> str:
    """The same plan goal always gets the same key, wherever and whenever imported."""
    ident = "\x1f".join(
        (plan.name.casefold(), plan.assigned_by.casefold(), plan.assigned_on.isoformat())
    )
    digest = hashlib.sha256(f"{ident}\x1e{_goal_ident(goal)}".encode()).hexdigest()
    return f"plan:{digest[:32]}"


def plan_goals(plan: Plan, now: datetime) -> list[Goal]:
    """The plan's goals as records: homework, with their ladders easiest first."""
    goals: list[Goal] = []
    for n, item in enumerate(plan.goals, start=1):
        try:
            goal = Goal(
                created_at=now,
                title=item.title,
                why=item.why,
                kind=item.kind,
                weekly_target=item.weekly_target,
                plan_key=plan_key(plan, item),
                homework=Homework(
                    assigned_by=plan.assigned_by,
                    assigned_on=plan.assigned_on,
                    due_on=item.due_on or plan.due_on,
                    instructions=item.instructions,
                    discuss_in_session=plan.discuss_in_session
                    if item.discuss_in_session is None
                    else item.discuss_in_session,
                ),
                steps=_ladder(item.steps),
            )
        except ValidationError as exc:  # the plan models mirror Goal: kept as a safety net
            text = f"goal {n} \u201c{item.title}\u201d: {first_error(exc)}"
            raise PlanError([PlanProblem(("goals", n - 1), text)]) from None
        goals.append(goal)
    return goals


def _ladder(steps: list[PlanStep]) -> list[Step]:
    """Easiest first; steps of equal difficulty keep the plan's order."""
    return sorted((Step(**s.model_dump()) for s in steps), key=lambda s: s.difficulty)


@dataclass(frozen=True)
class PlanImport:
    added: list[Goal]
    already: list[Goal]  # goals of this plan imported before: left as they are


def import_plan(store: Store, plan: Plan, now: datetime, *, dry_run: bool = False) -> PlanImport:
    """Add the plan's goals not imported before, in one write. The check and the write
    share one lock, so two imports at once cannot both add a goal."""
    fresh: list[Goal] = []
    already: list[Goal] = []
    with store.batch():
        existing = {g.plan_key: g for g in store.goals.all() if g.plan_key}
        for goal in plan_goals(plan, now):
            if goal.plan_key in existing:
                already.append(existing[goal.plan_key])
            else:
                fresh.append(goal)
        if fresh and not dry_run:
            store.goals.add_many(fresh)
    return PlanImport(fresh, already)


def looks_like_plan(document: Any) -> bool:
    """A plan is a table with goals (or an assignment) and no tables of records."""
    return (
        isinstance(document, dict)
        and any(k in document for k in ("goals", "assigned_on", "assigned_by"))
        and not any(k in document for k in ("connections", "reflections", "meta", "entries"))
    )
