"""The data file's bytes: TinyDB's JSON layout, written one record per line.

    {
    "connections": {
    "1": {"id": "…", "at": "…", …},
    "2": {…}
    },
    "meta": {
    "1": {"schema_version": 1, …}
    }
    }

It is ordinary JSON ({table: {doc_id: document}}), so TinyDB, jq or a person can read
it. Because each record sits on its own line, loading splits lines and keeps each
record's bytes without parsing them; a file in any other layout (edited by hand, or
written by stock TinyDB) is parsed whole instead.
"""

from __future__ import annotations

import re

import orjson

from reconnect.lazy_table import LazyTable, Raw


class NotADatabase(ValueError):
    """The bytes are not {table: {doc_id: document}}."""


def encode(tables: dict[str, LazyTable]) -> list[bytes | memoryview]:
    """The file's bytes, as pieces to write in order."""
    parts: list[bytes | memoryview] = [b"{\n"]
    names = list(tables)
    for t, name in enumerate(names):
        body = tables[name].encoded_parts()
        parts.append(orjson.dumps(name))
        if body:
            parts.append(b": {\n")
            parts.extend(body)
            parts.append(b"\n}")
        else:
            parts.append(b": {}")
        parts.append(b",\n" if t < len(names) - 1 else b"\n")
    parts.append(b"}\n")
    return parts


def decode(raw: bytes) -> dict[str, LazyTable]:
    """Tables from the file's bytes. Raises NotADatabase or orjson.JSONDecodeError."""
    if not raw.strip():
        return {}
    fast = _decode_lines(raw)
    if fast is not None:
        return fast
    parsed = orjson.loads(raw)
    if not isinstance(parsed, dict):
        raise NotADatabase("not a reconnect database")
    tables: dict[str, LazyTable] = {}
    for name, table in parsed.items():
        if not isinstance(table, dict) or not all(isinstance(d, dict) for d in table.values()):
            raise NotADatabase(f"the table '{name}' is damaged")
        tables[name] = LazyTable(dict(table))
    return tables


_RECORD = re.compile(rb"^\"(\d+)\": (\{.*\}),?$", re.MULTILINE)


def _decode_lines(raw: bytes) -> dict[str, LazyTable] | None:
    """The fast path for files in our own layout; None for anything else.

    A line that starts with "}" closes a table: a record line starts with a quote, and
    JSON strings cannot hold a raw newline.
    """
    if not (raw.startswith(b"{\n") and raw.endswith(b"\n}\n")):
        return None
    tables: dict[str, LazyTable] = {}
    view = memoryview(raw)
    pos, end = 2, len(raw) - 2
    while pos < end:
        eol = raw.find(b"\n", pos)
        header = raw[pos:eol]
        if header.endswith((b": {}", b": {},")):
            name = _key(header[: header.rfind(b": {")])
            if name is None:
                return None
            tables[name] = LazyTable()
            pos = eol + 1
            continue
        name = _key(header[:-3]) if header.endswith(b": {") else None
        close = raw.find(b"\n}", eol)
        if name is None or close < 0:
            return None
        # Views into the file's bytes, not copies: half the memory for the same records.
        docs: dict[str, Raw] = {
            m[1].decode(): view[m.start(2) : m.end(2)]
            for m in _RECORD.finditer(raw, eol + 1, close)
        }
        if len(docs) != raw.count(b"\n", eol + 1, close) + 1:
            return None
        tables[name] = LazyTable(docs, body=view[eol + 1 : close])
        pos = close + 2
        if raw.startswith(b",\n", pos):
            pos += 2
        elif raw.startswith(b"\n", pos):
            pos += 1
        else:
            return None
    return tables


def _key(quoted: bytes) -> str | None:
    try:
        key = orjson.loads(quoted)
    except orjson.JSONDecodeError:
        return None
    return key if isinstance(key, str) else None
