"""JSON read strictly and written exactly: whatever we could not keep exactly is refused,
with a reason.

orjson alone refuses NaN and Infinity, invalid UTF-8, lone surrogates, a byte-order mark
and nesting beyond 1024 levels, but it silently keeps the last of two equal keys and
turns integers beyond 64 bits into floats. Either would change a person's data the next
time it is written, so a second pass with the standard library catches those two.
"""

from __future__ import annotations

import json
import math
from typing import Any

import orjson

Raw = bytes | bytearray | memoryview

_INT_RANGE = range(-(2**63), 2**64)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


class JsonRefused(ValueError):
    """Not JSON we can keep exactly; the message says what and where, in words."""


def loads_strict(raw: Raw) -> Any:
    """The parsed document, or JsonRefused."""
    _refuse_odd_encoding(bytes(raw[:4]))
    try:
        orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise JsonRefused(_describe(exc, raw)) from None
    return _second_pass(raw)


def loads_record(raw: Raw) -> Any:
    """One record of our own data file, parsed strictly but cheaply.

    We write records with orjson, so a record that orjson writes back byte for byte
    cannot hold a repeated key or an over-long integer; only the others (edited by hand)
    pay for the second pass.
    """
    try:
        doc = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise JsonRefused(_describe(exc, raw)) from None
    if orjson.dumps(doc) == raw:
        return doc
    return _second_pass(raw)


def _refuse_odd_encoding(head: bytes) -> None:
    if head.startswith(b"\xef\xbb\xbf"):
        raise JsonRefused("starts with a byte-order mark; save it as UTF-8 without one")
    looks_utf16 = len(head) == 4 and (head[1::2] == b"\0\0" or head[0::2] == b"\0\0")
    if head.startswith(_UTF16_BOMS) or (looks_utf16 and head != b"\0\0\0\0"):
        raise JsonRefused("UTF-16 text; save it as UTF-8")
    if b"\0" in head:
        raise JsonRefused("not text at all (it holds NUL bytes)")


def _second_pass(raw: Raw) -> Any:
    try:
        return json.loads(bytes(raw), object_pairs_hook=_no_repeated_keys, parse_int=_exact_int)
    except RecursionError:
        raise JsonRefused("nested too deeply to be one of our files") from None
    except json.JSONDecodeError as exc:
        raise JsonRefused(f"not valid JSON ({exc.msg} at line {exc.lineno})") from None


def _no_repeated_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise JsonRefused(f"the key {key!r} appears twice in one object")
        result[key] = value
    return result


def _exact_int(text: str) -> int:
    if len(text) > 21 or int(text) not in _INT_RANGE:
        raise JsonRefused(f"the number {text[:24]}{'…' if len(text) > 24 else ''} is too large")
    return int(text)


def _describe(exc: orjson.JSONDecodeError, raw: Raw) -> str:
    msg = exc.msg
    where = f" at line {exc.lineno}, column {exc.colno}"
    if bytes(raw[exc.pos : exc.pos + 9]).lstrip(b"-").startswith((b"NaN", b"Infinity")):
        msg = "infinity"
    if "depth limit" in msg:
        return "nested more than 1024 levels deep"
    if "UTF-8" in msg or "surrogate" in msg:
        return f"text that is not valid UTF-8{where}"
    if "infinity" in msg or "NaN" in msg:
        return f"a number JSON cannot hold (NaN or Infinity){where}"
    if "byte order mark" in msg:
        return "starts with a byte-order mark; save it as UTF-8 without one"
    return f"not valid JSON ({msg}{where})"


class InexactValue(ValueError):
    """A value JSON cannot hold exactly (NaN, infinity, an integer beyond 64 bits, a
    type JSON has not); `field` says where in the document, dotted ("steps.0.note"),
    and `where` which record ("Record 3 in 'goals'")."""

    def __init__(self, field: str, problem: str, where: str = "") -> None:
        what = f"the field '{field}' {problem}" if field else f"the record {problem}"
        super().__init__(f"{where}: {what}" if where else what)
        self.field = field
        self.problem = problem


def dumps_exact(doc: Any) -> bytes:
    """A document's JSON bytes, or InexactValue: orjson writes NaN and infinity as null
    without a word, and that would change a person's data on disk."""
    try:
        out = orjson.dumps(doc)
    except orjson.JSONEncodeError as exc:
        raise InexactValue("", f"cannot be saved ({exc}); nothing was saved") from None
    if b"null" in out:  # where orjson puts NaN and infinity: only then look for one
        field = _non_finite(doc, "")
        if field is not None:
            raise InexactValue(
                field, "is NaN or infinity, which JSON cannot hold exactly; nothing was saved"
            )
    return out


def _non_finite(value: Any, where: str) -> str | None:
    """The dotted place of the first NaN or infinity in value, if any."""
    if isinstance(value, float):
        return where if value != value or value in (math.inf, -math.inf) else None
    if isinstance(value, dict):
        items: Any = value.items()
    elif isinstance(value, (list, tuple)):
        items = enumerate(value)
    else:
        return None
    for key, item in items:
        found = _non_finite(item, f"{where}.{key}" if where else str(key))
        if found is not None:
            return found
    return None
