"""A person's important dates as one line of text, for the person form: "Birthday 12 March;
Anniversary 20 June 2015". Read leniently (12 March, March 12, 12 Mar 1990, 1990-03-12),
written back in one plain form. A day and month in numbers alone (03-12, 31/12) is
refused, as `log --at` refuses 20/11: it reads differently around the world.

Floor 3: the records and the standard library only.
"""

from __future__ import annotations

import re
from datetime import date

from pydantic import ValidationError

from reconnect.records.models import ImportantDate, first_error

SEPARATOR = "; "
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
# Each form: the label before it, then (year?, month, day) by name.
_FORMS = (
    re.compile(r"^(?P<label>.*?)\s*(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})$"),
    re.compile(
        rf"^(?P<label>.*?)\s*(?P<day>\d{{1,2}})\s+(?P<mname>{_MONTH})\.?(?:\s+(?P<year>\d{{4}}))?$",
        re.IGNORECASE,
    ),
    re.compile(
        rf"^(?P<label>.*?)\s*(?P<mname>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:,?\s+(?P<year>\d{{4}}))?$",
        re.IGNORECASE,
    ),
)
HOW = "like Birthday 12 March or Anniversary 20 June 2015"
# Day and month in numbers alone, perhaps with a year after: 03-12, 31/12, 3.12.1958.
_NUMBERS = re.compile(
    r"^(?P<label>.*?)\s*(?P<a>\d{1,2})[-/.](?P<b>\d{1,2})(?:[-/.](?P<year>\d{2}|\d{4}))?$"
)


def parse_dates(text: str) -> list[ImportantDate]:
    """The dates in `text` (parts split by ; or new lines), in order; empty text, none.
    Raises ValueError naming the part that cannot be read and how to write it."""
    found = []
    for part in re.split(r"[;\n]", text):
        part = " ".join(part.replace(":", " ").split()).strip(" ,")
        if part:
            found.append(_one(part))
    return found


def _one(part: str) -> ImportantDate:
    numbers = None if _FORMS[0].match(part) else _NUMBERS.match(part)  # ISO is read
    if numbers is not None and numbers["label"].strip(" ,-"):
        raise ValueError(_month_as_a_word(part, numbers))
    if numbers is not None:
        raise ValueError(f'"{part}": name the date first, {HOW}')
    for form in _FORMS:
        match = form.match(part)
        if match is None:
            continue
        fields = match.groupdict()
        label = fields["label"].strip(" ,-")
        if not label:
            raise ValueError(f'"{part}": name the date first, {HOW}')
        month = _MONTHS[fields["mname"].lower()] if fields.get("mname") else int(fields["month"])
        year = int(fields["year"]) if fields.get("year") else None
        try:
            return ImportantDate(label=label, month=month, day=int(fields["day"]), year=year)
        except ValidationError as exc:
            raise ValueError(f'"{part}": {first_error(exc)}') from None
    raise ValueError(f'"{part}": write a date {HOW}')


def _month_as_a_word(part: str, numbers: re.Match[str]) -> str:
    """Why 03-12 is refused and what to write: each way it could be meant, month named
    (it reads differently around the world, as log --at says of 20/11)."""
    label = numbers["label"].strip(" ,-")
    year = f" {numbers['year']}" if numbers["year"] and len(numbers["year"]) == 4 else ""
    first, second = int(numbers["a"]), int(numbers["b"])
    readings = []
    for day, month in ((first, second), (second, first)):
        if 1 <= month <= 12 and 1 <= day <= 31:
            reading = f"{day} {date(2000, month, 1):%b}{year}"
            if reading not in readings:
                readings.append(reading)
    if len(readings) == 2:
        return f'"{part}" could be {readings[0]} or {readings[1]}: write the month as a word'
    like = f"{label} {readings[0]}" if readings else f"{label} 12 March{year}"
    return f'"{part}": write the month as a word, like {like}'


def one_line(important: ImportantDate) -> str:
    """'Birthday 12 March', or 'Anniversary 20 June 2015' when the year is known."""
    year = f" {important.year}" if important.year else ""
    return f"{important.label} {important.day} {date(2000, important.month, 1):%B}{year}"


def dates_text(dates: list[ImportantDate]) -> str:
    """The form's text for these dates: parse_dates reads it back the same."""
    return SEPARATOR.join(one_line(d) for d in dates)
