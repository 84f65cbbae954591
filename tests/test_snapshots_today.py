"""Snapshots of Today and Help at 80×24 and 120×36 on a pinned day."""

from collections.abc import Callable

import pytest

from reconnect.store.store import Store

SIZES = [(80, 24), (120, 36)]


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
def test_today_empty(snap_compare, store: Store, make_test_app: Callable, size) -> None:
    assert snap_compare(make_test_app(store), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
def test_today_demo(snap_compare, demo_store: Store, make_test_app: Callable, size) -> None:
    assert snap_compare(make_test_app(demo_store), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
def test_help(snap_compare, demo_store: Store, make_test_app: Callable, size) -> None:
    assert snap_compare(make_test_app(demo_store), press=["f1"], terminal_size=size)
