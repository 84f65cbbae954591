"""group_visits.csv: one row per visit to a group, its after-visit answers flattened.

Only what a spreadsheet of visits needs: the moment's and the group's notes stay out
(the notes are in connections.csv and groups.csv, under the export's private rule).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reconnect.logic.groups import QUESTIONS
from reconnect.logic.weeks import local_date
from reconnect.records.models import Connection, Group, Record

GROUP_VISITS_FILE = "group_visits.csv"
VISIT_COLUMNS: tuple[str, ...] = (
    "date",
    "group",
    "kind",
    "comfort",
    "depth",
    "myself",
    *(field for field, _question in QUESTIONS),
    "group_id",
    "connection_id",
)


def visit_rows(records: dict[str, Sequence[Record]]) -> list[dict[str, Any]]:
    """A row per visit, oldest first; answers are yes / not_yet / not_sure or blank."""
    groups = {g.id: g for g in records.get("groups", []) if isinstance(g, Group)}
    visits = sorted(
        (
            c
            for c in records.get("connections", [])
            if isinstance(c, Connection) and c.group_id is not None
        ),
        key=lambda c: c.at,
    )
    rows = []
    for visit in visits:
        group = groups.get(visit.group_id or "")
        check = visit.visit_check.model_dump(mode="json") if visit.visit_check else {}
        rows.append(
            {
                "date": local_date(visit.at).isoformat(),
                "group": group.name if group else "",
                "kind": group.kind.value if group else "",
                "comfort": visit.comfort,
                "depth": visit.depth,
                "myself": visit.authenticity,
                **{field: check.get(field) for field, _question in QUESTIONS},
                "group_id": visit.group_id,
                "connection_id": visit.id,
            }
        )
    return rows
