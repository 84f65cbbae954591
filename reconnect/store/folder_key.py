"""The key file of an encrypted data folder, and the key it unlocks.

`reconnect.key` (JSON, beside the data file) holds the folder's data keys, each wrapped
(AES-GCM) by a key derived from the passphrase with scrypt, under a random salt of its
own, the scrypt parameters beside it so they can be raised later:

    {"reconnect_key": 1,
     "kdf": {"name": "scrypt", "n": 65536, "r": 8, "p": 1, "salt": "…"},
     "keys": {"3f2a9c01": "<nonce + wrapped data key, base64>"},
     "current": "3f2a9c01",
     "pending": null,
     "check": "<sha-256 of the rest>"}

A passphrase opens the wrapped key or it does not: AES-GCM's tag is the key check, so a
wrong passphrase is told apart from a damaged file, whose `check` fails first. Changing
the passphrase writes a new key file (one atomic rename); the records are then sealed
again under a new data key, while the key file holds the old one too (`pending`), so a
crash at any point leaves a folder the new passphrase opens whole.
"""

from __future__ import annotations

import base64
import hashlib
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from reconnect.store.errors import DataFileError

KEY_FILE_NAME = "reconnect.key"
# scrypt: 64 MiB and ~0.25 s on a laptop of 2024; stored per folder, so it can be raised.
SCRYPT = {"name": "scrypt", "n": 2**16, "r": 8, "p": 1}
# A key file handed in by someone else must not make us spend minutes or gigabytes.
MAX_SCRYPT_N = 2**20
NONCE = 12
KEY_BYTES = 32
# What a transition left to do: seal every file under the current key, or open them all.
SEAL, UNSEAL = "seal", "unseal"


def key_file_path(folder: Path) -> Path:
    return folder / KEY_FILE_NAME


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


class KeyFileDamaged(DataFileError):
    """The key file is not one we wrote, or a byte of it changed."""

    exit_status = 5

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            path,
            f"The key file of this encrypted data folder is damaged ({detail})",
            "Nothing was changed. Restore reconnect.key from a backup of the data folder: "
            "without it the records cannot be read.",
        )


class WrongPassphrase(DataFileError):
    """The passphrase does not open the folder's key."""

    exit_status = 4

    def __init__(self, path: Path) -> None:
        super().__init__(
            path.parent,
            "That passphrase does not open this encrypted data folder",
            "Nothing was changed. Try again with the passphrase you chose at "
            "`reconnect encrypt` (or at the last `reconnect passphrase`).",
        )


class NoPassphrase(DataFileError):
    """The folder is encrypted and nothing could give us its passphrase."""

    exit_status = 3

    def __init__(self, folder: Path) -> None:
        super().__init__(
            folder,
            "Your data is encrypted and no passphrase was given",
            "Run the command in a terminal to be asked for it, or set "
            "RECONNECT_PASSPHRASE_FILE to a file whose first line is the passphrase.",
        )


def _derive(passphrase: str, kdf: dict[str, Any]) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(
        salt=_unb64(kdf["salt"]), length=KEY_BYTES, n=kdf["n"], r=kdf["r"], p=kdf["p"]
    ).derive(passphrase.encode("utf-8"))


def _aead(key: bytes) -> Any:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    return AESGCM(key)


def _wrap_aad(key_id: str) -> bytes:
    return b"reconnect data key " + key_id.encode("ascii")


@dataclass
class FolderKey:
    """The unlocked data keys of a folder: seals under the current one, opens under any."""

    keys: dict[str, bytes]
    current: str
    _ciphers: dict[str, Any] = field(default_factory=dict, repr=False)

    def cipher(self, key_id: str) -> Any | None:
        if key_id not in self.keys:
            return None
        if key_id not in self._ciphers:
            self._ciphers[key_id] = _aead(self.keys[key_id])
        return self._ciphers[key_id]

    def seal(self, plain: bytes, aad: bytes) -> tuple[str, bytes]:
        """The current key's id, and nonce + ciphertext + tag."""
        nonce = os.urandom(NONCE)
        return self.current, nonce + self.cipher(self.current).encrypt(nonce, plain, aad)

    def only_current(self) -> FolderKey:
        return FolderKey({self.current: self.keys[self.current]}, self.current)


