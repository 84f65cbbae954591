"""argparse value types the commands share (standard library at import: parsers stay light)."""

from __future__ import annotations

import argparse
from datetime import date


def iso_date(text: str) -> date:
    """A date like 2026-11-21, or a one-line usage error naming what was given."""
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-11-21") from None
    from reconnect.records.clock import year_problem  # the models' one range check

    problem = year_problem(day)
    if problem:
        raise argparse.ArgumentTypeError(f"'{text}': {problem}")
    return day
