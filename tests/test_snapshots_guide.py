"""Snapshot of the plan guide as the import form shows it (ctrl+o), at 80×24."""

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from reconnect.docs import PLAN_FORMAT
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
