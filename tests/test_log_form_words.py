"""The Log form's When: the time box reads words as `reconnect log --at` does (one
parser, reconnect/logic/natural_dates.py), and says which day they mean."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest
from textual.widgets import Input, Select, Static

from reconnect.logic.connection_form import is_phrase, moment_of, moment_words
from reconnect.logic.weeks import at_local
from reconnect.store.store import Store
from screens.areas.log import LogScreen
from tests.test_log_screen import fill

TODAY = date(2026, 11, 21)  # a Saturday
NOW = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)


def _message(app: Any) -> str:
    static = app.screen.query_one("#clock-error", Static)
    return str(static.render()) if static.display else ""


@pytest.mark.parametrize(
    ("words", "day", "clock"),
    [
        ("yesterday 18:00", date(2026, 11, 20), time(18, 0)),
        ("mon", date(2026, 11, 16), time(12, 0)),
        ("last friday evening", date(2026, 11, 20), time(18, 0)),
        ("2 days ago", date(2026, 11, 19), time(12, 0)),
    ],
)
def test_words_bring_their_own_day(words: str, day: date, clock: time) -> None:
    # The day chosen in the list is today; the words win.
    assert moment_of(TODAY, words, TODAY, now=NOW) == at_local(day, clock)
    assert is_phrase(words)


def test_times_read_as_before_and_words_it_cannot_read_say_so() -> None:
    assert not is_phrase("18:30") and not is_phrase("18:") and not is_phrase("")
    assert moment_of(TODAY - timedelta(days=1), "9:05", TODAY, now=NOW) == at_local(
        TODAY - timedelta(days=1), time(9, 5)
    )
    with pytest.raises(ValueError, match="like 18:30"):
        moment_of(TODAY, "25:00", TODAY, now=NOW)
    with pytest.raises(ValueError, match="not a date or time reconnect can read; try yesterday"):
        moment_of(TODAY, "someday", TODAY, now=NOW)
    with pytest.raises(ValueError, match="later than now"):
        moment_of(TODAY, "tomorrow", TODAY, now=NOW)


def test_what_words_mean_in_words() -> None:
    assert moment_words(datetime(2026, 11, 20, 18, 0)) == "Fri 20 Nov, 18:00"


async def test_typing_words_in_the_form_saves_that_moment(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(store, start_area="log")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        await fill(pilot, "Coffee with Ana", "friend", 3, 4)
        app.screen.query_one("#clock", Input).focus()
        await pilot.press(*"yesterday 18:00")
        await pilot.pause()
        assert _message(app) == "means Fri 20 Nov, 18:00"
        assert app.screen.query_one("#day", Select).value == "2026-11-20"  # the list follows
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LogScreen)
        (saved,) = store.connections.all()
        assert saved.at.astimezone().replace(tzinfo=None) == datetime(2026, 11, 20, 18, 0)


async def test_words_it_cannot_read_keep_the_form_open(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(store, start_area="log")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        await fill(pilot, "Wave", "neighbour", 1, 3)
        app.screen.query_one("#clock", Input).focus()
        await pilot.press(*"someday")
        await pilot.pause()
        assert "try yesterday 18:00" in _message(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, LogScreen)
        assert store.connections.count() == 0


def test_docs_reads_without_validating(store: Store) -> None:
    from reconnect.records.models import CheckIn

    assert store.checkins.docs() == []
    at = datetime(2026, 11, 19, 9, 0, tzinfo=UTC)
    saved = store.checkins.add(
        CheckIn(week=date(2026, 11, 16), at=at, lack_companionship=1, left_out=2, isolated=1)
    )
    (doc,) = store.checkins.docs()
    assert doc["id"] == saved.id and doc["week"] == "2026-11-16" and doc["left_out"] == 2
