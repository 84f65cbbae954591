"""`reconnect log` as a whole process, and the form's save (the store call), on the heavy
5-year data."""

from __future__ import annotations

import statistics

from bench.common import BENCH_TODAY, Context, Result, median_seconds, run_process
from reconnect.logic import connections
from reconnect.logic.weeks import midnight
from reconnect.records.models import Connection
from reconnect.store.store import Store

LOG_ARGS = ["Said hi to the neighbour", "--counterpart", "neighbour", "--depth", "1"]


def _process_seconds(args: list[str], runs: int) -> float:
    return statistics.median(run_process(args)[0] for _ in range(runs))


def log_command(ctx: Context) -> list[Result]:
    folder = ctx.heavy_copy("log")
    runs = max(3, ctx.runs // 2)
    reference = _process_seconds(["-c", "import reconnect"], runs)
    ours = _process_seconds(
        ["-m", "reconnect", "--data-dir", str(folder), "log", *LOG_ARGS, "--comfort", "3"], runs
    )
    return [
        Result(
            "reconnect log ... as a process (heavy data)",
            ours * 1000,
            reference * 1000,
            "ms",
            "<= 1.5x python -c 'import reconnect'",
            ours <= 1.5 * reference,
        )
    ]


def log_form_save(ctx: Context) -> list[Result]:
    store = Store.open(ctx.heavy_copy("log-form"))
    store.connections.count()  # warm, as in the app: the Log area has its data loaded
    store.people.count()
    name = store.people.all()[0].name
    at = midnight(BENCH_TODAY).replace(hour=9)

    def save() -> None:
        connection = Connection(at=at, what="Coffee", counterpart="friend", depth=3, comfort=4)
        connections.save(store, connection, who=name)

    ours = median_seconds(save, ctx.runs)
    return [
        Result(
            "save from the Log form, with a person (heavy data)",
            ours * 1000,
            None,
            "ms",
            "<= 10 ms",
            ours * 1000 <= 10,
        )
    ]