@dataclass
class KeyFile:
    """A key file as read: the wrapped keys, locked until a passphrase opens them."""

    kdf: dict[str, Any]
    wrapped: dict[str, bytes]
    current: str
    pending: str | None = None

    @classmethod
    def new(
        cls, passphrase: str, keys: dict[str, bytes] | None = None
    ) -> tuple[KeyFile, FolderKey]:
        """A fresh salt and a fresh current data key (beside `keys`, kept to open what
        they sealed), wrapped under `passphrase`."""
        current = secrets.token_hex(4)
        while keys and current in keys:
            current = secrets.token_hex(4)
        all_keys = {**(keys or {}), current: os.urandom(KEY_BYTES)}
        kdf = {**SCRYPT, "salt": _b64(os.urandom(16))}
        wrapper = _aead(_derive(passphrase, kdf))
        wrapped = {}
        for key_id, key in all_keys.items():
            nonce = os.urandom(NONCE)
            wrapped[key_id] = nonce + wrapper.encrypt(nonce, key, _wrap_aad(key_id))
        return cls(kdf, wrapped, current), FolderKey(all_keys, current)

    def unlock(self, passphrase: str, path: Path) -> FolderKey:
        """The data keys; WrongPassphrase when the passphrase does not open them."""
        from cryptography.exceptions import InvalidTag

        wrapper = _aead(_derive(passphrase, self.kdf))
        keys = {}
        try:
            for key_id, blob in self.wrapped.items():
                keys[key_id] = wrapper.decrypt(blob[:NONCE], blob[NONCE:], _wrap_aad(key_id))
        except InvalidTag:
            raise WrongPassphrase(path) from None
        return FolderKey(keys, self.current)

    def keeping_only(self, key_id: str) -> KeyFile:
        return KeyFile(self.kdf, {key_id: self.wrapped[key_id]}, key_id)

    def to_bytes(self) -> bytes:
        body = self._body()
        return orjson.dumps({**body, "check": _check(body)}, option=orjson.OPT_INDENT_2) + b"\n"

    def to_json(self) -> dict[str, Any]:
        body = self._body()
        return {**body, "check": _check(body)}

    def _body(self) -> dict[str, Any]:
        return {
            "reconnect_key": 1,
            "kdf": self.kdf,
            "keys": {key_id: _b64(blob) for key_id, blob in self.wrapped.items()},
            "current": self.current,
            "pending": self.pending,
        }

    @classmethod
    def from_json(cls, data: object, path: Path) -> KeyFile:
        """Raises KeyFileDamaged for anything but a key file we wrote, byte for byte."""
        if not isinstance(data, dict) or data.get("reconnect_key") != 1:
            raise KeyFileDamaged(path, "it is not a reconnect key file")
        body = {k: v for k, v in data.items() if k != "check"}
        if data.get("check") != _check(body):
            raise KeyFileDamaged(path, "its check does not match: a byte of it changed")
        try:
            kdf = dict(data["kdf"])
            _unb64(kdf["salt"])
            if kdf.get("name") != "scrypt" or not all(
                isinstance(kdf.get(k), int) and kdf[k] > 0 for k in ("n", "r", "p")
            ):
                raise ValueError("unknown key derivation")
            if kdf["n"] > MAX_SCRYPT_N or kdf["r"] * kdf["p"] > 64:
                raise ValueError("key derivation parameters out of range")
            wrapped = {str(k): _unb64(v) for k, v in data["keys"].items()}
            current = data["current"]
            pending = data.get("pending")
            if current not in wrapped or pending not in (None, SEAL, UNSEAL):
                raise ValueError("its current key is missing")
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise KeyFileDamaged(path, str(exc) or "a field is missing") from None
        return cls(kdf, wrapped, current, pending)


def _check(body: dict[str, Any]) -> str:
    return hashlib.sha256(orjson.dumps(body, option=orjson.OPT_SORT_KEYS)).hexdigest()


def read_key_file(folder: Path) -> KeyFile | None:
    """The folder's key file; None when the folder is not encrypted."""
    path = key_file_path(folder)
    try:
        raw = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):  # the store says what is wrong
        return None
    except IsADirectoryError:
        raise KeyFileDamaged(path, "it is a folder") from None
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise KeyFileDamaged(path, "it is not JSON; was it cut short?") from None
    return KeyFile.from_json(data, path)


def is_encrypted(folder: Path) -> bool:
    return key_file_path(folder).exists()
