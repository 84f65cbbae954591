"""argparse value types the commands share (standard library only: parsers stay light)."""

from __future__ import annotations

import argparse
from datetime import date


def iso_date(text: str) -> date:
    """A date like 2026-11-21, or a one-line usage error naming what was given."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-11-21") from None
