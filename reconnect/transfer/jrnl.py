"""Reflections from jrnl's JSON export (`jrnl --export json`).

Each entry keeps its date and time (read as local time), title, body and tags. Ids are
derived from the entry's content, so importing the same export again adds nothing.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import ValidationError

from reconnect.records.models import Reflection, first_error, year_problem
from reconnect.transfer.documents import ImportRefused

# A fixed namespace: the same jrnl entry always gets the same reflection id.
_NAMESPACE = uuid.UUID("5a0f3e1c-2b7d-4c5e-9a41-6f1d3b2c7e90")
TITLE_LIMIT = 200


def is_jrnl(document: object) -> bool:
    return (
        isinstance(document, dict)
        and isinstance(document.get("entries"), list)
        and isinstance(document.get("tags", {}), dict)
        and "format" not in document
    )


def parse_jrnl(document: Any) -> list[Reflection]:
    """Validate every entry; raise ImportRefused naming the first bad one."""
    if not is_jrnl(document):
        raise ImportRefused("not a jrnl JSON export (no 'entries' list)")
    reflections: list[Reflection] = []
    seen: set[str] = set()
    for index, entry in enumerate(document["entries"]):
        where = f"entries[{index}]"
        if not isinstance(entry, dict):
            raise ImportRefused(f"{where}: must be an object")
        try:
            reflection = _reflection(entry)
        except (KeyError, TypeError, ValueError) as exc:
            detail = first_error(exc) if isinstance(exc, ValidationError) else _reason(exc)
            raise ImportRefused(f"{where} {detail}") from None
        if reflection.id not in seen:  # jrnl may hold the very same entry twice
            seen.add(reflection.id)
            reflections.append(reflection)
    return reflections


def _reason(exc: Exception) -> str:
    if isinstance(exc, KeyError):
        return f"{exc.args[0]}: missing"
    return f": {exc}"


def _reflection(entry: dict[str, Any]) -> Reflection:
    date_text = str(entry["date"])
    time_text = str(entry.get("time") or "00:00")
    at = datetime.fromisoformat(f"{date_text}T{time_text}")
    problem = year_problem(at)  # before the zone is added: year 9999 would overflow
    if problem:
        raise ValueError(f"date: {problem}")
    if at.tzinfo is None:
        at = at.astimezone()  # jrnl writes local time
    title = str(entry.get("title") or "").strip()
    body = str(entry.get("body") or "")
    if len(title) > TITLE_LIMIT:
        # Keep every word: a title too long for the list goes to the top of the body.
        body = f"{title}\n\n{body}" if body else title
        title = title[: TITLE_LIMIT - 1].rstrip() + "…"
    tags = [str(t).lstrip("@#") for t in entry.get("tags") or []]
    key = f"jrnl|{date_text} {time_text}|{title}|{body}"
    return Reflection.model_validate(
        {
            "id": uuid.uuid5(_NAMESPACE, key).hex,
            "at": at,
            "title": title,
            "body": body,
            "tags": [t for t in tags if t],
        }
    )
