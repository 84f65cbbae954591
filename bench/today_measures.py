"""`reconnect today` as a whole process (the installed console script) beside
`reconnect log` on a copy of the same heavy data, run by run in pairs: a prompt or a
status line runs it often, so it may take at most as long as noting a moment does.

Twice: as a prompt meets it (the index kept for the file's bytes, store/index_cache.py,
written by the first run), and as the first run after the file changed (every run with
an empty cache folder of its own: the index is built from the records and kept)."""

from __future__ import annotations

import tempfile
from typing import TYPE_CHECKING

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

if TYPE_CHECKING:
    from pathlib import Path

TARGET = 1.0


def today_argv(ctx: Context, name: str, *extra: str) -> list[str]:
    """`reconnect today` on a fresh copy of the heavy data, on the bench's pinned day (so
    the week holds moments, goals have steps ahead and people are drifting)."""
    folder = ctx.heavy_copy(name)
    day = BENCH_TODAY.isoformat()
    return [reconnect_script(), "--data-dir", str(folder), "--today", day, "today", *extra]


def _first_after_a_change(argv: list[str], env: dict[str, str], caches: Path) -> float:
    """One run with a cache folder never used: as after the app or a sync changed the file."""
    fresh = dict(env, RECONNECT_CACHE_DIR=tempfile.mkdtemp(dir=caches))
    return time_process(argv, fresh)


def today_command(ctx: Context) -> list[Result]:
    runs = max(5, ctx.runs // 2)
    env = app_env(ctx)
    caches = ctx.work / "today-first-caches"
    caches.mkdir(exist_ok=True)
    results = []
    cases = (
        ((), "reconnect today", False),
        (("--json",), "reconnect today --json", False),
        ((), "reconnect today, first after the file changed,", True),
    )
    for extra, label, first in cases:
        name = f"today{'-'.join(extra)}{'-first' if first else ''}"
        ours_argv = today_argv(ctx, name, *extra)
        log = log_argv(ctx, f"{name}-log")
        for argv in (ours_argv, log):  # one uncounted round: bytecode, disk cache, index
            time_process(argv, env)

        def ours(a: list[str] = ours_argv, first: bool = first) -> float:
            return _first_after_a_change(a, env, caches) if first else time_process(a, env)

        mine, theirs = interleaved(ours, lambda b=log: time_process(b, env), runs)
        results.append(
            paired_result(
                f"{label} as a process vs reconnect log",
                mine,
                theirs,
                f"<= {TARGET:.1f}× (as quick as noting a moment)",
                TARGET,
            )
        )
    return results
