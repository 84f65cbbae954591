"""Snapshots of Progress (12 and 52 weeks) at 80×24 and 120×36 on demo data."""

from collections.abc import Callable

import pytest

from reconnect.store.store import Store

SIZES = [(80, 24), (120, 36)]
IDS = ["80x24", "120x36"]


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_progress_12_weeks(snap_compare, demo_store: Store, make_test_app: Callable, size) -> None:
    app = make_test_app(demo_store, start_area="progress")
    assert snap_compare(app, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_progress_52_weeks(snap_compare, demo_store: Store, make_test_app: Callable, size) -> None:
    app = make_test_app(demo_store, start_area="progress")
    assert snap_compare(app, terminal_size=size, press=["right_square_bracket"] * 2)


def test_progress_light_theme(snap_compare, demo_store: Store, make_test_app: Callable) -> None:
    from reconnect.settings import Settings

    app = make_test_app(demo_store, start_area="progress", settings=Settings(theme="textual-light"))
    assert snap_compare(app, terminal_size=(120, 36))


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_progress_year_of_days(
    snap_compare, demo_store: Store, make_test_app: Callable, size
) -> None:
    # y: to the year of days, the cursor on today; two weeks back and a day up.
    app = make_test_app(demo_store, start_area="progress")
    assert snap_compare(app, terminal_size=size, press=["y", "left", "left", "up"])
