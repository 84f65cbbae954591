"""A seeded generator of realistic sample data: the demo, the tests and the benchmark.

The story: someone slowly coming back to people. Over the weeks comfort and depth
rise, the loneliness score falls, a few people drift, a therapist sets homework.
Same seed and `today`, same records.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo

from reconnect.logic.weeks import week_start
from reconnect.records.content import MICRO_CONNECTIONS, PATTERN_IDS, PROMPTS, STEP_IDEAS
from reconnect.records.models import (
    COUNTERPART_FOR_CIRCLE,
    Channel,
    CheckIn,
    Circle,
    Connection,
    Counterpart,
    DirectAnswer,
    Goal,
    GoalKind,
    GoalStatus,
    Homework,
    Person,
    Reflection,
    Step,
    WeeklyReview,
)
from reconnect.store.store import Store


@dataclass(frozen=True)
class Profile:
    """How much history to make."""

    weeks: int = 12
    connections_per_week: tuple[int, int] = (3, 9)
    reflections_per_week: float = 1.2
    body_chars: int = 0  # 0: natural short entries; otherwise padded to about this length
    extra_people: int = 0
    extra_goals: int = 0


DEMO = Profile()
HEAVY = Profile(
    weeks=260,
    connections_per_week=(38, 46),
    reflections_per_week=6.9,
    body_chars=500,
    extra_people=193,
    extra_goals=146,
)


@dataclass
class History:
    people: list[Person] = field(default_factory=list)
    connections: list[Connection] = field(default_factory=list)
    reflections: list[Reflection] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    checkins: list[CheckIn] = field(default_factory=list)
    reviews: list[WeeklyReview] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {name: len(records) for name, records in vars(self).items()}


# name, circle, cadence in days, notes
_PEOPLE = (
    ("Maya", Circle.FRIEND, 7, "Friend since university. Loves long walks."),
    ("Mum", Circle.FAMILY, 7, "Sunday calls work best."),
    ("Jordan", Circle.CHOSEN_FAMILY, 10, ""),
    ("Sam", Circle.NEIGHBOUR, None, "Next door, has a dog called Biscuit."),
    ("Priya", Circle.COWORKER, 14, "Sits two desks over; also into climbing."),
    ("Alex", Circle.FRIEND, 14, "We drifted after the move."),
    ("Aunt Rosa", Circle.FAMILY, 30, "Birthday 3 March."),
    ("Book club", Circle.GROUP, 14, "Thursdays 7pm at the library."),
)

_DEEPER = {
    3: ("Coffee and a real catch-up", "Long phone call", "Walk and talk", "Lunch together"),
    4: (
        "Told them how the last months really were",
        "Shared something I'd kept to myself",
        "Talked about the hard week honestly",
    ),
    5: ("Made a plan to meet again", "Helped with the move", "Was there when they needed it"),
}

_BODIES = (
    "I noticed I kept my phone face down all evening. Part of me wanted someone to "
    "message, part of me was relieved when nobody did.",
    "Work swallowed the week again. By Friday I was too tired to answer anyone.",
    "Had a good moment with the neighbour. It was small, but I felt less invisible.",
    "I wanted to call but I told myself they were busy. I don't actually know that.",
    "At the book club I stayed quiet and then felt left out. Next time: one comment.",
    "Talked to Maya properly for the first time in months. Lighter afterwards.",
)

_HELPED = (
    "Planning one small thing a day.",
    "Saying yes to the walk even though I was tired.",
    "Texting before I could talk myself out of it.",
    "Going to the same café at the same time: familiar faces.",
)
_IN_THE_WAY = (
    "Long days at work.",
    "The old voice saying nobody wants to hear from me.",
    "A cold that kept me in.",
    "Scrolling instead of writing back.",
)


def _at(day: date, rng: random.Random, tz: tzinfo) -> datetime:
    return datetime.combine(day, time(rng.randint(8, 21), rng.randrange(0, 60, 5)), tzinfo=tz)


def _choose_depth(rng: random.Random, f: float) -> int:
    # Early weeks are mostly greetings; later ones reach real conversations and plans.
    weights = [4 - 2.5 * f, 3 - 0.5 * f, 1 + 2 * f, 0.4 + 1.4 * f, 0.2 + 1 * f]
    return rng.choices(range(1, 6), weights=weights)[0]


def _people(rng: random.Random, profile: Profile, start: datetime) -> list[Person]:
    people = [
        Person(name=name, circle=circle, cadence_days=cadence, notes=notes, created_at=start)
        for name, circle, cadence, notes in _PEOPLE
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
                what = rng.choice(MICRO_CONNECTIONS[4:] if depth == 2 else _DEEPER[depth])
                counterpart = COUNTERPART_FOR_CIRCLE[person.circle]
            comfort = round(1.8 + 2.4 * f + rng.uniform(-1.2, 1.0) - 0.15 * (depth - 3))
            channel = rng.choice(
                (Channel.IN_PERSON, Channel.IN_PERSON, Channel.TEXT, Channel.PHONE, Channel.VIDEO)
            )
            out.append(
                Connection(
                    at=_at(day, rng, tz),
                    what=what,
                    counterpart=counterpart,
                    person_id=person.id if person else None,
                    channel=Channel.IN_PERSON if person is None else channel,
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


def _reflections(
    rng: random.Random, profile: Profile, days: list[date], tz: tzinfo
) -> list[Reflection]:
    patterns = sorted(PATTERN_IDS)
    common = ["busy", "not_interested", "inward", "exhausted"]
    out: list[Reflection] = []
    for day in days:
        if rng.random() >= profile.reflections_per_week / 7:
            continue
        body = rng.choice(_BODIES)
        if profile.body_chars:
            while len(body) < profile.body_chars:
                body += " " + rng.choice(_BODIES)
            body = body[: profile.body_chars]
        ticked = rng.sample(common, rng.randint(1, 2))
        if rng.random() < 0.4:
            ticked.append(rng.choice(patterns))
        out.append(
            Reflection(
                at=_at(day, rng, tz),
                patterns=ticked,
                prompt=rng.choice(PROMPTS),
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
                    at=_at(week + timedelta(days=6), rng, tz),
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
                    at=_at(week + timedelta(days=6), rng, tz),
                    helped=rng.choice(_HELPED),
                    got_in_the_way=rng.choice(_IN_THE_WAY),
                    next_step="Send one message before Wednesday.",
                )
            )
    return checkins, reviews


def _goals(
    rng: random.Random, profile: Profile, today: date, people: list[Person], tz: tzinfo
) -> list[Goal]:
    by_name = {p.name: p for p in people}
    start = today - timedelta(weeks=profile.weeks - 1)

    def done(days_ago: int, predicted: int, actual: int, title: str, difficulty: int) -> Step:
        return Step(
            title=title,
            difficulty=difficulty,
            predicted_discomfort=predicted,
            actual_discomfort=actual,
            done_at=_at(today - timedelta(days=days_ago), rng, tz),
        )

    goals = [
        Goal(
            created_at=_at(start, rng, tz),
            title="Text Maya every week",
            why="She was the person I could always be myself with.",
            kind=GoalKind.BE_CONSISTENT,
            person_id=by_name["Maya"].id,
            weekly_target=1,
            steps=[
                done(70, 6, 3, "Reply to her last message", 1),
                done(50, 7, 4, "Suggest a walk", 3),
                Step(title="Tell her about the hard winter", difficulty=6, predicted_discomfort=8),
            ],
        ),
        Goal(
            created_at=_at(start + timedelta(days=14), rng, tz),
            title="Go to the Thursday book club",
            why="A reliable place and rhythm, with people who like what I like.",
            kind=GoalKind.JOIN_COMMUNITY,
            person_id=by_name["Book club"].id,
            weekly_target=1,
            homework=Homework(
                assigned_by="Dr. Lee",
                assigned_on=start + timedelta(days=14),
                due_on=today + timedelta(days=5),
                instructions="Attend twice before our next session; notice the urge to leave.",
            ),
            steps=[
                done(40, 8, 5, "Read the book and find the room", 2),
                done(26, 8, 4, "Go and stay until the end", 4),
                Step(
                    title="Share one thought in the discussion",
                    difficulty=7,
                    predicted_discomfort=8,
                    planned_on=today + timedelta(days=4),
                ),
            ],
        ),
        Goal(
            created_at=_at(start + timedelta(days=28), rng, tz),
            title="Say hello to a neighbour",
            kind=GoalKind.MICRO,
            weekly_target=2,
            steps=[done(20, 4, 2, "Smile and say hi to Sam", 1)],
        ),
        Goal(
            created_at=_at(start + timedelta(days=35), rng, tz),
            title="Call Alex again",
            why="We drifted after the move; I miss him.",
            kind=GoalKind.REACH_OUT,
            person_id=by_name["Alex"].id,
            status=GoalStatus.PAUSED,
            paused_until=today + timedelta(days=10),
            steps=[Step(title="Send a short note", difficulty=2, predicted_discomfort=6)],
        ),
    ]
    kinds = list(GoalKind)
    for n in range(profile.extra_goals):
        created = start + timedelta(days=rng.randrange(0, profile.weeks * 7))
        steps = []
        for k, idea in enumerate(rng.sample(STEP_IDEAS, 5)):
            predicted = rng.randint(3, 9)
            finished = created + timedelta(days=7 * (k + 1))
            steps.append(
                Step(
                    title=idea,
                    difficulty=2 * k,
                    predicted_discomfort=predicted,
                    actual_discomfort=max(0, predicted - rng.randint(0, 4))
                    if finished < today
                    else None,
                    done_at=_at(finished, rng, tz) if finished < today else None,
                )
            )
        goals.append(
            Goal(
                created_at=_at(created, rng, tz),
                title=f"Practice goal {n + 1}",
                kind=rng.choice(kinds),
                weekly_target=rng.randint(0, 3),
                status=GoalStatus.DONE if all(s.done for s in steps) else GoalStatus.ACTIVE,
                steps=steps,
            )
        )
    return goals


def _link_hellos(connections: list[Connection], goals: list[Goal]) -> list[Connection]:
    """Greetings to neighbours count toward the demo's hello goal, as a user would log them."""
    goal = next((g for g in goals if g.title == "Say hello to a neighbour"), None)
    if goal is None:
        return connections
    return [
        c.model_copy(update={"goal_id": goal.id})
        if c.counterpart is Counterpart.NEIGHBOUR and c.depth == 1 and c.at >= goal.created_at
        else c
        for c in connections
    ]


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
    history.reflections = _reflections(rng, profile, days, zone)
    history.checkins, history.reviews = _week_records(rng, profile, today, zone)
    history.goals = _goals(rng, profile, today, people, zone)
    history.connections = _link_hellos(history.connections, history.goals)
    return history


def seed_store(store: Store, history: History) -> None:
    """Write a generated history into a store in one durable write."""
    with store.batch():
        store.people.add_many(history.people)
        store.connections.add_many(history.connections)
        store.reflections.add_many(history.reflections)
        store.goals.add_many(history.goals)
        store.checkins.add_many(history.checkins)
        store.reviews.add_many(history.reviews)
