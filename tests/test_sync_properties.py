"""Property: whatever two devices add, change and delete, in whatever interleaving, the
merge holds each record's latest change, brings no deleted record back, is the same
whichever copy is read first, and changes nothing when repeated."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import orjson
from hypothesis import given
from hypothesis import strategies as st

from reconnect.store.errors import drain_notices
from reconnect.store.store import DATA_FILE_NAME, Store
from tests.test_sync_devices import JOURNAL_NAME, conflicted, content, moment

Op = tuple[str, str, int]  # device, what, which record
ops = st.lists(
    st.tuples(
        st.sampled_from(["laptop", "phone"]),
        st.sampled_from(["add", "edit", "delete"]),
        st.integers(0, 5),
    ),
    max_size=14,
)


def run(
    base: Path, steps: list[Op], phone_folds: bool, changers: dict[str, set[str]]
) -> dict[str, str | None]:
    """Play the steps on two devices from one start; each record's last change (its
    words, None when deleted last), in the order they happened. `changers` gets the
    devices that changed or deleted each record."""
    laptop, phone = base / "laptop", base / "phone"
    os.environ["RECONNECT_DEVICE"] = "laptop:Laptop"
    start = Store.open(laptop)
    ids = [start.connections.add(moment(n)).id for n in range(3)]
    start.close()
    shutil.copytree(laptop, phone)
    stores = {"laptop": Store.open(laptop), "phone": Store.open(phone)}
    latest: dict[str, str | None] = {rid: f"moment {n}" for n, rid in enumerate(ids)}
    for step, (device, what, which) in enumerate(steps):
        os.environ["RECONNECT_DEVICE"] = f"{device}:{device.title()}"
        store = stores[device]
        if what == "add":
            added = store.connections.add(moment(100 + step, f"{device} added {step}"))
            ids.append(added.id)
            latest[added.id] = added.what
            continue
        held = [c for c in store.connections.all() if c.id in ids]
        if not held:
            continue
        target = held[which % len(held)]
        changers.setdefault(target.id, set()).add(device)
        if what == "edit":
            words = f"{device} edit {step}"
            store.connections.update(target.model_copy(update={"what": words}))
            latest[target.id] = words
        else:
            store.connections.delete(target.id)
            latest[target.id] = None
    stores["laptop"].close()
    if phone_folds:
        stores["phone"].close()
    os.environ["RECONNECT_DEVICE"] = "laptop:Laptop"
    return latest


def crossed(base: Path, here: str, there: str, label: str) -> Path:
    folder = base / label
    shutil.copytree(base / here, folder)
    for name in (DATA_FILE_NAME, JOURNAL_NAME):
        if (base / there / name).exists():
            shutil.copy2(base / there / name, folder / conflicted("syncthing", name))
    return folder


@given(steps=ops, phone_folds=st.booleans())
def test_any_two_devices_merge_to_the_latest_change_either_way(
    steps: list[Op], phone_folds: bool
) -> None:
    before = os.environ.get("RECONNECT_DEVICE")
    with tempfile.TemporaryDirectory() as scratch:
        base = Path(scratch)
        try:
            changers: dict[str, set[str]] = {}
            latest = run(base, steps, phone_folds, changers)
            one = content(crossed(base, "laptop", "phone", "one"))
            other = content(crossed(base, "phone", "laptop", "other"))
        finally:
            os.environ.pop("RECONNECT_DEVICE", None)
            if before is not None:
                os.environ["RECONNECT_DEVICE"] = before
        drain_notices()
        assert one == other
        moments = {rid: doc["what"] for rid, doc in one["records"].get("connections", {}).items()}
        assert moments == {rid: what for rid, what in latest.items() if what is not None}
        # Only a record changed on both devices may have a version kept from the other.
        kept = {orjson.loads(h)["id"] for h in one["history"]}
        assert all(len(changers.get(rid, ())) == 2 for rid in kept)
        # Again, with the same copies: nothing changes.
        folder = base / "one"
        data = (folder / DATA_FILE_NAME).read_bytes()
        for kept in (folder / "merged").iterdir():
            shutil.copy2(kept, folder / kept.name)
        Store.open(folder)
        assert (folder / DATA_FILE_NAME).read_bytes() == data
