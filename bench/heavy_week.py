"""A runaway week: 100,000 moments logged in the one week (as a script gone wrong would
make). The Log area must still open within a second, and `reconnect log` and `check`
keep working on it. The data is made once and kept in bench/.cache."""

from __future__ import annotations

import asyncio
import shutil
import statistics
import time
from datetime import datetime
from pathlib import Path

from bench.common import (
    BENCH_TODAY,
    CACHE,
    Context,
    Result,
    app_env,
    reconnect_script,
    time_process,
)
from reconnect.logic.weeks import midnight, week_start
from reconnect.records.models import Connection, Counterpart
from reconnect.settings import Settings
from reconnect.store.migrations import SCHEMA_VERSION
from reconnect.store.store import DATA_FILE_NAME, Store

MOMENTS = 100_000
OPEN_LIMIT_MS = 1000.0


def heavy_week_dir() -> Path:
    name = f"heavy-week-{MOMENTS}-schema{SCHEMA_VERSION}"
    folder = CACHE / name
    if not (folder / DATA_FILE_NAME).exists():
        partial = CACHE / f"{name}.partial"
        shutil.rmtree(partial, ignore_errors=True)
        store = Store.open(partial)
        start: datetime = midnight(week_start(BENCH_TODAY, 0))
        step = (midnight(BENCH_TODAY) - start) / MOMENTS
        store.connections.add_many(
            Connection(
                at=start + n * step,
                what=f"Runaway {n}",
                counterpart=Counterpart.STRANGER,
                depth=1 + n % 5,
                comfort=1 + n % 5,
            )
            for n in range(MOMENTS)
        )
        store.close()
        partial.rename(folder)
    return folder


def _copy(ctx: Context, name: str) -> Path:
    target = ctx.work / name
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(heavy_week_dir(), target)
    return target


async def _open_log(folder: Path) -> float:
    """From a fresh Store.open (nothing read yet) to the Log list drawn, in seconds."""
    from reconnect.app import make_app
    from widgets.connection_list import ConnectionList

    start = time.perf_counter()
    store = Store.open(folder)
    app = make_app(store=store, today=BENCH_TODAY, settings=Settings(), start_area="log")
    async with app.run_test(size=(100, 30)) as pilot:
        while not (lists := app.screen.query(ConnectionList)) or not lists.first().option_count:
            await asyncio.sleep(0.001)
        took = time.perf_counter() - start
        await pilot.press("q")
    return took


def heavy_week(ctx: Context) -> list[Result]:
    folder = _copy(ctx, "heavy-week")
    runs = max(3, ctx.runs // 3)
    opens = [asyncio.run(_open_log(folder)) for _ in range(runs)]
    env = app_env(ctx)
    script = reconnect_script()
    log = [script, "--data-dir", str(folder), "log", "Hi", "--counterpart", "neighbour"]
    log += ["--depth", "1", "--comfort", "3"]
    logs = [time_process(log, env) for _ in range(runs)]
    checks = [time_process([script, "--data-dir", str(folder), "check"], env) for _ in range(runs)]
    opened = statistics.median(opens) * 1000
    return [
        Result(
            f"open Log on a week of {MOMENTS:,} moments (fresh store, drawn)",
            opened,
            None,
            "ms",
            f"<= {OPEN_LIMIT_MS:.0f} ms",
            opened <= OPEN_LIMIT_MS,
        ),
        Result(
            "reconnect log on that data (console script)",
            statistics.median(logs) * 1000,
            None,
            "ms",
            "— (shown; its target is measured on the heavy years)",
            None,
        ),
        Result(
            "reconnect check on that data (validates every record)",
            statistics.median(checks) * 1000,
            None,
            "ms",
            "— (shown)",
            None,
        ),
    ]
