"""The sample group: the Thursday book club, whose visits are the moments with it."""

from __future__ import annotations

import random
from datetime import datetime, time, tzinfo

from reconnect.records.models import (
    CommunityKind,
    Connection,
    Goal,
    Group,
    GroupStatus,
    Person,
    Rhythm,
    Sense,
    VisitCheck,
)

BOOK_CLUB = "Book club"  # the person in People the visits were logged with
CHECKED_VISITS = 6  # the after-visit check came later: only the last few visits have one
SKIP_ANSWER = 0.1  # every answer may be left out


def _warming(rng: random.Random, f: float) -> Sense | None:
    # Early checks are mostly "not yet" and "not sure"; later ones mostly "yes".
    if rng.random() < SKIP_ANSWER:
        return None
    r = rng.random()
    if r < 0.05 + 0.95 * f * f:
        return Sense.YES
    return Sense.NOT_SURE if r < 0.5 + 0.5 * f else Sense.NOT_YET


def _check(rng: random.Random, f: float) -> VisitCheck:
    return VisitCheck(**{name: _warming(rng, f) for name in VisitCheck.model_fields})


def book_club(
    seed: int,
    people: list[Person],
    goals: list[Goal],
    connections: list[Connection],
    tz: tzinfo,
) -> tuple[list[Group], list[Connection]]:
    """The book club as a group of one's own, and the moments linked to it as visits.
    Its own random stream, so the rest of the history is the same as without it."""
    person = next((p for p in people if p.name == BOOK_CLUB), None)
    if person is None:
        return [], connections
    visits = [c for c in connections if c.person_id == person.id]
    if not visits:
        return [], connections
    goal = next((g for g in goals if g.person_id == person.id), None)
    group = Group(
        created_at=datetime.combine(visits[0].at.astimezone(tz).date(), time(9), tzinfo=tz),
        name="Thursday book club",
        kind=CommunityKind.SHARED_INTEREST,
        where="Central library",
        when="Thursdays 7pm",
        rhythm=Rhythm.WEEKLY,
        status=GroupStatus.STAYING,
        notes="The woman by the window lent me her copy. Say thank you.",
        goal_id=goal.id if goal else None,
    )
    rng = random.Random(f"{seed}-groups")
    checked = {v.id: n for n, v in enumerate(visits[-CHECKED_VISITS:])}
    span = max(1, len(checked) - 1)
    out = []
    for c in connections:
        if c.person_id != person.id:
            out.append(c)
            continue
        update: dict[str, object] = {"group_id": group.id}
        if c.id in checked:
            update["visit_check"] = _check(rng, checked[c.id] / span)
        out.append(c.model_copy(update=update))
    return [group], out
