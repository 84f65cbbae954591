"""Groups of one's own: their visits, and how the after-visit answers move.

Floor 3: plain functions over records; never textual. Nothing here scores a group as
a pass or a fail: it says how the answers moved, and whether they stayed low for long
enough that trying a different group might be kinder.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reconnect.records.content import GROUP_CHECKLIST, GROUP_FACTORS, SENSE_LABELS
from reconnect.records.models import Connection, Group, GroupStatus, Sense

# Every after-visit question, in the order the check asks them: (field, question).
QUESTIONS: tuple[tuple[str, str], ...] = (
    *GROUP_CHECKLIST,
    *((field, question) for field, question, _factor in GROUP_FACTORS),
)
# "Stayed low": this many checked visits in a row with few yeses.
LOW_AFTER_VISITS = 3
LOW_SHARE = 0.25


def visits_to(group_id: str, connections: Iterable[Connection]) -> list[Connection]:
    """The group's visits, oldest first."""
    return sorted((c for c in connections if c.group_id == group_id), key=lambda c: c.at)


def visits_by_group(connections: Iterable[Connection]) -> dict[str, list[Connection]]:
    """Every group's visits, oldest first, in one pass."""
    out: dict[str, list[Connection]] = {}
    for c in sorted(connections, key=lambda c: c.at):
        if c.group_id is not None:
            out.setdefault(c.group_id, []).append(c)
    return out


@dataclass(frozen=True)
class AnswerTrail:
    """One question's answers over the checked visits, oldest first (None: skipped)."""

    field: str
    question: str
    answers: tuple[Sense | None, ...]

    def words(self) -> str:
        """'not yet → not sure → yes', or 'no answer yet'."""
        said = [SENSE_LABELS[a.value] for a in self.answers if a is not None]
        return " \u2192 ".join(said) if said else "no answer yet"


def answer_trails(visits: Sequence[Connection]) -> list[AnswerTrail]:
    """How each question's answer moved over the visits that had a check."""
    checked = [v.visit_check for v in visits if v.visit_check is not None]
    return [
        AnswerTrail(field, question, tuple(getattr(check, field) for check in checked))
        for field, question in QUESTIONS
    ]


def yes_share(visit: Connection) -> float | None:
    """The share of a visit's answers that were yes; None without any answer."""
    answers = list(visit.visit_check.answers().values()) if visit.visit_check else []
    if not answers:
        return None
    return sum(a is Sense.YES for a in answers) / len(answers)


def stays_low(visits: Sequence[Connection]) -> bool:
    """True when the last few checked visits each gave few yeses: the moment to offer,
    without blame, that a different group might fit better."""
    shares = [s for s in (yes_share(v) for v in visits) if s is not None]
    recent = shares[-LOW_AFTER_VISITS:]
    return len(recent) == LOW_AFTER_VISITS and all(s < LOW_SHARE for s in recent)


def comfort_across(visits: Sequence[Connection]) -> list[int]:
    """Comfort at each visit, oldest first."""
    return [v.comfort for v in visits]


def groups_tried(groups: Iterable[Group]) -> list[Group]:
    """Every group tried, the ones still going first, then by name."""
    return sorted(groups, key=lambda g: (g.status is GroupStatus.MOVED_ON, g.name.lower()))
