"""Counts in words: '1 check-in', '2 check-ins'; never a bracketed plural."""

from __future__ import annotations


def plural(n: int, noun: str, many: str | None = None) -> str:
    """`n` (with thousands separators) and the noun in the form that fits:
    plural(2, "person", "people") is '2 people', plural(1200, "record") '1,200 records'."""
    return f"{n:,} {noun if n == 1 else many or noun + 's'}"
