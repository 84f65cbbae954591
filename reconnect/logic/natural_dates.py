"""Natural dates and times ("yesterday 18:00", "mon", "2 days ago", "last friday
evening"): the one reader behind `reconnect log --at`, the Log form's When field and
every field that asks for a day (read_day: the earlier day to log for, a step's day, how
long a goal rests).

parsedatetime (the parser jrnl uses) does the reading; this module smooths its edges
for a moment already lived, on the wall clock of `now` (naive in, naive out):

- a weekday or a day of a month with no year means the most recent one ("mon" on a
  Wednesday is two days ago, "20 dec" in November is last December); "next", "in" and
  "tomorrow" keep the future, which the callers then refuse; a day field looking
  ahead (read_day with `ahead`) keeps parsedatetime's coming one instead;
- a day with no time of day means noon, or now when that day is today before noon;
- a time with no day means today (a time later than now is refused by the caller:
  "yesterday 23:00" says the other thing);
- a phrase with a word it cannot read is refused whole, never half-read (a time in it
  that does not read, "mon 25:00", too), and so is a bare number (2026 is not 20:26)
  and a day written with slashes (20/11 and 11/20 read differently around the world).

parsedatetime loads only when a phrase needs it (about 40 ms), so ISO input stays as
quick as it was.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from typing import Any

EXAMPLE = "try yesterday 18:00, mon, 2 days ago, last friday evening or 2026-11-20T18:30"
NOON = time(12, 0)
# Words between the parts parsedatetime reads ("friday at 18:00", "on mon, 9am").
_FILLER = {"at", "on", "the"}
_WEEKDAY = re.compile(r"\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b")
_MONTH = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b")
_FORWARD = re.compile(r"\b(next|tomorrow|in (\d+|a|an)|from now|coming)\b")
_YEAR = re.compile(r"\b\d{4}\b")
_SLASHED = re.compile(r"\d\s*/\s*\d")
_CLOCK = re.compile(r"\d:\d")
# parsedatetime reads "this morning" and "last night" against the real clock, not the
# `now` it is given, and drops "day before": say them the way it reads right.
_REWORDED = (
    (re.compile(r"\b(\d{1,2})\.(\d{2})\b"), r"\1:\2"),  # 18.30
    (re.compile(r"\b(the )?day before yesterday\b"), "2 days ago"),
    (re.compile(r"\bthis (morning|afternoon|evening)\b"), r"today \1"),
    (re.compile(r"\blast night\b"), "yesterday night"),
    (re.compile(r"\btonight\b"), "today night"),
)

_calendar: Any = None


def _parser() -> Any:
    global _calendar
    if _calendar is None:
        import parsedatetime

        _calendar = parsedatetime.Calendar(version=parsedatetime.VERSION_CONTEXT_STYLE)
    return _calendar


def not_read(text: str, example: str = EXAMPLE, what: str = "a date or time") -> ValueError:
    return ValueError(f"'{text.strip()}' is not {what} reconnect can read; {example}")


def read_phrase(text: str, now: datetime) -> datetime:
    """The moment a phrase means, on `now`'s wall clock (the result is naive); raises
    ValueError with an example when it cannot be read."""
    wall = now.replace(tzinfo=None, microsecond=0)
    moment, has_date, has_time = _read(text, wall, EXAMPLE, "a date or time", ahead=False)
    if has_date and not has_time:
        day = moment.date()
        moment = datetime.combine(day, NOON)
        if day == wall.date():
            moment = min(moment, wall)
    return moment


def read_day(text: str, today: date, example: str, *, ahead: bool = False) -> date:
    """The day a phrase means ("yesterday", "last friday", "3 days ago", "next monday"):
    the same reading as read_phrase, for a field that asks for a day only. A bare
    weekday is the most recent one, or with `ahead` (planning, resting) the coming one.
    A phrase it cannot read, or one naming only a time, raises ValueError ending in
    `example`: the caller knows which words fit its range."""
    wall = datetime.combine(today, NOON)
    moment, has_date, _ = _read(text, wall, example, "a day", ahead=ahead)
    if not has_date:  # "18:00" alone: a time, not the day asked for
        raise not_read(text, example, "a day")
    return moment.date()


def _read(
    text: str, wall: datetime, example: str, what: str, *, ahead: bool
) -> tuple[datetime, bool, bool]:
    """The moment, whether a day and whether a time of day were given; ValueError if the
    phrase is not read whole."""
    phrase = " ".join(text.strip().lower().split())
    if _SLASHED.search(phrase):
        raise ValueError(
            f"'{text.strip()}': write the day as 2026-11-20 or 20 nov (with slashes it reads "
            "differently around the world)"
        )
    if phrase == "now":
        return wall, True, True
    if phrase.isdigit():  # 2026 read as 20:26, 18 as nothing: say what to write
        raise not_read(text, example, what)
    for pattern, words in _REWORDED:
        phrase = pattern.sub(words, phrase)
    calendar = _parser()
    found = calendar.nlp(phrase, sourceTime=wall) or ()
    rest = phrase
    for match in sorted(found, key=lambda m: -m[2]):  # from the end: offsets stay right
        rest = rest[: match[2]] + " " + rest[match[3] :]
    if not found or set(rest.replace(",", " ").split()) - _FILLER:
        raise not_read(text, example, what)
    moment, context = calendar.parseDT(phrase, sourceTime=wall)
    # A time typed ("monday 25:00") that was not read as one is refused, not dropped.
    if not (context.hasDate or context.hasTime) or (_CLOCK.search(phrase) and not context.hasTime):
        raise not_read(text, example, what)
    if not ahead:
        moment = _most_recent(moment, phrase, wall)
    return moment, bool(context.hasDate), bool(context.hasTime)


def _most_recent(moment: datetime, phrase: str, wall: datetime) -> datetime:
    """A named weekday or day of a month that parsedatetime put ahead: the one before."""
    if moment.date() <= wall.date() or _FORWARD.search(phrase) or _YEAR.search(phrase):
        return moment
    if _WEEKDAY.search(phrase):
        return moment - timedelta(days=7)
    if _MONTH.search(phrase):
        try:
            return moment.replace(year=moment.year - 1)
        except ValueError:  # 29 Feb: the year before has none
            return moment.replace(year=moment.year - 1, day=28)
    return moment
