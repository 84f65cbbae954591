"""Searching and filtering the reflection history."""

from datetime import UTC, date, datetime, timedelta, timezone

from reconnect.logic.search import ReflectionFilter, ReflectionIndex
from reconnect.records.models import Reflection


def _r(day: int, body: str = "", **kw: object) -> Reflection:
    return Reflection(at=datetime(2026, 11, day, 12, tzinfo=UTC), body=body, **kw)  # type: ignore[arg-type]


REFLECTIONS = [
    _r(3, "Called Maya. Felt SEEN for once.", patterns=["busy"]),
    _r(10, "Too tired for the book club.", patterns=["exhausted", "busy"], title="Tired"),
    _r(17, "Ça m'a fait du bien: a walk with Jordan 🌿", avoided="Saying no to Maya"),
    _r(20, "Nothing much.", patterns=["inward"], tags=["therapy"]),
]


def _days(found: list[Reflection]) -> list[int]:
    return [r.at.day for r in found]


def test_no_filter_gives_everything_newest_first() -> None:
    index = ReflectionIndex(REFLECTIONS)
    assert _days(index.matching(ReflectionFilter())) == [20, 17, 10, 3]
    assert len(index) == 4 and _days(index.newest_first) == [20, 17, 10, 3]
    assert not ReflectionFilter(text="  ").is_active()


def test_search_is_case_insensitive_over_body_title_avoided_and_tags() -> None:
    index = ReflectionIndex(REFLECTIONS)
    assert _days(index.matching(ReflectionFilter(text="maya"))) == [17, 3]
    assert _days(index.matching(ReflectionFilter(text="seen"))) == [3]
    assert _days(index.matching(ReflectionFilter(text="TIRED"))) == [10]
    assert _days(index.matching(ReflectionFilter(text="THERAPY"))) == [20]
    assert _days(index.matching(ReflectionFilter(text="ÇA M'A"))) == [17]
    assert _days(index.matching(ReflectionFilter(text="🌿"))) == [17]


def test_every_word_must_appear() -> None:
    index = ReflectionIndex(REFLECTIONS)
    assert _days(index.matching(ReflectionFilter(text="maya walk"))) == [17]
    assert index.matching(ReflectionFilter(text="maya club")) == []


def test_the_prompt_is_not_searched() -> None:
    index = ReflectionIndex([_r(5, "short", prompt="When did I last feel really seen?")])
    assert index.matching(ReflectionFilter(text="seen")) == []


def test_pattern_and_date_filters_combine_with_search() -> None:
    index = ReflectionIndex(REFLECTIONS)
    assert _days(index.matching(ReflectionFilter(pattern="busy"))) == [10, 3]
    assert _days(index.matching(ReflectionFilter(pattern="busy", text="maya"))) == [3]
    in_range = ReflectionFilter(first=date(2026, 11, 10), last=date(2026, 11, 17))
    assert _days(index.matching(in_range)) == [17, 10]
    assert _days(index.matching(ReflectionFilter(first=date(2026, 11, 18)))) == [20]
    assert _days(index.matching(ReflectionFilter(last=date(2026, 11, 3)))) == [3]


def test_date_range_uses_the_local_date() -> None:
    late = Reflection(at=datetime(2026, 11, 9, 23, 30, tzinfo=UTC), body="late")
    east = ReflectionIndex([late], tz=timezone(timedelta(hours=2)))
    assert east.matching(ReflectionFilter(first=date(2026, 11, 10))) == [late]
    assert (
        ReflectionIndex([late], tz=UTC).matching(ReflectionFilter(first=date(2026, 11, 10))) == []
    )
