"""The connection editor's rules, without a terminal: the days it offers, the moment a
day and a time of day mean, who a typed name means, and what is still missing.

The editor (screens/dialogs/connection_editor.py) starts from a `Prefill`, reads its
fields and asks here; its host saves the `Entry` through `connections.save`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import NamedTuple

from reconnect.logic.connections import check_not_future, clean_name, find_person, parse_clock
from reconnect.logic.day_format import day_format
from reconnect.logic.natural_dates import read_phrase
from reconnect.logic.weeks import at_local
from reconnect.records.models import (
    Channel,
    Connection,
    Counterpart,
    Person,
    SupportFlow,
    SupportKind,
    VisitCheck,
    label,
    now_local,
)

# A time of day, or the start of one being typed ("1", "18:", "18:3"); else words.
_CLOCKISH = re.compile(r"^\d{1,2}([:.]\d{0,2})?$")
# How many days back the "when" list offers (four weeks: a week remembered late still
# fits); older entries keep their own day when edited.
DAYS_OFFERED = 28
# The time a moment logged for an earlier day starts at (a day remembered late has no
# "now"): midday, one keystroke from the real one.
PAST_DAY_CLOCK = "12:00"


@dataclass(frozen=True)
class Prefill:
    """What the editor starts with: a new moment's given fields, or an entry's own."""

    what: str = ""
    counterpart: Counterpart | None = None
    person_id: str | None = None
    channel: Channel = Channel.IN_PERSON
    depth: int | None = None
    comfort: int | None = None
    note: str = ""
    goal_id: str | None = None
    step_id: str | None = None
    authenticity: int | None = None
    support: SupportFlow | None = None
    support_kind: SupportKind | None = None
    # A visit to a group: the editor has no field for these, so they ride along unseen
    # and an edit never drops them.
    group_id: str | None = None
    visit_check: VisitCheck | None = None
    # A past day chosen first (the year of days, a day in the Log's week): the "when"
    # starts on it, at PAST_DAY_CLOCK. None: today, now.
    day: date | None = None

    @classmethod
    def of(cls, connection: Connection) -> Prefill:
        return cls(
            connection.what,
            connection.counterpart,
            connection.person_id,
            connection.channel,
            connection.depth,
            connection.comfort,
            connection.note,
            connection.goal_id,
            connection.step_id,
            connection.authenticity,
            connection.support,
            connection.support_kind,
            connection.group_id,
            connection.visit_check,
        )


def start_when(today: date, day: date | None) -> tuple[date, str]:
    """The day and typed time a new moment starts with: today and now (an empty time),
    or an earlier day at midday. A day after today is never offered: today."""
    if day is None or day >= today:
        return today, ""
    return day, PAST_DAY_CLOCK


class Entry(NamedTuple):
    """What the editor holds, ready for `connections.save(store, connection, who)`."""

    connection: Connection
    who: str | None  # None: keep the person picked (or given); else the name typed


def day_choices(today: date, also: date | None = None) -> list[tuple[str, str]]:
    """(words, ISO day) for today and the days before it, plus `also` (an edited entry's
    own day) if it is older."""
    days = [today - timedelta(days=n) for n in range(DAYS_OFFERED)]
    if also is not None and also not in days:
        days.append(also)
    names = {today: "today", today - timedelta(days=1): "yesterday"}
    return [(names.get(d, f"{day_format(d, '%a {day} %b')}"), d.isoformat()) for d in days]


def is_phrase(clock: str) -> bool:
    """Whether the time box holds words (a day of their own), not a time of day."""
    return bool(clock.strip()) and not _CLOCKISH.match(clock.strip())


def moment_words(moment: datetime) -> str:
    """What words typed for when mean: 'Fri 20 Nov, 18:00'."""
    return day_format(moment, "%a {day} %b, %H:%M")


def moment_of(
    day: date,
    clock: str,
    today: date,
    *,
    editing_at: datetime | None = None,
    now: datetime | None = None,
) -> datetime:
    """The moment a day and a typed time of day mean; raises ValueError saying what to
    fix. No time: now (today only), or the edited entry's own time. Words instead of a
    time ("yesterday 18:00", "mon", "2 days ago": natural_dates) bring their own day."""
    text = clock.strip()
    real_now = (now or now_local()).replace(second=0, microsecond=0)
    if not text:
        if day != today:
            raise ValueError("give a time for that day, like 18:30")
        if editing_at is not None:
            return editing_at
        return at_local(today, real_now.time())
    if _CLOCKISH.match(text):
        moment = at_local(day, parse_clock(text))
    else:  # words ("yesterday 18:00", "last friday evening") name their own day
        on_day = real_now if real_now.date() == today else at_local(today, real_now.time())
        said = read_phrase(text, on_day)
        moment = at_local(said.date(), said.time())
    # On a pinned day (tests, demos) the whole day counts as already happened.
    latest = real_now if real_now.date() == today else at_local(today, time(23, 59))
    unchanged = editing_at is not None and moment == editing_at.replace(second=0, microsecond=0)
    if not unchanged:
        check_not_future(moment, latest)
    return moment


def missing_scales(depth: int | None, comfort: int | None) -> str:
    """What to choose before a save, or "" when both are chosen."""
    missing = [name for name, value in (("depth", depth), ("comfort", comfort)) if value is None]
    if not missing:
        return ""
    return f"choose {' and '.join(missing)}: type a number 1\u20135 or click one"


# The support pickers number their choices; these are the values behind the numbers.
SUPPORT_CHOICES: tuple[SupportFlow, ...] = tuple(SupportFlow)
SUPPORT_KIND_CHOICES: tuple[SupportKind, ...] = tuple(SupportKind)


def support_problem(support: int | None, kind: int | None) -> str:
    """What stops a kind of support without its direction, or ""."""
    if kind is not None and support is None:
        return "say which way the support went: type 1\u20133 on Support, or clear Kind"
    return ""


@dataclass
class PersonPick:
    """Who the typed name means: the person picked from the list (or given) while the
    name still matches theirs, else a person of that name. Two people may share a name,
    so the one picked is remembered, not looked up again."""

    people: list[Person]  # to choose from: not archived, by name
    picked: Person | None = None

    @classmethod
    def among(cls, people: Iterable[Person], person_id: str | None = None) -> PersonPick:
        everyone = list(people)
        choosable = sorted((p for p in everyone if not p.archived), key=lambda p: p.name.lower())
        return cls(choosable, next((p for p in everyone if p.id == person_id), None))

    def keeps_picked(self, name: str) -> bool:
        """True while the typed name is still the picked person's."""
        return self.picked is not None and (
            clean_name(name).casefold() == clean_name(self.picked.name).casefold()
        )

    def named(self, name: str, counterpart: Counterpart | None = None) -> Person | None:
        if self.keeps_picked(name):
            return self.picked
        return find_person(self.people, name, counterpart)

    def hint(self, name: str, counterpart: Counterpart | None = None) -> str:
        """Who a name will be saved as: 'Maya, Friend' or 'New: Maya will be added…'."""
        name = clean_name(name)
        if not name:
            return ""
        person = self.named(name, counterpart)
        if person is not None:
            return f"{person.name}, {label(person.circle)}"
        return f"New: {name} will be added to People"

    def choices(self) -> list[tuple[str, str]]:
        """(words, person id) for the pick list."""
        return [(f"{p.name} ({label(p.circle)})", p.id) for p in self.people]

    def pick(self, person_id: str | None) -> Person | None:
        """Remember the person chosen from the list (None: nothing chosen)."""
        person = next((p for p in self.people if p.id == person_id), None)
        if person is not None:
            self.picked = person
        return person
