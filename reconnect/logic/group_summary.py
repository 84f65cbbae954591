"""Groups in a few words, for Progress, the weekly review and the session report.

Floor 3. Only what a therapist may read: the group's name, kind, status, visits, comfort
and how the after-visit answers moved. Group notes and moment notes never pass through.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reconnect.logic.groups import AnswerTrail, answer_trails, groups_tried, visits_by_group
from reconnect.logic.plural import plural
from reconnect.records.content import COMMUNITY_KINDS_BY_ID, GROUP_STATUS_LABELS
from reconnect.records.models import Connection, Group


@dataclass(frozen=True)
class GroupLine:
    """One group as others may read it (never its notes)."""

    name: str
    kind: str  # the kind's plain name
    status: str
    comforts: tuple[int, ...]  # comfort at each visit, oldest first
    trails: tuple[AnswerTrail, ...]  # only the questions answered at least once

    @property
    def visits(self) -> int:
        return len(self.comforts)

    def comfort_words(self) -> str:
        """'2 → 3 → 4', or '' without visits."""
        return " \u2192 ".join(map(str, self.comforts))


def kind_name(group: Group) -> str:
    info = COMMUNITY_KINDS_BY_ID.get(group.kind.value)
    return info.name if info else group.kind.value


def group_lines(groups: Iterable[Group], connections: Iterable[Connection]) -> list[GroupLine]:
    """Every group tried, still-going first, with its visits among `connections`."""
    visits = visits_by_group(connections)
    lines = []
    for group in groups_tried(groups):
        mine = visits.get(group.id, [])
        trails = tuple(t for t in answer_trails(mine) if any(a is not None for a in t.answers))
        lines.append(
            GroupLine(
                name=group.name,
                kind=kind_name(group),
                status=GROUP_STATUS_LABELS[group.status.value],
                comforts=tuple(v.comfort for v in mine),
                trails=trails,
            )
        )
    return lines


def kinds_tried(lines: Sequence[GroupLine]) -> list[str]:
    """The kinds of group tried, each once, in the order first met."""
    return list(dict.fromkeys(line.kind for line in lines))


def tried_words(lines: Sequence[GroupLine]) -> str:
    """'2 groups tried, 17 visits' (the count never judges)."""
    visits = sum(line.visits for line in lines)
    return f"{plural(len(lines), 'group')} tried, {plural(visits, 'visit')}"


def comfort_mean(comforts: Sequence[int]) -> float | None:
    return sum(comforts) / len(comforts) if comforts else None


# First visits against the latest only once there are enough of them to halve.
HALVES_FROM = 4


def halves_words(comforts: Sequence[int]) -> str:
    """Comfort at the first visits against the latest: 'comfort 2.0 at first, 4.2
    lately'; '' for fewer than HALVES_FROM visits (each is shown on its own)."""
    if len(comforts) < HALVES_FROM:
        return ""
    half = len(comforts) // 2
    first, late = comfort_mean(comforts[:half]), comfort_mean(comforts[half:])
    return f"comfort {first:.1f} at first, {late:.1f} lately"


def week_visits_words(groups: Iterable[Group], visits: Sequence[Connection]) -> str:
    """The week's visits: 'Thursday book club, comfort 4' or 'Thursday book club,
    2 visits, comfort 4 and 5'; '' when the week had none."""
    names = {g.id: g.name for g in groups}
    parts = []
    for group_id, mine in visits_by_group(visits).items():
        name = names.get(group_id, "a group")
        times = f", {len(mine)} visits" if len(mine) > 1 else ""
        comforts = [str(v.comfort) for v in mine]
        said = (
            ", ".join(comforts[:-1]) + " and " + comforts[-1] if len(comforts) > 1 else comforts[0]
        )
        parts.append(f"{name}{times}, comfort {said}")
    return "; ".join(parts)
