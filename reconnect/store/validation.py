"""Every record of a data file checked, before anything of ours is written over it.

Each record is parsed strictly (see strict_json) and validated by its pydantic model, in
one call per table (pydantic loads only then: reading needs none of it). The first
problem stops the check, naming the table, the record and the field, so that a person
(or a support thread) can find it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from reconnect.records.error_words import error_words
from reconnect.store.errors import RESTORE_HINT, DataFileError
from reconnect.store.lazy_table import LazyTable
from reconnect.store.strict_json import InexactValue, JsonRefused, dumps_exact, loads_record

if TYPE_CHECKING:
    from pydantic import TypeAdapter, ValidationError

    from reconnect.records.models import Record

Tables = Mapping[str, LazyTable | Mapping[str, Any]]
_ADAPTERS: dict[type[Record], TypeAdapter[list[Any]]] = {}


def validate_tables(path: Path, data: Tables, models: Mapping[str, type[Record]]) -> dict[str, int]:
    """The number of records in each table of `models`; DataFileError at the first
    record that does not parse strictly, fit its model, or shares another's id."""
    counts: dict[str, int] = {}
    for name, table in data.items():
        docs = _parsed(path, name, table)
        model = models.get(name)
        if model is not None:
            _validate(path, name, docs, model)
            counts[name] = len(docs)
    return {name: counts.get(name, 0) for name in models}


def parsed_tables(path: Path, data: Tables) -> dict[str, dict[str, dict[str, Any]]]:
    """Every record parsed strictly, as plain dicts (for a migration to work on)."""
    return {
        name: {doc_id: orjson.loads(raw) for doc_id, raw in _parsed(path, name, table)}
        for name, table in data.items()
    }


def _parsed(path: Path, name: str, table: Any) -> list[tuple[str, bytes]]:
    """(doc id, canonical JSON bytes) of every record, each parsed strictly."""
    items = table.raw_items() if isinstance(table, LazyTable) else table.items()
    out: list[tuple[str, bytes]] = []
    for doc_id, raw in items:
        if isinstance(raw, dict):
            doc = raw
        else:
            try:
                doc = loads_record(raw)
            except JsonRefused as exc:
                raise damaged_record(path, name, doc_id, str(exc)) from None
        if not isinstance(doc, dict):
            raise damaged_record(path, name, doc_id, "it is not a JSON object")
        try:
            out.append((doc_id, dumps_exact(doc)))
        except InexactValue as exc:  # a value made in memory that JSON cannot hold
            raise damaged_record(path, name, doc_id, str(exc)) from None
    return out


def _validate(path: Path, name: str, docs: list[tuple[str, bytes]], model: type[Record]) -> None:
    from pydantic import TypeAdapter, ValidationError  # loaded when something is validated

    adapter = _ADAPTERS.get(model)
    if adapter is None:
        adapter = _ADAPTERS[model] = TypeAdapter(list[model])  # type: ignore[valid-type]
    blob = b"[" + b",".join(raw for _, raw in docs) + b"]"
    try:
        records = adapter.validate_json(blob, strict=True)  # as we write them, no coercion
    except ValidationError as exc:
        doc_id, detail = failing_record(exc, [doc_id for doc_id, _ in docs])
        raise damaged_record(path, name, doc_id, detail) from None
    seen: dict[str, str] = {}
    for (doc_id, _), record in zip(docs, records, strict=True):
        if record.id in seen:
            raise damaged_record(
                path, name, doc_id, f"it has the same id as record {seen[record.id]}"
            )
        seen[record.id] = doc_id


def failing_record(exc: ValidationError, keys: Sequence[str]) -> tuple[str, str]:
    """The key of the record that failed a list's validation (`keys` in the list's
    order), and 'field: reason' without the list position pydantic puts first."""
    err = exc.errors()[0]
    loc = err.get("loc", ())
    index = loc[0] if loc else None
    key = keys[index] if isinstance(index, int) and 0 <= index < len(keys) else "?"
    return key, error_words(err, skip=1)


def damaged_record(path: Path, table: str, doc_id: str, detail: str) -> DataFileError:
    """The one way a damaged record is reported: its table, its key, and what (the
    field first, where there is one)."""
    return DataFileError(
        path, f"Record {doc_id} in '{table}' is damaged ({detail[:200]})", RESTORE_HINT
    )
