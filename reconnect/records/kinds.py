"""The kinds of record as the store keeps them: each one's table, the field its time is
in, and whether it names a person. The standard library only: the store reads and
indexes records with these, and loads a kind's pydantic model (model_of) only when a
record is validated, so a command that only looks never builds one.
tests/test_record_kinds.py holds them to the models."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reconnect.records.models import Record


@dataclass(frozen=True)
class Kind:
    table: str
    time_key: str  # "at", else "created_at"
    has_person: bool  # records carry a person_id


CONNECTIONS = Kind("connections", "at", True)
REFLECTIONS = Kind("reflections", "at", False)
GOALS = Kind("goals", "created_at", True)
PEOPLE = Kind("people", "created_at", False)
CHECKINS = Kind("checkins", "at", False)
REVIEWS = Kind("reviews", "at", False)
GROUPS = Kind("groups", "created_at", False)
# In the models' order (records.models.RECORD_TYPES).
KINDS = (CONNECTIONS, REFLECTIONS, GOALS, PEOPLE, CHECKINS, REVIEWS, GROUPS)


def model_of(kind: Kind) -> type[Record]:
    """The pydantic model of this kind (loading pydantic and every model once)."""
    from reconnect.records.models import TABLES

    return TABLES[kind.table]
