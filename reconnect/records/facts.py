"""The few fields of a record that counting, filtering and charts read, kept by the
store's index as a tuple (no model, no text): Progress over a year of moments, or a
runaway week of 100,000, reads these instead of validating every record. Values are as
stored (an enum is its string); a screen that shows a record asks for its model."""

from __future__ import annotations

from datetime import datetime
from typing import Any, NamedTuple

from reconnect.records.models import Channel, Counterpart


class ConnectionFacts(NamedTuple):
    id: str
    at: datetime
    person_id: str | None
    counterpart: str
    depth: int
    comfort: int
    authenticity: int | None
    goal_id: str | None
    step_id: str | None
    group_id: str | None
    channel: str = "in_person"  # for "often goes with" (logic/goes_with.py)

    @classmethod
    def from_doc(cls, rid: str, at: datetime, doc: dict[str, Any]) -> ConnectionFacts:
        """From a stored document; the kind is one shared copy of its word."""
        get = doc.get
        return cls(
            rid,
            at,
            get("person_id"),
            _COUNTERPARTS.get(doc["counterpart"], doc["counterpart"]),
            doc["depth"],
            doc["comfort"],
            get("authenticity"),
            get("goal_id"),
            get("step_id"),
            get("group_id"),
            _CHANNELS.get(get("channel", _IN_PERSON), _IN_PERSON),
        )


_COUNTERPARTS = {kind.value: kind.value for kind in Counterpart}
_CHANNELS = {channel.value: channel.value for channel in Channel}
_IN_PERSON = Channel.IN_PERSON.value

# The facts the index keeps, by table; a table not named keeps none.
FACTS_BY_TABLE: dict[str, type[ConnectionFacts]] = {"connections": ConnectionFacts}
