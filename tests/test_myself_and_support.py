"""Issue 20: "could I be myself?" charted beside comfort and depth, in Review and in the
report; support given and received by kind. A moment never asked is a gap, never a zero."""

from datetime import UTC, date, datetime, time

from reconnect.logic.progress import progress
from reconnect.logic.progress_words import comfort_depth_myself_words, myself_words
from reconnect.logic.support_tally import support_tally, support_tally_words
from reconnect.logic.week_review import LEAD_HEADING, summary_lines, week_summary
from reconnect.logic.weeks import period_starts
from reconnect.records.models import Connection, SupportFlow, SupportKind
from reconnect.store.store import Store
from reconnect.transfer.report import build_report, render_html, render_markdown
from screens.areas.progress import _specs

TODAY = date(2026, 11, 21)  # a Saturday; the last full Monday week began 9 Nov


def moment(day: date, myself: int | None = None, **extra: object) -> Connection:
    return Connection(
        at=datetime.combine(day, time(12), tzinfo=UTC),
        what="Coffee with Maya",
        counterpart="friend",
        depth=3,
        comfort=3,
        authenticity=myself,
        **extra,
    )


def weeks_of(answers: list[int | None], weeks: int | None = None) -> list[Connection]:
    """One moment a week, oldest first, answering "could I be myself?" with each value;
    None is a moment from before it was asked."""
    starts = period_starts(TODAY, weeks or len(answers))[-len(answers) :]
    return [moment(s, a) for s, a in zip(starts, answers, strict=True)]


# --- the words under the chart ---------------------------------------------------------


def test_a_rising_series() -> None:
    # The first two weeks were never asked: the change runs over the four that were.
    data = progress(weeks_of([None, None, 2, 3, 4, 5]), [], [], TODAY, 6)
    assert myself_words(data) == (
        "Being myself rose from 2.5 to 4.5 over the 4 weeks with an answer."
    )


def test_a_flat_series() -> None:
    data = progress(weeks_of([3, 3, 3, 3, 3, 3, 3, 3]), [], [], TODAY, 4)
    assert myself_words(data) == (
        "Being myself stayed about 3.0 over 4 weeks; being myself about the same as the 4 "
        "weeks before."
    )


def test_a_falling_series() -> None:
    data = progress(weeks_of([5, 4, 2, 1]), [], [], TODAY, 4)
    assert myself_words(data) == "Being myself fell from 4.5 to 1.5 over 4 weeks."


def test_too_little_data_is_said_plainly() -> None:
    data = progress(weeks_of([None, None, 4, None]), [], [], TODAY, 4)
    assert myself_words(data) == (
        "Only one week with an answer to “could I be myself?” in these 4 weeks: too little "
        "to show a change yet (myself 4.0)."
    )
    never = progress(weeks_of([None, None]), [], [], TODAY, 2)
    assert myself_words(never).startswith("No answers yet to “could I be myself?”")


def test_the_sentence_follows_comfort_and_depth() -> None:
    data = progress(weeks_of([2, 3, 4, 5]), [], [], TODAY, 4)
    words = comfort_depth_myself_words(data)
    assert words.startswith("Comfort stayed about 3.0 over 4 weeks; depth stayed about 3.0")
    assert words.endswith("Being myself rose from 2.5 to 4.5 over 4 weeks.")
    # Nothing logged at all: one plain sentence, not two.
    assert comfort_depth_myself_words(progress([], [], [], TODAY, 4)).startswith(
        "Nothing logged in these weeks yet."
    )


# --- gaps, never zeros -------------------------------------------------------------------


def test_old_moments_are_a_gap_in_the_chart_and_left_out_of_averages() -> None:
    starts = period_starts(TODAY, 3)
    moments = [
        moment(starts[0]),  # before it was asked
        moment(starts[1], 4),
        moment(starts[1]),  # same week, not asked: not a zero pulling 4 down to 2
        moment(starts[2], 2),
    ]
    data = progress(moments, [], [], TODAY, 3)
    assert [p.authenticity for p in data.points] == [None, 4.0, 2.0]
    assert data.points[0].logged  # the week has a moment: only the answer is missing
    assert data.now.authenticity == 3.0  # (4 + 2) / 2 answered moments, not / 4
    [_, _, myself] = _specs(data)["comfort"].lines
    assert myself.label == "myself" and list(myself.values) == [None, 4.0, 2.0]


