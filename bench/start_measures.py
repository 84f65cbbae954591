"""Cold start to Today painted, as a whole process, vs. a hello-world Textual app."""

from __future__ import annotations

import statistics

from bench.common import HERE, Context, Result, run_process


def _starts(args: list[str], runs: int) -> tuple[float, float]:
    times, peaks = [], []
    for _ in range(runs):
        seconds, out = run_process([str(HERE / "start_app.py"), *args])
        times.append(seconds)
        peaks.append(int(out.split()[-1]))
    return statistics.median(times), statistics.median(peaks)


def cold_start(ctx: Context) -> list[Result]:
    folder = ctx.heavy_copy("start")
    runs = max(3, ctx.runs // 2)
    hello_time, hello_peak = _starts(["hello"], runs)
    ours_time, ours_peak = _starts(["app", str(folder)], runs)
    return [
        Result(
            "cold start to Today painted",
            ours_time * 1000,
            hello_time * 1000,
            "ms",
            "<= 1.5x hello world",
            ours_time <= 1.5 * hello_time,
        ),
        Result(
            "peak memory of that start",
            ours_peak / 1024,
            hello_peak / 1024,
            "MiB",
            "<= 2x hello world",
            ours_peak <= 2 * hello_peak,
        ),
    ]
