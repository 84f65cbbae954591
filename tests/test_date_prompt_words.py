"""Pilot tests of the day dialog (DatePrompt): it reads the words the rest of reconnect
reads (natural_dates), suggests only words that fit its range, says each problem once
and forgets it as soon as the text reads, and names what ctrl+s does."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Button, Input, Select, Static

from reconnect.records.models import GoalStatus
from reconnect.store.store import Store
from screens.dialogs.date_prompt import DatePrompt, Picked
from screens.dialogs.log_entry import LogEntryDialog
from tests.conftest import PINNED_TODAY, wait_for

ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


async def type_day(pilot: Pilot, words: str) -> None:
    field = pilot.app.screen.query_one("#day", Input)
    field.value = ""
    await pilot.press(*words)
    await pilot.pause()


def shown_errors(prompt: DatePrompt) -> list[str]:
    """Every error line on screen, wherever it sits."""
    return [str(line.render()) for line in prompt.query(".error").results(Static) if line.display]


async def open_earlier_day(pilot: Pilot) -> DatePrompt:
    await pilot.press("b")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, DatePrompt), "the day dialog")
    assert isinstance(pilot.app.screen, DatePrompt)
    return pilot.app.screen


async def test_the_earlier_day_reads_natural_words(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(store, start_area="log")
    async with app.run_test(size=(80, 24)) as pilot:
        prompt = await open_earlier_day(pilot)
        # Nothing is saved here: the button says where it leads.
        assert str(prompt.query_one("#save", Button).label) == "Log that day (ctrl+s)"
        for words in ("last friday", "3 days ago", "mon", "2026-11-18", "today"):
            await type_day(pilot, words)
            assert shown_errors(prompt) == [], words
        await type_day(pilot, "yesterday")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, LogEntryDialog), "the Log form")
        yesterday = PINNED_TODAY - timedelta(days=1)
        assert app.screen.query_one("#day", Select).value == yesterday.isoformat()


async def test_an_error_is_shown_once_and_goes_when_the_text_reads(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(store, start_area="log")
    async with app.run_test(size=(80, 24)) as pilot:
        prompt = await open_earlier_day(pilot)
        await type_day(pilot, "")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert shown_errors(prompt) == ["⚠ a day is needed"]
        await type_day(pilot, "someday")
        (error,) = shown_errors(prompt)  # the new problem replaces the old one
        assert "'someday' is not a day" in error
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert shown_errors(prompt) == [error]  # saving says it again in the same line
        await type_day(pilot, "last friday")
        assert shown_errors(prompt) == []
        assert app.screen is prompt


async def test_the_earlier_days_hint_and_errors_suggest_days_gone_by(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(store, start_area="log")
    async with app.run_test(size=(80, 24)) as pilot:
        prompt = await open_earlier_day(pilot)
        hint = str(prompt.query_one("#day-hint", Static).render())
        assert "yesterday" in hint and "tomorrow" not in hint and "+" not in hint
        (example,) = ISO.findall(hint)
        assert date.fromisoformat(example) < PINNED_TODAY  # a day the dialog accepts
        for words in ("tomorrow", "not a day"):
            await type_day(pilot, words)
            (error,) = shown_errors(prompt)
            assert "yesterday" in error and "tomorrow" not in error.split(";")[-1], error
            assert ISO.findall(error) == [example]  # the same date as the hint's
        await type_day(pilot, example)
        assert shown_errors(prompt) == []


async def test_resting_a_goal_still_takes_plus_days_and_iso_dates(
    demo_store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(demo_store, start_area="goals")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "s")  # the book club: let it rest
        await wait_for(pilot, lambda: isinstance(app.screen, DatePrompt), "the day dialog")
        prompt = app.screen
        assert isinstance(prompt, DatePrompt)
        assert str(prompt.query_one("#save", Button).label) == "Save (ctrl+s)"
        hint = str(prompt.query_one("#day-hint", Static).render())
        assert "tomorrow" in hint and "+7" in hint and "yesterday" not in hint
        (example,) = ISO.findall(hint)
        assert date.fromisoformat(example) > PINNED_TODAY
        await type_day(pilot, "last friday")  # before today: refused, with words that fit
        (error,) = shown_errors(prompt)
        assert "a day from today on" in error and "tomorrow" in error
        assert ISO.findall(error) == [example]
        await type_day(pilot, "2026-12-01")
        assert shown_errors(prompt) == []
        await type_day(pilot, "+7")
        assert shown_errors(prompt) == []
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not isinstance(app.screen, DatePrompt), "saved")
    (book_club,) = [g for g in demo_store.goals.all() if "book club" in g.title]
    assert book_club.status is GoalStatus.PAUSED
    assert book_club.paused_until == PINNED_TODAY + timedelta(days=7)


async def test_planning_a_step_reads_iso_plus_days_and_words_ahead(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        answers: list[Picked | None] = []
        for words, day in (
            ("2026-11-28", date(2026, 11, 28)),
            ("+7", PINNED_TODAY + timedelta(days=7)),
            ("mon", date(2026, 11, 23)),  # looking ahead: the coming Monday
            ("", None),  # optional: empty clears the day
        ):
            prompt = DatePrompt(
                "Plan a day", "When?", PINNED_TODAY, label="Do it on", optional=True
            )
            app.push_screen(prompt, answers.append)
            await pilot.pause()
            await type_day(pilot, words)
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert answers[-1] == Picked(day), words


def test_a_day_that_cannot_be_ahead_reads_a_weekday_as_the_one_gone_by() -> None:
    """As the homework's "assigned on" reads it (goal_form): handed out in a session
    already held, so "mon" is the Monday just gone and a day ahead is refused."""
    from widgets.field_check import date_parser

    assigned_on = date_parser(PINNED_TODAY, latest=PINNED_TODAY)
    assert date(2026, 11, 21) == PINNED_TODAY  # a Saturday
    assert assigned_on("mon") == date(2026, 11, 16)
    assert assigned_on("today") == PINNED_TODAY
    try:
        assigned_on("tomorrow")
    except ValueError as exc:
        assert "a day up to" in str(exc)
    else:
        raise AssertionError("a day ahead was taken")
