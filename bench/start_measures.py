"""Start to the first full frame, as a user runs it: the installed `reconnect` console
script (argument parsing and settings included) under a pseudo-terminal, against a
one-Static hello-world Textual app measured the same way, run by run in pairs."""

from __future__ import annotations

import statistics
import sys

from bench.common import (
    BENCH_TODAY,
    HERE,
    Context,
    Result,
    app_env,
    interleaved,
    pair_ratio,
    reconnect_script,
)
from bench.frame import first_frame
from bench.hello_app import HELLO

TODAY_MARKER = "This week"  # drawn by Today's week summary


def start_pairs(ctx: Context, runs: int) -> tuple[list, list]:
    """Frames of reconnect on Today and of the hello-world, interleaved (one warm-up run
    of each first, uncounted: bytecode is cached as for a user's second start)."""
    folder = ctx.heavy_copy("start")
    env = app_env(ctx)
    ours_argv = [reconnect_script(), "--data-dir", str(folder), "--today", BENCH_TODAY.isoformat()]
    hello_argv = [sys.executable, str(HERE / "hello_app.py")]
    ours_frames, hello_frames = [], []

    def ours() -> float:
        frame = first_frame(ours_argv, TODAY_MARKER, env)
        ours_frames.append(frame)
        return frame.seconds

    def hello() -> float:
        frame = first_frame(hello_argv, HELLO, env)
        hello_frames.append(frame)
        return frame.seconds

    ours()
    hello()
    ours_frames.clear()
    hello_frames.clear()
    interleaved(ours, hello, runs)
    return ours_frames, hello_frames


def cold_start(ctx: Context) -> list[Result]:
    ours, hello = start_pairs(ctx, max(5, ctx.runs // 2))
    time_limit = 1.8 if ctx.years >= 20 else 1.5
    memory_limit = 2.5 if ctx.years >= 20 else 2.0
    ours_t, hello_t = [f.seconds for f in ours], [f.seconds for f in hello]
    ours_m, hello_m = [float(f.peak_kib) for f in ours], [float(f.peak_kib) for f in hello]
    time_ratio = pair_ratio(ours_t, hello_t)
    memory_ratio = pair_ratio(ours_m, hello_m)
    return [
        Result(
            "reconnect to the first full Today frame (console script, pty)",
            statistics.median(ours_t) * 1000,
            statistics.median(hello_t) * 1000,
            "ms",
            f"<= {time_limit}× slower than a one-Static hello world",
            time_ratio <= time_limit,
            paired=time_ratio,
        ),
        Result(
            "peak memory of that start (VmHWM)",
            statistics.median(ours_m) / 1024,
            statistics.median(hello_m) / 1024,
            "MiB",
            f"<= {memory_limit}× more than the hello world",
            memory_ratio <= memory_limit,
            paired=memory_ratio,
            words=("more", "less"),
        ),
    ]
