"""The benchmark: python bench/run.py [--quick] [--json] [--years N] [--growth].

Each measure runs beside a reference measured in the same run, on a seeded heavy history
(5 years by default, about 11,000 connections; --years 1 or 20 for others). Processes run
as a user runs them: the installed `reconnect` console script, under a pseudo-terminal
for the app. A and B run interleaved, run by run, and a ratio is the median of the pair
ratios, so drift on a shared machine cancels. First uses are shown beside warm ones.
With jrnl on PATH, `reconnect log` is also set beside jrnl adding one entry to an
18,000-entry journal (made once, kept in bench/.cache); without it, a note says so.
Speed is measured here, never asserted in a timed test.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import Context, Result, ratio_words
from bench.encryption_measures import encrypted_log_and_start, encrypted_save, unlock_time
from bench.goals_measures import delete_a_person, goals_consistency
from bench.heavy_week import heavy_week
from bench.log_measures import log_command, log_form_save
from bench.people_measures import people_pages
from bench.progress_measures import open_progress, progress_series
from bench.reflect_measures import reflect_search
from bench.remind_measures import remind_command
from bench.serve_measures import serve_first_frame
from bench.start_measures import cold_start
from bench.store_measures import add_connection
from bench.sync_merge import sync_merge
from bench.today_measures import today_command

MEASURES: list[Callable[[Context], list[Result]]] = [
    add_connection,
    cold_start,
    log_command,
    today_command,
    log_form_save,
    remind_command,
    reflect_search,
    goals_consistency,
    delete_a_person,
    progress_series,
    open_progress,
    people_pages,
    heavy_week,
    unlock_time,
    encrypted_save,
    encrypted_log_and_start,
    sync_merge,
    serve_first_frame,
]
GROWTH_YEARS = (1, 5, 20)
# Targets across years: the figure at 20 years against the one at 1 year.
GROWTH_TARGETS = {"log": 1.3, "save": 1.5}


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def _met(met: bool | None) -> str:
    return "—" if met is None else "yes" if met else "NO"


def measure_all(runs: int, years: int, only: str = "") -> list[Result]:
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="reconnect-bench-") as work:
        ctx = Context(runs=runs, work=Path(work), years=years)
        # Measures run in this process keep their indexes in the run's folder too (the
        # processes it starts get the same through common.app_env).
        os.environ["RECONNECT_CACHE_DIR"] = str(ctx.work / "cache")
        for measure in MEASURES:
            if only in measure.__name__:
                results.extend(measure(ctx))
    return results


def print_table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)))


def print_results(results: list[Result], years: int) -> None:
    print(f"heavy data, {years} year{'s' if years != 1 else ''}")
    header = ("measure", "value", "reference", "ratio", "target", "met")
    rows = [
        (
            r.measure,
            f"{_fmt(r.value)} {r.unit}",
            "—" if r.reference is None else f"{_fmt(r.reference)} {r.unit}",
            r.ratio_text,
            r.target,
            _met(r.met),
        )
        for r in results
    ]
    print_table(header, rows)


def as_json(results: list[Result]) -> dict[str, object]:
    return {
        r.measure: {
            "value": round(r.value, 3),
            "reference": None if r.reference is None else round(r.reference, 3),
            "ratio": None if r.ratio is None else round(r.ratio, 3),
            "ratio_text": r.ratio_text,
            "unit": r.unit,
            "target": r.target,
            "met": r.met,
        }
        for r in results
    }


def print_growth(by_years: dict[int, list[Result]]) -> None:
    """How each measure grows from 1 to 20 years, and the targets across years."""
    first, last = min(by_years), max(by_years)
    print(f"growth: each measure's value at {', '.join(map(str, by_years))} years")
    header = ("measure", *(f"{y} y" for y in by_years), f"{last} y vs {first} y")
    rows = []
    columns = list(by_years.values())
    for n, result in enumerate(columns[-1]):
        values = [results[n].value for results in columns]
        growth = values[-1] / values[0] if values[0] else None
        cells = [f"{_fmt(v)} {result.unit}" for v in values]
        rows.append((result.measure, *cells, "—" if growth is None else f"{growth:.2f}×"))
    print_table(header, rows)
    print()
    rows = []
    for key, limit in GROWTH_TARGETS.items():
        small = next(r for r in by_years[first] if r.key == key)
        big = next(r for r in by_years[last] if r.key == key)
        ratio = big.value / small.value
        rows.append(
            (
                f"{small.measure}: {last} y vs {first} y",
                ratio_words(ratio),
                f"<= {limit}× slower than at {first} year",
                _met(ratio <= limit),
            )
        )
    print_table(("measure", "ratio", "target", "met"), rows)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="fewer runs")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--years",
        type=int,
        default=5,
        metavar="N",
        help="years of heavy data (1, 5, 20; made once, kept in bench/.cache); default 5",
    )
    parser.add_argument(
        "--only",
        default="",
        metavar="TEXT",
        help="run only the measures whose function name holds TEXT (e.g. encrypt)",
    )
    parser.add_argument(
        "--growth",
        action="store_true",
        help=f"run every measure at {', '.join(map(str, GROWTH_YEARS))} years and print "
        "how each grows (slow)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.years < 1:
        raise SystemExit("bench: --years must be at least 1")
    runs = 5 if args.quick else 15
    if args.growth:
        by_years = {years: measure_all(runs, years, args.only) for years in GROWTH_YEARS}
        if args.json:
            print(json.dumps({f"{y} years": as_json(r) for y, r in by_years.items()}, indent=2))
            return 0
        for years, results in by_years.items():
            print_results(results, years)
            print()
        print_growth(by_years)
        return 0
    results = measure_all(runs, args.years, args.only)
    if args.json:
        print(json.dumps(as_json(results), indent=2))
        return 0
    print_results(results, args.years)
    return 0


if __name__ == "__main__":
    sys.exit(main())
