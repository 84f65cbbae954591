"""A table of documents kept as their JSON bytes, parsed only when touched.

Holding 14,000 records as parsed dicts costs ~33 MB; as bytes, ~5 MB. TinyDB sees an
ordinary mutable mapping of doc id to document; the store reads what it needs.
"""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from typing import Any

import orjson

# A record as its JSON bytes (or a view into the file read), or parsed.
Raw = bytes | memoryview | dict[str, Any]


class DamagedRecord(ValueError):
    """A record's bytes are not a JSON object."""

    def __init__(self, doc_id: str) -> None:
        super().__init__(f"record {doc_id} is not a JSON object")
        self.doc_id = doc_id


def parse_record(doc_id: str, raw: Raw) -> dict[str, Any]:
    if isinstance(raw, dict):
        return raw
    try:
        doc = orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise DamagedRecord(doc_id) from None
    if not isinstance(doc, dict):
        raise DamagedRecord(doc_id)
    return doc


def _line(doc_id: str, raw: Raw) -> bytes:
    return b"%s: %s" % (orjson.dumps(doc_id), orjson.dumps(raw) if isinstance(raw, dict) else raw)


class LazyTable(MutableMapping[str, dict[str, Any]]):
    """doc id -> document. Values are bytes until read; a read caches the dict, because
    TinyDB updates documents by mutating what it reads."""

    __slots__ = ("_body", "_docs", "_max_id", "_tail")

    def __init__(
        self, docs: dict[str, Raw] | None = None, body: bytes | memoryview | None = None
    ) -> None:
        self._docs: dict[str, Raw] = docs if docs is not None else {}
        # The table's records as written to the file, kept between writes: adding one
        # record appends a line instead of encoding 11,000 again.
        self._body: bytes | memoryview | None = body
        self._tail: list[bytes] = []  # lines added since _body was encoded
        self._max_id: int | None = None  # the highest doc id seen, once asked for

    def __getitem__(self, doc_id: str) -> dict[str, Any]:
        raw = self._docs[doc_id]
        if isinstance(raw, dict):
            self._drop_body()  # the caller may change it in place
            return raw
        doc = parse_record(doc_id, raw)
        self._docs[doc_id] = doc
        self._drop_body()
        return doc

    def __setitem__(self, doc_id: str, doc: dict[str, Any]) -> None:
        # Stored as bytes at once: new documents are not mutated afterwards by TinyDB
        # without a read first, and bytes are compact.
        self.put_raw(doc_id, orjson.dumps(doc))

    def put_raw(self, doc_id: str, raw: bytes | memoryview) -> None:
        """Store a document's JSON bytes as they are (a journal replays records so)."""
        if self._max_id is not None:
            self._max_id = max(self._max_id, int(doc_id))
        if self._body is not None and doc_id not in self._docs:
            self._tail.append(_line(doc_id, raw))
        else:
            self._drop_body()
        self._docs[doc_id] = raw

    def __delitem__(self, doc_id: str) -> None:
        del self._docs[doc_id]
        self._drop_body()

    def next_id(self) -> int:
        """One more than the highest doc id this table has held: never one in use.
        (Kept as records are added; a deleted id is not handed out again.)"""
        if self._max_id is None:
            self._max_id = max(map(int, self._docs), default=0)
        return self._max_id + 1

    def _drop_body(self) -> None:
        self._body = None
        self._tail = []

    def encoded_parts(self) -> list[bytes | memoryview]:
        """The records as lines of the data file (to be written one after another, with
        no final newline). Pieces rather than one bytes object: joining would copy
        megabytes on every write."""
        if self._body is None:
            self._body = b",\n".join(_line(k, v) for k, v in self._docs.items())
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
        return iter(self._docs)

    def __len__(self) -> int:
        return len(self._docs)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._docs

    def raw_items(self) -> Iterator[tuple[str, Raw]]:
        """(doc id, bytes or dict) without parsing anything."""
        return iter(self._docs.items())

    def raw_bytes(self, doc_id: str) -> bytes | memoryview:
        raw = self._docs[doc_id]
        return orjson.dumps(raw) if isinstance(raw, dict) else raw
