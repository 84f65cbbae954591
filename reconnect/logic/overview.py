"""What Today shows at a glance: the depth mix, the active goals and their next step."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date

from reconnect.records.models import (
    Connection,
    Goal,
    GoalStatus,
    Step,
)


def depth_mix(connections: Iterable[Connection]) -> dict[int, int]:
    """How many connections at each depth 1–5 (every depth present, zeros included)."""
    counts = Counter(c.depth for c in connections)
    return {depth: counts.get(depth, 0) for depth in range(1, 6)}


def active_goals(goals: Iterable[Goal], today: date) -> list[Goal]:
    """Goals being worked on today: active, or paused with the pause already over."""
    return [
        g
        for g in goals
        if g.status is GoalStatus.ACTIVE
        or (g.status is GoalStatus.PAUSED and g.paused_until is not None and g.paused_until < today)
    ]


def next_steps(goals: Sequence[Goal]) -> list[tuple[Goal, Step | None]]:
    """Each goal with its easiest step not done yet."""
    return [(g, g.next_step()) for g in goals]
