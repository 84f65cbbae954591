"""`reconnect log` as a whole process (the installed console script) against a stock
TinyDB one-insert process on a copy of the same data file and against importing
reconnect, run by run in pairs (and against jrnl adding one entry to an 18,000-entry
journal, when jrnl is on PATH); and the Log form's save, first after open and warm."""

from __future__ import annotations

import shutil
import statistics
import sys
from collections.abc import Callable

from bench.common import (
    BENCH_TODAY,
    Context,
    Result,
    app_env,
    first_uses,
    interleaved,
    median_seconds,
    pair_ratio,
    reconnect_script,
    time_process,
)
from bench.jrnl_reference import ENTRIES, JrnlFailed, jrnl_argv, jrnl_env, time_jrnl
from reconnect.logic import connections
from reconnect.logic.weeks import midnight
from reconnect.records.models import Connection
from reconnect.store.store import DATA_FILE_NAME, Store

# What `reconnect log` loads: the reference for the work it does beyond loading its code
# (a bare `import reconnect` loads nothing since the package's imports went lazy).
LOADS = (
    "import reconnect.cli.main, reconnect.cli.log_command, reconnect.logic.connections, "
    "reconnect.store.store"
)
LOG_ARGS = ["Said hi to the neighbour", "--counterpart", "neighbour", "--depth", "1"]

# Stock TinyDB as anyone would write it: default JSON storage, one insert, close.
STOCK_INSERT = """\
import sys, uuid
from datetime import datetime, timezone
from tinydb import TinyDB
db = TinyDB(sys.argv[1])
db.table("connections").insert({
    "id": uuid.uuid4().hex,
    "at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    "what": "Said hi to the neighbour", "counterpart": "neighbour", "person_id": None,
    "channel": "in_person", "depth": 1, "comfort": 3, "note": "", "goal_id": None,
    "step_id": None, "authenticity": None, "support": None, "support_kind": None,
    "group_id": None, "visit_check": None,
})
db.close()
"""


def log_argv(ctx: Context, name: str) -> list[str]:
    """`reconnect log ...` on a fresh copy of the heavy data, named `name` in the run."""
    folder = ctx.heavy_copy(name)
    return [reconnect_script(), "--data-dir", str(folder), "log", *LOG_ARGS, "--comfort", "3"]


def log_pairs(ctx: Context, runs: int) -> tuple[list[float], list[float], list[float]]:
    """reconnect log, stock TinyDB, and importing the code log runs (LOADS), timed in
    rounds (one uncounted warm-up round first)."""
    ours_argv = log_argv(ctx, "log")
    stock_folder = ctx.heavy_copy("log-stock")
    env = app_env(ctx)
    stock_argv = [sys.executable, "-c", STOCK_INSERT, str(stock_folder / DATA_FILE_NAME)]
    import_argv = [sys.executable, "-c", LOADS]
    for argv in (ours_argv, stock_argv, import_argv):
        time_process(argv, env)
    ours, stock = interleaved(
        lambda: time_process(ours_argv, env), lambda: time_process(stock_argv, env), runs
    )
    imports = [time_process(import_argv, env) for _ in range(runs)]
    return ours, stock, imports


def jrnl_pairs(ctx: Context, jrnl: str, runs: int) -> tuple[list[float], list[float]]:
    """reconnect log and jrnl adding one entry, interleaved as the stock TinyDB pairs are
    (one uncounted warm-up round first). Raises JrnlFailed if jrnl fails or hangs."""
    ours_argv = log_argv(ctx, "log-jrnl")
    env = app_env(ctx)
    theirs_env = jrnl_env(ctx)
    theirs_argv = jrnl_argv(ctx, jrnl, theirs_env)
    time_process(ours_argv, env)
    time_jrnl(theirs_argv, theirs_env)
    return interleaved(
        lambda: time_process(ours_argv, env), lambda: time_jrnl(theirs_argv, theirs_env), runs
    )


def jrnl_result(ctx: Context, jrnl: str, runs: int) -> Result:
    ours, theirs = jrnl_pairs(ctx, jrnl, runs)
    return Result(
        f"reconnect log ... vs jrnl adding one entry ({ENTRIES:,} entries)",
        statistics.median(ours) * 1000,
        statistics.median(theirs) * 1000,
        "ms",
        "— (an optional reference, shown for reading)",
        None,
        paired=pair_ratio(ours, theirs),
    )


def log_command(ctx: Context) -> list[Result]:
    runs = max(5, ctx.runs // 2)
    ours, stock, imports = log_pairs(ctx, runs)
    stock_ratio = pair_ratio(ours, stock)
    # The import reference ran after the pairs; its ratio is of medians.
    import_ratio = statistics.median(ours) / statistics.median(imports)
    results = [
        Result(
            "reconnect log ... as a process (console script)",
            statistics.median(ours) * 1000,
            statistics.median(stock) * 1000,
            "ms",
            ">= 3× faster than a stock TinyDB one-insert process",
            stock_ratio <= 1 / 3,
            paired=stock_ratio,
            key="log",
        ),
        Result(
            "reconnect log ... vs loading the code it runs (python -c 'import ...')",
            statistics.median(ours) * 1000,
            statistics.median(imports) * 1000,
            "ms",
            "<= 1.5× slower than importing what it runs",
            import_ratio <= 1.5,
        ),
    ]
    jrnl = shutil.which("jrnl")
    if jrnl is None:
        print(
            "bench: jrnl is not installed: its reference (one entry added) is skipped",
            file=sys.stderr,
        )
    else:
        try:
            results.append(jrnl_result(ctx, jrnl, runs))
        except JrnlFailed as error:
            # Optional: a jrnl that fails costs its row and a note, never the whole bench.
            print(f"bench: {error} (jrnl at {jrnl}); its reference is skipped", file=sys.stderr)
    return results


def form_save(store: Store) -> Callable[[], None]:
    """One save from the Log form, with a person, as the form calls it."""
    name = store.people.all()[0].name
    at = midnight(BENCH_TODAY).replace(hour=9)

    def save() -> None:
        connection = Connection(at=at, what="Coffee", counterpart="friend", depth=3, comfort=4)
        connections.save(store, connection, who=name)

    return save


def log_form_save(ctx: Context) -> list[Result]:
    firsts, warms = first_uses("save", ctx)
    warm = statistics.median(warms)
    store = Store.open(ctx.heavy_copy("log-form"))
    store.connections.count()  # warm, as in the app: the Log area has its data loaded
    store.people.count()
    in_process = median_seconds(form_save(store), ctx.runs)
    return [
        Result(
            "save from the Log form, with a person",
            in_process * 1000,
            None,
            "ms",
            "<= 10 ms",
            in_process * 1000 <= 10,
        ),
        Result(
            "one save in the app (warm, fresh process)",
            warm * 1000,
            None,
            "ms",
            "<= 3 ms at 5 years",
            warm * 1000 <= 3,
            key="save",
        ),
        Result(
            "first save after open vs later saves",
            statistics.median(firsts) * 1000,
            warm * 1000,
            "ms",
            "— (first use shown beside warm)",
            None,
            paired=pair_ratio(firsts, warms),
        ),
    ]
