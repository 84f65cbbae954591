from datetime import UTC, date, datetime

import pytest
from pydantic import ValidationError

from reconnect.logic.important_dates import coming_up, next_occurrence
from reconnect.records.models import ImportantDate, Person


def person(name: str, *dates: ImportantDate, archived: bool = False) -> Person:
    return Person(
        name=name,
        created_at=datetime(2026, 1, 1, tzinfo=UTC),
        important_dates=list(dates),
        archived=archived,
    )


@pytest.mark.parametrize(
    ("month", "day", "today", "expected"),
    [
        (12, 2, date(2026, 12, 2), date(2026, 12, 2)),  # today counts
        (12, 1, date(2026, 12, 2), date(2027, 12, 1)),  # just gone: next year
        (1, 1, date(2026, 12, 31), date(2027, 1, 1)),  # across the new year
        (2, 29, date(2027, 2, 1), date(2027, 2, 28)),  # leap day, no leap year
        (2, 29, date(2028, 2, 1), date(2028, 2, 29)),
    ],
)
def test_next_occurrence(month: int, day: int, today: date, expected: date) -> None:
    assert next_occurrence(ImportantDate(label="Birthday", month=month, day=day), today) == expected


def test_a_day_that_is_not_in_the_month_is_refused() -> None:
    with pytest.raises(ValidationError, match="31 April is not a day"):
        ImportantDate(label="Birthday", month=4, day=31)
    with pytest.raises(ValidationError, match="29 February is not a day"):
        ImportantDate(label="Birthday", month=2, day=29, year=2027)
    assert ImportantDate(label="Birthday", month=2, day=29, year=2028).day == 29


def test_coming_up_lists_the_soonest_first_and_skips_archived_people() -> None:
    today = date(2026, 12, 2)
    ana = person("Ana", ImportantDate(label="Birthday", month=12, day=3))
    ben = person("Ben", ImportantDate(label="Anniversary", month=12, day=2))
    gone = person("Cal", ImportantDate(label="Birthday", month=12, day=2), archived=True)
    later = person("Dee", ImportantDate(label="Birthday", month=12, day=20))
    found = coming_up([ana, ben, gone, later], today, within_days=1)
    assert [(p.name, when) for when, p, _ in found] == [
        ("Ben", date(2026, 12, 2)),
        ("Ana", date(2026, 12, 3)),
    ]


def test_a_person_saved_before_important_dates_existed_reads_with_none() -> None:
    old = {"name": "Ana", "created_at": "2026-01-01T00:00:00+00:00", "id": "a" * 32}
    assert Person.model_validate(old).important_dates == []


def test_csv_writes_important_dates_as_people_read_them() -> None:
    from reconnect.transfer.csv_export import _flat

    ana = person(
        "Ana",
        ImportantDate(label="Birthday", month=3, day=12, year=1990),
        ImportantDate(label="Anniversary", month=6, day=1),
    )
    assert _flat(ana)["important_dates"] == "Birthday 1990-03-12; Anniversary --06-01"
