"""A seeded generator of realistic sample data: the demo, the tests and the benchmark.

The story: someone slowly coming back to people. Over the weeks comfort and depth
rise, the loneliness score falls, a few people drift, a therapist sets homework.
Same seed and `today`, same records.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta, tzinfo

from reconnect.demo.goals import link_hellos, sample_goals
from reconnect.demo.groups import book_club, online_forum
from reconnect.demo.profile import DEMO, HEAVY, History, Profile, moment_on
from reconnect.demo.sample_text import (
    BODIES,
    CHANNEL_OF,
    DEEPER,
    GROUP_WORDS,
    HELPED,
    IMPORTANT_DATES,
    IN_THE_WAY,
    PEOPLE,
    SAFE_PEOPLE,
    SUPPORT_IN,
)
from reconnect.logic.weeks import local_date, week_start
from reconnect.records.content import HELP_PROMPTS, MICRO_CONNECTIONS, PATTERN_IDS, PROMPTS
from reconnect.records.models import (
    COUNTERPART_FOR_CIRCLE,
    Channel,
    CheckIn,
    Circle,
    Connection,
    Counterpart,
    DirectAnswer,
    ImportantDate,
    Person,
    Reflection,
    WeeklyReview,
)
from reconnect.store.store import Store

__all__ = ["DEMO", "HEAVY", "History", "Profile", "generate", "seed_store"]


def _choose_depth(rng: random.Random, f: float) -> int:
    # Early weeks are mostly greetings; later ones reach real conversations and plans.
    weights = [4 - 2.5 * f, 3 - 0.5 * f, 1 + 2 * f, 0.4 + 1.4 * f, 0.2 + 1 * f]
    return rng.choices(range(1, 6), weights=weights)[0]


def _people(rng: random.Random, profile: Profile, start: datetime) -> list[Person]:
    people = [
        Person(
            name=name,
            circle=circle,
            cadence_days=cadence,
            notes=notes,
            created_at=start,
            safe=name in SAFE_PEOPLE,
            important_dates=[
                ImportantDate(label=label, month=month, day=day, year=year)
                for label, month, day, year in IMPORTANT_DATES.get(name, ())
            ],
        )
        for name, circle, cadence, notes in PEOPLE
    ]
    circles = list(Circle)
    for n in range(profile.extra_people):
        people.append(
            Person(
                name=f"Contact {n + 1:03d}",
                circle=rng.choice(circles),
                cadence_days=rng.choice((None, 7, 14, 30, 60)),
                created_at=start,
            )
        )
    return people


def _connections(
    rng: random.Random, profile: Profile, days: list[date], people: list[Person], tz: tzinfo
) -> list[Connection]:
    # Alex and Aunt Rosa drift: no contact in the last five weeks.
    last_day = days[-1]
    drifting = {p.id for p in people if p.name in ("Alex", "Aunt Rosa")}
    out: list[Connection] = []
    weeks = max(1, profile.weeks - 1)
    lo, hi = profile.connections_per_week
    for day in days:
        f = min(1.0, (profile.weeks - 1 - (last_day - day).days / 7) / weeks)
        for _ in range(_poisson_day(rng, (lo + (hi - lo) * f) / 7)):
            depth = _choose_depth(rng, f)
            person: Person | None = None
            if depth >= 2:
                pool = [p for p in people if not (p.id in drifting and (last_day - day).days < 35)]
                person = rng.choice(pool[: 8 if rng.random() < 0.8 else len(pool)])
            if person is None:
                what = rng.choice(MICRO_CONNECTIONS)
                counterpart = rng.choice((Counterpart.STRANGER, Counterpart.NEIGHBOUR))
            else:
                what = rng.choice(MICRO_CONNECTIONS[4:] if depth == 2 else DEEPER[depth])
                counterpart = COUNTERPART_FOR_CIRCLE[person.circle]
            comfort = round(1.8 + 2.4 * f + rng.uniform(-1.2, 1.0) - 0.15 * (depth - 3))
            channel = rng.choice(
                (Channel.IN_PERSON, Channel.IN_PERSON, Channel.TEXT, Channel.PHONE, Channel.VIDEO)
            )
            if person is not None and person.circle is Circle.GROUP:
                # Words for a group, picked without another draw: the rest of the
                # history stays as it was.
                words = GROUP_WORDS[channel]
                what = words[len(what) % len(words)]
            else:
                channel = CHANNEL_OF.get(what, Channel.IN_PERSON if person is None else channel)
            out.append(
                Connection(
                    at=moment_on(day, rng, tz),
                    what=what,
                    counterpart=counterpart,
                    person_id=person.id if person else None,
                    channel=channel,
                    depth=depth,
                    comfort=max(1, min(5, comfort)),
                )
            )
    out.sort(key=lambda c: c.at)
    return out


def _poisson_day(rng: random.Random, mean: float) -> int:
    # A small, dependency-free draw: the sum of Bernoulli trials with the same mean.
    trials = max(1, int(mean * 3))
    return sum(rng.random() < mean / trials for _ in range(trials))


# The seeded history was drawn from the prompts before the help ones existed; drawing
# from the same list keeps every seeded record (and each snapshot) as it was.
_HISTORY_PROMPTS = tuple(p for p in PROMPTS if p not in HELP_PROMPTS)


def _reflections(
    rng: random.Random, profile: Profile, days: list[date], tz: tzinfo
) -> list[Reflection]:
    patterns = sorted(PATTERN_IDS)
    common = ["busy", "not_interested", "inward", "exhausted"]
    out: list[Reflection] = []
    for day in days:
        if rng.random() >= profile.reflections_per_week / 7:
            continue
        body = rng.choice(BODIES)
        if profile.body_chars:
            while len(body) < profile.body_chars:
                body += " " + rng.choice(BODIES)
            body = body[: profile.body_chars]
        ticked = rng.sample(common, rng.randint(1, 2))
        if rng.random() < 0.4:
            ticked.append(rng.choice(patterns))
        out.append(
            Reflection(
                at=moment_on(day, rng, tz),
                patterns=ticked,
                prompt=rng.choice(_HISTORY_PROMPTS),
                body=body,
                energy=rng.randint(1, 5),
                avoided="Calling back; I was afraid it would be awkward."
                if rng.random() < 0.5
                else "",
                private=rng.random() < 0.15,
            )
        )
    return out


def _week_records(
    rng: random.Random, profile: Profile, today: date, tz: tzinfo
) -> tuple[list[CheckIn], list[WeeklyReview]]:
    checkins: list[CheckIn] = []
    reviews: list[WeeklyReview] = []
    this_week = week_start(today)
    for back in range(profile.weeks - 1, -1, -1):
        week = this_week - timedelta(weeks=back)
        f = 1 - back / max(1, profile.weeks - 1)
        if back > 0 and rng.random() < 0.9:  # an occasional missed week, no shame
            target = 8 - 3 * f + rng.uniform(-0.8, 0.8)
            items = [max(1, min(3, round(target / 3 + rng.uniform(-0.5, 0.5)))) for _ in range(3)]
            checkins.append(
                CheckIn(
                    week=week,
                    at=moment_on(week + timedelta(days=6), rng, tz),
                    lack_companionship=items[0],
                    left_out=items[1],
                    isolated=items[2],
                    direct=list(DirectAnswer)[min(4, max(0, round(1 + 2 * f)))],
                )
            )
        if back > 0 and rng.random() < 0.8:
            reviews.append(
                WeeklyReview(
                    week=week,
                    at=moment_on(week + timedelta(days=6), rng, tz),
                    helped=rng.choice(HELPED),
                    got_in_the_way=rng.choice(IN_THE_WAY),
                    next_step="Send one message before Wednesday.",
                )
            )
    return checkins, reviews


# The first look is a lived-in week whatever the weekday: today has a moment, and the
# week so far a few (on its first day, a Monday say, they are all today's).
TODAY_AT_LEAST = 1
WEEK_AT_LEAST = 3


def _today_too(
    seed: int,
    profile: Profile,
    today: date,
    people: list[Person],
    tz: tzinfo,
    connections: list[Connection],
) -> list[Connection]:
    """Moments today, when the draw left today or this week too quiet. Their own random
    stream: the rest of the history is the same as without them."""
    days = [c.at.astimezone(tz).date() for c in connections]
    wanted = max(
        TODAY_AT_LEAST - days.count(today),
        WEEK_AT_LEAST - sum(day >= week_start(today) for day in days),
        0,
    )
    rng = random.Random(f"{seed}-today")
    more: list[Connection] = []
    while len(more) < wanted:
        more += _connections(rng, profile, [today], people, tz)
    return more[:wanted]


# The first weeks were logged before "could I be myself?" was asked: a gap, not a zero.
WEEKS_BEFORE_AUTHENTICITY = 4


def _myself_and_support(
    seed: int, first: date, people: list[Person], connections: list[Connection]
) -> list[Connection]:
    """Authenticity and support on each moment. Their own random stream, so the rest of
    the history is the same as without them. Being oneself grows over the weeks, most
    with the people it feels safe to be oneself with."""
    rng = random.Random(f"{seed}-myself")
    safe = {p.id for p in people if p.safe}
    asked_from = first + timedelta(weeks=WEEKS_BEFORE_AUTHENTICITY)
    last = max((c.at.date() for c in connections), default=first)
    span = max(1, (last - asked_from).days)
    out = []
    for c in connections:
        fields: dict[str, object] = {}
        if c.at.date() >= asked_from:
            f = (c.at.date() - asked_from).days / span
            lift = 0.8 if c.person_id in safe else 0.0
            myself = round(1.8 + 2.2 * f + lift + rng.uniform(-1.0, 0.8))
            fields["authenticity"] = max(1, min(5, myself))
        if c.what in SUPPORT_IN:
            fields["support"], fields["support_kind"] = SUPPORT_IN[c.what]
        out.append(c.model_copy(update=fields) if fields else c)
    return out


def generate(
    today: date, profile: Profile = DEMO, seed: int = 7, tz: tzinfo | None = None
) -> History:
    """A deterministic history ending on `today` (inclusive)."""
    rng = random.Random(seed)
    zone = tz or datetime.now().astimezone().tzinfo
    assert zone is not None
    first = week_start(today) - timedelta(weeks=profile.weeks - 1)
    days = [first + timedelta(days=n) for n in range((today - first).days + 1)]
    people = _people(rng, profile, datetime.combine(first, time(9), tzinfo=zone))
    history = History(people=people)
    history.connections = _connections(rng, profile, days, people, zone)
    history.connections += _today_too(seed, profile, today, people, zone, history.connections)
    history.connections.sort(key=lambda c: c.at)
    history.reflections = _reflections(rng, profile, days, zone)
    history.checkins, history.reviews = _week_records(rng, profile, today, zone)
    history.goals = sample_goals(rng, profile, today, people, zone)
    history.connections = link_hellos(history.connections, history.goals)
    history.connections = _myself_and_support(seed, first, people, history.connections)
    history.groups, history.connections = book_club(
        seed, people, history.goals, history.connections, zone
    )
    forum, visits = online_forum(seed, first, zone)
    if all(local_date(v.at, zone) <= today for v in visits):  # a short history skips it
        history.groups.append(forum)
        history.connections = sorted(history.connections + visits, key=lambda c: c.at)
    now = datetime.now(zone)
    if now.date() == today:  # a pinned day (tests, the bench) stays as drawn
        history.connections = _not_after(now, history.connections)
    return history


def _not_after(now: datetime, connections: list[Connection]) -> list[Connection]:
    """On the real today, a moment drawn for later this evening has not happened yet:
    it moves to a few minutes before now (never before midnight), keeping its order."""
    later = [c for c in connections if c.at > now]
    if not later:
        return connections
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    moved = [
        c.model_copy(update={"at": max(midnight, now - timedelta(minutes=5 * (len(later) - n)))})
        for n, c in enumerate(later)
    ]
    return [c for c in connections if c.at <= now] + moved


def seed_store(store: Store, history: History) -> None:
    """Write a generated history into a store in one durable write."""
    with store.batch():
        store.people.add_many(history.people)
        store.connections.add_many(history.connections)
        store.reflections.add_many(history.reflections)
        store.goals.add_many(history.goals)
        store.checkins.add_many(history.checkins)
        store.reviews.add_many(history.reviews)
        store.groups.add_many(history.groups)
