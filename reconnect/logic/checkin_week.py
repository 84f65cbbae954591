"""Which week a weekly check-in belongs to: one rule for Today, Review and the form.

The check-in asks about the past seven days, so it is filed under the week most of
those days fall in: taken in the first three days of a week it counts for the week
before, from the fourth day on for the week it is taken in.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from reconnect.logic.weeks import week_start

# Taken this many days or fewer into a week, most of the past seven days were last week.
LOOK_BACK_DAYS = 3


def checkin_week(day: date, first_day: int = 0) -> date:
    """The first day of the week a check-in taken on `day` is filed under."""
    return week_start(day - timedelta(days=LOOK_BACK_DAYS), first_day)


def _rule_days(first_day: int) -> tuple[str, str, str]:
    """The first day of the week, the last of the 'week before' days, the first of the
    'this week' days: ('Monday', 'Wednesday', 'Thursday')."""
    names = [calendar.day_name[(first_day + n) % 7] for n in range(LOOK_BACK_DAYS + 1)]
    return names[0], names[-2], names[-1]


def checkin_week_rule(first_day: int = 0) -> str:
    """The rule in words, with the days the first-day-of-week setting gives (for help)."""
    first, last_before, from_day = _rule_days(first_day)
    return (
        "The check-in asks about the past seven days, so it is filed under the week most "
        f"of them fall in: done {first} to {last_before}, it counts for the week before; "
        f"from {from_day} on, for the week it is done in."
    )


def checkin_week_rule_short(first_day: int = 0) -> str:
    """The rule in one sentence, for the check-in form."""
    first, last_before, from_day = _rule_days(first_day)
    return (
        f"Done {first} to {last_before}, a check-in counts for the week before; "
        f"from {from_day} on, for the week it is done in."
    )
