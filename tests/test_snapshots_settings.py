"""Snapshots of Settings at 80×24 and 120×36, with its files in one fixed place so the
paths it lists are the same on every machine."""

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reconnect.settings import ResourceSetting, Settings
from reconnect.store.store import Store

SIZES = [(80, 24), (120, 36)]
FIXED = Path("/tmp/reconnect-snapshot")


@pytest.fixture
def fixed_store(monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    shutil.rmtree(FIXED, ignore_errors=True)
    monkeypatch.setenv("RECONNECT_CONFIG_DIR", str(FIXED / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(FIXED / "state"))
    monkeypatch.delenv("RECONNECT_DATA_DIR")  # as a person starts it: no override
    yield Store.open(FIXED / "data")
    shutil.rmtree(FIXED, ignore_errors=True)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
def test_settings(snap_compare, fixed_store: Store, make_test_app: Callable, size) -> None:
    app = make_test_app(fixed_store, start_area="settings")
    assert snap_compare(app, terminal_size=size)


def test_a_new_crisis_line(snap_compare, fixed_store: Store, make_test_app: Callable) -> None:
    app = make_test_app(fixed_store, start_area="settings")
    assert snap_compare(app, press=["a", *"New Zealand"], terminal_size=(80, 24))


def test_help_with_my_own_resource(
    snap_compare, fixed_store: Store, make_test_app: Callable
) -> None:
    own = [ResourceSetting(name="Dr Ana Ruiz", reach="Call 555 0134, weekdays")]
    app = make_test_app(fixed_store, start_area="log", settings=Settings(resources=own))
    assert snap_compare(app, press=["question_mark"], terminal_size=(80, 24))
