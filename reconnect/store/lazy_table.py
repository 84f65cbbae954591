"""A table of documents kept as their JSON bytes, parsed only when touched.

Holding 14,000 records as parsed dicts costs ~33 MB; as bytes, ~5 MB. TinyDB sees an
ordinary mutable mapping of doc id to document; the store reads what it needs.

Only bytes are kept: every read parses a new dict and every write encodes what it is
given, so no caller shares the cache (changing a document read, or one handed in,
changes nothing stored until it is written again).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, MutableMapping
from typing import Any

import orjson

from reconnect.store.strict_json import InexactValue, dumps_exact

# A record as its JSON bytes, or a view into the file read.
Raw = bytes | memoryview
# As a table keeps one: its bytes, or where they lie in the file read (`at`): an int
# takes a sixth of a view's memory, which for 50,000 records is megabytes at every start.
Stored = bytes | memoryview | int


def at(start: int, end: int) -> int:
    """Where a record lies in the file's bytes, as one int."""
    return start << 32 | end


def in_view(view: memoryview | None, stored: Stored) -> Raw:
    """A kept record's bytes (a view into the file when kept by `at`)."""
    if stored.__class__ is int:
        assert view is not None
        return view[stored >> 32 : stored & 0xFFFFFFFF]  # type: ignore[operator]
    return stored  # type: ignore[return-value]


class DamagedTable(ValueError):
    """A table's lines are not records in reconnect's own layout."""


class DamagedRecord(ValueError):
    """A record's bytes are not a JSON object."""

    DETAIL = "it is not a JSON object"

    def __init__(self, doc_id: str, table: str = "") -> None:
        where = f" in '{table}'" if table else ""
        super().__init__(f"Record {doc_id}{where} is damaged ({self.DETAIL})")
        self.doc_id = doc_id


def parse_record(doc_id: str, raw: Raw, table: str = "") -> dict[str, Any]:
    try:
        doc = orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise DamagedRecord(doc_id, table) from None
    if not isinstance(doc, dict):
        raise DamagedRecord(doc_id, table)
    return doc


def _line(doc_id: str, raw: Raw) -> bytes:
    return b"%s: %s" % (orjson.dumps(doc_id), raw)


# Splits a table's lines into doc id -> where each lies (raises DamagedTable when a line
# is not a record in our layout).
Splitter = Callable[[], dict[str, Stored]]


