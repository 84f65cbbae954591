"""Issue 20: a week's summary opens with how deep and how comfortable its moments were;
the count of them is small print after that (Today, Log, Review)."""

from collections.abc import Callable
from datetime import UTC, datetime

from textual.widgets import Static

from reconnect.logic.overview import depth_words, lead_words
from reconnect.records.models import Connection
from reconnect.store.store import Store


def _moment(depth: int, comfort: int) -> Connection:
    return Connection(
        at=datetime(2026, 11, 17, 12, tzinfo=UTC),
        what="Said hi",
        counterpart="neighbour",
        depth=depth,
        comfort=comfort,
    )


def test_depth_in_words() -> None:
    assert depth_words({1: 1, 2: 3, 3: 0, 4: 1, 5: 0}) == "mostly small talk, up to personal share"
    # No majority: the most common depth, and the deepest reached.
    assert depth_words({1: 1, 2: 2, 3: 1, 4: 0, 5: 0}) == (
        "most often small talk, up to real conversation"
    )
    # Tied for most: both are named, never one of them as "most often".
    assert depth_words({1: 2, 2: 2, 3: 1, 4: 0, 5: 0}) == (
        "greeting and small talk as often, up to real conversation"
    )
    assert depth_words({1: 0, 2: 0, 3: 2, 4: 2, 5: 0}) == (
        "real conversation and personal share as often"
    )
    assert depth_words({1: 1, 2: 1, 3: 1, 4: 0, 5: 0}) == (
        "greeting, small talk and real conversation as often"
    )
    assert depth_words({1: 0, 2: 3, 3: 0, 4: 0, 5: 0}) == "only small talk"
    assert depth_words({1: 1, 2: 0, 3: 2, 4: 0, 5: 0}) == "mostly real conversation"
    assert depth_words({d: 0 for d in range(1, 6)}) == "nothing logged"


def test_lead_words_name_depth_then_comfort() -> None:
    week = [_moment(2, 3), _moment(2, 4), _moment(4, 4)]
    assert lead_words(week) == (
        "Mostly small talk, up to personal share; comfort 3.7 of 5 (fairly comfortable)"
    )
    assert lead_words(week, labelled=False) == (
        "Mostly small talk, up to personal share; comfort 3.7"
    )
    assert lead_words([]) == "Nothing logged"


def _panel(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_today_leads_with_depth_and_comfort(
    demo_store: Store, make_test_app: Callable
) -> None:
    app = make_test_app(demo_store)
    async with app.run_test():
        text = _panel(app, "#week-summary")
        first = text.splitlines()[0]
        assert first.startswith(("Mostly ", "Most often ", "Only ")) and "; comfort " in first
        assert "connection" not in first
        # The count comes last, after the depth bars.
        assert text.splitlines()[-1].endswith("moments so far this week")


async def test_review_leads_with_depth_comfort_and_myself(
    demo_store: Store, make_test_app: Callable
) -> None:
    app = make_test_app(demo_store, start_area="review")
    async with app.run_test():
        text = _panel(app, "#summary")
        lines = text.splitlines()
        # Depth, comfort and myself come before anything else.
        lead = text.split("\nSupport: ", 1)[0]
        # The demo's last full week has as many greetings as real conversations.
        assert lines[0].startswith(
            "Depth, comfort and myself: greeting and real conversation as often, up to plan"
        )
        assert "; comfort " in lead and "; myself " in lead and "of 5" in lead
        # Support given and received by kind follows (the demo's last full week has some).
        assert "\nSupport: received practical support\n" in text
        assert text.index("myself ") < text.index("Connections: ")
        assert lines[-1].startswith("Connections: ")  # the count: small print, last


def test_the_report_week_section_leads_with_depth(demo_store: Store) -> None:
    from datetime import date

    from reconnect.transfer.report import build_report, render_html, render_markdown

    report = build_report(demo_store, date(2026, 10, 26), date(2026, 11, 21))
    md = render_markdown(report).split("## Depth, comfort and myself, per week\n\n", 1)[1]
    row = md.splitlines()[2].split(" | ")
    # week of, the depth mix in words, the average comfort, … and the count last.
    assert row[1].startswith(("mostly ", "most often ", "only ")) and row[2] == "3.6"
    html = render_html(report).split('<section id="connections">', 1)[1]
    assert html.index("<th>depth</th>") < html.index("<th>average comfort (1–5)</th>")
    assert html.index("<th>average comfort (1–5)</th>") < html.index("<th>connections</th>")
