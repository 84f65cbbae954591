"""One CSV file per kind of record, for spreadsheets. Goal steps get a file of their own,
so do visits to groups (group_visits.csv), and so does the person's own list of people
and places from Settings, as in a backup."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reconnect.records.models import Goal, Homework, Record, VisitCheck
from reconnect.store.atomic import atomic_write, make_private_folder
from reconnect.transfer.csv_groups import GROUP_VISITS_FILE, VISIT_COLUMNS, visit_rows

if TYPE_CHECKING:
    from reconnect.settings import ResourceSetting

OWN_RESOURCES_FILE = "own_resources.csv"


def _flat(record: Record) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for key, value in record.model_dump(mode="json").items():
        if key == "steps":
            continue
        if key == "homework":
            for sub, sub_value in (value or {}).items():
                row[f"homework_{sub}"] = sub_value
            continue
        if key == "visit_check":  # one column per after-visit answer, as homework
            for sub in VisitCheck.model_fields:
                row[f"visit_check_{sub}"] = (value or {}).get(sub)
            continue
        if key == "important_dates":  # "Birthday 1990-03-12; Anniversary --06-01"
            row[key] = "; ".join(_important(d) for d in value)
            continue
        row[key] = ";".join(map(str, value)) if isinstance(value, list) else value
    return row


def _important(found: dict[str, Any]) -> str:
    """A date as ISO 8601 writes it, with "--" for a year not known."""
    year = f"{found['year']:04d}" if found.get("year") else "-"
    return f"{found['label']} {year}-{found['month']:02d}-{found['day']:02d}"


def _write(path: Path, rows: Sequence[dict[str, Any]], columns: Iterable[str]) -> None:
    """One CSV file, whole or not at all (the old one stays on a full disk), 0600."""
    text = io.StringIO(newline="")
    writer = csv.DictWriter(text, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if v is None else v for k, v in row.items()})
    atomic_write(path, text.getvalue().encode("utf-8"))


def _columns(model: type[Record]) -> list[str]:
    columns: list[str] = []
    for name in model.model_fields:
        if name == "steps":
            continue
        if name == "homework":
            columns += [f"homework_{sub}" for sub in Homework.model_fields]
            continue
        if name == "visit_check":
            columns += [f"visit_check_{sub}" for sub in VisitCheck.model_fields]
            continue
        columns.append(name)
    return columns


def write_csv_folder(
    folder: Path, records: dict[str, list[Record]], resources: Sequence[ResourceSetting] = ()
) -> list[Path]:
    """Write <kind>.csv for every kind (goal_steps.csv, and own_resources.csv when the
    person keeps any); returns the files written."""
    if not folder.is_dir():
        make_private_folder(folder)
    written: list[Path] = []
    for name, items in records.items():
        if not items:
            continue
        path = folder / f"{name}.csv"
        _write(path, [_flat(r) for r in items], _columns(type(items[0])))
        written.append(path)
    goals = [g for g in records.get("goals", []) if isinstance(g, Goal)]
    steps = [
        {"goal_id": g.id, "goal_title": g.title, **s.model_dump(mode="json")}
        for g in goals
        for s in g.steps
    ]
    if steps:
        path = folder / "goal_steps.csv"
        _write(path, steps, steps[0].keys())
        written.append(path)
    visits = visit_rows(records)
    if visits:
        path = folder / GROUP_VISITS_FILE
        _write(path, visits, VISIT_COLUMNS)
        written.append(path)
    if resources:
        path = folder / OWN_RESOURCES_FILE
        _write(path, [r.model_dump() for r in resources], ("name", "reach"))
        written.append(path)
    return written
