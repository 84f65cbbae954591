"""When a person's important dates (birthdays, anniversaries) next come round.

Floor 2: the records and the standard library only.
"""

from __future__ import annotations

import calendar
from datetime import date

from reconnect.records.models import ImportantDate, Person


def next_occurrence(important: ImportantDate, today: date) -> date:
    """The next day (today included) the date falls on; 29 February falls on the 28th in
    a year without one."""
    for year in (today.year, today.year + 1):
        day = important.day
        if important.month == 2 and day == 29 and not calendar.isleap(year):
            day = 28
        when = date(year, important.month, day)
        if when >= today:
            return when
    raise AssertionError("a date comes round within a year")  # pragma: no cover


def coming_up(
    people: list[Person], today: date, within_days: int
) -> list[tuple[date, Person, ImportantDate]]:
    """Important dates of people not archived, falling within `within_days` of today
    (0: today only), soonest first."""
    found = []
    for person in people:
        if person.archived:
            continue
        for important in person.important_dates:
            when = next_occurrence(important, today)
            if (when - today).days <= within_days:
                found.append((when, person, important))
    return sorted(found, key=lambda item: (item[0], item[1].name, item[2].label))
