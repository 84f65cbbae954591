"""Snapshots of the packaged pages at 80×24: the plan guide as the import form shows it
(ctrl+o), and why this matters as Help shows it (y)."""

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from reconnect.docs import PLAN_FORMAT, WHY_PAGE
from reconnect.store.store import Store

FIXED = Path("/tmp/reconnect-snapshot-guide")


def test_plan_guide(
    snap_compare, store: Store, make_test_app: Callable, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The guide from a fixed place: the path it names is the same on every machine.
    FIXED.mkdir(exist_ok=True)
    guide = FIXED / PLAN_FORMAT.name
    shutil.copyfile(PLAN_FORMAT, guide)
    monkeypatch.setattr("screens.dialogs.import_form.PLAN_FORMAT", guide)
    app = make_test_app(store, start_area="goals")
    assert snap_compare(app, press=["i", "ctrl+o"], terminal_size=(80, 24))


def test_why_page_from_help(
    snap_compare, store: Store, make_test_app: Callable, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Help opens the page it finds in reconnect.docs when y is pressed: point it at a copy.
    FIXED.mkdir(exist_ok=True)
    page = FIXED / WHY_PAGE.name
    shutil.copyfile(WHY_PAGE, page)
    monkeypatch.setattr("reconnect.docs.WHY_PAGE", page)
    app = make_test_app(store, start_area="log")
    assert snap_compare(app, press=["question_mark", "y"], terminal_size=(80, 24))
