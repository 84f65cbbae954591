"""Reading a TOML or JSON file someone hands to `reconnect import`, with one-line errors."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

# A five-year backup is a few MB; anything far bigger is almost certainly the wrong file.
MAX_DOCUMENT_BYTES = 200_000_000
DOCUMENT_SUFFIXES = (".toml", ".json")


class DocumentError(ValueError):
    """The file can't be read as a document; the message says why in one line."""


class ImportRefused(ValueError):
    """The file is not imported; the message says where and why, in one line."""


def load_document(path: Path) -> Any:
    """The parsed content of a .toml or .json file. Raises DocumentError, OSError."""
    suffix = path.suffix.lower()
    if suffix not in DOCUMENT_SUFFIXES:
        raise DocumentError(f"{path.name}: expected a .toml or .json file")
    if path.stat().st_size > MAX_DOCUMENT_BYTES:
        raise DocumentError(f"{path.name}: too big ({path.stat().st_size:,} bytes) to import")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DocumentError(f"{path.name}: not UTF-8 text; save it as UTF-8 and retry") from None
    if suffix == ".toml":
        try:
            return tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise DocumentError(f"{path.name}: not valid TOML ({exc})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise DocumentError(
            f"{path.name}: not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})"
        ) from None
