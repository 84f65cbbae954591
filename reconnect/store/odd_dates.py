"""Records holding a date outside the years reconnect accepts, named for the person.

A data file written before dates were checked (or by another program) may hold a year
like 9999. It still opens: such a date reads as the range's edge (records.models), and
this says which record it is, so the person can set the right date.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import orjson
from pydantic import ValidationError

from reconnect.records.models import TABLES, YEAR_OUT_OF_RANGE, YEARS
from reconnect.store.lazy_table import DamagedRecord, LazyTable, parse_record

# A JSON string that starts like an ISO date; its year is checked below. Most records
# have none out of range, so only the rare match is validated.
_ISO_DATE = re.compile(rb'"(\d{4})-\d\d-\d\d[T"]')
_KIND = {
    "connections": "Moment",
    "reflections": "Reflection",
    "goals": "Goal",
    "people": "Person",
    "checkins": "Check-in",
    "reviews": "Weekly review",
    "groups": "Group",
}
_NAMED_BY = ("what", "title", "name")


def odd_dates(tables: Mapping[str, Any]) -> list[str]:
    """One line per record with a date out of range: which record, which field, why."""
    lines: list[str] = []
    for name, model in TABLES.items():
        table = tables.get(name)
        if table is None:
            continue
        items = table.raw_items() if isinstance(table, LazyTable) else table.items()
        for doc_id, raw in items:
            data = orjson.dumps(raw) if isinstance(raw, dict) else bytes(raw)
            if all(int(m.group(1)) in YEARS for m in _ISO_DATE.finditer(data)):
                continue
            try:
                doc = parse_record(doc_id, raw)
                model.model_validate(doc)  # as an entry would be: the range is checked
                continue  # a note that merely starts like a date
            except DamagedRecord:
                continue  # the file's check names a damaged record
            except ValidationError as exc:
                problems = [e for e in exc.errors() if e["type"] == YEAR_OUT_OF_RANGE]
            lines += [_line(name, doc, problem) for problem in problems[:1]]
    return lines


def _line(table: str, doc: dict[str, Any], problem: Any) -> str:
    named = next((doc[k] for k in _NAMED_BY if isinstance(doc.get(k), str) and doc[k]), "")
    label = f"{_KIND.get(table, table)} \u201c{named[:40]}\u201d" if named else _KIND[table]
    where = ".".join(str(part) for part in problem["loc"])
    year = int(str(problem["input"])[:4])
    edge = f"first day of {YEARS[0]}" if year < YEARS[0] else f"last day of {YEARS[-1]}"
    reach = " (in the Log, ] past this week goes to it)" if table == "connections" else ""
    return (
        f"{label} (id {str(doc.get('id'))[:8]}), {where}: {problem['msg']}. "
        f"It shows on the {edge}{reach} until you set the right date."
    )
