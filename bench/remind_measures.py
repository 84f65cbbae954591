"""`reconnect remind` as a whole process (the installed console script) on the heavy data,
interleaved run by run with `reconnect log` on a copy of the same data: a daily
reminder may cost no more than noting a moment."""

from __future__ import annotations

from bench.common import (
    BENCH_TODAY,
    Context,
    Result,
    app_env,
    interleaved,
    paired_result,
    reconnect_script,
    time_process,
)
from bench.log_measures import log_argv


def remind_argv(ctx: Context) -> list[str]:
    folder = ctx.heavy_copy("remind")
    today = ["--today", BENCH_TODAY.isoformat()]
    return [reconnect_script(), *today, "--data-dir", str(folder), "remind"]


def remind_command(ctx: Context) -> list[Result]:
    runs = max(5, ctx.runs // 2)
    env = app_env(ctx)
    ours_argv = remind_argv(ctx)
    log = log_argv(ctx, "remind-log")
    for argv in (ours_argv, log):  # an uncounted warm-up round
        time_process(argv, env)
    ours, theirs = interleaved(
        lambda: time_process(ours_argv, env), lambda: time_process(log, env), runs
    )
    return [
        paired_result(
            "reconnect remind as a process vs reconnect log",
            ours,
            theirs,
            "<= 1.0× reconnect log",
            1.0,
            key="remind",
        )
    ]
