"""Snapshots of Review (the last full week) and the check-in at 80×24 and 120×36."""

from collections.abc import Callable

import pytest

from reconnect.store.store import Store

SIZES = [(80, 24), (120, 36)]
IDS = ["80x24", "120x36"]


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_review_demo(snap_compare, demo_store: Store, make_test_app: Callable, size) -> None:
    app = make_test_app(demo_store, start_area="review")
    assert snap_compare(app, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_checkin_form(snap_compare, demo_store: Store, make_test_app: Callable, size) -> None:
    assert snap_compare(make_test_app(demo_store), terminal_size=size, press=["c"])
