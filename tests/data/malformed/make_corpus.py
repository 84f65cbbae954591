"""Writes the malformed-file corpus beside this script (run it again after changing it).

data/: files put where the data file goes; each must be refused with exit 3 by every
command, the file byte-identical after. imports/: files given to `reconnect import`;
each must be refused with exit 2, the data file byte-identical after.
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).parent
AT = "2026-11-20T18:30:00+00:00"
ID = "a" * 32
META = '"meta": {\n"1": {"schema_version":1,"created_at":"2026-01-01T00:00:00+00:00"}\n}'


def ours(record: str, table: str = "connections") -> bytes:
    """A file in our own one-record-per-line layout holding one record line."""
    return f'{{\n"{table}": {{\n"1": {record}\n}},\n{META}\n}}\n'.encode()


def connection(**changes: object) -> dict[str, object]:
    doc: dict[str, object] = {
        "id": ID,
        "at": AT,
        "what": "Said hi",
        "counterpart": "neighbour",
        "person_id": None,
        "channel": "in_person",
        "depth": 1,
        "comfort": 3,
        "note": "",
        "goal_id": None,
        "step_id": None,
    }
    doc.update(changes)
    return doc


def good_file() -> bytes:
    return ours(json.dumps(connection(), separators=(",", ":")))


DATA: dict[str, bytes] = {
    # No meta table: these used to be migrated and written over before validation.
    "no-meta-nan.json": b'{"connections": {"1": {"depth": NaN}}}',
    "no-meta-megabyte-field.json": json.dumps(
        {"connections": {"1": connection(note="x" * 1_000_000)}}
    ).encode(),
    "no-meta-number-too-large.json": json.dumps(
        {"connections": {"1": connection(depth=10**30)}}
    ).encode(),
    "no-meta-wrong-types.json": json.dumps(
        {"connections": {"1": connection(depth="deep", at=5)}}
    ).encode(),
    "no-meta-empty-record.json": b'{"connections": {"1": {}}}',
    # Decoding errors of every kind.
    "deep-nesting.json": b"[" * 100_000 + b"]" * 100_000,
    "deep-nesting-in-a-record.json": ours(
        '{"id":"' + ID + '","x":' + "[" * 5000 + "]" * 5000 + "}"
    ),
    "lone-surrogate.json": ours(json.dumps(connection(what="\ud800"))),
    "invalid-utf8.json": good_file().replace(b"Said hi", b"Said \xff\xfe hi"),
    "byte-order-mark.json": b"\xef\xbb\xbf" + good_file(),
    "utf-16.json": good_file().decode().encode("utf-16"),
    "infinity.json": ours(json.dumps(connection()).replace('"depth": 1', '"depth": Infinity')),
    "float-overflow.json": ours(
        json.dumps(connection()).replace('"comfort": 3', '"comfort": 1e999')
    ),
    "integer-beyond-64-bits.json": ours(
        json.dumps(connection(), separators=(",", ":")).replace(
            '"depth":1', '"depth":123456789012345678901234567890'
        )
    ),
    "duplicate-key-in-record.json": ours(
        json.dumps(connection(), separators=(",", ":"))[:-1] + ',"what":"Other"}'
    ),
    "duplicate-table.json": b'{"connections": {}, "connections": {}, ' + META.encode() + b"}",
    "truncated.json": good_file()[: len(good_file()) // 2],
    "trailing-comma.json": good_file().replace(b"\n}\n}\n", b",\n}\n}\n"),
    "not-an-object.json": b"[1, 2, 3]",
    "table-is-a-list.json": b'{"connections": [1, 2], ' + META.encode() + b"}",
    "record-key-not-a-number.json": b'{"connections": {"first": {}}, ' + META.encode() + b"}",
    "nul-bytes.json": b"\x00" * 64,
    "binary-noise.json": bytes(range(256)) * 4,
    # Well-formed JSON whose records are not right.
    "newer-schema.json": b'{"meta": {"1": {"schema_version": 99}}}',
    "missing-required-field.json": ours(json.dumps({"id": ID, "what": "hi"})),
    "time-without-zone.json": ours(json.dumps(connection(at="2026-11-20T18:30:00"))),
    "unknown-field.json": ours(json.dumps(connection(mood="great"))),
    "depth-out-of-range.json": ours(json.dumps(connection(depth=9))),
    "two-records-one-id.json": (
        b'{\n"connections": {\n"1": '
        + json.dumps(connection()).encode()
        + b',\n"2": '
        + json.dumps(connection()).encode()
        + b"\n},\n"
        + META.encode()
        + b"\n}\n"
    ),
    "meta-not-an-object.json": b'{"meta": {"1": "schema 1"}}',
}

VALID_PLAN_TOML = b'assigned_by = "Dr. Rivera"\nassigned_on = 2026-11-18\n'

IMPORTS: dict[str, bytes] = {
    "deep-nesting.json": b"[" * 100_000 + b"]" * 100_000,
    "nan.json": b'{"format": "reconnect-backup", "records": NaN}',
    "lone-surrogate.json": b'{"goals": [{"title": "\\ud800"}]}',
    "invalid-utf8.json": b'{"goals": [{"title": "\xff"}]}',
    "utf-16.json": '{"goals": []}'.encode("utf-16"),
    "duplicate-key.json": b'{"goals": [], "goals": [{"title": "x"}]}',
    "integer-beyond-64-bits.json": b'{"goals": [{"title": "x", "weekly_target": '
    + b"9" * 23
    + b"}]}",
    "truncated.json": b'{"goals": [{"title": "Call A',
    "empty.json": b"",
    "not-a-document.json": b'"just a string"',
    "unknown-kind.json": b'{"hello": "world"}',
    "backup-with-a-bad-record.json": json.dumps(
        {
            "format": "reconnect-backup",
            "schema_version": 1,
            "exported_at": AT,
            "records": {"connections": [connection(depth=12)]},
        }
    ).encode(),
    "jrnl-wrong-types.json": b'{"tags": {}, "entries": [{"date": 5, "time": "x", "title": 1}]}',
    "not-valid.toml": b"assigned_by = = 'x'\n",
    "deep-nesting.toml": b"a = " + b"[" * 100_000 + b"]" * 100_000 + b"\n",
    "plan-bad-date.toml": VALID_PLAN_TOML.replace(b"2026-11-18", b"'soon'")
    + b'[[goals]]\ntitle = "Say hello"\n',
    "wrong-suffix.txt": b"{}",
}


def main() -> None:
    for folder, files in (("data", DATA), ("imports", IMPORTS)):
        target = HERE / folder
        target.mkdir(exist_ok=True)
        for old in target.iterdir():
            old.unlink()
        for name, content in files.items():
            (target / name).write_bytes(content)
    print(f"{len(DATA)} data files, {len(IMPORTS)} imports")


if __name__ == "__main__":
    main()
