"""This machine, as the records it changes name it: a random id and a readable name.

Kept per machine, in the platform's state folder, never in the data folder: a folder
synced between two machines would otherwise give both the same identity.
RECONNECT_DEVICE ("id" or "id:name") stands in for it, so tests can be two devices.
"""

from __future__ import annotations

import os
import socket
import uuid
from dataclasses import dataclass
from pathlib import Path

import orjson

ENV = "RECONNECT_DEVICE"
FILE_NAME = "device.json"


@dataclass(frozen=True)
class Device:
    id: str
    name: str


_cache: dict[str, Device] = {}


def state_file() -> Path:
    from platformdirs import user_state_path

    return user_state_path("reconnect", appauthor=False) / FILE_NAME


def this_device() -> Device:
    """This machine's identity; made (and kept) on first use."""
    given = os.environ.get(ENV)
    if given:
        device_id, _, name = given.partition(":")
        return Device(device_id, name or device_id)
    path = state_file()
    key = str(path)
    if key not in _cache:
        _cache[key] = _read(path) or _make(path)
    return _cache[key]


def _read(path: Path) -> Device | None:
    try:
        doc = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return None
    if isinstance(doc, dict) and isinstance(doc.get("id"), str) and doc["id"]:
        return Device(doc["id"], str(doc.get("name") or doc["id"]))
    return None


def _make(path: Path) -> Device:
    device = Device(uuid.uuid4().hex[:12], socket.gethostname() or "this device")
    # Not fatal when the state folder cannot be written: this run keeps the identity,
    # the next makes another (its changes then show under a second name).
    try:
        from reconnect.store.atomic import atomic_write, make_private_folder

        make_private_folder(path.parent)
        atomic_write(path, orjson.dumps({"id": device.id, "name": device.name}))
    except OSError:
        pass
    return device
