"""Edges of the check-in week rule (mutation testing, issue 18)."""

from __future__ import annotations

from datetime import date

from reconnect.logic.checkin_week import checkin_week, checkin_week_rule, checkin_week_rule_short

THURSDAY = date(2026, 11, 19)


def test_weeks_start_on_monday_by_default() -> None:
    assert checkin_week(THURSDAY) == date(2026, 11, 16)
    assert checkin_week(date(2026, 11, 18)) == date(2026, 11, 9)  # Wednesday: the week before


def test_the_rule_in_full_words() -> None:
    assert checkin_week_rule() == (
        "The check-in asks about the past seven days, so it is filed under the week most "
        "of them fall in: done Monday to Wednesday, it counts for the week before; "
        "from Thursday on, for the week it is done in."
    )
    assert checkin_week_rule(6).endswith(
        "done Sunday to Tuesday, it counts for the week before; "
        "from Wednesday on, for the week it is done in."
    )


def test_the_short_rule_in_full_words() -> None:
    assert checkin_week_rule_short() == (
        "Done Monday to Wednesday, a check-in counts for the week before; "
        "from Thursday on, for the week it is done in."
    )
    assert checkin_week_rule_short(4) == (
        "Done Friday to Sunday, a check-in counts for the week before; "
        "from Monday on, for the week it is done in."
    )
