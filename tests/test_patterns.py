"""Pattern frequencies over 4/12/52 weeks, their trends, and the prompt rotation."""

from datetime import UTC, date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from reconnect.logic.patterns import PatternWindow, Trend, pattern_frequencies, window
from reconnect.logic.prompts import prompt_order
from reconnect.logic.weeks import week_start
from reconnect.records.content import PATTERNS, PROMPTS
from reconnect.records.models import Reflection
from tests.conftest import each_way

TODAY = date(2026, 11, 21)  # a Saturday; its week starts Monday 16 Nov


def _r(day: date, *patterns: str, hour: int = 12, tz: timezone = UTC) -> Reflection:
    return Reflection(at=datetime(day.year, day.month, day.day, hour, tzinfo=tz), patterns=patterns)


def _by_id(shown: PatternWindow) -> dict:
    return {f.pattern.id: f for f in shown.frequencies}


def test_window_spans_whole_weeks_ending_with_this_one() -> None:
    assert window(TODAY, 4) == (date(2026, 10, 26), date(2026, 11, 23))
    assert window(TODAY, 1, first_day=6) == (date(2026, 11, 15), date(2026, 11, 22))
    with pytest.raises(ValueError):
        window(TODAY, 0)


def test_counts_only_reflections_inside_the_window() -> None:
    reflections = [
        _r(date(2026, 10, 25), "busy"),  # the Sunday before the 4-week window
        _r(date(2026, 10, 26), "busy"),  # its first day
        _r(date(2026, 11, 22), "busy"),  # Sunday of this week: still in (future, but ours)
        _r(date(2026, 11, 23), "busy"),  # next week: out
    ]
    assert _by_id(pattern_frequencies(reflections, TODAY, 4))["busy"].count == 2
    assert _by_id(pattern_frequencies(reflections, TODAY, 12))["busy"].count == 3


def test_every_pattern_is_listed_in_catalogue_order_with_zeros() -> None:
    shown = pattern_frequencies([_r(TODAY, "inward")], TODAY, 4)
    assert [f.pattern.id for f in shown.frequencies] == [p.id for p in PATTERNS]
    assert sum(f.count for f in shown.frequencies) == 1
    assert _by_id(shown)["busy"].trend is Trend.NONE
    assert (shown.first, shown.end, shown.weeks) == (*window(TODAY, 4), 4)


def test_halves_and_trends() -> None:
    early, late = date(2026, 10, 27), date(2026, 11, 17)  # weeks 1 and 4 of 4
    reflections = [
        _r(early, "busy", "hurt", "unseen"),
        _r(early + timedelta(days=1), "busy", "unseen"),
        _r(late, "busy", "inward", "exhausted", "unseen"),
        _r(late + timedelta(days=1), "inward", "exhausted"),
        _r(early, "exhausted"),
    ]
    shown = pattern_frequencies(reflections, TODAY, 4)
    freqs = _by_id(shown)
    assert (shown.reflections_earlier, shown.reflections_later) == (3, 2)
    assert shown.comparable
    assert (freqs["busy"].earlier, freqs["busy"].later) == (2, 1)
    assert freqs["busy"].trend is Trend.FADING
    assert freqs["hurt"].trend is Trend.GONE
    assert freqs["inward"].trend is Trend.NEW
    assert freqs["exhausted"].trend is Trend.MORE
    assert freqs["unseen"].trend is Trend.FADING
    assert freqs["unseen"].weeks_seen == 2
    assert freqs["digital"].trend is Trend.NONE
    summary = dict(shown.trend_summary())
    assert summary[Trend.NEW] == ["Present but not there"]
    assert summary[Trend.FADING] == ["Busy schedule", "Surrounded yet unseen"]
    assert Trend.NONE not in summary


def test_no_trends_without_reflections_in_both_halves() -> None:
    # Someone who started three weeks ago: nothing in the earlier half of 12 weeks.
    reflections = [_r(TODAY - timedelta(weeks=n), "busy") for n in range(3)]
    shown = pattern_frequencies(reflections, TODAY, 12)
    assert _by_id(shown)["busy"].trend is Trend.NEW
    assert not shown.comparable and shown.trend_summary() == []


