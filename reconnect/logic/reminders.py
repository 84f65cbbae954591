"""What is due today, in a few gentle lines (for `reconnect remind`).

Floor 3, pure: handed the records, never the store. Four kinds, the most time-bound
first: an important date today or tomorrow, homework due within two days, the week just
ended waiting for its review and check-in (in the first days of a new week only), and
people past the rhythm the person wished for. Words invite; nothing counts against
anyone, and nothing is said about what was missed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from reconnect.logic.checkin_week import LOOK_BACK_DAYS
from reconnect.logic.day_format import day_format
from reconnect.logic.drift import drifting_from
from reconnect.logic.important_dates import coming_up
from reconnect.logic.overview import active_goals
from reconnect.logic.weeks import midnight, week_start
from reconnect.records.models import CheckIn, Goal, Person, WeeklyReview

if TYPE_CHECKING:
    from reconnect.store.store import Store

HOMEWORK_DAYS = 2  # homework due within this many days is mentioned
DATE_DAYS = 1  # important dates today or tomorrow
MOST_PEOPLE = 3  # people named in the drifting line


@dataclass(frozen=True)
class Reminder:
    kind: str  # "date", "homework", "week", "people"
    text: str


def _day_words(day: date, today: date) -> str:
    days = (day - today).days
    return (
        "today"
        if days == 0
        else "tomorrow"
        if days == 1
        else f"on {day_format(day, '%A {day} %B')}"
    )


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def date_reminders(people: Iterable[Person], today: date) -> list[Reminder]:
    found = []
    for when, person, important in coming_up(list(people), today, DATE_DAYS):
        day = _day_words(when, today).capitalize()
        found.append(
            Reminder(
                "date",
                f"{day} is {person.name}'s {_lower_first(important.label)}: "
                "a two-line message is enough.",
            )
        )
    return found


def homework_reminders(goals: Iterable[Goal], today: date) -> list[Reminder]:
    found = []
    due = [
        g
        for g in active_goals(goals, today)
        if g.homework is not None
        and g.homework.outcome is None
        and g.homework.due_on is not None
        and 0 <= (g.homework.due_on - today).days <= HOMEWORK_DAYS
    ]
    for goal in sorted(due, key=lambda g: (g.homework.due_on, g.title)):  # type: ignore[union-attr]
        assert goal.homework is not None and goal.homework.due_on is not None
        by = f" from {goal.homework.assigned_by}" if goal.homework.assigned_by else ""
        step = goal.next_step()
        next_words = f" One small step: {step.title}." if step else ""
        found.append(
            Reminder(
                "homework",
                f"Homework{by}, “{goal.title}”, is due {_day_words(goal.homework.due_on, today)}."
                f"{next_words} Whatever part you manage counts.",
            )
        )
    return found


def week_just_ended(today: date, first_day: int = 0) -> bool:
    """True in the first days of a week, when the week before is worth a look back."""
    return (today - week_start(today, first_day)).days < LOOK_BACK_DAYS


def week_reminders(
    reviews: Iterable[WeeklyReview],
    checkins: Iterable[CheckIn],
    today: date,
    first_day: int = 0,
    *,
    moments_last_week: bool = True,
) -> list[Reminder]:
    """In the first days of a week, the week just ended if its review or check-in is
    still open (the check-in of those days counts for it: see checkin_week). As on
    `reconnect today`, a week with no moments is not asked to be reviewed."""
    if not week_just_ended(today, first_day):
        return []
    last = week_start(today, first_day) - timedelta(days=7)
    review_open = moments_last_week and not any(
        week_start(r.week, first_day) == last for r in reviews
    )
    checkin_open = not any(week_start(c.week, first_day) == last for c in checkins)
    open_parts = [
        part
        for part, is_open in (("the review", review_open), ("the check-in", checkin_open))
        if is_open
    ]
    if not open_parts:
        return []
    return [
        Reminder(
            "week",
            f"The week of {day_format(last, '{day} %B')} is ready to look back on, when you "
            f"have ten quiet minutes: {' and '.join(open_parts)}, in the app.",
        )
    ]


def people_reminders(
    people: Iterable[Person], latest: Mapping[str, datetime], today: date
) -> list[Reminder]:
    drifts = drifting_from(people, latest, today)
    if not drifts:
        return []
    first, *others = drifts[:MOST_PEOPLE]
    named = [f"{first.person.name}, {first.days_since} days since you were last in touch"]
    named += [f"{d.person.name}, {d.days_since} days" for d in others]
    more = len(drifts) - MOST_PEOPLE
    if more > 0:
        named.append(f"and {more} more in People")
    return [
        Reminder(
            "people",
            f"Someone you hoped to hear from more often: {'; '.join(named)}. "
            "A short hello is enough, whenever it feels right.",
        )
    ]


def reminders(
    *,
    goals: Iterable[Goal],
    people: list[Person],
    latest: Mapping[str, datetime],
    reviews: Iterable[WeeklyReview],
    checkins: Iterable[CheckIn],
    today: date,
    first_day: int = 0,
    moments_last_week: bool = True,
) -> list[Reminder]:
    """Everything due today, the most time-bound first."""
    return [
        *date_reminders(people, today),
        *homework_reminders(goals, today),
        *week_reminders(reviews, checkins, today, first_day, moments_last_week=moments_last_week),
        *people_reminders(people, latest, today),
    ]


def due_today(store: Store, today: date, first_day: int = 0) -> list[Reminder]:
    """reminders() read from the store, reading only what today needs (reviews and
    check-ins in the first days of a week; last contacts when someone has a rhythm)."""
    people = store.people.all()
    goals = store.goals.all()
    week_open = week_just_ended(today, first_day)
    with_rhythm = any(p.cadence_days and not p.archived for p in people)
    this_week = week_start(today, first_day)
    last_week = this_week - timedelta(days=7)
    return reminders(
        goals=goals,
        people=people,
        latest=store.connections.latest_by_person() if with_rhythm else {},
        reviews=store.reviews.all() if week_open else [],
        checkins=store.checkins.all() if week_open else [],
        today=today,
        first_day=first_day,
        moments_last_week=week_open
        and bool(store.connections.ids_between(midnight(last_week), midnight(this_week))),
    )
