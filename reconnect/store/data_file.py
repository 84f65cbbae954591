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
from functools import partial

import orjson

from reconnect.store.lazy_table import DamagedTable, LazyTable, Stored, at, in_view
from reconnect.store.strict_json import JsonRefused, loads_strict


class NotADatabase(ValueError):
    """The bytes are not {table: {doc_id: document}} in JSON."""


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
    """Tables from the file's bytes. Raises NotADatabase."""
    return decode_with_layout(raw)[0]


def decode_with_layout(raw: bytes, ours: bool = False) -> tuple[dict[str, LazyTable], bool]:
    """Tables from the file's bytes, and whether they were in another layout than ours
    (so that writing them back would change the file's shape). Raises NotADatabase.

    `ours`: the file is one we wrote (its stamp is the one we left): its tables stay
    unsplit until used, each line checked then."""
    if not raw or raw.isspace():  # isspace copies nothing (strip copied 19 MB)
        return {}, False
    suspects: list[tuple[str, str]] = []
    fast = _decode_lines(raw, lazy=ours, suspects=suspects)
    if fast is not None:
        return fast, False
    try:
        # Strict: a key written twice, NaN or an integer JSON cannot hold would be
        # changed by our first write, so any of them is damage to report, not to fix.
        parsed = loads_strict(raw)
    except JsonRefused as exc:
        if suspects:
            name, key = suspects[0]
            raise NotADatabase(f"Record {key} in '{name}' is damaged ({exc})") from None
        raise NotADatabase(str(exc)) from None
    if not isinstance(parsed, dict):
        raise NotADatabase("not a reconnect database")
    tables: dict[str, LazyTable] = {}
    for name, table in parsed.items():
        if not isinstance(table, dict) or not all(isinstance(d, dict) for d in table.values()):
            raise NotADatabase(f"the table '{name}' is damaged")
        odd = next((k for k in table if not _DOC_ID.fullmatch(k)), None)
        if odd is not None:
            raise NotADatabase(f"the table '{name}' has a record key {odd!r}, not a number")
        tables[name] = LazyTable.of_docs(name, table)
    return tables, True


# TinyDB's document ids as it writes them: a number without leading zeros.
_DOC_ID = re.compile(r"0|[1-9][0-9]*")
_RECORD = re.compile(rb"^\"(0|[1-9][0-9]*)\": (\{.*\}),?$", re.MULTILINE)


def _decode_lines(
    raw: bytes, lazy: bool = False, suspects: list[tuple[str, str]] | None = None
) -> dict[str, LazyTable] | None:
    """The fast path for files in exactly our own layout; None for anything else, which
    then gets the full (strict) parse.

    `suspects` gets (table, key) of a record line that is not one JSON object, so that
    a file the full parse refuses is reported by the record a person can find.

    A line that starts with "}" closes a table: a record line starts with a quote, and
    JSON strings cannot hold a raw newline. Commas must be exactly where JSON wants them,
    or a file that is not JSON would be accepted here and written back.
    """
    if not (raw.startswith(b"{\n") and raw.endswith(b"\n}\n")):
        return None
    if suspects is None:
        suspects = []
    tables: dict[str, LazyTable] = {}
    view = memoryview(raw)
    pos, end = 2, len(raw) - 2
    while pos < end:
        eol = raw.find(b"\n", pos)
        header = raw[pos:eol]
        if header.endswith((b": {}", b": {},")):
            name = _key(header[: header.rfind(b": {")])
            if name is None or name in tables:
                return None
            tables[name] = LazyTable(name=name)
            pos = eol + 1
            more = header.endswith(b",")
        else:
            name = _key(header[:-3]) if header.endswith(b": {") else None
            close = raw.find(b"\n}", eol)
            if name is None or name in tables or close < 0:
                return None
            body = view[eol + 1 : close]
            if lazy:
                tables[name] = LazyTable(
                    body=body,
                    splitter=partial(_split_later, name, raw, eol + 1, close),
                    source=(raw, eol + 1, close),
                    name=name,
                    view=view,
                )
            else:
                docs = _records(raw, eol + 1, close)
                if docs is None:
                    return None
                odd = _not_one_object(docs, view)
                if odd is not None:
                    suspects.append((name, odd))
                    return None
                tables[name] = LazyTable(docs, body=body, name=name, view=view)
            pos = close + 2
            more = raw.startswith(b",\n", pos)
            if not more and not raw.startswith(b"\n", pos):
                return None
            pos += 2 if more else 1
        if more != (pos < end):
            return None
    # The last table's close must be followed by the file's own: a file cut just before
    # its final brace ends "\n}\n" too, and lands past the end.
    return tables if pos == end else None


def _records(raw: bytes, start: int, close: int) -> dict[str, Stored] | None:
    """The record lines between start and close as where they lie in the file's bytes
    (one int each, see lazy_table.at: a sixth of a view's memory, and no copy); None
    unless every line is a record `"<doc id>": {…}`, no key twice, with a comma after
    every one but the last."""
    docs: dict[str, Stored] = {
        m[1].decode(): at(m.start(2), m.end(2)) for m in _RECORD.finditer(raw, start, close)
    }
    lines = raw.count(b"\n", start, close) + 1
    # Each line ends "}" or "},", so counting ",\n" counts the commas between records.
    if len(docs) != lines or raw.count(b",\n", start, close) != lines - 1:
        return None
    return docs if raw[close - 1 : close] == b"}" else None


def _not_one_object(docs: dict[str, Stored], view: memoryview) -> str | None:
    """The key of the first record line not holding exactly one JSON object (a line may
    also hold two records, valid JSON but not our layout, or a cut one: the full parser
    then decides). Only for files we did not write: ours are one record per line."""
    for doc_id, stored in docs.items():
        try:
            if not isinstance(orjson.loads(in_view(view, stored)), dict):
                return doc_id
        except orjson.JSONDecodeError:
            return doc_id
    return None


def _split_later(name: str, raw: bytes, start: int, close: int) -> dict[str, Stored]:
    docs = _records(raw, start, close)
    if docs is None:
        raise DamagedTable(f"the table '{name}' is not one record per line")
    return docs


def next_ids(tables: dict[str, LazyTable]) -> dict[str, int]:
    """Each table's next doc id, kept in the meta at a whole write: an unsplit table
    hands out new ids from it without reading its keys."""
    return {name: table.next_id() for name, table in tables.items() if name != "meta"}


def _key(quoted: bytes) -> str | None:
    try:
        key = orjson.loads(quoted)
    except orjson.JSONDecodeError:
        return None
    return key if isinstance(key, str) else None
