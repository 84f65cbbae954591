"""`reconnect today` as a whole process (the installed console script) beside
`reconnect log` on a copy of the same heavy data, run by run in pairs: a prompt or a
status line runs it often, so it may take at most as long as noting a moment does."""

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

TARGET = 1.0


def today_argv(ctx: Context, name: str, *extra: str) -> list[str]:
    """`reconnect today` on a fresh copy of the heavy data, on the bench's pinned day (so
    the week holds moments, goals have steps ahead and people are drifting)."""
    folder = ctx.heavy_copy(name)
    day = BENCH_TODAY.isoformat()
    return [reconnect_script(), "--data-dir", str(folder), "--today", day, "today", *extra]


def today_command(ctx: Context) -> list[Result]:
    runs = max(5, ctx.runs // 2)
    env = app_env(ctx)
    results = []
    for extra, label in (((), "reconnect today"), (("--json",), "reconnect today --json")):
        ours_argv = today_argv(ctx, f"today{'-'.join(extra)}", *extra)
        log = log_argv(ctx, f"today-log{'-'.join(extra)}")
        for argv in (ours_argv, log):  # one uncounted round: bytecode, disk cache
            time_process(argv, env)
        ours, theirs = interleaved(
            lambda a=ours_argv: time_process(a, env), lambda b=log: time_process(b, env), runs
        )
        results.append(
            paired_result(
                f"{label} as a process vs reconnect log",
                ours,
                theirs,
                f"<= {TARGET:.1f}× (as quick as noting a moment)",
                TARGET,
            )
        )
    return results
