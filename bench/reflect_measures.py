"""Reflect on the heavy history (about 1,800 reflections): a search keystroke and the
pattern chart, against searching the naive way (re-validating every record per key)."""

from __future__ import annotations

from pydantic import TypeAdapter

from bench.common import BENCH_TODAY, Context, Result, median_seconds
from reconnect.logic.patterns import pattern_frequencies
from reconnect.logic.search import ReflectionFilter, ReflectionIndex
from reconnect.records.models import Reflection
from reconnect.store.store import Store

QUERY = ReflectionFilter(text="maya walk")


def reflect_search(ctx: Context) -> list[Result]:
    store = Store.open(ctx.heavy_copy("reflect"))
    records = store.reflections.all()  # loaded once when the area opens
    raw = [r.model_dump(mode="json") for r in records]
    adapter = TypeAdapter(list[Reflection])

    def naive() -> object:
        fresh = adapter.validate_python(raw)
        words = QUERY.text.casefold().split()
        return [r for r in fresh if all(w in (r.body + r.avoided).casefold() for w in words)]

    index = ReflectionIndex(records)
    build = median_seconds(lambda: ReflectionIndex(records), ctx.runs)
    keystroke = median_seconds(lambda: index.matching(QUERY), ctx.runs)
    reference = median_seconds(naive, max(3, ctx.runs // 3))
    chart = median_seconds(lambda: pattern_frequencies(records, BENCH_TODAY, 52), ctx.runs)
    return [
        Result(
            f"reflect search keystroke ({len(records):,} reflections)",
            keystroke * 1000,
            reference * 1000,
            "ms",
            "<= 5 ms and >= 5x faster",
            keystroke * 1000 <= 5 and reference / keystroke >= 5,
        ),
        Result(
            "reflect search index build",
            build * 1000,
            None,
            "ms",
            "<= 30 ms",
            build * 1000 <= 30,
        ),
        Result(
            "pattern chart, 52 weeks",
            chart * 1000,
            None,
            "ms",
            "<= 16 ms",
            chart * 1000 <= 16,
        ),
    ]