# --- support by kind ---------------------------------------------------------------------


def test_support_is_counted_each_way_by_kind() -> None:
    day = date(2026, 11, 10)
    week = [
        moment(day, support=SupportFlow.BOTH, support_kind=SupportKind.EMOTIONAL),
        moment(day, support=SupportFlow.GAVE, support_kind=SupportKind.EMOTIONAL),
        moment(day, support=SupportFlow.RECEIVED, support_kind=SupportKind.PRACTICAL),
        moment(day, support=SupportFlow.RECEIVED),
        moment(day),
    ]
    assert support_tally(week) == [
        (SupportFlow.GAVE, SupportKind.EMOTIONAL, 2),
        (SupportFlow.RECEIVED, SupportKind.EMOTIONAL, 1),
        (SupportFlow.RECEIVED, SupportKind.PRACTICAL, 1),
        (SupportFlow.RECEIVED, None, 1),
    ]
    assert support_tally_words(week) == (
        "gave emotional support ×2, received emotional support, "
        "received practical support, received support"
    )
    assert support_tally_words([moment(day)]) == ""


def test_the_week_summary_leads_with_myself_and_names_support() -> None:
    week = date(2026, 11, 9)
    moments = [
        moment(week, 4, support=SupportFlow.RECEIVED, support_kind=SupportKind.GUIDANCE),
        moment(week),  # not asked: left out of the mean
    ]
    lines = summary_lines(week_summary(week, moments, [], [], [], []))
    assert lines[0] == (
        LEAD_HEADING,
        "only real conversation; comfort 3.0 of 5 (okay); myself 4.0 of 5 (mostly myself)",
    )
    assert dict(lines)["Support"] == "received guidance support"
    assert lines[-1][0] == "Connections"
    # A week never asked says nothing about being myself rather than a zero.
    [(_, lead), *_] = summary_lines(week_summary(week, [moment(week)], [], [], [], []))
    assert "myself" not in lead
    assert dict(summary_lines(week_summary(week, [moment(week)], [], [], [], [])))["Support"] == (
        "none noted this week"
    )


# --- the session report -------------------------------------------------------------------


def test_the_report_carries_myself_and_support(store: Store) -> None:
    store.connections.add_many(
        [
            moment(date(2026, 11, 2)),  # before it was asked: '–' that week
            moment(date(2026, 11, 10), 4, note="SECRET NOTE", support=SupportFlow.GAVE),
            moment(
                date(2026, 11, 11),
                2,
                support=SupportFlow.RECEIVED,
                support_kind=SupportKind.PRACTICAL,
            ),
        ]
    )
    report = build_report(store, date(2026, 11, 2), date(2026, 11, 15))
    assert [w.authenticity for w in report.weeks] == [None, 3.0]
    md = render_markdown(report)
    table = md.split("## Depth, comfort and myself, per week\n\n", 1)[1]
    assert table.splitlines()[0].startswith(
        "| week of | depth | average comfort (1–5) | myself (1–5) |"
    )
    assert table.splitlines()[2].split(" | ")[3] == "–"
    assert table.splitlines()[3].split(" | ")[3] == "3.0"
    assert "Could I be myself? 3.0 of 5 on average (partly myself), over the 2 moments" in md
    support = md.split("## Support given and received\n\n", 1)[1]
    assert support.startswith("Over the period: gave support, received practical support.")
    assert "- Week of 9 Nov: gave support, received practical support" in support
    html = render_html(report)
    assert "<th>myself (1–5)</th>" in html
    assert '<section id="support">' in html and "received practical support" in html
    # A moment's own note stays out of both.
    assert "SECRET NOTE" not in md and "SECRET NOTE" not in html


def test_a_report_with_no_answers_says_so(store: Store) -> None:
    store.connections.add_many([moment(date(2026, 11, 10))])
    md = render_markdown(build_report(store, date(2026, 11, 9), date(2026, 11, 15)))
    assert "“Could I be myself?” was not answered in this period." in md
    assert "No support given or received was noted in this period." in md
