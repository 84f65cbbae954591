"""What every benchmark measure shares: the heavy dataset, timing and the result row."""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from reconnect.demo import HEAVY, Profile, generate, seed_store
from reconnect.store.migrations import SCHEMA_VERSION
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
    met: bool | None  # None: shown for reading, no target
    # The median of the pair ratios when A and B ran interleaved; else value / reference.
    paired: float | None = None
    # How a ratio reads: "slower"/"faster" for times, "more"/"less" for memory.
    words: tuple[str, str] = ("slower", "faster")
    key: str = ""  # names the figure a target across years reads (see run.py, --growth)

    @property
    def ratio(self) -> float | None:
        if self.paired is not None:
            return self.paired
        return self.value / self.reference if self.reference else None

    @property
    def ratio_text(self) -> str:
        return "—" if self.ratio is None else ratio_words(self.ratio, self.words)


@dataclass
class Context:
    runs: int
    work: Path  # a scratch folder for this run
    years: int = 5

    def heavy_copy(self, name: str) -> Path:
        """A fresh copy of the heavy data folder of ctx.years, made once and cached."""
        source = heavy_data_dir(self.years)
        target = self.work / name
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(source, target)
        return target


def heavy_profile(years: int) -> Profile:
    """The heavy profile (5 years as shipped) stretched or shrunk to `years`."""
    return replace(HEAVY, weeks=52 * years)


def heavy_data_dir(years: int = 5) -> Path:
    """The seeded heavy data of `years`, made once and kept in bench/.cache (git-ignored)."""
    # Named by schema: data of an older schema would be migrated in every measure.
    name = f"heavy-{years}y-schema{SCHEMA_VERSION}"
    folder = CACHE / name
    if not (folder / DATA_FILE_NAME).exists():
        shutil.rmtree(folder, ignore_errors=True)
        partial = CACHE / f"{name}.partial"
        shutil.rmtree(partial, ignore_errors=True)
        store = Store.open(partial)
        seed_store(store, generate(BENCH_TODAY, heavy_profile(years), seed=2026))
        store.close()  # as a user's folder is after quitting the app: the journal folded
        partial.rename(folder)
    return folder


def median_seconds(func: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def ratio_words(ratio: float, words: tuple[str, str] = ("slower", "faster")) -> str:
    """One way everywhere: a ratio of A to B as '2.10× slower' or '3.10× faster'."""
    if ratio >= 1:
        return f"{ratio:.2f}× {words[0]}"
    return f"{1 / ratio:.2f}× {words[1]}"


def pair_ratio(a: list[float], b: list[float]) -> float:
    """The median of a[i] / b[i]: A and B ran interleaved, run by run, so drift on a shared
    machine lands on both halves of a pair and cancels in its ratio."""
    if len(a) != len(b) or not a:
        raise ValueError("pair_ratio needs two equally long, non-empty lists")
    return statistics.median(x / y for x, y in zip(a, b, strict=True))


def paired_result(
    measure: str,
    ours: list[float],
    reference: list[float],
    target: str,
    limit: float | None,
    key: str = "",
) -> Result:
    """Two interleaved lists of seconds as one Result in ms: the medians, and the median
    pair ratio met when it is at most `limit` (None: shown, no target)."""
    ratio = pair_ratio(ours, reference)
    return Result(
        measure,
        statistics.median(ours) * 1000,
        statistics.median(reference) * 1000,
        "ms",
        target,
        None if limit is None else ratio <= limit,
        paired=ratio,
        key=key,
    )


def interleaved(
    a: Callable[[], float], b: Callable[[], float], runs: int
) -> tuple[list[float], list[float]]:
    """Run A and B in pairs, alternating which goes first, and return both lists."""
    first, second = [], []
    for n in range(runs):
        if n % 2:
            y = b()
            x = a()
        else:
            x = a()
            y = b()
        first.append(x)
        second.append(y)
    return first, second


def time_process(
    argv: list[str],
    env: dict[str, str] | None = None,
    *,
    stdin: int | None = None,
    timeout: float | None = None,
) -> float:
    """Wall time of a whole process, spawn to exit; it must succeed. A process of another
    tool may wait for input: stdin=subprocess.DEVNULL and a timeout keep it from hanging
    (subprocess.TimeoutExpired, after the process is killed)."""
    start = time.perf_counter()
    subprocess.run(argv, stdin=stdin, capture_output=True, check=True, env=env, timeout=timeout)
    return time.perf_counter() - start


def reconnect_script() -> str:
    """The console script installed beside this interpreter, else the one on PATH."""
    beside = Path(sys.executable).with_name("reconnect")
    found = str(beside) if beside.exists() else shutil.which("reconnect")
    if not found:
        raise SystemExit("bench: the reconnect console script is not installed (pip install -e .)")
    return found


def app_env(ctx: Context) -> dict[str, str]:
    """The environment of a process run: settings from an empty folder of the run's own,
    so the user's settings never change a figure; and bytecode cached, as for a user (pip
    compiles it on install): PYTHONDONTWRITEBYTECODE would make every process compile
    reconnect again. Each measure runs a first, uncounted round that writes it."""
    config = ctx.work / "config"
    config.mkdir(exist_ok=True)
    env = dict(os.environ)
    env["RECONNECT_CONFIG_DIR"] = str(config)
    # The run's own kept indexes (store/index_cache.py): none from the user's machine or
    # an earlier run makes a first use look warm.
    env["RECONNECT_CACHE_DIR"] = str(ctx.work / "cache")
    env.pop("RECONNECT_DATA_DIR", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def first_use(kind: str, ctx: Context, name: str) -> tuple[float, float]:
    """In a fresh process on a fresh copy: the first use and the median of warm uses.
    (first_uses runs one uncounted first, which writes the bytecode.)"""
    folder = ctx.heavy_copy(name)
    done = subprocess.run(
        [sys.executable, str(HERE / "first_use.py"), kind, str(folder)],
        capture_output=True,
        text=True,
        check=True,
        env=app_env(ctx),
    )
    found = json.loads(done.stdout.splitlines()[-1])
    return found["first"], statistics.median(found["warm"])


def first_uses(kind: str, ctx: Context) -> tuple[list[float], list[float]]:
    first_use(kind, ctx, f"{kind}-warm-up")
    firsts, warms = [], []
    for n in range(max(3, ctx.runs // 3)):
        first, warm = first_use(kind, ctx, f"{kind}-{n}")
        firsts.append(first)
        warms.append(warm)
    return firsts, warms
