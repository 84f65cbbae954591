"""The journal as the storage last read it: replayed over the data, and what was wrong.

journal.py knows the file's lines; this knows how the journal relates to the data file
it continues (the `journal_base` in the data file's meta), what to tell the person about
it, and what to set aside before the next line is appended.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from reconnect.store import journal
from reconnect.store.atomic import fsync_folder
from reconnect.store.errors import DataFileError
from reconnect.store.folder_key import FolderKey
from reconnect.store.lazy_table import LazyTable
from reconnect.store.meta_fields import journal_base
from reconnect.store.sealing import seal_line

Tables = dict[str, LazyTable]


@dataclass
class JournalState:
    path: Path
    stamp: tuple[int, int, int] | None = None
    base: str | None = None  # the base its header names
    size: int = 0  # the bytes of whole lines: where the next line goes
    damaged: list[int] = field(default_factory=list)
    torn_at: int | None = None
    saves: int = 0  # whole save lines read
    # Names another data file: left by a fold that crashed after writing the file
    # (its changes are all in the file: `reflected`), the file was restored, or another
    # device's file arrived through a sync tool (its saves are merged: store/sync.py).
    stale: bool = False
    reflected: bool = False
    # An encrypted folder's key: each save line is sealed with it (sealing.seal_line).
    key: FolderKey | None = field(default=None, repr=False)

    @classmethod
    def load(cls, path: Path, tables: Tables, key: FolderKey | None = None) -> JournalState:
        """Read the journal and replay it over `tables` when it continues them.
        Raises DataFileError when its first line is damaged."""
        raw, stamp = _read_with_stamp(path)
        state = cls(path, stamp, key=key)
        if not raw:
            return state
        try:
            replay = journal.parse(raw, key)
        except journal.JournalHeaderDamaged as exc:
            raise DataFileError(
                path,
                f"The journal beside the data file is damaged ({exc})",
                "Nothing was changed. Restore it from a backup, or move it aside (the "
                "changes since the data file was last written whole are in it).",
            ) from None
        state.base = replay.base
        state.saves = replay.saves
        state.damaged = replay.damaged
        state.torn_at = replay.torn_at
        state.size = replay.torn_at if replay.torn_at is not None else replay.size
        if replay.base is None:
            return state  # only a torn first write: nothing was ever confirmed
        if replay.base == journal_base(tables):
            journal.apply(tables, replay.changes)
        else:
            state.stale = True
            final = {(c.table, c.key): c for c in replay.changes}  # the last change wins
            state.reflected = all(_holds(tables, change) for change in final.values())
        return state

    @property
    def has_changes(self) -> bool:
        """Lines beyond the header that the data file does not hold yet."""
        return (
            self.base is not None and not self.stale and self.size > len(journal.header(self.base))
        )

    def problems(self) -> list[str]:
        """What a person should hear about the journal, one line each."""
        lines = []
        if self.damaged:
            where = ", ".join(str(n) for n in self.damaged)
            lines.append(
                f"Line {where} of {self.path} is damaged and was skipped; the other changes "
                "were read. The data file will not be rewritten until it is mended: fix or "
                "delete that line (reconnect check shows it)."
            )
        if self.torn_at is not None:
            torn = _aside(self.path, "torn")
            lines.append(
                f"The last change in {self.path} was cut off before it was saved (a crash or "
                f"a power cut) and is left out; its bytes are set aside at {torn} on the "
                "next save."
            )
        # A journal of another copy of the data file (synced from another device, or
        # the file restored) is merged record by record (store/sync.py), which says so.
        return lines

    def set_aside(self) -> None:
        """Before appending (lock held): keep a torn end or an unmatched journal beside
        it and start clean. A stale journal whose changes the file holds is removed."""
        if self.stale:
            if not self.reflected:
                os.replace(self.path, _free_name(_aside(self.path, "unmatched")))
            else:
                with contextlib.suppress(FileNotFoundError):
                    self.path.unlink()
            fsync_folder(self.path.parent)
            self.stale, self.base, self.size, self.saves = False, None, 0, 0
            self.damaged, self.torn_at = [], None
        elif self.torn_at is not None:
            torn = journal.cut_torn_end(self.path, self.torn_at)
            journal.append(_aside(self.path, "torn"), torn + b"\n")
            self.size, self.torn_at = self.torn_at, None

    def append(self, changes: list[journal.Change], base: str) -> None:
        """Append one save (lock held). On failure the journal is cut back to where it
        was, so a half-written line never stays behind."""
        line = journal.save_line(changes)
        if self.key is not None:
            line = seal_line(line[:-1], self.key, base)
        if self.base != base or self.size == 0:
            if self.size:
                raise RuntimeError("the journal names another base")  # set_aside first
            line = journal.header(base) + line
        existed = self.path.exists()
        try:
            journal.append(self.path, line, expected_size=self.size)
        except journal.JournalChanged:
            raise  # not ours to cut back
        except BaseException:
            with contextlib.suppress(OSError):
                if existed:
                    os.truncate(self.path, self.size)
                else:  # leave the folder as it was: no empty journal behind
                    self.path.unlink()
            raise
        self.base = base
        self.size += len(line)
        self.saves += 1
        self.stamp = _stamp(self.path)

    def remove(self) -> None:
        """After the data file was written whole with a new base (lock held)."""
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        self.stamp, self.base, self.size, self.saves = None, None, 0, 0
        self.stale, self.reflected, self.torn_at = False, False, None


def _holds(tables: Tables, change: journal.Change) -> bool:
    table = tables.get(change.table)
    if change.doc is None:
        return table is None or change.key not in table
    if table is None or change.key not in table:
        return False
    return bytes(table.raw_bytes(change.key)) == bytes(change.doc)


def _read_with_stamp(path: Path) -> tuple[bytes, tuple[int, int, int] | None]:
    try:
        with open(path, "rb") as handle:
            st = os.fstat(handle.fileno())
            # The stamp before the bytes: a line appended in between makes the stamp
            # look older than what we hold, and the next check reads again (never the
            # other way round).
            return handle.read(), (st.st_ino, st.st_size, st.st_mtime_ns)
    except FileNotFoundError:
        return b"", None


def _stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def _aside(path: Path, label: str) -> Path:
    return path.with_name(f"{path.name}.{label}")


def _free_name(target: Path) -> Path:
    n = 1
    candidate = target
    while candidate.exists():
        n += 1
        candidate = target.with_name(f"{target.name}.{n}")
    return candidate
