"""Important dates typed on one line in the person form: read leniently, written back
in one form that reads the same; a day and month in numbers alone (03-12) is refused, as
it reads differently around the world."""

from __future__ import annotations

import pytest

from reconnect.logic.date_lines import dates_text, one_line, parse_dates
from reconnect.records.models import ImportantDate


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        ("  ;  ", []),
        ("Anniversary 2015-06-20", [("Anniversary", 6, 20, 2015)]),
        ("Birthday 1958-06-14", [("Birthday", 6, 14, 1958)]),
        ("Birthday: 3 Dec", [("Birthday", 12, 3, None)]),
        ("Birthday 3 Dec 1958", [("Birthday", 12, 3, 1958)]),
        ("Birthday March 12", [("Birthday", 3, 12, None)]),
        ("Birthday 12 March", [("Birthday", 3, 12, None)]),
        ("Birthday 12 Mar 1990", [("Birthday", 3, 12, 1990)]),
        ("Birthday March 12, 1990", [("Birthday", 3, 12, 1990)]),
        ("Name day sept. 9", [("Name day", 9, 9, None)]),
        ("Leap birthday 29 February", [("Leap birthday", 2, 29, None)]),
        (
            "Birthday 12 March; Anniversary 20 June 2015\nFirst met 1 jan",
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
        ("Birthday", "write a date like Birthday 12 March"),
        ("03-12", "name the date first"),
        (
            "Birthday 03-12",
            '"Birthday 03-12" could be 3 Dec or 12 Mar: write the month as a word',
        ),
        ("Birthday 3-12", "could be 3 Dec or 12 Mar: write the month as a word"),
        ("Birthday 31/12", '"Birthday 31/12": write the month as a word, like Birthday 31 Dec'),
        ("Birthday 12/31", "write the month as a word, like Birthday 31 Dec"),
        ("Birthday 12.12", "write the month as a word, like Birthday 12 Dec"),
        ("Birthday 3/12/1958", "could be 3 Dec 1958 or 12 Mar 1958: write the month"),
        ("Birthday 13-13", "write the month as a word, like Birthday 12 March"),
        ("Birthday 2015-13-01", "month: must be 12 or less"),
        ("Birthday 32 March", "day: must be 31 or less"),
        ("Birthday 30 Feb", "30 February is not a day of the year"),
        ("Birthday 2023-02-29", "29 February is not a day of the year"),
        ("Birthday 1800-01-01", "year"),
        ("Fine 1 Jan; Birthday soon", '"Birthday soon"'),
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
    assert one_line(dates[0]) == "Birthday 2 March"
    assert dates_text(dates) == "Birthday 2 March; Anniversary 20 June 2015"
    assert parse_dates(dates_text(dates)) == dates
