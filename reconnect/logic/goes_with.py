"""Often goes with: which kinds of person, channels and people go with higher comfort in
what was logged. Plain means with the number of moments behind each, never a cause.

Floor 3: plain functions; never textual.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from reconnect.records.facts import ConnectionFacts
from reconnect.records.models import Channel, Counterpart, Person, label

# Fewer moments than this say too little to show.
MIN_MOMENTS = 3
# A mean this much above the rest's (on the 1-5 scale) is "higher"; a smaller gap is
# shown as nothing at all, since a tenth of a point is noise, not a finding.
MIN_GAP = 0.3
NOT_WHY = "These go together in what you logged; they don't say why."
ASPECTS = ("kind", "channel", "person")


@dataclass(frozen=True)
class GoesWith:
    aspect: str  # one of ASPECTS
    key: str  # the kind or channel value, or the person id
    moments: int  # with it
    comfort: float  # mean comfort with it
    others: int  # moments without it
    comfort_others: float  # mean comfort without it


def _key(moment: ConnectionFacts, aspect: str) -> str | None:
    if aspect == "kind":
        return moment.counterpart
    if aspect == "channel":
        return moment.channel
    return moment.person_id


def goes_with(
    moments: Sequence[ConnectionFacts], minimum: int = MIN_MOMENTS
) -> dict[str, list[GoesWith]]:
    """Per aspect, each value with at least `minimum` moments whose mean comfort is at
    least MIN_GAP above the other moments', highest comfort first (ties: more moments
    first, then by key). A value every moment has is left out: there is nothing to
    compare it with."""
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
            if not others:
                continue
            rest = (total_comfort - comfort) / others
            if round(comfort / n - rest, 9) < MIN_GAP:  # round: 0.3 is not exact
                continue
            rows.append(GoesWith(aspect, key, n, comfort / n, others, rest))
        found[aspect] = sorted(rows, key=lambda r: (-r.comfort, -r.moments, r.key))
    return found


def goes_with_line(row: GoesWith, name: str) -> str:
    """'friend: comfort 4.2 over 12 moments (3.1 over the 30 others)'."""
    others = "other" if row.others == 1 else "others"
    return (
        f"{name}: comfort {row.comfort:.1f} over {row.moments:,} moments "
        f"({row.comfort_others:.1f} over the {row.others:,} {others})"
    )


HEADINGS = {"kind": "Kinds of person", "channel": "Channels", "person": "People"}
SHOWN_PER_ASPECT = 5


def goes_with_lines(
    moments: Sequence[ConnectionFacts], people: Iterable[Person], minimum: int = MIN_MOMENTS
) -> list[str]:
    """The panel in words: the sentence that it is no cause, then per aspect a heading
    and a line per value (at most SHOWN_PER_ASPECT, then how many more). A person no
    longer in People is left out."""
    if len(moments) < minimum:
        return [f"Too few moments in this period yet: each line needs at least {minimum}."]
    names: dict[str, Mapping[str, str]] = {
        "kind": {c.value: label(c) for c in Counterpart},
        "channel": {c.value: label(c) for c in Channel},
        "person": {p.id: p.name for p in people},
    }
    lines = [
        f"{NOT_WHY} Each line: mean comfort (1–5) over at least {minimum} moments, "
        f"{MIN_GAP:.1f} or more above the rest."
    ]
    for aspect, rows in goes_with(moments, minimum).items():
        shown = [(r, names[aspect][r.key]) for r in rows if r.key in names[aspect]]
        if not shown:
            continue
        lines.append(f"{HEADINGS[aspect]}:")
        lines += [f"· {goes_with_line(r, name)}" for r, name in shown[:SHOWN_PER_ASPECT]]
        if len(shown) > SHOWN_PER_ASPECT:
            lines.append(f"· and {len(shown) - SHOWN_PER_ASPECT} more")
    if len(lines) == 1:
        return [
            "Nothing stands out in this period: comfort was much the same whoever it was "
            "with and however you met."
        ]
    return lines
