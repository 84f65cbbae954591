"""Snapshots at 80×24 of the community guide (j in Goals) and of what to expect at a
group, as the guide shows it (h)."""

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from reconnect.docs import FIRST_GROUP_PAGE
from reconnect.store.store import Store

FIXED = Path("/tmp/reconnect-snapshot-guide")


def test_community_guide(snap_compare, demo_store: Store, make_test_app: Callable) -> None:
    app = make_test_app(demo_store, start_area="goals")
    assert snap_compare(app, press=["j", "down"], terminal_size=(80, 24))


def test_what_to_expect_from_the_guide(
    snap_compare, store: Store, make_test_app: Callable, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The page from a fixed place: the path it names is the same on every machine.
    FIXED.mkdir(exist_ok=True)
    page = FIXED / FIRST_GROUP_PAGE.name
    shutil.copyfile(FIRST_GROUP_PAGE, page)
    monkeypatch.setattr("reconnect.docs.FIRST_GROUP_PAGE", page)
    app = make_test_app(store, start_area="goals")
    assert snap_compare(app, press=["j", "h"], terminal_size=(80, 24))
