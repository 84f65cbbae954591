"""What the store keeps in the data file's meta for itself, set at every whole write.

- `journal_base`: the journal that continues this file names it (journal.py);
- `next_ids`: each table's next doc id, so that a table left unsplit can take a new
  record without reading its keys.
"""

from __future__ import annotations

from reconnect.store.lazy_table import LazyTable
from reconnect.store.migrations import META_TABLE

Tables = dict[str, LazyTable]
BASE_FIELD = "journal_base"
NEXT_IDS_FIELD = "next_ids"


def _meta(tables: Tables) -> dict | None:
    meta = tables.get(META_TABLE)
    return meta[next(iter(meta))] if meta else None


def journal_base(tables: Tables) -> str | None:
    """The base a journal must name to continue this data file (None: no meta yet)."""
    base = (_meta(tables) or {}).get(BASE_FIELD)
    return base if isinstance(base, str) else None


def stamp_meta(tables: Tables, base: str) -> bool:
    """Name a new journal base and the next ids in the meta about to be written whole;
    False without a meta."""
    meta = tables.get(META_TABLE)
    if not meta:
        return False
    next_ids = {name: t.next_id() for name, t in tables.items() if name != META_TABLE}
    key = next(iter(meta))
    meta[key] = {**meta[key], BASE_FIELD: base, NEXT_IDS_FIELD: next_ids}
    return True


def hint_next_ids(tables: Tables) -> None:
    """Hand each unsplit table its next doc id from the meta written with it."""
    next_ids = (_meta(tables) or {}).get(NEXT_IDS_FIELD)
    if not isinstance(next_ids, dict):
        return
    for name, table in tables.items():
        value = next_ids.get(name)
        if isinstance(value, int) and value > 0:
            table.hint_next_id(value)
