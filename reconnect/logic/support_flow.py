"""Which kinds of support have flowed each way, per person, and where the network is
thin: a gentle note, never a score.

Floor 3: plain functions; never textual.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from reconnect.logic.support import WAYS
from reconnect.records.content import SUPPORT_KIND_EXAMPLES
from reconnect.records.models import Connection, SupportFlow, SupportKind


@dataclass(frozen=True)
class Flows:
    """The kinds given and received; None stands for a moment that said which way
    support went but not of what kind."""

    gave: frozenset[SupportKind | None] = field(default_factory=frozenset)
    received: frozenset[SupportKind | None] = field(default_factory=frozenset)


def flows_by_person(connections: Iterable[Connection]) -> dict[str, Flows]:
    """Per person id, the kinds of support given and received in their moments."""
    gave: dict[str, set[SupportKind | None]] = {}
    received: dict[str, set[SupportKind | None]] = {}
    for c in connections:
        if c.person_id is None or c.support is None:
            continue
        ways = WAYS[c.support]
        if SupportFlow.GAVE in ways:
            gave.setdefault(c.person_id, set()).add(c.support_kind)
        if SupportFlow.RECEIVED in ways:
            received.setdefault(c.person_id, set()).add(c.support_kind)
    return {
        pid: Flows(frozenset(gave.get(pid, ())), frozenset(received.get(pid, ())))
        for pid in gave.keys() | received.keys()
    }


def _kinds(kinds: frozenset[SupportKind | None]) -> str:
    # Kinds in SupportKind order; "some" only when no moment named a kind.
    named = [k.value for k in SupportKind if k in kinds]
    if not named:
        return "some (no kind noted)"
    return ", ".join(named)


def flows_words(flows: Flows | None) -> str:
    """'Support received: emotional, practical. Support given: practical.', or "" when
    nothing was logged."""
    if flows is None:
        return ""
    parts = []
    if flows.received:
        parts.append(f"Support received: {_kinds(flows.received)}.")
    if flows.gave:
        parts.append(f"Support given: {_kinds(flows.gave)}.")
    return " ".join(parts)


def kinds_not_received(connections: Iterable[Connection]) -> list[SupportKind]:
    """The kinds of support no logged moment received, in SupportKind order."""
    seen = {
        c.support_kind
        for c in connections
        if c.support is not None and SupportFlow.RECEIVED in WAYS[c.support]
    }
    return [k for k in SupportKind if k not in seen]


def thin_support_words(missing: list[SupportKind]) -> str:
    """The "your support" note: each kind with nothing received logged, with what it
    looks like, as a suggestion. "" when every kind has come your way."""
    if not missing:
        return ""
    named = [f"{_KIND_NOUNS[k.value]} ({SUPPORT_KIND_EXAMPLES[k.value]})" for k in missing]
    listed = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " or " + named[-1]
    return (
        f"Nothing logged yet of {listed} coming your way. Support can flow to you too: "
        "one small ask is a place to start."
    )


# Each kind as the thing received, for a sentence: "practical help (a lift, …)".
_KIND_NOUNS = {
    "emotional": "emotional support",
    "practical": "practical help",
    "guidance": "guidance",
}
