"""The sync bench's helper runs (on one year, once): bench/sync_merge.py."""

from __future__ import annotations

from pathlib import Path

from bench.sync_merge import time_merge


def test_the_merge_bench_merges_a_copy_of_two_changed_devices(tmp_path: Path) -> None:
    assert time_merge(tmp_path, years=1, runs=1) > 0
