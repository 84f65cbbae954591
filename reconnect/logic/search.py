"""Full-text search and filters over the reflections, kept fast on a long history.

Pure (floor 2). The index is built once per load of the records: each reflection's own
words are case-folded up front, so a keystroke in the search box costs one pass of
substring tests over about 2,000 strings, with no re-validation.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, tzinfo

from reconnect.logic.weeks import local_date
from reconnect.records.models import Reflection


@dataclass(frozen=True)
class ReflectionFilter:
    """What the history shows: words to find, one pattern, and a date range (inclusive)."""

    text: str = ""
    pattern: str | None = None
    first: date | None = None
    last: date | None = None

    @property
    def terms(self) -> list[str]:
        return self.text.casefold().split()

    def is_active(self) -> bool:
        return bool(self.terms or self.pattern or self.first or self.last)


def searchable_text(reflection: Reflection) -> str:
    """The user's own words: title, body, what was avoided and tags (not the prompt)."""
    parts = (reflection.title, reflection.body, reflection.avoided, *reflection.tags)
    return "\n".join(parts).casefold()


class ReflectionIndex:
    """Reflections newest first, ready to filter."""

    def __init__(self, reflections: Iterable[Reflection], tz: tzinfo | None = None) -> None:
        ordered = sorted(reflections, key=lambda r: r.at, reverse=True)
        self._entries = [(r, local_date(r.at, tz), searchable_text(r)) for r in ordered]

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def newest_first(self) -> list[Reflection]:
        return [r for r, _, _ in self._entries]

    def matching(self, wanted: ReflectionFilter) -> list[Reflection]:
        """Reflections with every search word (case-insensitive), the pattern and the
        dates asked for, newest first."""
        terms = wanted.terms
        return [
            reflection
            for reflection, day, text in self._entries
            if (wanted.pattern is None or wanted.pattern in reflection.patterns)
            and (wanted.first is None or day >= wanted.first)
            and (wanted.last is None or day <= wanted.last)
            and all(term in text for term in terms)
        ]
