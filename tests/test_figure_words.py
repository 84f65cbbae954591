"""Figures say what they are: counts in words, no bracketed plurals, no 'checkins'."""

import ast
import re
from pathlib import Path

import pytest

from reconnect.logic.plural import plural

ROOT = Path(__file__).resolve().parent.parent
# Where words on screen, in exports and in import results come from.
SOURCES = ("screens", "widgets", "reconnect/logic", "reconnect/transfer", "reconnect/cli")
BRACKETED_PLURAL = re.compile(r"[A-Za-z]\(s\)")
# "checkins" in a sentence; not a table name, a CSS or HTML id, or the CheckIn class.
CHECKINS_WORD = re.compile(r"(?<![#\w.\"-])checkins?(?![\w\"-])")


def _strings(path: Path) -> list[tuple[int, str]]:
    """Every string literal in a file, f-string pieces included, with its line."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]


def _sources() -> list[Path]:
    return sorted(p for folder in SOURCES for p in (ROOT / folder).rglob("*.py"))


@pytest.mark.parametrize("path", _sources(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_bracketed_plurals_or_checkins_in_words(path: Path) -> None:
    for line, text in _strings(path):
        assert not BRACKETED_PLURAL.search(text), f"{path.name}:{line}: {text!r}"
        if " " in text:
            assert not CHECKINS_WORD.search(text), f"{path.name}:{line}: {text!r}"


def test_plural() -> None:
    assert plural(1, "check-in") == "1 check-in"
    assert plural(2, "check-in") == "2 check-ins"
    assert plural(0, "week") == "0 weeks"
    assert plural(1, "person", "people") == "1 person"
    assert plural(3, "person", "people") == "3 people"
    assert plural(1200, "record") == "1,200 records"


def test_the_patterns_catch_what_they_are_for() -> None:
    assert BRACKETED_PLURAL.search("3 record(s) added")
    assert not BRACKETED_PLURAL.search("Rest (s)")  # a key hint, not a plural
    assert CHECKINS_WORD.search("2 checkins this month")
    assert not CHECKINS_WORD.search('<section id="checkins">')
