"""Reading a TOML or JSON file someone hands to `reconnect import`, with one-line errors."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reconnect.store.files import not_a_regular_file

# A five-year backup is a few MB; anything far bigger is almost certainly the wrong file.
MAX_DOCUMENT_BYTES = 200_000_000
DOCUMENT_SUFFIXES = (".toml", ".json")


class DocumentError(ValueError):
    """The file can't be read as a document; the message says why in one line."""


class ImportRefused(ValueError):
    """The file is not imported; the message says where and why, in one line."""

    # What to do about it, for the app to show below that line (the shell keeps to one).
    hint = ""


def load_document(path: Path, opener: Callable[[bytes], bytes] | None = None) -> Any:
    """The parsed content of a .toml or .json file. Raises DocumentError, OSError.
    `opener` gives the plain bytes of an encrypted (sealed) file."""
    suffix = path.suffix.lower()
    if suffix not in DOCUMENT_SUFFIXES:
        raise DocumentError(f"{path.name}: expected a .toml or .json file")
    info = path.stat()
    kind = not_a_regular_file(info.st_mode)
    if kind is not None:
        raise DocumentError(f"{path} is {kind}; give the file to import")
    if info.st_size > MAX_DOCUMENT_BYTES:
        raise DocumentError(f"{path.name}: too big ({info.st_size:,} bytes) to import")
    raw = path.read_bytes()
    # A UTF-8 byte-order mark is harmless in a file to import (Notepad writes one).
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    from reconnect.store.sealing import is_sealed

    if is_sealed(raw):
        if opener is None:
            raise DocumentError(f"{path.name}: encrypted; it cannot be read here")
        raw = opener(raw)
    if suffix == ".json":
        # Imported here: the import command's --help should not load orjson.
        from reconnect.store.strict_json import JsonRefused, loads_strict

        try:
            return loads_strict(raw)
        except JsonRefused as exc:
            raise DocumentError(f"{path.name}: {exc}") from None
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise DocumentError(f"{path.name}: not UTF-8 text; save it as UTF-8 and retry") from None
    except tomllib.TOMLDecodeError as exc:
        raise DocumentError(f"{path.name}: not valid TOML ({exc})") from None
    except RecursionError:
        raise DocumentError(f"{path.name}: nested too deeply to be a homework plan") from None
