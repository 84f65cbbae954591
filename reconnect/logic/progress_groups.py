"""Progress's "Groups" lines: groups tried, visits counted, comfort across visits.

Floor 3. Counts are plain facts, never a score: comfort at each visit carries the meaning.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from reconnect.logic.group_summary import GroupLine, group_lines, halves_words
from reconnect.logic.plural import plural
from reconnect.records.models import Connection, Group

# The latest visits shown one by one: a line of arrows must still read at 80 columns.
SHOWN_VISITS = 10


def _comfort_line(line: GroupLine) -> str:
    if not line.comforts:
        return f"{line.name} ({line.status}): no visits in these weeks."
    shown = line.comforts[-SHOWN_VISITS:]
    arrows = " \u2192 ".join(map(str, shown))
    if len(line.comforts) == len(shown):  # every visit is there to read: no summary
        return f"{line.name} ({line.status}): comfort at each visit {arrows}."
    halves = halves_words(line.comforts)
    lately = f"; {halves}" if halves else ""
    return f"{line.name} ({line.status}): comfort at each visit … {arrows}{lately}."


def progress_group_lines(
    groups: Iterable[Group], connections: Sequence[Connection], weeks: int
) -> list[str]:
    """What Progress says about groups over the period's `connections`; [] with no group."""
    lines = group_lines(groups, connections)
    if not lines:
        return []
    visits = sum(line.visits for line in lines)
    out = [
        f"{plural(len(lines), 'group')} tried so far, "
        f"{plural(visits, 'visit')} in these {weeks} weeks (comfort 1–5)."
    ]
    out += [_comfort_line(line) for line in lines]
    return out
