"""Where in a plan file each field sits, so every problem can name its line.

tomllib and the strict JSON reader give values without positions, so the text is
scanned once more: each table, key and list item's path maps to the line it starts on.
The file has already been parsed, so the scan can be simple and lenient.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

Path = tuple[str | int, ...]

_TOML_KEY = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_-]+)\s*=""")
_TOML_ARRAY_TABLE = re.compile(r"^\s*\[\[\s*([^\]]+?)\s*\]\]")
_TOML_TABLE = re.compile(r"^\s*\[\s*([^\]]+?)\s*\]")


def toml_lines(text: str) -> dict[Path, int]:
    """Paths of tables, array items and keys written one per line (the plan's form)."""
    found: dict[Path, int] = {}
    counts: dict[Path, int] = {}
    table: Path = ()
    in_string: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if in_string:  # inside a multi-line string: nothing here is a key
            if line.count(in_string) % 2:
                in_string = None
            continue
        if match := _TOML_ARRAY_TABLE.match(line):
            parent = _array_parent(match.group(1), table)
            index = counts.get(parent, 0)
            counts[parent] = index + 1
            table = (*parent, index)
            found.setdefault(table, number)
        elif match := _TOML_TABLE.match(line):
            table = tuple(match.group(1).split("."))
            found.setdefault(table, number)
        elif match := _TOML_KEY.match(line):
            found.setdefault((*table, match.group(1).strip("\"'")), number)
            for quote in ('"""', "'''"):
                if line.count(quote) % 2:
                    in_string = quote
    return found


def _array_parent(dotted: str, table: Path) -> Path:
    """'goals.steps' inside goals[1] -> ('goals', 1, 'steps')."""
    *outer, last = dotted.split(".")
    path: Path = ()
    for name in outer:
        path = (*path, name)
        # An array of tables nested in the current one continues its latest item.
        if len(table) > len(path) and table[: len(path)] == path:
            path = (*path, table[len(path)])
    return (*path, last)


def json_lines(text: str) -> dict[Path, int]:
    """Paths of every key and list item in a JSON document."""
    found: dict[Path, int] = {}
    line = 1
    n = 0

    def skip_space() -> None:
        nonlocal n, line
        while n < len(text) and text[n] in " \t\r\n":
            line += text[n] == "\n"
            n += 1

    def string() -> str:
        nonlocal n
        start = n = n + 1
        while n < len(text) and text[n] != '"':
            n += 2 if text[n] == "\\" else 1
        n += 1
        return text[start : n - 1]

    def value(path: Path) -> None:
        nonlocal n
        skip_space()
        found.setdefault(path, line)
        if n >= len(text):
            return
        if text[n] == "{":
            n += 1
            while True:
                skip_space()
                if n >= len(text) or text[n] == "}":
                    break
                if text[n] == ",":
                    n += 1
                    continue
                key_line = line
                key = string()
                found.setdefault((*path, key), key_line)
                skip_space()
                n += 1  # the colon
                value((*path, key))
            n += 1
        elif text[n] == "[":
            n += 1
            index = 0
            while True:
                skip_space()
                if n >= len(text) or text[n] == "]":
                    break
                if text[n] == ",":
                    n += 1
                    continue
                value((*path, index))
                index += 1
            n += 1
        elif text[n] == '"':
            string()
        else:
            while n < len(text) and text[n] not in ",]} \t\r\n":
                n += 1

    value(())
    return found


def line_of(lines: dict[Path, int], loc: Sequence[str | int]) -> int | None:
    """The line of `loc`, or of the nearest enclosing item written in the file."""
    path = tuple(loc)
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return None
