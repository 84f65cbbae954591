"""The sample groups: the Thursday book club, whose visits are the moments there in
person, and an online forum tried twice early on and moved on from (not a failure:
not the fit)."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta, tzinfo

from reconnect.records.models import (
    Channel,
    CommunityKind,
    Connection,
    Counterpart,
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
    # A visit is going there: a text or a call with someone from the club is not one.
    visits = [c for c in connections if c.person_id == person.id and c.channel is Channel.IN_PERSON]
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
    visit_ids = {v.id for v in visits}
    checked = {v.id: n for n, v in enumerate(visits[-CHECKED_VISITS:])}
    span = max(1, len(checked) - 1)
    out = []
    for c in connections:
        if c.id not in visit_ids:
            out.append(c)
            continue
        update: dict[str, object] = {"group_id": group.id}
        if c.id in checked:
            update["visit_check"] = _check(rng, checked[c.id] / span)
        out.append(c.model_copy(update=update))
    return [group], out


# The forum's two visits: late evenings in the third and fourth weeks, feeling little.
FORUM_VISITS = (
    (16, "Read the peer support forum late at night", 2),
    (23, "Posted once on the forum; nobody answered", 1),
)


def _low(rng: random.Random) -> VisitCheck:
    # Mostly "not yet": the answers that, kept up, make "try a different group" kind.
    answers = (Sense.NOT_YET, Sense.NOT_YET, Sense.NOT_SURE, None)
    return VisitCheck(**{name: rng.choice(answers) for name in VisitCheck.model_fields})


def online_forum(seed: int, first: date, tz: tzinfo) -> tuple[Group, list[Connection]]:
    """An online peer support forum tried twice and moved on from. Its own random
    stream; its two visits are new moments with no person."""
    rng = random.Random(f"{seed}-forum")
    group = Group(
        created_at=datetime.combine(first + timedelta(days=15), time(21), tzinfo=tz),
        name="Night owls peer support forum",
        kind=CommunityKind.ONLINE,
        where="online",
        when="any time",
        rhythm=Rhythm.ANY_TIME,
        status=GroupStatus.MOVED_ON,
        notes="Too many people arguing. Maybe a smaller one.",
    )
    visits = [
        Connection(
            at=datetime.combine(first + timedelta(days=days), time(22, 30), tzinfo=tz),
            what=what,
            counterpart=Counterpart.GROUP,
            channel=Channel.ONLINE,
            depth=1 if comfort == 2 else 2,
            comfort=comfort,
            group_id=group.id,
            visit_check=_low(rng),
        )
        for days, what, comfort in FORUM_VISITS
    ]
    return group, visits
