"""Planned goal steps as calendar events (all-day, on the day they are planned for)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from icalendar import Calendar, Event

from reconnect.records.models import Goal, now_local


def steps_calendar(goals: Iterable[Goal]) -> bytes:
    """An iCalendar file with one event per planned step not done yet."""
    calendar = Calendar()
    calendar.add("prodid", "-//reconnect//planned steps//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "reconnect: planned steps")
    stamp = now_local()
    for goal in goals:
        for step in goal.steps:
            if step.planned_on is None or step.done:
                continue
            event = Event()
            event.add("uid", f"{step.id}@reconnect")
            event.add("dtstamp", stamp)
            event.add("summary", step.title)
            event.add("dtstart", step.planned_on)
            event.add("dtend", step.planned_on + timedelta(days=1))
            description = f"A step of your goal \u201c{goal.title}\u201d."
            if goal.why:
                description += f"\nWhy it matters: {goal.why}"
            event.add("description", description)
            calendar.add_component(event)
    return calendar.to_ical()
