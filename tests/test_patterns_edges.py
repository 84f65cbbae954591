"""Edges of the pattern windows: their halves, odd lengths, weeks seen (mutation testing,
issue 18)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from reconnect.logic.patterns import PatternWindow, pattern_frequencies, window
from reconnect.records.models import Reflection

TODAY = date(2026, 11, 21)  # a Saturday; its week starts Monday 16 Nov


def _r(day: date, *patterns: str) -> Reflection:
    return Reflection(at=datetime(day.year, day.month, day.day, 12, tzinfo=UTC), patterns=patterns)


def _busy(shown: PatternWindow) -> tuple[int, int, int]:
    (busy,) = (f for f in shown.frequencies if f.pattern.id == "busy")
    return busy.earlier, busy.later, busy.weeks_seen


def test_a_window_under_a_week_is_refused_in_words() -> None:
    with pytest.raises(ValueError, match=r"^a window is at least one week$"):
        window(TODAY, 0)


def test_the_middle_day_of_a_window_starts_its_later_half() -> None:
    # Four weeks from Monday 26 Oct: the later half starts Monday 9 Nov.
    shown = pattern_frequencies([_r(date(2026, 11, 8), "busy"), _r(date(2026, 11, 9))], TODAY, 4)
    assert (shown.reflections_earlier, shown.reflections_later) == (1, 1)
    assert _busy(shown) == (1, 0, 1)


def test_an_odd_window_gives_its_middle_week_to_the_later_half() -> None:
    # Three weeks from Monday 2 Nov: the earlier half is that week alone.
    days = [date(2026, 11, 8), date(2026, 11, 9), date(2026, 11, 11), date(2026, 11, 15)]
    shown = pattern_frequencies([_r(day, "busy") for day in days], TODAY, 3)
    assert (shown.first, shown.end) == (date(2026, 11, 2), date(2026, 11, 23))
    assert (shown.reflections_earlier, shown.reflections_later) == (1, 3)
    assert _busy(shown) == (1, 3, 2)


def test_a_one_week_window_is_all_later_half() -> None:
    shown = pattern_frequencies([_r(date(2026, 11, 16), "busy")], TODAY, 1)
    assert (shown.reflections_earlier, shown.reflections_later) == (0, 1)
    assert not shown.comparable


def test_trends_are_not_comparable_without_a_later_reflection() -> None:
    shown = pattern_frequencies([_r(date(2026, 10, 27), "busy")], TODAY, 4)
    assert (shown.reflections_earlier, shown.reflections_later) == (1, 0)
    assert not shown.comparable and shown.trend_summary() == []


def test_weeks_seen_follow_the_first_day_of_the_week() -> None:
    sunday, monday = date(2026, 11, 8), date(2026, 11, 9)
    reflections = [_r(sunday, "busy"), _r(monday, "busy")]
    assert _busy(pattern_frequencies(reflections, TODAY, 4))[2] == 2  # Monday weeks
    assert _busy(pattern_frequencies(reflections, TODAY, 4, first_day=6))[2] == 1
