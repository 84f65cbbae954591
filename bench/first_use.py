"""One fresh process: the first use of something beside its warm uses, printed as JSON.

    python bench/first_use.py save|series|series-cold|open DATA_FOLDER

save: the first Log form save after Store.open (the app's loads done) and later saves;
series: the first call of every Progress series once what Today shows is read (as
the app is when Progress opens), then warm calls; series-cold: the same on a store
nothing has read yet (all its first costs included);
open: opening Progress in a fresh process (a new app until painted), then a second time
in the same process. Run through first_uses in bench/common.py.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

WARM_RUNS = 5


def _timed(func: Callable[[], object]) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def main() -> None:
    kind, folder = sys.argv[1], Path(sys.argv[2])
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")  # as reconnect's main does
    from reconnect.store.store import Store

    store = Store.open(folder)
    if kind == "save":
        from bench.log_measures import form_save

        store.connections.count()  # as in the app: the Log area has its data loaded
        store.people.count()
        save = form_save(store)
        first = _timed(save)
        warm = [_timed(save) for _ in range(WARM_RUNS)]
    elif kind in ("series", "series-cold"):
        from bench.progress_measures import series

        if kind == "series":  # as in the app: Today has read what it shows
            store.connections.count()
            store.checkins.all()
            store.goals.all()
            store.people.all()
        first = _timed(lambda: series(store))
        warm = [_timed(lambda: series(store)) for _ in range(WARM_RUNS)]
    elif kind == "open":
        from bench.progress_measures import open_once

        store.connections.count()
        first = asyncio.run(open_once(store))
        warm = [asyncio.run(open_once(store))]
    else:
        raise SystemExit(f"unknown kind {kind!r}")
    print(json.dumps({"first": first, "warm": warm}))


if __name__ == "__main__":
    main()
