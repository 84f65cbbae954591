"""Merging a conflicted copy of five heavy years: python bench/sync_merge.py.

Two devices start from the same heavy history (seeded on the first, versions and all),
then each adds, changes and deletes some records, a few the same ones. The second's
data file is left beside the first's as Syncthing names a conflicted copy; the figure
is the time the store takes to merge it (read both, decide record by record, write the
result whole, move the copy into merged/), the store already open as in the app.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import BENCH_TODAY, Context, Result, heavy_profile
from reconnect.demo import generate, seed_store
from reconnect.store.store import DATA_FILE_NAME, Store

CONFLICT_NAME = "reconnect.sync-conflict-20261201-101500-B7X2KQM.json"
TARGET_SECONDS = 1.0


@contextmanager
def as_device(name: str) -> Iterator[None]:
    before = os.environ.get("RECONNECT_DEVICE")
    os.environ["RECONNECT_DEVICE"] = f"{name.lower()}:{name}"
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("RECONNECT_DEVICE", None)
        else:
            os.environ["RECONNECT_DEVICE"] = before


def _change(folder: Path, device: str, offset: int) -> None:
    """Add 50 moments, change 20 (10 of them changed on the other device too), delete 10."""
    with as_device(device):
        store = Store.open(folder)
        moments = store.connections.all()
        template = moments[-1]
        with store.batch():
            for n in range(50):
                store.connections.add(
                    template.model_copy(
                        update={
                            "id": uuid.uuid4().hex,
                            "at": template.at + timedelta(minutes=n),
                            "what": f"new on {device} {n}",
                        }
                    )
                )
            for moment in moments[offset : offset + 20]:
                store.connections.update(moment.model_copy(update={"what": f"{device} edit"}))
            for moment in moments[100 + offset : 110 + offset]:
                store.connections.delete(moment.id)
        store.close()


def two_devices(work: Path, years: int = 5) -> tuple[Path, Path]:
    """The first device's folder, and the second's data file, both changed since they
    last met."""
    laptop, phone = work / "laptop", work / "phone"
    with as_device("Laptop"):
        store = Store.open(laptop)
        seed_store(store, generate(BENCH_TODAY, heavy_profile(years), seed=2026))
        store.close()
    shutil.copytree(laptop, phone)
    _change(laptop, "Laptop", 0)
    _change(phone, "Phone", 10)
    return laptop, phone / DATA_FILE_NAME


def time_merge(work: Path, years: int = 5, runs: int = 3) -> float:
    """The median seconds to merge the second device's conflicted copy."""
    laptop, phone_file = two_devices(work, years)
    times = []
    for run in range(runs):
        folder = work / f"run{run}"
        shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(laptop, folder)
        with as_device("Laptop"):
            store = Store.open(folder)
            store.connections.count()  # open and indexed, as in the app
            shutil.copy2(phone_file, folder / CONFLICT_NAME)
            start = time.perf_counter()
            lines = store.merge_conflicts()
            times.append(time.perf_counter() - start)
            assert lines and "Merged" in lines[0], lines
    return sorted(times)[len(times) // 2]


def sync_merge(ctx: Context) -> list[Result]:
    """For bench/run.py's MEASURES."""
    seconds = time_merge(ctx.work / "sync-merge", ctx.years, max(3, ctx.runs // 3))
    return [
        Result(
            f"merge a conflicted copy ({ctx.years} heavy years)",
            seconds * 1000,
            None,
            "ms",
            f"<= {TARGET_SECONDS * 1000:.0f} ms",
            seconds <= TARGET_SECONDS,
        )
    ]


if __name__ == "__main__":
    with tempfile.TemporaryDirectory(prefix="reconnect-bench-sync-") as scratch:
        figure = time_merge(Path(scratch))
        print(
            f"merge a conflicted copy of 5 heavy years: {figure * 1000:.0f} ms (target <= 1000 ms)"
        )
