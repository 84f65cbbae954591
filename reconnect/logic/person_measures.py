"""How moments with one person have felt lately: mean depth, comfort and "myself".

Floor 3: plain functions; never textual.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta, tzinfo

from reconnect.logic.overview import authenticity_mean
from reconnect.logic.weeks import local_date
from reconnect.records.models import Connection

RECENT_WEEKS = 8


@dataclass(frozen=True)
class Measures:
    """Means over the moments of the last weeks; None where there were none (a gap,
    never a zero). `myself` counts only the moments that answered it."""

    moments: int
    depth: float | None
    comfort: float | None
    myself: float | None


NO_MOMENTS = Measures(0, None, None, None)


def recent_by_person(
    connections: Iterable[Connection],
    today: date,
    tz: tzinfo | None = None,
    weeks: int = RECENT_WEEKS,
) -> dict[str, Measures]:
    """Per person id, depth, comfort and myself over the `weeks` up to `today`; people
    without moments in that time are absent (NO_MOMENTS)."""
    since = today - timedelta(weeks=weeks)
    grouped: dict[str, list[Connection]] = {}
    for c in connections:  # one pass: a long log and many people stay quick
        if c.person_id and since < local_date(c.at, tz) <= today:
            grouped.setdefault(c.person_id, []).append(c)
    return {
        pid: Measures(
            len(mine),
            sum(c.depth for c in mine) / len(mine),
            sum(c.comfort for c in mine) / len(mine),
            authenticity_mean(mine),
        )
        for pid, mine in grouped.items()
    }


def measure_cell(mean: float | None) -> str:
    """A mean for a narrow column: '3.4', or nothing at all for a gap."""
    return "" if mean is None else f"{mean:.1f}"
