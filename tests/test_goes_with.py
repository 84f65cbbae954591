"""Often goes with: mean comfort with and without each kind, channel and person, and
the moments behind each; below the minimum, nothing is said."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from reconnect.logic.goes_with import NOT_WHY, goes_with, goes_with_line, goes_with_lines
from reconnect.records.facts import ConnectionFacts
from reconnect.records.models import Person

AT = datetime(2026, 11, 2, 12, tzinfo=UTC)


def m(kind: str, channel: str, comfort: int, person: str | None = None) -> ConnectionFacts:
    return ConnectionFacts("x", AT, person, kind, 3, comfort, None, None, None, None, channel)


MOMENTS = [
    m("friend", "phone", 5, "maya"),
    m("friend", "phone", 4, "maya"),
    m("friend", "in_person", 3, "maya"),
    m("stranger", "in_person", 2),
    m("stranger", "in_person", 1),
    m("stranger", "in_person", 3),
    m("family", "video", 5, "mum"),
    m("family", "video", 5, "mum"),
]


@pytest.mark.parametrize(
    ("aspect", "expected"),
    [
        # key, moments, mean with, others, mean without
        ("kind", [("friend", 3, 4.0, 5, 16 / 5), ("stranger", 3, 2.0, 5, 22 / 5)]),
        ("channel", [("in_person", 4, 2.25, 4, 19 / 4)]),
        ("person", [("maya", 3, 4.0, 5, 16 / 5)]),
    ],
)
def test_means_with_and_without(aspect: str, expected: list[tuple]) -> None:
    rows = goes_with(MOMENTS)[aspect]
    got = [(r.key, r.moments, r.comfort, r.others, r.comfort_others) for r in rows]
    assert got == [pytest.approx(e) for e in expected]


def test_the_minimum_and_ties() -> None:
    assert [r.key for r in goes_with(MOMENTS, minimum=2)["person"]] == ["mum", "maya"]
    assert goes_with(MOMENTS, minimum=9) == {"kind": [], "channel": [], "person": []}
    every = goes_with(MOMENTS[:3], minimum=3)["kind"][0]
    assert every.others == 0 and every.comfort_others is None


def test_words() -> None:
    row = goes_with(MOMENTS)["kind"][0]
    assert goes_with_line(row, "friend") == (
        "friend: comfort 4.0 over 3 moments (3.2 over the 5 others)"
    )
    maya = Person(name="Maya", created_at=AT)
    moments = [r._replace(person_id=maya.id if r.person_id == "maya" else None) for r in MOMENTS]
    lines = goes_with_lines(moments, [maya])
    assert lines[0].startswith(NOT_WHY)
    assert lines[-2:] == ["People:", "· Maya: comfort 4.0 over 3 moments (3.2 over the 5 others)"]
    assert lines[1:4] == [
        "Kinds of person:",
        "· friend: comfort 4.0 over 3 moments (3.2 over the 5 others)",
        "· stranger: comfort 2.0 over 3 moments (4.4 over the 5 others)",
    ]
    # Someone no longer in People is left out, heading and all.
    assert "People:" not in goes_with_lines(moments, [])
    assert goes_with_lines(moments[:2], [maya])[0].startswith("Too few moments")
