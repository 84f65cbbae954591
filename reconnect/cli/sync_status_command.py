"""`reconnect sync-status`: the last change made on each device, and copies waiting.

For a data folder kept in step by a sync tool (Syncthing, Dropbox, Nextcloud, iCloud
Drive). Reads only, like `reconnect check`: nothing is merged or written here.
"""

from __future__ import annotations

import argparse
from typing import Any

from reconnect.store.paths import data_dir

NAME = "sync-status"


def add_parser(subparsers: Any) -> str:
    subparsers.add_parser(
        NAME,
        help="show the last change made on each device, and conflicted copies waiting",
        description="Show, for a data folder synced between devices, when each device last "
        "changed a record, and the conflicted copies the sync tool left that reconnect will "
        "merge at its next start. Writes nothing.",
    )
    return NAME


def device_lines(devices: list[tuple[str, str, str]], here: str) -> list[str]:
    """'Laptop (this device): last change 2026-12-02 13:34 UTC', latest first."""
    lines = []
    for name, device_id, at in devices:
        mark = " (this device)" if device_id == here else ""
        when = f"{at[:10]} {at[11:16]} UTC" if len(at) >= 16 else "before versions were kept"
        lines.append(f"{name}{mark}: last change {when}")
    return lines


def run(args: argparse.Namespace) -> int:
    from reconnect.store.device import this_device
    from reconnect.store.store import DATA_FILE_NAME, Store

    folder = data_dir(args.data_dir)
    found = Store.inspect(folder)
    if found is None:
        print(f"No data file yet at {folder / DATA_FILE_NAME}: nothing synced.")
        return 0
    lines = device_lines(found.devices, this_device().id)
    print("\n".join(lines) if lines else "No change has been stamped with a device yet.")
    for line in found.sync_waiting:
        print(line)
    if not found.sync_waiting:
        print("No conflicted copies waiting.")
    return 0
