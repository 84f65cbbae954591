"""Adding one connection: our store vs. stock TinyDB JSONStorage on the same data."""

from __future__ import annotations

import orjson
from tinydb import TinyDB
from tinydb.storages import JSONStorage

from bench.common import BENCH_TODAY, Context, Result, median_seconds
from reconnect.logic.weeks import midnight
from reconnect.records.models import Connection
from reconnect.store.store import DATA_FILE_NAME, Store


def _connection(n: int) -> Connection:
    return Connection(
        at=midnight(BENCH_TODAY).replace(hour=9),
        what=f"Said hi {n}",
        counterpart="neighbour",
        depth=1,
        comfort=3,
    )


def add_connection(ctx: Context) -> list[Result]:
    folder = ctx.heavy_copy("add")
    store = Store.open(folder)
    store.connections.count()  # warm: the app has its data loaded when the user saves
    counter = iter(range(10**9))
    ours = median_seconds(lambda: store.connections.add(_connection(next(counter))), ctx.runs)

    stock_folder = ctx.heavy_copy("stock")
    stock = TinyDB(stock_folder / DATA_FILE_NAME, storage=JSONStorage)
    table = stock.table("connections")
    doc = orjson.loads(_connection(0).model_dump_json())
    reference = median_seconds(lambda: table.insert(dict(doc)), max(3, ctx.runs // 3))
    stock.close()
    return [
        Result(
            "add one connection (heavy data)",
            ours * 1000,
            reference * 1000,
            "ms",
            "<= 10 ms and >= 6x faster",
            ours * 1000 <= 10 and reference / ours >= 6,
        )
    ]
