"""Dates without a leading zero on every platform: no pattern uses glibc's `%-d`
(Windows' strftime refuses it)."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

from reconnect.logic.day_format import day_format
from reconnect.logic.weeks import week_span

ROOT = Path(__file__).resolve().parent.parent
# glibc's "no padding" flag on any directive: %-d, %-m, %-H, %-I …
POSIX_ONLY = re.compile(r"%-[a-zA-Z]")


def test_the_day_of_the_month_has_no_leading_zero() -> None:
    assert day_format(date(2026, 11, 5), "%a {day} %b") == "Thu 5 Nov"
    assert day_format(date(2026, 11, 25), "{day} %b %Y") == "25 Nov 2026"
    assert day_format(datetime(2027, 1, 1, 9, 5), "%A {day} %B, %H:%M") == "Friday 1 January, 09:05"


def test_week_spans_read_as_before() -> None:
    assert week_span(date(2026, 11, 9)) == "9\u201315 Nov 2026"
    assert week_span(date(2026, 10, 26)) == "26 Oct \u2013 1 Nov 2026"
    assert week_span(date(2026, 12, 28)) == "28 Dec 2026 \u2013 3 Jan 2027"


def test_no_code_uses_a_posix_only_date_format() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{n}"
        for folder in ("reconnect", "screens", "widgets", "bench")
        for path in (ROOT / folder).rglob("*.py")
        if path.name != "day_format.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if POSIX_ONLY.search(line)
    ]
    assert found == []
