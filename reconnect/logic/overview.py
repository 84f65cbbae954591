"""What Today shows at a glance: the depth mix, the active goals and their next step."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Protocol

from reconnect.records.content import AUTHENTICITY_LABELS, COMFORT_LABELS, DEPTH_SHORT
from reconnect.records.models import (
    Goal,
    GoalStatus,
    Step,
)


class Rated(Protocol):
    """What a summary reads of a moment: a Connection, or its facts alone (ConnectionFacts)."""

    @property
    def depth(self) -> int: ...
    @property
    def comfort(self) -> int: ...
    @property
    def authenticity(self) -> int | None: ...


def depth_mix(connections: Iterable[Rated]) -> dict[int, int]:
    """How many connections at each depth 1–5 (every depth present, zeros included)."""
    counts = Counter(c.depth for c in connections)
    return {depth: counts.get(depth, 0) for depth in range(1, 6)}


def depth_words(mix: dict[int, int]) -> str:
    """The depth mix in words, led by the most common depth: 'mostly small talk, up to
    personal share', 'most often greeting, up to …' (no majority), 'only small talk';
    depths tied for most, each named: 'greeting and small talk as often, up to …'."""
    total = sum(mix.values())
    if not total:
        return "nothing logged"
    top = max(mix.values())
    most = [d for d in sorted(mix) if mix[d] == top]
    deepest = max(d for d, n in mix.items() if n)
    if top == total:
        return f"only {DEPTH_SHORT[most[0]]}"
    if len(most) > 1:
        names = [DEPTH_SHORT[d] for d in most]
        words = f"{', '.join(names[:-1])} and {names[-1]} as often"
    else:
        words = f"{'mostly' if 2 * top > total else 'most often'} {DEPTH_SHORT[most[0]]}"
    if deepest not in most:
        words += f", up to {DEPTH_SHORT[deepest]}"
    return words


def comfort_words(comfort: float, labelled: bool = True) -> str:
    """'comfort 3.4 of 5 (okay)', or 'comfort 3.4' where a line is short of room."""
    if not labelled:
        return f"comfort {comfort:.1f}"
    return f"comfort {comfort:.1f} of 5 ({COMFORT_LABELS[round(comfort)]})"


def authenticity_mean(connections: Iterable[Rated]) -> float | None:
    """The mean "could I be myself?" over the moments that answered it; None when none
    did. A moment that was not asked is left out, never counted as a zero."""
    rated = [c.authenticity for c in connections if c.authenticity is not None]
    return sum(rated) / len(rated) if rated else None


def authenticity_words(mean: float, labelled: bool = True) -> str:
    """'myself 3.8 of 5 (mostly myself)', or 'myself 3.8' where a line is short of room."""
    if not labelled:
        return f"myself {mean:.1f}"
    return f"myself {mean:.1f} of 5 ({AUTHENTICITY_LABELS[round(mean)]})"


def lead_words(connections: Iterable[Rated], labelled: bool = True) -> str:
    """How deep and how comfortable a set of moments was, and how far one could be
    oneself, the words a week's summary opens with (the count comes after, in small
    print): 'Mostly small talk, up to personal share; comfort 3.4 of 5 (okay); myself
    3.8 of 5 (mostly myself)'."""
    week = list(connections)
    if not week:
        return "Nothing logged"
    comfort = sum(c.comfort for c in week) / len(week)
    words = f"{depth_words(depth_mix(week))}; {comfort_words(comfort, labelled)}"
    if (myself := authenticity_mean(week)) is not None:
        words += f"; {authenticity_words(myself, labelled)}"
    return words[0].upper() + words[1:]


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
