"""A record's versions kept from another device, in words a person can read.

When the same record was changed on two devices before they synced, the later change
wins and the other is kept (reconnect/store/versions.py, the history table). This says
what the other version held where it differs from the one shown.
"""

from __future__ import annotations

from typing import Any

# Fields a person did not write: not worth a line.
_QUIET = {"id"}
MARK = "also changed on another device"


def when_words(at: str) -> str:
    """'2026-12-02 13:34 UTC' from a version's time."""
    return f"{at[:10]} {at[11:16]} UTC" if len(at) >= 16 else "before versions were kept"


def _value(value: Any) -> str:
    if value is None or value == "" or value == []:
        return "(empty)"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def differences(current: dict[str, Any], other: dict[str, Any]) -> list[str]:
    """'field: what the other version held', for each field that differs."""
    lines = []
    for key in sorted(set(current) | set(other)):
        if key in _QUIET or current.get(key) == other.get(key):
            continue
        lines.append(f"{key.replace('_', ' ')}: {_value(other.get(key))}")
    return lines


def describe_others(current: dict[str, Any] | None, others: list[dict[str, Any]]) -> list[str]:
    """Lines for each other version, newest first: who, when, and what differed."""
    lines: list[str] = []
    for other in others:
        device = other.get("device_name") or other.get("device") or "another device"
        lines.append(f"Changed on {device}, {when_words(str(other.get('at', '')))}:")
        doc = other.get("doc") if isinstance(other.get("doc"), dict) else {}
        changed = differences(current or {}, doc)
        lines.extend(f"  {line}" for line in changed or ["(the same as the version shown)"])
    return lines
