"""What every benchmark measure shares: the heavy dataset, timing and the result row."""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reconnect.demo import HEAVY, generate, seed_store
from reconnect.store.store import DATA_FILE_NAME, Store

BENCH_TODAY = date(2026, 11, 21)
CACHE = Path(__file__).parent / ".cache"
HERE = Path(__file__).parent


@dataclass
class Result:
    measure: str
    value: float
    reference: float | None
    unit: str
    target: str
    met: bool

    @property
    def ratio(self) -> float | None:
        return self.value / self.reference if self.reference else None


@dataclass
class Context:
    runs: int
    work: Path  # a scratch folder for this run

    def heavy_copy(self, name: str) -> Path:
        """A fresh copy of the heavy 5-year data folder, made once and cached."""
        source = heavy_data_dir()
        target = self.work / name
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(source, target)
        return target


def heavy_data_dir() -> Path:
    folder = CACHE / "heavy"
    if not (folder / DATA_FILE_NAME).exists():
        shutil.rmtree(folder, ignore_errors=True)
        seed_store(Store.open(folder), generate(BENCH_TODAY, HEAVY, seed=2026))
    return folder


def median_seconds(func: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run_process(args: list[str], env: dict[str, str] | None = None) -> tuple[float, str]:
    """Wall time of a whole process and its stdout."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, check=True, env=env
    )
    return time.perf_counter() - start, done.stdout
