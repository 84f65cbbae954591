"""The steps a new goal starts with: its kind's ladder from the catalogue, if it has one.

Pure (floor 2). Difficulty and expected discomfort rise evenly along the ladder, so the
steps stay in the catalogue's easiest-first order and the person can then change,
move or delete each of them like any step they added.
"""

from __future__ import annotations

from reconnect.records.content import GOAL_KIND_LADDERS, STEP_IDEAS
from reconnect.records.models import GoalKind, Step

# The first rung is easy but not nothing; the last a stretch, not the hardest thing ever.
EASIEST, HARDEST = 2, 7


def kind_ladder(kind: GoalKind) -> tuple[str, ...]:
    """The kind's own step ideas, easiest first; empty when it has none."""
    return GOAL_KIND_LADDERS.get(kind.value, ())


def rung_levels(count: int) -> list[int]:
    """`count` values from EASIEST to HARDEST, evenly spaced and never going down."""
    if count == 1:
        return [EASIEST]
    span = HARDEST - EASIEST
    return [EASIEST + round(span * n / (count - 1)) for n in range(count)]


def starter_steps(kind: GoalKind) -> list[Step]:
    """A fresh Step for each rung of the kind's ladder (new ids each call)."""
    titles = kind_ladder(kind)
    return [
        Step(title=title, difficulty=level, predicted_discomfort=level)
        for title, level in zip(titles, rung_levels(len(titles)), strict=True)
    ]


def step_ideas(kind: GoalKind | None) -> tuple[str, ...]:
    """The step form's ideas: the kind's own ladder first, then the general ones."""
    own = kind_ladder(kind) if kind is not None else ()
    return own + tuple(idea for idea in STEP_IDEAS if idea not in own)
