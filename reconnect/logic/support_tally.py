"""Support over a set of moments, by which way it went and of what kind: what Review and
the session report say about a week or a period.

Floor 3: plain functions; never textual.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from reconnect.logic.support import WAYS, support_words
from reconnect.records.models import Connection, SupportFlow, SupportKind

# Given first, then received; the kinds in their own order, a kind not noted last.
_ORDER: list[tuple[SupportFlow, SupportKind | None]] = [
    (flow, kind)
    for flow in (SupportFlow.GAVE, SupportFlow.RECEIVED)
    for kind in (*SupportKind, None)
]


def support_tally(
    connections: Iterable[Connection],
) -> list[tuple[SupportFlow, SupportKind | None, int]]:
    """(gave or received, kind, moments) for each pair that happened, in _ORDER."""
    counts: Counter[tuple[SupportFlow, SupportKind | None]] = Counter()
    for c in connections:
        if c.support is not None:
            for flow in WAYS[c.support]:
                counts[flow, c.support_kind] += 1
    return [(flow, kind, counts[flow, kind]) for flow, kind in _ORDER if counts[flow, kind]]


def support_tally_words(connections: Iterable[Connection]) -> str:
    """'gave emotional support ×2, received practical support', or "" when none was noted."""
    return ", ".join(
        support_words(flow, kind) + (f" ×{n}" if n > 1 else "")
        for flow, kind, n in support_tally(connections)
    )
