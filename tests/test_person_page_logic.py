"""The person page's logic: depth and comfort by month, goals that name someone, and
when their dates next come round, in words."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from reconnect.logic.person_page import (
    by_month,
    date_words,
    dates_words,
    goals_naming,
    month_starts,
    until_words,
)
from reconnect.records.facts import ConnectionFacts
from reconnect.records.models import Goal, GoalStatus, ImportantDate, Person, Step

TODAY = date(2026, 11, 21)
NOW = datetime(2026, 11, 21, 12, tzinfo=UTC)


def moment(day: date, depth: int, comfort: int) -> ConnectionFacts:
    at = datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
    return ConnectionFacts("x", at, "p", "friend", depth, comfort, None, None, None, None)


def test_month_starts_cross_the_year() -> None:
    starts = month_starts(date(2026, 2, 10), 4)
    assert starts == [date(2025, 11, 1), date(2025, 12, 1), date(2026, 1, 1), date(2026, 2, 1)]


def test_by_month_means_and_gaps() -> None:
    points = by_month(
        [
            moment(date(2026, 11, 2), 2, 3),
            moment(date(2026, 11, 20), 4, 5),
            moment(date(2026, 9, 1), 1, 1),
            moment(date(2025, 11, 30), 5, 5),  # before the 12 months
            moment(date(2026, 11, 22), 5, 5),  # after today
        ],
        TODAY,
        tz=UTC,
    )
    assert len(points) == 12 and points[0].month == date(2025, 12, 1)
    nov, oct_, sep = points[-1], points[-2], points[-3]
    assert (nov.moments, nov.depth, nov.comfort) == (2, 3.0, 4.0)
    assert (oct_.moments, oct_.depth, oct_.comfort) == (0, None, None)  # a gap, not a zero
    assert (sep.moments, sep.depth, sep.comfort) == (1, 1.0, 1.0)


def test_goals_naming_by_link_title_or_step() -> None:
    sam = Person(name="Sam", created_at=NOW)
    linked = Goal(title="Reach out", created_at=NOW, person_id=sam.id)
    titled = Goal(title="Walk with sam", created_at=NOW, status=GoalStatus.DONE)
    stepped = Goal(
        title="Be braver",
        created_at=NOW,
        steps=[Step(title="Ask Sam for advice"), Step(title="Call Mum")],
    )
    other = Goal(title="Meet Samuel", created_at=NOW, steps=[Step(title="Samantha")])
    found = goals_naming(sam, [titled, other, stepped, linked])
    assert [m.goal.title for m in found] == ["Be braver", "Reach out", "Walk with sam"]
    assert [s.title for s in found[0].steps] == ["Ask Sam for advice"]
    assert found[1].linked and not found[0].linked


@pytest.mark.parametrize(
    ("days", "words"),
    [
        (0, "today"),
        (1, "tomorrow"),
        (5, "in 5 days"),
        (13, "in 13 days"),
        (14, "in 2 weeks"),
        (59, "in 8 weeks"),
        (60, "in 2 months"),
        (364, "in 12 months"),
    ],
)
def test_until_words(days: int, words: str) -> None:
    assert until_words(days) == words


def test_date_words_next_occurrence_and_years() -> None:
    birthday = ImportantDate(label="Birthday", month=1, day=9)
    assert date_words(birthday, TODAY) == "Birthday: 9 January (in 7 weeks)"
    wedding = ImportantDate(label="Anniversary", month=11, day=21, year=2016)
    assert date_words(wedding, TODAY) == "Anniversary: 21 November (today; 10 years since 2016)"
    person = Person(name="Mum", created_at=NOW, important_dates=[birthday, wedding])
    assert dates_words(person, TODAY)[0].startswith("Anniversary")
