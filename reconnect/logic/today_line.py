"""`reconnect today`: the day in one line for a shell prompt, a tmux status line or a
login message ("3 moments this week · next: call Ana (due Thu) · review due").

Gentle by rule: a quiet week is an invitation, never a shortfall; a date already gone
is left out rather than called late. Cheap by design, meant to be as quick as `reconnect
log` (bench/today_measures.py sets them side by side): the week's moments come from the
store's index (ids and times, the one cost `log` does not have, read from the copy kept
for the file's exact bytes: store/index_cache.py), and goals, people, check-ins and
reviews from their stored documents (today_docs): nothing is validated, so no model's
validator is built at all.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from reconnect.logic.checkin_week import checkin_week
from reconnect.logic.day_format import day_format
from reconnect.logic.next_step_words import no_next_step
from reconnect.logic.plural import plural
from reconnect.logic.today_docs import GoalGlance, active_goals, drifting_names, has_week
from reconnect.logic.weeks import last_full_week, midnight, week_bounds, week_start

if TYPE_CHECKING:
    from reconnect.store.store import Store

WIDTH = 80
SEPARATOR = " \u00b7 "
QUIET_WEEK = "No moments yet this week \u2014 a small hello counts"
QUIET_SHORT = "No moments yet this week"


@dataclass(frozen=True)
class NextStep:
    goal: str
    step: str | None  # None: every step done, or none written yet (has_steps)
    day: date | None  # homework due, else the step's planned day; None when gone by
    homework: bool
    has_steps: bool = True


@dataclass(frozen=True)
class TodayFacts:
    today: date
    week_start: date
    moments_this_week: int
    next: NextStep | None
    losing_touch: list[str]  # most overdue first
    checkin_due: bool
    review_due: bool


def today_facts(store: Store, today: date, first_day: int = 0) -> TodayFacts:
    start, end = week_bounds(today, first_day)
    moments = len(store.connections.ids_between(start, end))
    last_week = last_full_week(today, first_day)
    checkin_start = checkin_week(today, first_day)
    checkins, reviews = store.checkins.docs(), store.reviews.docs()
    # A week with moments is ready to look back on; an empty one is not asked about.
    last_week_moments = store.connections.ids_between(midnight(last_week), start)
    latest = store.connections.latest_by_person()
    return TodayFacts(
        today=today,
        week_start=start.date(),
        moments_this_week=moments,
        next=next_step(active_goals(store.goals.docs(), today), today),
        losing_touch=drifting_names(store.people.docs(), latest, today),
        checkin_due=not has_week(checkins, checkin_start, first_day),
        review_due=bool(last_week_moments) and not has_week(reviews, last_week, first_day),
    )


def nothing_yet(today: date, first_day: int = 0) -> TodayFacts:
    """The facts where there is no data file yet."""
    return TodayFacts(today, week_start(today, first_day), 0, None, [], False, False)


def next_step(goals: list[GoalGlance], today: date) -> NextStep | None:
    """The step to show: homework due soonest, else a step planned soonest, else the
    first active goal's next step (a goal with one before a goal without). Dates already
    gone count as undated."""

    def entry(goal: GoalGlance) -> tuple[bool, date, NextStep]:
        day = goal.due_on or goal.planned_on
        if day is not None and day < today:
            day = None
        shown = NextStep(goal.title, goal.step, day, goal.due_on is not None, goal.has_steps)
        return (day is None, day or today, shown)

    if not goals:
        return None
    # A step to take comes before a goal with none (all done, or none written yet).
    ranked = sorted(
        (entry(g) for g in goals),
        key=lambda e: (e[0], e[1], e[2].step is None, not e[2].homework),
    )
    return ranked[0][2]


def day_words(day: date, today: date) -> str:
    """'today', 'tomorrow', 'Thu' within the week ahead, else 'Thu 3 Dec'."""
    if day == today:
        return "today"
    if day == today + timedelta(days=1):
        return "tomorrow"
    if day < today + timedelta(days=7):
        return f"{day:%a}"
    return day_format(day, "%a {day} %b")


def _next_words(step: NextStep, today: date, room: int, shortest: int | None) -> str:
    """'next: call Ana (due Thu)'; a goal without a step to do, 'Walk more: no steps
    yet'. With `shortest`, the title cut to fit `room` (never below `shortest`
    characters)."""
    title = step.step or step.goal
    head, tail = ("next: ", "") if step.step else ("", f": {no_next_step(step.has_steps)}")
    when = ""
    if step.day is not None:
        when = f" ({'due' if step.homework else 'planned'} {day_words(step.day, today)})"
    room -= len(head) + len(tail) + len(when)
    if shortest is not None and len(title) > room:
        title = title[: max(room - 1, shortest)].rstrip() + "\u2026"
    return f"{head}{title}{tail}{when}"


def today_line(facts: TodayFacts, width: int = WIDTH) -> str:
    """The facts in one line of at most `width` characters in its usual form. When they
    do not fit, a quiet week's encouragement is said in fewer words (the hello to
    someone is the same invitation), then the hello goes, then a long step title is
    shortened."""
    count = facts.moments_this_week
    heads = [f"{plural(count, 'moment')} this week"] if count else [QUIET_WEEK, QUIET_SHORT]
    flags = (("check-in", facts.checkin_due), ("review", facts.review_due))
    due = [name for name, flag in flags if flag]
    tail = [f"{' and '.join(due)} due"] if due else []
    drift: list[str] = []
    if facts.losing_touch:
        more = len(facts.losing_touch) - 1
        drift = [f"maybe say hi to {facts.losing_touch[0]}" + (f" (+{more})" if more else "")]
    shapes = [(head, drift) for head in heads] + [(head, []) for head in heads]
    line = ""
    for shortest in (None, 16, 8):  # the whole title first, then cut
        for head, middle in shapes:
            parts = [head, *middle, *tail]
            if facts.next is not None:
                room = width - len(SEPARATOR.join(parts)) - len(SEPARATOR)
                parts.insert(1, _next_words(facts.next, facts.today, room, shortest))
            line = SEPARATOR.join(parts)
            if len(line) <= width:
                return line
    return line


def facts_json(facts: TodayFacts) -> dict[str, Any]:
    """The same facts for `--json`, dates as ISO strings, the line included."""
    found = asdict(facts)
    found["today"] = facts.today.isoformat()
    found["week_start"] = facts.week_start.isoformat()
    if facts.next is not None:
        day = facts.next.day
        found["next"]["day"] = day.isoformat() if day else None
    found["line"] = today_line(facts)
    return found