def test_steady_when_both_halves_match() -> None:
    reflections = [_r(date(2026, 10, 28), "digital"), _r(date(2026, 11, 18), "digital")]
    assert _by_id(pattern_frequencies(reflections, TODAY, 4))["digital"].trend is Trend.STEADY


def test_days_are_local_dates_in_the_given_zone() -> None:
    # 23:30 on Sunday 25 Oct in UTC is already Monday 26 Oct two hours east.
    late_sunday = datetime(2026, 10, 25, 23, 30, tzinfo=UTC)
    reflections = [Reflection(at=late_sunday, patterns=["hurt"])]
    east = timezone(timedelta(hours=2))
    assert _by_id(pattern_frequencies(reflections, TODAY, 4, tz=UTC))["hurt"].count == 0
    assert _by_id(pattern_frequencies(reflections, TODAY, 4, tz=east))["hurt"].count == 1


def test_first_day_of_week_moves_the_window() -> None:
    sunday = date(2026, 10, 25)
    reflections = [_r(sunday, "busy")]
    monday_weeks = _by_id(pattern_frequencies(reflections, TODAY, 4, first_day=0))
    sunday_weeks = _by_id(pattern_frequencies(reflections, TODAY, 4, first_day=6))
    assert (monday_weeks["busy"].count, sunday_weeks["busy"].count) == (0, 1)


def test_52_weeks_counts_a_year() -> None:
    reflections = [_r(TODAY - timedelta(weeks=n), "transition") for n in range(60)]
    freqs = _by_id(pattern_frequencies(reflections, TODAY, 52))
    assert freqs["transition"].count == 52
    assert freqs["transition"].weeks_seen == 52
    assert freqs["transition"].trend is Trend.STEADY


def test_prompt_order_never_used_first_then_oldest_use() -> None:
    used = [PROMPTS[2], PROMPTS[0], PROMPTS[2], PROMPTS[5]]  # newest first
    order = prompt_order(used)
    assert sorted(order) == sorted(PROMPTS)
    unused = [p for p in PROMPTS if p not in used]
    assert order[: len(unused)] == unused
    assert order[len(unused) :] == [PROMPTS[5], PROMPTS[0], PROMPTS[2]]


def test_prompt_order_ignores_prompts_not_in_the_catalogue() -> None:
    assert prompt_order(["an old prompt", ""], prompts=("a", "b")) == ["a", "b"]
    assert prompt_order(["a"], prompts=("a", "b")) == ["b", "a"]


def _near_midnight(day: date, late: bool, zone: ZoneInfo, *patterns: str) -> Reflection:
    """A reflection a minute after local midnight starting `day`, or a minute before its
    end, saved in UTC (as any offset may be)."""
    clock = time(23, 59) if late else time(0, 1)
    moment = datetime.combine(day, clock, tzinfo=zone).astimezone(UTC)
    return Reflection(at=moment, patterns=list(patterns))


@pytest.mark.parametrize("today", [TODAY, date(2027, 1, 1), date(2026, 11, 2)])
def test_window_edges_and_halves_at_local_midnight(
    zone: ZoneInfo, first_day: int, today: date
) -> None:
    start, end = window(today, 4, first_day)
    assert start == week_start(today, first_day) - timedelta(weeks=3)
    middle = start + timedelta(weeks=2)
    reflections = [
        _near_midnight(start - timedelta(days=1), True, zone, "busy"),  # out: before
        _near_midnight(start, False, zone, "busy"),  # earlier half
        _near_midnight(middle - timedelta(days=1), True, zone, "busy"),  # earlier half
        _near_midnight(middle, False, zone, "busy", "hurt"),  # later half
        _near_midnight(end - timedelta(days=1), True, zone, "busy"),  # later half
        _near_midnight(end, False, zone, "busy"),  # out: next week
    ]
    for shown in each_way(
        zone, lambda tz: pattern_frequencies(reflections, today, 4, first_day, tz)
    ):
        busy, hurt = _by_id(shown)["busy"], _by_id(shown)["hurt"]
        assert (shown.first, shown.end) == (start, end)
        assert (busy.count, busy.earlier, busy.later) == (4, 2, 2)
        assert busy.weeks_seen == 4  # the first and last day of each half: four weeks
        assert (hurt.earlier, hurt.later, hurt.weeks_seen) == (0, 1, 1)
        assert (shown.reflections_earlier, shown.reflections_later) == (2, 2)
