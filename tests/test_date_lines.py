"""Important dates typed on one line in the person form: read leniently, written back
in one form that reads the same."""

from __future__ import annotations

import pytest

from reconnect.logic.date_lines import dates_text, one_line, parse_dates
from reconnect.records.models import ImportantDate


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        ("  ;  ", []),
        ("Birthday 03-12", [("Birthday", 3, 12, None)]),
        ("Birthday: 3-12", [("Birthday", 3, 12, None)]),
        ("Anniversary 2015-06-20", [("Anniversary", 6, 20, 2015)]),
        ("Birthday 12 March", [("Birthday", 3, 12, None)]),
        ("Birthday 12 Mar 1990", [("Birthday", 3, 12, 1990)]),
        ("Birthday March 12, 1990", [("Birthday", 3, 12, 1990)]),
        ("Name day sept. 9", [("Name day", 9, 9, None)]),
        ("Leap birthday 02-29", [("Leap birthday", 2, 29, None)]),
        (
            "Birthday 03-12; Anniversary 20 June 2015\nFirst met 1 jan",
            [("Birthday", 3, 12, None), ("Anniversary", 6, 20, 2015), ("First met", 1, 1, None)],
        ),
    ],
)
def test_reads(text: str, expected: list[tuple[str, int, int, int | None]]) -> None:
    got = [(d.label, d.month, d.day, d.year) for d in parse_dates(text)]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("Birthday", "write a date like Birthday 03-12"),
        ("03-12", "name the date first"),
        ("Birthday 13-01", "month"),
        ("Birthday 02-30", "30/2 is not a day of the year"),
        ("Birthday 2023-02-29", "29/2 is not a day of the year"),
        ("Birthday 1800-01-01", "year"),
        ("Fine 01-01; Birthday soon", '"Birthday soon"'),
    ],
)
def test_refuses_saying_what_to_do(text: str, says: str) -> None:
    with pytest.raises(ValueError, match=None) as caught:
        parse_dates(text)
    assert says in str(caught.value)


def test_written_back_reads_the_same() -> None:
    dates = [
        ImportantDate(label="Birthday", month=3, day=2),
        ImportantDate(label="Anniversary", month=6, day=20, year=2015),
    ]
    assert one_line(dates[0]) == "Birthday 03-02"
    assert dates_text(dates) == "Birthday 03-02; Anniversary 2015-06-20"
    assert parse_dates(dates_text(dates)) == dates
