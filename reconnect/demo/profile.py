"""How much a generated history holds: the demo's 12 weeks, or the benchmark's heavy
five years."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, tzinfo

from reconnect.records.models import (
    CheckIn,
    Connection,
    Goal,
    Group,
    Person,
    Reflection,
    WeeklyReview,
)


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
    groups: list[Group] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {name: len(records) for name, records in vars(self).items()}


def moment_on(day: date, rng: random.Random, tz: tzinfo) -> datetime:
    return datetime.combine(day, time(rng.randint(8, 21), rng.randrange(0, 60, 5)), tzinfo=tz)
