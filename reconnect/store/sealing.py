"""Sealed (encrypted) bytes: whole files, and journal lines one by one.

A sealed file is one plain JSON line saying what follows, then the nonce, the
ciphertext and AES-GCM's tag; the line is the authenticated data, so neither the key it
names nor the size can be changed unnoticed:

    {"reconnect_sealed":1,"key":"3f2a9c01","size":48213}
    <12-byte nonce><48213 bytes of ciphertext><16-byte tag>

The size tells a file cut short (a sync tool's partial copy, a full disk) from one whose
bytes were changed. A backup made with `--encrypt` also carries the key file's wrapped
key (`envelope`), so it opens with the passphrase alone, anywhere.

A journal stays one JSON line per save: a sealed save is
`{"sealed":"<key id>","data":"<base64>"}`, bound to the journal's base, so a line
cannot be moved into another journal unnoticed.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import orjson

from reconnect.store.errors import RESTORE_HINT, DataFileError
from reconnect.store.folder_key import NONCE, FolderKey, KeyFile

SEALED_MARK = b'{"reconnect_sealed":1,'
LINE_MARK = b'{"sealed":'
TAG = 16


class SealedFileAltered(DataFileError):
    """The bytes of a sealed file are not the ones sealed: changed, or mixed up."""

    exit_status = 5

    def __init__(self, path: Path, detail: str = "its check failed") -> None:
        super().__init__(
            path,
            f"The encrypted file is damaged or was changed ({detail})",
            RESTORE_HINT,
        )


class SealedFileCutShort(DataFileError):
    """A sealed file holds fewer bytes than its header says were sealed."""

    exit_status = 6

    def __init__(self, path: Path, have: int, want: int) -> None:
        super().__init__(
            path,
            f"The encrypted file is cut short ({have:,} of its {want:,} bytes are there)",
            "Nothing was changed. A copy still on its way (a sync tool) finishes by itself; "
            "otherwise restore the file from a backup.",
        )


def is_sealed(raw: bytes | memoryview) -> bool:
    return bytes(raw[: len(SEALED_MARK)]) == SEALED_MARK


def seal(
    plain: bytes | Iterable[bytes | memoryview],
    key: FolderKey,
    envelope: KeyFile | None = None,
) -> bytes:
    """The sealed form of `plain` (bytes, or pieces in order)."""
    data = plain if isinstance(plain, bytes) else b"".join(plain)
    head: dict[str, Any] = {"reconnect_sealed": 1, "key": key.current, "size": len(data)}
    if envelope is not None:
        head["envelope"] = envelope.to_json()
    line = orjson.dumps(head) + b"\n"
    key_id, blob = key.seal(data, line)
    assert key_id == key.current
    return line + blob


def header(raw: bytes, path: Path) -> tuple[dict[str, Any], int]:
    """A sealed file's header, and where its sealed bytes start."""
    end = raw.find(b"\n")
    try:
        head = orjson.loads(raw[:end]) if end > 0 else None
    except orjson.JSONDecodeError:
        head = None
    if not isinstance(head, dict) or not isinstance(head.get("key"), str):
        raise SealedFileAltered(path, "its first line is not a reconnect header")
    if not isinstance(head.get("size"), int) or head["size"] < 0:
        raise SealedFileAltered(path, "its header gives no size")
    return head, end + 1


def sealed_with(raw: bytes) -> str | None:
    """The id of the key a sealed file was sealed with; None for a plain one."""
    if not is_sealed(raw):
        return None
    try:
        return header(raw, Path())[0]["key"]
    except DataFileError:
        return None


def unseal(raw: bytes, key: FolderKey | None, path: Path) -> bytes:
    """The plain bytes of a file: a plain one as it is, a sealed one opened.
    Raises NoPassphrase, SealedFileCutShort or SealedFileAltered."""
    if not is_sealed(raw):
        return raw
    from cryptography.exceptions import InvalidTag

    from reconnect.store.folder_key import NoPassphrase

    head, start = header(raw, path)
    if key is None:
        raise NoPassphrase(path.parent)
    want = start + NONCE + head["size"] + TAG
    if len(raw) < want:
        raise SealedFileCutShort(path, len(raw), want)
    if len(raw) > want:
        raise SealedFileAltered(path, "it holds more bytes than were sealed")
    cipher = key.cipher(head["key"])
    if cipher is None:
        raise SealedFileAltered(path, "it was sealed with a key this folder does not hold")
    nonce = raw[start : start + NONCE]
    try:
        return cipher.decrypt(nonce, raw[start + NONCE :], raw[:start])
    except InvalidTag:
        raise SealedFileAltered(path) from None


def envelope_of(raw: bytes, path: Path) -> KeyFile | None:
    """The key file a sealed backup carries; None for a plain file or a folder's own."""
    if not is_sealed(raw):
        return None
    head, _ = header(raw, path)
    if "envelope" not in head:
        return None
    return KeyFile.from_json(head["envelope"], path)


# --- journal lines ------------------------------------------------------------------


def seal_line(line: bytes, key: FolderKey, base: str) -> bytes:
    """One journal line (without its newline) sealed, as a JSON line (with one)."""
    key_id, blob = key.seal(line, base.encode("utf-8"))
    return b'{"sealed":%s,"data":"%s"}\n' % (
        orjson.dumps(key_id),
        base64.b64encode(blob),
    )


def unseal_line(line: bytes, key: FolderKey | None, base: str) -> bytes | None:
    """The plain line inside a sealed journal line; None when it does not open (damaged,
    or from another journal). Raises NoPassphrase without a key."""
    from cryptography.exceptions import InvalidTag

    try:
        entry = orjson.loads(line)
        blob = base64.b64decode(entry["data"], validate=True)
        key_id = entry["sealed"]
    except (orjson.JSONDecodeError, KeyError, TypeError, ValueError):
        return None
    if key is None:
        from reconnect.store.folder_key import NoPassphrase

        raise NoPassphrase(Path("."))
    cipher = key.cipher(key_id) if isinstance(key_id, str) else None
    if cipher is None or len(blob) < NONCE + TAG:
        return None
    try:
        return cipher.decrypt(blob[:NONCE], blob[NONCE:], base.encode("utf-8"))
    except InvalidTag:
        return None