class LazyTable(MutableMapping[str, dict[str, Any]]):
    """doc id -> document. Values are kept as bytes; each read parses a new dict (TinyDB
    changes documents it read in a dict of its own, then writes that back whole).

    A table of a file we wrote ourselves may also stay unsplit: its lines are cut into
    records only when one is looked up. Appending a record to it (`reconnect log` on
    twenty years of moments) touches none of the others: its next doc id comes from the
    file's meta, and "is this record id here?" is first asked of the bytes."""

    __slots__ = (
        "_body",
        "_docs",
        "_max_id",
        "_ops",
        "_source",
        "_splitter",
        "_tail",
        "_view",
        "name",
    )

    def __init__(
        self,
        docs: dict[str, Stored] | None = None,
        body: bytes | memoryview | None = None,
        splitter: Splitter | None = None,
        source: tuple[bytes, int, int] | None = None,
        next_id: int | None = None,
        name: str = "",
        view: memoryview | None = None,
    ) -> None:
        self.name = name  # the table's, for messages
        self._docs: dict[str, Stored] = docs if docs is not None else {}
        self._view = view  # the file read, which records kept by `at` lie in
        # The table's records as written to the file, kept between writes: adding one
        # record appends a line instead of encoding 11,000 again.
        self._body: bytes | memoryview | None = body
        self._tail: list[bytes] = []  # lines added since _body was encoded
        self._max_id: int | None = None if next_id is None else next_id - 1
        self._splitter = splitter  # set while unsplit
        # The file's bytes and where the unsplit lines are: searchable (a view is not).
        self._source = source
        self._ops: list[tuple[str, bytes | memoryview | None]] = []  # changes while unsplit

    def _split(self) -> dict[str, Stored]:
        """The records, cutting the lines now if they were not yet; changes made while
        unsplit are applied in order."""
        if self._splitter is not None:
            self._docs = self._splitter()
            self._splitter = self._source = None
            ops, self._ops = self._ops, []
            for doc_id, raw in ops:
                if raw is None:
                    self._docs.pop(doc_id, None)
                    self._drop_body()
                else:
                    self.put_raw(doc_id, raw)
        return self._docs

    @property
    def unsplit(self) -> bool:
        return self._splitter is not None

    def unsplit_body(self) -> tuple[memoryview, list[tuple[str, Raw | None]]] | None:
        """While unsplit: the table's lines as the file holds them, and the changes made
        since in order (doc id, its bytes, or None for a removal); else None."""
        if self._splitter is None or self._source is None:
            return None
        raw, start, end = self._source
        return memoryview(raw)[start:end], list(self._ops)

    def body_items(self) -> Iterator[tuple[str, Raw]]:
        """While unsplit: (doc id, its bytes) of the lines as the file holds them, the
        changes made since left out. Leaves the table unsplit."""
        assert self._splitter is not None
        view = self._view
        return ((k, in_view(view, v)) for k, v in self._splitter().items())

    def may_hold_id(self, record_id: str) -> bool:
        """False only when no record of this table has this id (answered from the bytes
        while unsplit; exact once split)."""
        if self._splitter is None:
            return True  # ask the index
        # Anywhere, not only first: a record rewritten from another program's file may
        # keep its keys in another order (a nested id matching only costs a look).
        needle = b'"id":' + orjson.dumps(record_id)
        if self._source is not None:
            raw, start, end = self._source
            if raw.find(needle, start, end) >= 0:
                return True
        return any(raw is not None and needle in bytes(raw) for _, raw in self._ops)

    @classmethod
    def of_docs(cls, name: str, docs: Mapping[str, dict[str, Any]]) -> LazyTable:
        """A table of these documents (encoded now: InexactValue names one JSON cannot
        hold exactly)."""
        table = cls(name=name)
        for doc_id, doc in docs.items():
            table[doc_id] = doc
        return table

    def __getitem__(self, doc_id: str) -> dict[str, Any]:
        return parse_record(doc_id, self.raw_bytes(doc_id), self.name)  # the caller's own

    def __setitem__(self, doc_id: str, doc: dict[str, Any]) -> None:
        # Encoded at once, so a later change to `doc` (or to a list inside it) by the
        # caller does not reach the table; bytes are compact, too.
        try:
            raw = dumps_exact(doc)
        except InexactValue as exc:
            table = f" in '{self.name}'" if self.name else ""
            raise InexactValue(exc.field, exc.problem, f"Record {doc_id}{table}") from None
        self.put_raw(doc_id, raw)

    def put_raw(self, doc_id: str, raw: bytes | memoryview) -> None:
        """Store a document's JSON bytes as they are (a journal replays records so)."""
        if self._max_id is not None:
            self._max_id = max(self._max_id, int(doc_id))
        if self._splitter is not None:
            self._ops.append((doc_id, raw))
            return
        if self._body is not None and doc_id not in self._docs:
            self._tail.append(_line(doc_id, raw))
        else:
            self._drop_body()
        self._docs[doc_id] = raw

    def __delitem__(self, doc_id: str) -> None:
        del self._split()[doc_id]
        self._drop_body()

    def pop_quietly(self, doc_id: str) -> None:
        """Remove a record if it is there (a journal replays deletions so)."""
        if self._splitter is not None:
            self._ops.append((doc_id, None))
        elif doc_id in self._docs:
            del self[doc_id]

    def is_empty(self) -> bool:
        """Whether no record is here (while unsplit and unchanged, from its bytes)."""
        if self._splitter is not None and not self._ops:
            return not self._body
        return not self._split()

    def hint_next_id(self, next_id: int) -> None:
        """The next doc id as the file's meta recorded it (only for a file we wrote)."""
        if self._splitter is not None and self._max_id is None:
            self._max_id = next_id - 1

    def next_id(self) -> int:
        """One more than the highest doc id this table has held: never one in use.
        (Kept as records are added; a deleted id is not handed out again.)"""
        if self._max_id is None:
            self._max_id = max(map(int, self._split()), default=0)
        return self._max_id + 1

    def _drop_body(self) -> None:
        self._body = None
        self._tail = []

    def encoded_parts(self) -> list[bytes | memoryview]:
        """The records as lines of the data file (to be written one after another, with
        no final newline). Pieces rather than one bytes object: joining would copy
        megabytes on every write."""
        if self._ops:
            self._split()
        if self._body is None:
            view = self._view
            self._body = b",\n".join(_line(k, in_view(view, v)) for k, v in self._docs.items())
            self._tail = []
        elif len(self._tail) > 256:
            self._body = (
                b",\n".join([self._body, *self._tail]) if self._body else b",\n".join(self._tail)
            )
            self._tail = []
        if not self._body:
            return [b",\n".join(self._tail)] if self._tail else []
        return [self._body, b"".join(b",\n" + line for line in self._tail)]

    def __iter__(self) -> Iterator[str]:
        return iter(self._split())

    def __len__(self) -> int:
        return len(self._split())

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._split()

    def raw_items(self) -> Iterator[tuple[str, Raw]]:
        """(doc id, its bytes) without parsing anything."""
        view = self._view
        return ((k, in_view(view, v)) for k, v in self._split().items())

    def saved_form(self, doc_id: str) -> bytes | memoryview | None:
        """A record's bytes as a save writes them, None when it is gone (a change made
        while unsplit is answered without splitting)."""
        if self._splitter is not None:
            for key, raw in reversed(self._ops):
                if key == doc_id:
                    return raw
        docs = self._split()
        return self.raw_bytes(doc_id) if doc_id in docs else None

    def raw_bytes(self, doc_id: str) -> bytes | memoryview:
        return in_view(self._view, self._split()[doc_id])
