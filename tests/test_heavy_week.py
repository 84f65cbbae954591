"""A week with more moments than one list can show (a runaway script logging thousands):
every moment is counted, the newest page is shown, and more come on asking."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta
from typing import Any

from textual.widgets import Static

from reconnect.logic.week_moments import PAGE, MomentFilter, week_moments
from reconnect.logic.weeks import midnight, week_bounds, week_start
from reconnect.records.models import Circle, Connection, Counterpart, Person
from reconnect.store.store import Store
from tests.conftest import PINNED_TODAY
from widgets.connection_list import MORE_ID, ConnectionList

MONDAY = week_start(PINNED_TODAY, 0)
MANY = 2 * PAGE + 50


def _seed(store: Store, count: int = MANY) -> list[Connection]:
    """`count` moments spread over Monday to Wednesday of the pinned week, a tenth of
    them with Maya at depth 4."""
    maya = store.people.add(Person(name="Maya", circle=Circle.FRIEND, created_at=midnight(MONDAY)))
    start = datetime.combine(MONDAY, time(8)).astimezone()
    step = timedelta(days=3) / count
    moments = [
        Connection(
            at=start + n * step,
            what=f"Moment {n}",
            counterpart=Counterpart.FRIEND if n % 10 == 0 else Counterpart.STRANGER,
            person_id=maya.id if n % 10 == 0 else None,
            depth=4 if n % 10 == 0 else 1,
            comfort=3,
        )
        for n in range(count)
    ]
    store.connections.add_many(moments)
    return moments


def test_every_moment_is_counted_and_the_newest_page_is_built(store: Store) -> None:
    moments = _seed(store)
    start, end = week_bounds(MONDAY, 0)
    week = week_moments(store, start, end, MomentFilter())
    assert len(week.week) == len(week.shown) == MANY
    assert [c.id for c in week.page] == [c.id for c in reversed(moments[-PAGE:])]
    assert week.not_shown == MANY - PAGE
    by_day = {c.at.astimezone().date() for c in moments}
    assert set(week.per_day) == by_day
    assert sum(week.per_day.values()) == MANY
    for day, count in week.per_day.items():
        assert count == sum(1 for c in moments if c.at.astimezone().date() == day)


def test_a_filter_counts_and_pages_only_what_matches(store: Store) -> None:
    moments = _seed(store)
    maya = store.people.all()[0]
    start, end = week_bounds(MONDAY, 0)
    week = week_moments(store, start, end, MomentFilter(person_id=maya.id, depth=4), limit=10)
    with_maya = [c for c in moments if c.person_id == maya.id]
    assert len(week.week) == MANY and len(week.shown) == len(with_maya)
    assert [c.id for c in week.page] == [c.id for c in reversed(with_maya[-10:])]
    nobody = week_moments(store, start, end, MomentFilter(counterpart="family"))
    assert (nobody.shown, nobody.page, nobody.not_shown) == ([], [], 0)


def _entries(app: Any) -> list[str]:
    return [o.id for o in app.screen.query_one(ConnectionList).options if not o.disabled]


async def test_the_log_shows_a_page_and_more_on_m_or_enter(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    moments = _seed(store)
    page_days = {c.at.astimezone().date() for c in moments[-PAGE:]}
    whole_days = sum(1 for c in moments if c.at.astimezone().date() in page_days)
    app = make_test_app(store, start_area="log")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        ids = _entries(app)
        assert len(ids) == PAGE + 1 and ids[-1] == MORE_ID
        summary = str(app.screen.query_one("#week-summary", Static).render())
        assert f"{MANY} moments" in summary.replace(",", "")
        headings = [
            str(o.prompt) for o in app.screen.query_one(ConnectionList).options if o.disabled
        ]
        # A day's heading counts all its moments, those beyond the page too.
        assert sum(int(h.split("· ")[1].split()[0]) for h in headings) == whole_days > PAGE
        await pilot.press("m")
        await pilot.pause()
        assert len(_entries(app)) == 2 * PAGE + 1
        entries = app.screen.query_one(ConnectionList)
        entries.highlighted = entries.option_count - 1
        await pilot.press("enter")  # on the last row: show more
        await pilot.pause()
        assert len(_entries(app)) == MANY and MORE_ID not in _entries(app)
        await pilot.press("left_square_bracket", "right_square_bracket")  # a week back, again
        await pilot.pause()
        assert len(_entries(app)) == PAGE + 1  # a week starts again at one page


def _as_facts(connection: Connection) -> tuple[object, ...]:
    return (
        connection.id,
        connection.at,
        connection.person_id,
        connection.counterpart.value,
        connection.depth,
        connection.comfort,
        connection.authenticity,
        connection.goal_id,
        connection.step_id,
        connection.group_id,
        connection.channel.value,
    )


def test_the_index_keeps_each_moments_facts_through_every_change(store: Store) -> None:
    moments = _seed(store, 20)
    start, end = week_bounds(MONDAY, 0)
    changed = moments[3].model_copy(update={"depth": 5, "authenticity": 2})
    store.connections.update(changed)
    store.connections.delete(moments[4].id)
    expected = sorted(
        [_as_facts(c) for c in store.connections.between(start, end)], key=lambda f: f[1]
    )
    assert [tuple(f) for f in store.connections.facts_between(start, end)] == expected
    assert _as_facts(changed) in expected and moments[4].id not in {f[0] for f in expected}
    reopened = Store.open(store.path.parent)  # built again from the file and its journal
    assert [tuple(f) for f in reopened.connections.facts_between(start, end)] == expected
