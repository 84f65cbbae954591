"""The benchmark's own helpers: its command line answers --help, ratios are the
median of pair ratios, printed one way, and the jrnl reference's journal is in jrnl's
format (made here without jrnl). No timing is asserted here."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from bench.common import interleaved, pair_ratio, ratio_words
from bench.jrnl_reference import BODY_CHARS, TIMEFORMAT, config_text, journal_text

ROOT = Path(__file__).resolve().parent.parent


def test_run_help_works() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    for option in ("--quick", "--json", "--years", "--growth"):
        assert option in done.stdout


def test_pair_ratio_is_the_median_of_the_pair_ratios() -> None:
    # Pairs 2/1, 9/3, 4/4: ratios 2, 3, 1, median 2. The ratio of the medians (4/3)
    # would differ: each pair is its own ratio, so drift between pairs cancels.
    assert pair_ratio([2.0, 9.0, 4.0], [1.0, 3.0, 4.0]) == 2.0
    assert pair_ratio([1.0, 3.0], [1.0, 1.0]) == 2.0  # an even count: the middle two's mean
    assert pair_ratio([5.0], [10.0]) == 0.5


@pytest.mark.parametrize(("a", "b"), [([], []), ([1.0], []), ([1.0, 2.0], [1.0])])
def test_pair_ratio_needs_pairs(a: list[float], b: list[float]) -> None:
    with pytest.raises(ValueError):
        pair_ratio(a, b)


def test_ratios_read_one_way() -> None:
    assert ratio_words(2.1) == "2.10× slower"
    assert ratio_words(1 / 3.1) == "3.10× faster"
    assert ratio_words(1.0) == "1.00× slower"
    assert ratio_words(0.5, ("more", "less")) == "2.00× less"


def test_interleaved_alternates_which_goes_first() -> None:
    order: list[str] = []

    def a() -> float:
        order.append("a")
        return 2.0

    def b() -> float:
        order.append("b")
        return 1.0

    first, second = interleaved(a, b, 4)
    assert order == ["a", "b", "b", "a", "a", "b", "b", "a"]
    assert first == [2.0] * 4 and second == [1.0] * 4


def test_jrnl_journal_is_in_jrnls_format() -> None:
    text = journal_text(23, end=date(2026, 11, 21))
    # jrnl's file: entries parted by one blank line, one final newline.
    assert text.endswith("\n") and not text.endswith("\n\n")
    entries = text[:-1].split("\n\n")
    assert len(entries) == 23
    stamps = []
    for entry in entries:
        title, *body = entry.split("\n")
        found = re.fullmatch(r"\[(\d{4}-\d{2}-\d{2} \d{2}:\d{2})\] (\S.*)", title)
        assert found, title
        stamps.append(datetime.strptime(found.group(1), TIMEFORMAT))
        # A body of a few wrapped lines, as long as the heavy data's reflections, and
        # none that jrnl would read as the start of another entry.
        assert body and all(0 < len(line) <= 79 for line in body)
        assert not any(line.startswith("[") for line in body)
        assert BODY_CHARS - 80 <= len(" ".join(body)) <= BODY_CHARS
    # Oldest first, none at the same minute, ending on the given day: as jrnl sorts them.
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)
    assert stamps[-1].date() == date(2026, 11, 21)
    assert journal_text(23, end=date(2026, 11, 21)) == text  # seeded: the same each time


def test_jrnl_config_never_asks() -> None:
    config = config_text(Path("/tmp/a journal.txt"), "4.6")
    assert not config.startswith("{")  # jrnl would take it for a jrnl 1 config to upgrade
    for line in ('journal: "/tmp/a journal.txt"', "encrypt: false", 'editor: ""'):
        assert line in config
    assert 'version: "4.6"' in config and f'timeformat: "{TIMEFORMAT}"' in config
