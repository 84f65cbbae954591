"""Goals and People on the heavy history: the Goals list's consistency scores, and
deleting a person (which unlinks their log entries in one write)."""

from __future__ import annotations

from bench.common import BENCH_TODAY, Context, Result, median_seconds
from reconnect.logic.consistency import consistency, consistency_all
from reconnect.logic.people import delete_person
from reconnect.store.store import Store


def goals_consistency(ctx: Context) -> list[Result]:
    store = Store.open(ctx.heavy_copy("goals"))
    goals = store.goals.all()
    connections = store.connections.all()
    ours = median_seconds(lambda: consistency_all(goals, connections, BENCH_TODAY), ctx.runs)
    # The obvious way: each goal scans the whole log.
    naive = median_seconds(
        lambda: [consistency(g, connections, BENCH_TODAY) for g in goals], max(3, ctx.runs // 3)
    )
    return [
        Result(
            f"consistency of all {len(goals)} goals (heavy)",
            ours * 1000,
            naive * 1000,
            "ms",
            "<= 100 ms (a Goals list refresh)",
            ours * 1000 <= 100,
        )
    ]


def delete_a_person(ctx: Context) -> list[Result]:
    times = []
    unlinked = 0
    for n in range(max(3, ctx.runs // 3)):
        store = Store.open(ctx.heavy_copy(f"delete-{n}"))
        store.connections.count()  # warm, as in the app
        counts: dict[str, int] = {}
        for c in store.connections.all():
            if c.person_id:
                counts[c.person_id] = counts.get(c.person_id, 0) + 1
        busiest = max(counts, key=lambda p: counts[p])
        unlinked = counts[busiest]
        times.append(median_seconds(lambda p=busiest, s=store: delete_person(s, p), 1))
    times.sort()
    ours = times[len(times) // 2]
    return [
        Result(
            f"delete the busiest person, unlinking {unlinked} entries (heavy)",
            ours * 1000,
            None,
            "ms",
            "<= 300 ms (runs in a worker)",
            ours * 1000 <= 300,
        )
    ]
