"""The sample goals: a hello ladder, homework from a therapist, a paused one, a finished one."""

from __future__ import annotations

import random
from datetime import date, timedelta, tzinfo

from reconnect.demo.profile import Profile, moment_on
from reconnect.records.content import STEP_IDEAS
from reconnect.records.models import (
    Connection,
    Counterpart,
    Goal,
    GoalKind,
    GoalStatus,
    Homework,
    Person,
    Step,
)


def sample_goals(
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
            done_at=moment_on(today - timedelta(days=days_ago), rng, tz),
        )

    goals = [
        Goal(
            created_at=moment_on(start, rng, tz),
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
            created_at=moment_on(start + timedelta(days=14), rng, tz),
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
            created_at=moment_on(start + timedelta(days=28), rng, tz),
            title="Say hello to a neighbour",
            kind=GoalKind.MICRO,
            weekly_target=2,
            steps=[done(20, 4, 2, "Smile and say hi to Sam", 1)],
        ),
        Goal(
            created_at=moment_on(start + timedelta(days=35), rng, tz),
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
                    done_at=moment_on(finished, rng, tz) if finished < today else None,
                )
            )
        goals.append(
            Goal(
                created_at=moment_on(created, rng, tz),
                title=f"Practice goal {n + 1}",
                kind=rng.choice(kinds),
                weekly_target=rng.randint(0, 3),
                status=GoalStatus.DONE if all(s.done for s in steps) else GoalStatus.ACTIVE,
                steps=steps,
            )
        )
    return goals


def link_hellos(connections: list[Connection], goals: list[Goal]) -> list[Connection]:
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
