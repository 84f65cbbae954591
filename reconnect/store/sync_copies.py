"""Conflicted copies read for a merge: found by name, read through sync_read, brought
to this schema; a copy that cannot be merged raises CopyRefused saying why."""

from __future__ import annotations

from pathlib import Path

import orjson

from reconnect.records.models import TABLES
from reconnect.store import journal
from reconnect.store.conflicts import DATA, JOURNAL, ConflictedCopy, CopyRefused, waiting
from reconnect.store.data_file import NotADatabase, decode_with_layout
from reconnect.store.errors import DataFileError
from reconnect.store.lazy_table import DamagedRecord, DamagedTable, LazyTable
from reconnect.store.meta_fields import journal_base
from reconnect.store.migrations import SCHEMA_VERSION, migrate, schema_version
from reconnect.store.storage import Data, DurableStorage
from reconnect.store.sync_merge import Side, read_side
from reconnect.store.sync_read import copy_key, data_copy_bytes, journal_copy_bytes
from reconnect.store.validation import parsed_tables

RECORD_TABLES = tuple(TABLES)


def copy_tables(copy: ConflictedCopy, bases: tuple[Path, ...] = ()) -> Data:
    """A conflicted copy's records, in this schema. Raises CopyRefused.

    A journal holds only the saves since its data file was written whole: replayed
    over that file when it is among `bases` (a data file copy waiting, or ours), so
    the merge knows every version that device had seen; else on its own."""
    try:
        if copy.kind == JOURNAL:
            replay = journal.parse(journal_copy_bytes(copy.path), copy_key(copy.path))
            tables = _base_of(replay.base, bases)
            journal.apply(tables, replay.changes)
            return tables
        # Lines are checked as they are split (a damaged one refuses the copy), and
        # every record it brings in is validated: no need to parse each one here.
        tables, _ = decode_with_layout(data_copy_bytes(copy.path), ours=True)
    except (OSError, DataFileError, NotADatabase, journal.JournalHeaderDamaged) as exc:
        raise CopyRefused(f"it could not be read ({short(exc)})") from None
    version = schema_version(tables)  # type: ignore[arg-type]
    if version > SCHEMA_VERSION:
        raise CopyRefused(
            f"it was written by a newer reconnect (schema {version}, this one knows "
            f"{SCHEMA_VERSION}): upgrade reconnect here, and it is merged at the next start"
        )
    if version < SCHEMA_VERSION:
        try:
            docs = migrate(parsed_tables(copy.path, tables), {})
        except (DataFileError, DamagedRecord) as exc:
            raise CopyRefused(f"it is damaged ({short(exc)})") from None
        tables = {name: LazyTable.of_docs(name, table) for name, table in docs.items()}
    return tables


def their_side(copy: ConflictedCopy, bases: tuple[Path, ...] = ()) -> Side:
    """A copy read for a merge. Raises CopyRefused."""
    try:
        return read_side(copy_tables(copy, bases), RECORD_TABLES)
    except (DamagedTable, DamagedRecord, orjson.JSONDecodeError) as exc:
        raise CopyRefused(f"it is damaged ({short(exc)})") from None


def _base_of(base: str | None, bases: tuple[Path, ...]) -> Data:
    """The tables of the data file a journal continues, when one of `bases` is it."""
    for path in bases if base else ():
        try:
            tables, _ = decode_with_layout(data_copy_bytes(path), ours=True)
        except (OSError, DataFileError, NotADatabase):
            continue
        if journal_base(tables) == base and schema_version(tables) == SCHEMA_VERSION:  # type: ignore[arg-type]
            return tables
    return {}


def bases_of(storage: DurableStorage, data_dir: Path) -> tuple[Path, ...]:
    copies = [c.path for c in waiting(storage, data_dir) if c.kind == DATA]
    return (*copies, storage.path)


def short(exc: BaseException) -> str:
    text = exc.problem if isinstance(exc, DataFileError) else str(exc)
    return text.splitlines()[0][:200]
