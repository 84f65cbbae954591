"""The benchmark: python bench/run.py [--quick] [--json].

Each measure is the median of several runs beside a reference measured in the same run,
on a seeded heavy 5-year history (about 11,000 connections). Speed is measured here,
never asserted in a timed test.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import Context, Result
from bench.goals_measures import delete_a_person, goals_consistency
from bench.log_measures import log_command, log_form_save
from bench.progress_measures import open_progress, progress_series
from bench.reflect_measures import reflect_search
from bench.start_measures import cold_start
from bench.store_measures import add_connection

MEASURES: list[Callable[[Context], list[Result]]] = [
    add_connection,
    cold_start,
    log_command,
    log_form_save,
    reflect_search,
    goals_consistency,
    delete_a_person,
    progress_series,
    open_progress,
]


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer runs")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="reconnect-bench-") as work:
        ctx = Context(runs=5 if args.quick else 15, work=Path(work))
        for measure in MEASURES:
            results.extend(measure(ctx))
    if args.json:
        print(
            json.dumps(
                {
                    r.measure: {
                        "value": round(r.value, 3),
                        "reference": None if r.reference is None else round(r.reference, 3),
                        "ratio": None if r.ratio is None else round(r.ratio, 3),
                        "unit": r.unit,
                        "target": r.target,
                        "met": r.met,
                    }
                    for r in results
                },
                indent=2,
            )
        )
        return 0
    header = ("measure", "value", "reference", "ratio", "target", "met")
    rows = [
        (
            r.measure,
            f"{_fmt(r.value)} {r.unit}",
            f"{_fmt(r.reference)} {r.unit}",
            _fmt(r.ratio),
            r.target,
            "yes" if r.met else "NO",
        )
        for r in results
    ]
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
