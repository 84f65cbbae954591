"""The person page and the year of days on the heavy data: what each reads and works
out, warm (the app has its data loaded), on the person with the most moments."""

from __future__ import annotations

from collections import Counter

from bench.common import BENCH_TODAY, Context, Result, median_seconds
from reconnect.logic.goes_with import goes_with_lines
from reconnect.logic.person_page import by_month, goals_naming
from reconnect.logic.progress import progress_span
from reconnect.logic.year_days import year_bounds, year_days
from reconnect.store.store import Store


def year_and_goes_with(store: Store) -> object:
    """What Progress adds: a year of days, and Often goes with over 52 weeks."""
    days = year_days(store.connections.facts_between(*year_bounds(BENCH_TODAY)), BENCH_TODAY)
    moments = store.connections.facts_between(*progress_span(BENCH_TODAY, 52))
    return days, goes_with_lines(moments, store.people.all())


def person_page(store: Store, person_id: str) -> object:
    """What the person page reads: every moment with them (models: the table shows
    their words), their months and the goals that name them."""
    person = store.people.get(person_id)
    assert person is not None
    moments = store.connections.many(reversed(store.connections.ids_for_person(person_id)))
    return by_month(moments, BENCH_TODAY), goals_naming(person, store.goals.all())


def people_pages(ctx: Context) -> list[Result]:
    store = Store.open(ctx.heavy_copy("people-pages"))
    facts = store.connections.facts_between()  # warm, as after Today and People
    busiest, moments = Counter(f.person_id for f in facts if f.person_id).most_common(1)[0]
    year = median_seconds(lambda: year_and_goes_with(store), ctx.runs)
    firsts = []
    for n in range(max(3, ctx.runs // 4)):  # their moments validated on the first open
        fresh = Store.open(ctx.heavy_copy(f"people-first-{n}"))
        fresh.connections.facts_between()
        firsts.append(median_seconds(lambda: person_page(fresh, busiest), 1))  # noqa: B023
    page = median_seconds(lambda: person_page(store, busiest), ctx.runs)
    return [
        Result(
            "year of days and Often goes with, 52 weeks (warm)",
            year * 1000,
            None,
            "ms",
            "<= 30 ms",
            year * 1000 <= 30,
        ),
        Result(
            f"a person's page data, {moments:,} moments with them (warm)",
            page * 1000,
            None,
            "ms",
            "<= 50 ms",
            page * 1000 <= 50,
        ),
        Result(
            "the same page opened first (their moments validated then)",
            sorted(firsts)[len(firsts) // 2] * 1000,
            page * 1000,
            "ms",
            "<= 150 ms",
            sorted(firsts)[len(firsts) // 2] * 1000 <= 150,
        ),
    ]
