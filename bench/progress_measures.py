"""Progress on the heavy data: every series for 52 weeks and opening the area, warm as
before and, beside them, the first use in a fresh process."""

from __future__ import annotations

import asyncio
import statistics
import time

from bench.common import BENCH_TODAY, Context, Result, first_uses, median_seconds, pair_ratio
from reconnect.logic.progress import progress, progress_span
from reconnect.settings import Settings
from reconnect.store.store import Store

WEEKS = 52


def series(store: Store) -> object:
    start, end = progress_span(BENCH_TODAY, WEEKS)
    return progress(
        store.connections.facts_between(start, end),  # as the Progress screen reads them
        store.checkins.all(),
        store.goals.all(),
        BENCH_TODAY,
        WEEKS,
    )


def progress_series(ctx: Context) -> list[Result]:
    store = Store.open(ctx.heavy_copy("progress"))
    store.connections.count()  # warm: the app has its data loaded when Progress opens
    ours = median_seconds(lambda: series(store), ctx.runs)
    firsts, warms = first_uses("series", ctx)
    ratio = pair_ratio(firsts, warms)
    cold_firsts, cold_warms = first_uses("series-cold", ctx)
    return [
        Result(
            f"all Progress series, {WEEKS} weeks (warm)",
            ours * 1000,
            None,
            "ms",
            "<= 30 ms",
            ours * 1000 <= 30,
        ),
        Result(
            "Progress series: first call (as after Today) vs warm, fresh process",
            statistics.median(firsts) * 1000,
            statistics.median(warms) * 1000,
            "ms",
            "<= 2× slower than warm",
            ratio <= 2,
            paired=ratio,
        ),
        Result(
            "Progress series: first call on a store nothing has read vs warm",
            statistics.median(cold_firsts) * 1000,
            statistics.median(cold_warms) * 1000,
            "ms",
            "— (shown: reading and indexing the moments included)",
            None,
            paired=pair_ratio(cold_firsts, cold_warms),
        ),
    ]


async def open_once(store: Store) -> float:
    from reconnect.app import make_app
    from widgets.week_chart import WeekChart

    app = make_app(store=store, today=BENCH_TODAY, settings=Settings())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()  # Today is up and idle
        start = time.perf_counter()
        app.action_open("progress")  # what the `o` key runs
        # Painted: the first chart has been rendered for the screen. Poll without the
        # pilot's own settling pauses, which would dominate the figure.
        while True:
            charts = app.screen.query(WeekChart)
            if charts and charts.first()._cache is not None:
                return time.perf_counter() - start
            await asyncio.sleep(0.001)


def open_progress(ctx: Context) -> list[Result]:
    store = Store.open(ctx.heavy_copy("open-progress"))
    store.connections.count()
    times = [asyncio.run(open_once(store)) for _ in range(max(5, ctx.runs // 2))]
    ours = statistics.median(times)
    firsts, seconds = first_uses("open", ctx)
    ratio = pair_ratio(firsts, seconds)
    return [
        Result(
            "open Progress until painted (same process, mostly warm)",
            ours * 1000,
            None,
            "ms",
            "<= 150 ms",
            ours * 1000 <= 150,
        ),
        Result(
            "first Progress open in a process vs a second",
            statistics.median(firsts) * 1000,
            statistics.median(seconds) * 1000,
            "ms",
            "<= 1.5× slower than a second open",
            ratio <= 1.5,
            paired=ratio,
        ),
    ]
