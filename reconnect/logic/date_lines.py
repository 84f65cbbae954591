"""A person's important dates as one line of text, for the person form: "Birthday 03-12;
Anniversary 2015-06-20". Read leniently (12 March, March 12, 12 Mar, 03-12, 1990-03-12),
written back in one plain form.

Floor 3: the records and the standard library only.
"""

from __future__ import annotations

import re

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
    re.compile(r"^(?P<label>.*?)\s*(?P<month>\d{1,2})-(?P<day>\d{1,2})$"),
    re.compile(
        rf"^(?P<label>.*?)\s*(?P<day>\d{{1,2}})\s+(?P<mname>{_MONTH})\.?(?:\s+(?P<year>\d{{4}}))?$",
        re.IGNORECASE,
    ),
    re.compile(
        rf"^(?P<label>.*?)\s*(?P<mname>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:,?\s+(?P<year>\d{{4}}))?$",
        re.IGNORECASE,
    ),
)
HOW = "like Birthday 03-12 or Anniversary 20 June 2015"


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


def one_line(important: ImportantDate) -> str:
    """'Birthday 03-12', or 'Anniversary 2015-06-20' when the year is known."""
    year = f"{important.year:04d}-" if important.year else ""
    return f"{important.label} {year}{important.month:02d}-{important.day:02d}"


def dates_text(dates: list[ImportantDate]) -> str:
    """The form's text for these dates: parse_dates reads it back the same."""
    return SEPARATOR.join(one_line(d) for d in dates)
