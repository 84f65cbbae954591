"""Natural dates for `reconnect log --at`, the Log form's When field and the day
dialogs: a table of phrases against a fixed "now", across a week's start and New Year
(issue: meet people where they already are)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from reconnect.logic.connections import check_not_future, parse_moment
from reconnect.logic.natural_dates import read_day, read_phrase

SATURDAY = datetime(2026, 11, 21, 15, 0)  # PINNED_TODAY, mid-afternoon
MONDAY_EARLY = datetime(2026, 11, 23, 8, 0)  # a Monday week has just begun
NEW_YEAR = datetime(2027, 1, 2, 10, 30)  # Saturday 2 January: last week was last year


def _at(y: int, mo: int, d: int, h: int = 12, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi)


TABLE = [
    # (now, phrase, what it means)
    (SATURDAY, "yesterday 18:00", _at(2026, 11, 20, 18)),
    (SATURDAY, "now", SATURDAY),
    (SATURDAY, "Yesterday 6pm", _at(2026, 11, 20, 18)),
    (SATURDAY, "yesterday 18.30", _at(2026, 11, 20, 18, 30)),
    (SATURDAY, "yesterday at 6:30pm", _at(2026, 11, 20, 18, 30)),
    (SATURDAY, "yesterday", _at(2026, 11, 20)),  # a day alone: noon
    (SATURDAY, "today", _at(2026, 11, 21)),
    (SATURDAY, "mon", _at(2026, 11, 16)),  # the most recent Monday, not the next
    (SATURDAY, "monday", _at(2026, 11, 16)),
    (SATURDAY, "friday", _at(2026, 11, 20)),
    (SATURDAY, "sat", _at(2026, 11, 21)),  # today's own weekday is today
    (SATURDAY, "sun 11am", _at(2026, 11, 15, 11)),
    (SATURDAY, "friday, 18:00", _at(2026, 11, 20, 18)),
    (SATURDAY, "2 days ago", _at(2026, 11, 19)),
    (SATURDAY, "the day before yesterday", _at(2026, 11, 19)),
    (SATURDAY, "3 hours ago", _at(2026, 11, 21, 12)),
    (SATURDAY, "a week ago", _at(2026, 11, 14)),
    (SATURDAY, "last friday evening", _at(2026, 11, 20, 18)),
    (SATURDAY, "last night", _at(2026, 11, 20, 21)),
    (SATURDAY, "this morning", _at(2026, 11, 21, 6)),
    (SATURDAY, "20 nov 18:30", _at(2026, 11, 20, 18, 30)),  # no year: the one just gone
    (SATURDAY, "dec 31", _at(2025, 12, 31)),
    (SATURDAY, "31 dec 2025 9am", _at(2025, 12, 31, 9)),
    # A Monday morning: the week has just started, on either first day of the week.
    (MONDAY_EARLY, "mon", _at(2026, 11, 23, 8)),  # today, and noon has not come: now
    (MONDAY_EARLY, "today", _at(2026, 11, 23, 8)),
    (MONDAY_EARLY, "sun", _at(2026, 11, 22)),
    (MONDAY_EARLY, "last friday evening", _at(2026, 11, 20, 18)),
    (MONDAY_EARLY, "yesterday 23:00", _at(2026, 11, 22, 23)),
    (MONDAY_EARLY, "3 hours ago", _at(2026, 11, 23, 5)),
    # New Year: the days just gone are last year.
    (NEW_YEAR, "mon", _at(2026, 12, 28)),
    (NEW_YEAR, "2 days ago", _at(2026, 12, 31)),
    (NEW_YEAR, "last friday evening", _at(2027, 1, 1, 18)),
    (NEW_YEAR, "dec 31", _at(2026, 12, 31)),
    (NEW_YEAR, "31 dec 23:30", _at(2026, 12, 31, 23, 30)),
    (NEW_YEAR, "jan 1", _at(2027, 1, 1)),
    (NEW_YEAR, "a week ago", _at(2026, 12, 26)),
    (NEW_YEAR, "last night", _at(2027, 1, 1, 21)),
]


@pytest.mark.parametrize(("now", "phrase", "expected"), TABLE)
def test_phrases_mean_the_moment_just_gone(now: datetime, phrase: str, expected: datetime) -> None:
    assert read_phrase(phrase, now) == expected


@pytest.mark.parametrize(("now", "phrase", "expected"), TABLE[::5])
def test_the_same_in_every_zone(
    zone: ZoneInfo, now: datetime, phrase: str, expected: datetime
) -> None:
    aware = now.replace(tzinfo=zone)
    assert parse_moment(phrase, aware) == expected.replace(tzinfo=zone)


@pytest.mark.parametrize("phrase", ["tomorrow", "next friday", "in 2 days", "tonight"])
def test_the_future_reads_but_is_refused_when_logging(phrase: str) -> None:
    now = SATURDAY.replace(tzinfo=UTC)
    moment = parse_moment(phrase, now)
    assert moment > now
    with pytest.raises(ValueError, match="later than now"):
        check_not_future(moment, now)


@pytest.mark.parametrize(
    "phrase",
    [
        *("nonsense", "coffee yesterday", "yesterday blah", "fri at 9", "", "soon"),
        *("2026", "18", "1830", "monday 25:00", "yesterday 18:75"),
    ],
)
def test_a_phrase_not_read_whole_is_one_line_with_an_example(phrase: str) -> None:
    with pytest.raises(ValueError) as caught:
        read_phrase(phrase, SATURDAY)
    message = str(caught.value)
    assert "\n" not in message
    assert "yesterday 18:00" in message and "2026-11-20T18:30" in message


@pytest.mark.parametrize("phrase", ["20/11", "11/20 18:00"])
def test_a_day_with_slashes_is_refused_as_ambiguous(phrase: str) -> None:
    with pytest.raises(ValueError, match="2026-11-20 or 20 nov"):
        read_phrase(phrase, SATURDAY)


def test_iso_and_clock_input_read_exactly_as_before() -> None:
    now = SATURDAY.replace(tzinfo=UTC)
    assert parse_moment("2026-11-20T18:30", now) == datetime(2026, 11, 20, 18, 30, tzinfo=UTC)
    assert parse_moment("2026-11-20", now) == datetime(2026, 11, 20, tzinfo=UTC)
    assert parse_moment("09:15", now) == datetime(2026, 11, 21, 9, 15, tzinfo=UTC)
    offset = parse_moment("2026-11-20T18:30+02:00", now)
    assert offset.utcoffset() is not None and offset.hour == 18


def test_a_year_out_of_range_is_said() -> None:
    with pytest.raises(ValueError, match="year 2250 is out of range"):
        parse_moment("1 jan 2250", SATURDAY.replace(tzinfo=UTC))


def test_a_day_across_a_change_of_the_clocks_keeps_its_wall_time() -> None:
    from tests.conftest import machine_zone

    with machine_zone("America/New_York"):  # summer time ended on 1 November 2026
        now = datetime(2026, 11, 21, 12, 0).astimezone()  # as now_local() gives it
        moment = parse_moment("31 oct 18:00", now)
        assert moment.astimezone().replace(tzinfo=None) == datetime(2026, 10, 31, 18, 0)
        assert moment.utcoffset() != now.utcoffset()


# --- a field that asks for a day only (read_day: the day dialogs) ----------------------

DAY_EXAMPLE = "try yesterday or 2026-11-07"


@pytest.mark.parametrize(
    ("phrase", "back", "ahead"),
    [
        ("yesterday", date(2026, 11, 20), date(2026, 11, 20)),
        ("last friday", date(2026, 11, 20), date(2026, 11, 20)),
        ("3 days ago", date(2026, 11, 18), date(2026, 11, 18)),
        ("today", date(2026, 11, 21), date(2026, 11, 21)),
        ("2026-11-18", date(2026, 11, 18), date(2026, 11, 18)),
        ("mon", date(2026, 11, 16), date(2026, 11, 23)),  # the last one, or the coming one
        ("tomorrow", date(2026, 11, 22), date(2026, 11, 22)),
        ("next monday", date(2026, 11, 23), date(2026, 11, 23)),
    ],
)
def test_a_day_field_reads_the_same_words(phrase: str, back: date, ahead: date) -> None:
    assert read_day(phrase, SATURDAY.date(), DAY_EXAMPLE) == back
    assert read_day(phrase, SATURDAY.date(), DAY_EXAMPLE, ahead=True) == ahead


@pytest.mark.parametrize("phrase", ["someday", "18:00", "2026"])
def test_a_day_field_refuses_what_is_no_day_with_the_callers_example(phrase: str) -> None:
    with pytest.raises(ValueError) as caught:
        read_day(phrase, SATURDAY.date(), DAY_EXAMPLE)
    assert str(caught.value) == f"'{phrase}' is not a day reconnect can read; {DAY_EXAMPLE}"
