"""Dates in words without a leading zero ("Fri 20 Nov"), on every platform.

strftime's `%-d` is glibc's and macOS's alone (Windows refuses it), so a pattern says
`{day}` where the day of the month goes: day_format(d, "%a {day} %b") -> "Fri 20 Nov".
"""

from __future__ import annotations

from datetime import date


def day_format(moment: date, pattern: str) -> str:
    """`moment.strftime(pattern)` with `{day}` as the day of the month, unpadded."""
    return moment.strftime(pattern.replace("{day}", str(moment.day)))
