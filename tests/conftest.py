"""Shared fixtures. No test touches the real data or config folders."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, settings

# Fixed zone and day so times, weeks and snapshots are the same on every machine.
os.environ["TZ"] = "UTC"
time.tzset()

from reconnect.demo import generate, seed_store  # noqa: E402
from reconnect.settings import Settings  # noqa: E402
from reconnect.store.store import Store  # noqa: E402

PINNED_TODAY = date(2026, 11, 21)  # a Saturday

# Property tests: the same examples on every run (no random seed, no example database),
# so CI never fails on a case nobody can reproduce. HYPOTHESIS_PROFILE=explore for more.
settings.register_profile(
    "ci",
    derandomize=True,
    database=None,
    max_examples=40,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("explore", max_examples=1000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# The logic tests run in a zone east of UTC with daylight saving (Auckland), one west of
# it (New York), and UTC; and with weeks starting on Monday and on Sunday.
ZONES = ("UTC", "Pacific/Auckland", "America/New_York")
# Where the machine is while a test passes the user's zone explicitly: never the same
# zone, so a dropped tz argument (falling back to the machine's) shows.
AWAY = {
    "UTC": "Pacific/Auckland",
    "Pacific/Auckland": "America/New_York",
    "America/New_York": "Pacific/Auckland",
}
# The nights the clocks change in 2026, and New Year's Eve (a Thursday).
CLOCK_NIGHTS = {
    "UTC": (),
    "Pacific/Auckland": (date(2026, 4, 5), date(2026, 9, 27)),
    "America/New_York": (date(2026, 3, 8), date(2026, 11, 1)),
}
NEW_YEARS_EVE = date(2026, 12, 31)

T = TypeVar("T")


@contextlib.contextmanager
def machine_zone(name: str) -> Iterator[None]:
    """The machine's local zone (TZ) for a while; back to the one before after."""
    before = os.environ.get("TZ", "UTC")
    os.environ["TZ"] = name
    time.tzset()
    try:
        yield
    finally:
        os.environ["TZ"] = before
        time.tzset()


@pytest.fixture(params=ZONES)
def zone(request: pytest.FixtureRequest) -> Iterator[ZoneInfo]:
    """The user's zone, also the machine's for the test (back to UTC after)."""
    with machine_zone(request.param):
        yield ZoneInfo(request.param)


@pytest.fixture(params=[0, 6], ids=["monday", "sunday"])
def first_day(request: pytest.FixtureRequest) -> int:
    """The first day of the week (0 Monday, 6 Sunday), as Settings.first_day_of_week."""
    return request.param


def each_way(zone: ZoneInfo, call: Callable[[Any], T]) -> list[T]:
    """`call(tz)` as the app calls it (tz=None: the machine's zone, which is the user's)
    and with the user's zone passed while the machine is elsewhere."""
    by_machine = call(None)
    with machine_zone(AWAY[zone.key]):
        passed = call(zone)
    return [by_machine, passed]


def nights(zone: ZoneInfo) -> list[date]:
    """The days to stamp records around in `zone`: its clock changes and New Year."""
    return [*CLOCK_NIGHTS[zone.key], NEW_YEARS_EVE]


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RECONNECT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("RECONNECT_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))  # crash logs
    monkeypatch.setenv("RECONNECT_CACHE_DIR", str(tmp_path / "cache"))  # kept indexes


@pytest.fixture(autouse=True)
def no_keys_from_other_tests(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Keys unlocked in one test are not there in the next; no passphrase is given by
    the environment unless a test says so."""
    from reconnect.store.unlocked import forget_all

    monkeypatch.delenv("RECONNECT_PASSPHRASE_FILE", raising=False)
    monkeypatch.delenv("RECONNECT_NEW_PASSPHRASE_FILE", raising=False)
    yield
    forget_all()


@pytest.fixture(autouse=True)
def no_notices_from_other_tests() -> None:
    """The store's notices wait in one list for whoever shows them next: one a test left
    (a copy kept, a folder made private) must not pop up in the next test's app."""
    from reconnect.store.errors import drain_notices

    drain_notices()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path) -> Store:
    return Store.open(data_dir)


@pytest.fixture
def demo_store(data_dir: Path) -> Store:
    store = Store.open(data_dir)
    seed_store(store, generate(PINNED_TODAY, tz=UTC))
    return store


@pytest.fixture
def make_test_app() -> Callable[..., object]:
    """make_app with the pinned day and default settings; extra kwargs pass through."""
    from reconnect.app import make_app
    from reconnect.delays import IMMEDIATE

    def build(store: Store, **kwargs: object) -> object:
        kwargs.setdefault("today", PINNED_TODAY)
        kwargs.setdefault("settings", Settings())
        # No fixed waits: background work runs at once, and tests wait for it.
        kwargs.setdefault("delays", IMMEDIATE)
        return make_app(store=store, **kwargs)  # type: ignore[arg-type]

    return build


@pytest.fixture
def store_opens(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The data folders Store.open is called with from now on (the app has one Store:
    a flow that opens another shows up here)."""
    opened: list[Path] = []
    real_open = Store.open.__func__  # type: ignore[attr-defined]

    def counting_open(cls: type[Store], data_dir: Path) -> Store:
        opened.append(data_dir)
        return real_open(cls, data_dir)

    monkeypatch.setattr(Store, "open", classmethod(counting_open))
    return opened


async def steady_cursors(pilot: Any) -> None:
    """Let the app settle, then stop every text cursor on the screen blinking, so a
    snapshot never catches one mid-blink (the focused field keeps its cursor on show)."""
    from textual.widgets import Input, TextArea

    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    for field in pilot.app.screen.query("Input, TextArea").results():
        if isinstance(field, Input | TextArea):
            field.cursor_blink = False
    await pilot.pause()


async def wait_for(
    pilot: Any, ready: Callable[[], bool], what: str = "", seconds: float = 5.0
) -> None:
    """Pause until `ready()` holds (a palette search, a background job), or fail.

    No fixed waits: each round lets the app run until it is idle (a worker thread gets
    the processor meanwhile), so a fast machine goes on at once and a slow one waits.
    """
    deadline = time.monotonic() + seconds
    while not ready():
        if time.monotonic() > deadline:
            raise AssertionError(
                f"not there after {seconds}s: {what} (on show: {pilot.app.screen!r})"
            )
        await pilot.pause()
