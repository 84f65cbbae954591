"""Forms say what is wrong in plain words (reconnect/records/error_words.py), never
pydantic's own ("String should have at least 1 character"), and stop saying it once
it is fixed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.widgets import Input, Static

from reconnect.store.store import Store
from screens.dialogs.crisis_line_form import CrisisLineForm
from screens.dialogs.form_base import FIX_MARKED
from screens.dialogs.person_form import PersonForm

RAW = ("Input should", "String should", "Value error", "should have")


def _shown(app: Any, error_id: str) -> str:
    error = app.screen.query_one(f"#{error_id}", Static)
    return str(error.render()) if error.display else ""


async def test_an_empty_crisis_line_says_must_not_be_empty(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(store, start_area="settings")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        assert isinstance(app.screen, CrisisLineForm)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CrisisLineForm)
        shown = [_shown(app, "region-error"), _shown(app, "text-error")]
        assert shown == ["⚠ must not be empty", "⚠ must not be empty"]


async def test_a_date_out_of_range_in_the_person_form_is_said_plainly(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(store, start_area="people")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        assert isinstance(app.screen, PersonForm)
        dates = app.screen.query_one("#dates", Input)
        dates.value = "Birthday 32 March"
        await pilot.pause()
        said = _shown(app, "dates-error")
        assert said == '⚠ "Birthday 32 March": day: must be 31 or less'
        dates.value = "Birthday 31-12"
        await pilot.pause()
        said = _shown(app, "dates-error")
        assert "like Birthday 31 Dec" in said
        assert not any(raw in said for raw in RAW)


async def test_the_nothing_saved_line_goes_once_the_field_is_fixed(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(store, start_area="goals")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        app.screen.query_one("#title", Input).value = "Walk"
        target = app.screen.query_one("#weekly-target", Input)
        target.value = "99"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert _shown(app, "form-error") == f"⚠ {FIX_MARKED}"
        target.value = "98"  # still marked: the line stays
        await pilot.pause()
        assert _shown(app, "form-error") == f"⚠ {FIX_MARKED}"
        target.value = "1"
        await pilot.pause()
        assert _shown(app, "weekly-target-error") == ""
        assert _shown(app, "form-error") == ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.goals.count() == 1
