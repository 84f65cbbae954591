"""The Log's week when it may hold very many moments (a runaway script can log 100,000 in
a week): counted and filtered from the facts the store's index keeps, with models built
only for the page that is shown, newest first."""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from reconnect.logic.weeks import local_date, midnight
from reconnect.records.facts import ConnectionFacts
from reconnect.records.models import Connection

if TYPE_CHECKING:
    from reconnect.store.store import Store

PAGE = 300  # moments shown at first, and added by each "show more"


@dataclass(frozen=True)
class MomentFilter:
    """The Log's filters; None: any."""

    person_id: str | None = None
    counterpart: str | None = None
    depth: int | None = None

    def matches(self, moment: ConnectionFacts | Connection) -> bool:
        return (
            (self.person_id is None or moment.person_id == self.person_id)
            and (self.counterpart is None or moment.counterpart == self.counterpart)
            and (self.depth is None or moment.depth == self.depth)
        )


@dataclass
class WeekMoments:
    week: list[ConnectionFacts]  # every moment of the week, oldest first
    shown: list[ConnectionFacts]  # those the filter lets through, oldest first
    page: list[Connection]  # the newest `limit` of shown, newest first
    per_day: Counter[date] = field(default_factory=Counter)  # shown moments by day

    @property
    def not_shown(self) -> int:
        """Moments that match but lie beyond the page."""
        return len(self.shown) - len(self.page)


def week_moments(
    store: Store, start: datetime, end: datetime, wanted: MomentFilter, limit: int = PAGE
) -> WeekMoments:
    """The moments in [start, end): all counted, the newest `limit` that match as models."""
    repo = store.connections
    week: list[ConnectionFacts] = repo.facts_between(start, end)
    shown = [m for m in week if wanted.matches(m)]
    newest = [m.id for m in reversed(shown[-limit:])] if limit > 0 else []
    page = sorted(repo.many(newest), key=lambda c: c.at, reverse=True)
    return WeekMoments(week, shown, page, _per_day(shown, start, end))


def _per_day(moments: list[ConnectionFacts], start: datetime, end: datetime) -> Counter[date]:
    """How many moments (oldest first) on each local day: found by the days' bounds, so
    that 100,000 moments need no date of their own."""
    first = local_date(start)
    days = [first + timedelta(days=n) for n in range((local_date(end) - first).days + 1)]
    cuts = [0]
    cuts += [bisect.bisect_left(moments, midnight(d), key=_time) for d in days[1:]]
    cuts.append(len(moments))
    return Counter(
        {day: cuts[n + 1] - cuts[n] for n, day in enumerate(days) if cuts[n + 1] > cuts[n]}
    )


def _time(moment: ConnectionFacts) -> datetime:
    return moment.at
