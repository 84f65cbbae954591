"""How often each isolation pattern was ticked over recent weeks, and which way it is going.

Pure functions (floor 2): `today` and the time zone are always passed in. A window of N
weeks is the current week and the N-1 before it, by local date, starting on the user's
first day of the week. The trend compares the earlier half of the window with the later.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta, tzinfo
from enum import StrEnum

from reconnect.logic.weeks import local_date, week_start
from reconnect.records.content import PATTERNS, Pattern
from reconnect.records.models import Reflection

PERIODS: tuple[int, ...] = (4, 12, 52)


class Trend(StrEnum):
    """Which way a pattern is going, in plain words (never a verdict)."""

    NONE = "not ticked"
    NEW = "new lately"
    MORE = "showing up more"
    STEADY = "steady"
    FADING = "fading"
    GONE = "not lately"


@dataclass(frozen=True)
class PatternFrequency:
    pattern: Pattern
    count: int  # reflections in the window that ticked it
    earlier: int  # ... in the earlier half of the window
    later: int  # ... in the later half
    weeks_seen: int  # distinct weeks in which it was ticked

    @property
    def trend(self) -> Trend:
        if self.count == 0:
            return Trend.NONE
        if self.earlier == 0:
            return Trend.NEW
        if self.later == 0:
            return Trend.GONE
        if self.later > self.earlier:
            return Trend.MORE
        if self.later < self.earlier:
            return Trend.FADING
        return Trend.STEADY


def window(today: date, weeks: int, first_day: int = 0) -> tuple[date, date]:
    """First day of the window and the day after its last (the end of this week)."""
    if weeks < 1:
        raise ValueError("a window is at least one week")
    this_week = week_start(today, first_day)
    return this_week - timedelta(weeks=weeks - 1), this_week + timedelta(weeks=1)


@dataclass(frozen=True)
class PatternWindow:
    """The frequencies over one window, with what the trends can fairly be based on."""

    weeks: int
    first: date  # the window's first day
    end: date  # the day after its last
    frequencies: list[PatternFrequency]
    reflections_earlier: int  # reflections written in the earlier half
    reflections_later: int

    @property
    def comparable(self) -> bool:
        """Trends mean something only when both halves hold at least one reflection."""
        return self.reflections_earlier > 0 and self.reflections_later > 0

    def trend_summary(self) -> list[tuple[Trend, list[str]]]:
        """Pattern names grouped by trend, most telling first; empty when not comparable."""
        if not self.comparable:
            return []
        order = (Trend.MORE, Trend.NEW, Trend.STEADY, Trend.FADING, Trend.GONE)
        groups: dict[Trend, list[str]] = {trend: [] for trend in order}
        for freq in self.frequencies:
            if freq.trend in groups:
                groups[freq.trend].append(freq.pattern.name)
        return [(trend, names) for trend, names in groups.items() if names]


def pattern_frequencies(
    reflections: Iterable[Reflection],
    today: date,
    weeks: int,
    first_day: int = 0,
    tz: tzinfo | None = None,
) -> PatternWindow:
    """One entry per catalogue pattern, in catalogue order (stable across periods)."""
    start, end = window(today, weeks, first_day)
    # Odd windows give the middle week to the later half: it is the more recent.
    middle = start + timedelta(weeks=weeks // 2)
    counts = {p.id: [0, 0] for p in PATTERNS}
    seen_weeks: dict[str, set[date]] = {p.id: set() for p in PATTERNS}
    written = [0, 0]
    for reflection in reflections:
        day = local_date(reflection.at, tz)
        if not start <= day < end:
            continue
        half = 0 if day < middle else 1
        written[half] += 1
        week = week_start(day, first_day)
        for pattern_id in reflection.patterns:
            if pattern_id in counts:
                counts[pattern_id][half] += 1
                seen_weeks[pattern_id].add(week)
    frequencies = [
        PatternFrequency(
            pattern=p,
            count=sum(counts[p.id]),
            earlier=counts[p.id][0],
            later=counts[p.id][1],
            weeks_seen=len(seen_weeks[p.id]),
        )
        for p in PATTERNS
    ]
    return PatternWindow(weeks, start, end, frequencies, written[0], written[1])
