"""Groups on Progress and in the weekly review: visits counted, comfort across them."""

from collections.abc import Callable
from datetime import UTC, date, datetime

from textual.widgets import Static

from reconnect.logic.progress_groups import SHOWN_VISITS, progress_group_lines
from reconnect.logic.week_review import summary_lines, week_summary
from reconnect.records.models import CommunityKind, Connection, Counterpart, Group, GroupStatus
from reconnect.store.store import Store

CLUB = Group(
    created_at=datetime(2026, 10, 1, 9, tzinfo=UTC),
    name="Thursday book club",
    kind=CommunityKind.SHARED_INTEREST,
    status=GroupStatus.STAYING,
)
FORUM = Group(
    created_at=datetime(2026, 10, 1, 9, tzinfo=UTC),
    name="Night owls forum",
    kind=CommunityKind.ONLINE,
    status=GroupStatus.MOVED_ON,
)


def visit(group: Group, day: date, comfort: int) -> Connection:
    return Connection(
        at=datetime.combine(day, datetime.min.time(), tzinfo=UTC).replace(hour=19),
        what="Went",
        counterpart=Counterpart.GROUP,
        depth=2,
        comfort=comfort,
        group_id=group.id,
    )


def test_progress_counts_groups_and_visits_and_says_comfort_across_them() -> None:
    visits = [visit(CLUB, date(2026, 10, d), c) for d, c in ((1, 2), (8, 3), (15, 4), (22, 3))]
    visits += [visit(FORUM, date(2026, 10, 2), 2), visit(FORUM, date(2026, 10, 9), 1)]
    lines = progress_group_lines([FORUM, CLUB], visits, 12)
    assert lines[0] == "2 groups tried so far, 6 visits in these 12 weeks (comfort 1–5)."
    # Still going first, then the ones moved on from.
    # Every visit is shown, so no summary says the same again.
    assert lines[1] == "Thursday book club (staying): comfort at each visit 2 → 3 → 4 → 3."
    assert lines[2] == "Night owls forum (moved on): comfort at each visit 2 → 1."
    # A group tried earlier with no visit in the period is still named, not just counted.
    quiet = progress_group_lines([FORUM, CLUB], visits[:4], 12)
    assert quiet[2] == "Night owls forum (moved on): no visits in these weeks."


def test_progress_says_nothing_without_groups_and_shortens_a_long_trail() -> None:
    assert progress_group_lines([], [], 12) == []
    many = [visit(CLUB, date(2026, 10, d), 3) for d in range(1, 21)]
    line = progress_group_lines([CLUB], many, 12)[1]
    assert "… " in line and line.count("→") == SHOWN_VISITS - 1
    assert "comfort 3.0 at first, 3.0 lately" in line  # the hidden ones summed up


def test_the_week_review_mentions_the_weeks_visits() -> None:
    week = date(2026, 11, 16)
    one = week_summary(week, [visit(CLUB, date(2026, 11, 19), 4)], [], [], [], [], groups=[CLUB])
    assert ("Groups", "Thursday book club, comfort 4") in summary_lines(one)
    two = [visit(CLUB, date(2026, 11, 17), 3), visit(CLUB, date(2026, 11, 19), 5)]
    both = week_summary(week, two, [], [], [], [], groups=[CLUB])
    assert ("Groups", "Thursday book club, 2 visits, comfort 3 and 5") in summary_lines(both)
    quiet = week_summary(week, [], [], [], [], [], groups=[CLUB])
    assert "Groups" not in dict(summary_lines(quiet))


async def test_progress_shows_the_demo_groups(demo_store: Store, make_test_app: Callable) -> None:
    app = make_test_app(demo_store, start_area="progress")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        words = str(app.screen.query_one("#words-groups", Static).render())
        assert "2 groups tried so far" in words
        assert "Thursday book club (staying): comfort at each visit" in words
        assert "peer support forum (moved on): comfort at each visit 2 → 1" in words
        assert app.screen.query_one("#section-groups").display
