"""Often goes with: which kinds of person, channels and people go with higher comfort in
what was logged. Plain means with the number of moments behind each, never a cause.

Floor 3: plain functions; never textual.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reconnect.records.facts import ConnectionFacts

# Fewer moments than this say too little to show.
MIN_MOMENTS = 3
NOT_WHY = "These go together in what you logged; they don't say why."
ASPECTS = ("kind", "channel", "person")


@dataclass(frozen=True)
class GoesWith:
    aspect: str  # one of ASPECTS
    key: str  # the kind or channel value, or the person id
    moments: int  # with it
    comfort: float  # mean comfort with it
    others: int  # moments without it
    comfort_others: float | None  # mean comfort without it (None: there are none)


def _key(moment: ConnectionFacts, aspect: str) -> str | None:
    if aspect == "kind":
        return moment.counterpart
    if aspect == "channel":
        return moment.channel
    return moment.person_id


def goes_with(
    moments: Sequence[ConnectionFacts], minimum: int = MIN_MOMENTS
) -> dict[str, list[GoesWith]]:
    """Per aspect, each value with at least `minimum` moments, highest comfort first
    (ties: more moments first, then by key)."""
    total, total_comfort = len(moments), sum(m.comfort for m in moments)
    found: dict[str, list[GoesWith]] = {}
    for aspect in ASPECTS:
        sums: dict[str, list[int]] = {}
        for moment in moments:
            key = _key(moment, aspect)
            if key:
                bucket = sums.setdefault(key, [0, 0])
                bucket[0] += 1
                bucket[1] += moment.comfort
        rows = []
        for key, (n, comfort) in sums.items():
            if n < minimum:
                continue
            others = total - n
            rest = (total_comfort - comfort) / others if others else None
            rows.append(GoesWith(aspect, key, n, comfort / n, others, rest))
        found[aspect] = sorted(rows, key=lambda r: (-r.comfort, -r.moments, r.key))
    return found


def goes_with_line(row: GoesWith, name: str) -> str:
    """'friend: comfort 4.2 over 12 moments (3.1 over the 30 others)'."""
    line = f"{name}: comfort {row.comfort:.1f} over {row.moments:,} moments"
    if row.comfort_others is not None:
        others = "other" if row.others == 1 else "others"
        line += f" ({row.comfort_others:.1f} over the {row.others:,} {others})"
    return line


def named(rows: Sequence[GoesWith], names: Mapping[str, str]) -> list[tuple[GoesWith, str]]:
    """Rows with the word to show for each; a person no longer in People is left out."""
    return [(r, names[r.key]) for r in rows if r.key in names]
