"""A key the footer (or a form's buttons) shows works wherever it is shown: in every area
and form, each ctrl and function key on show is pressed with each text field focused
(Input, TextArea, Select, OptionList), and the action it names must be the one that runs.
Single letters aside: those belong to the text being typed."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, OptionList, Select, TextArea

from reconnect.areas import AREAS
from reconnect.records.models import Counterpart, Homework, Step
from reconnect.store.store import Store
from screens.dialogs.checkin import CheckInScreen
from screens.dialogs.date_prompt import DatePrompt
from screens.dialogs.export_form import ExportForm
from screens.dialogs.goal_form import GoalForm
from screens.dialogs.homework_review import HomeworkReview
from screens.dialogs.import_form import ImportForm
from screens.dialogs.log_entry import LogEntryDialog
from screens.dialogs.person_form import PersonForm
from screens.dialogs.step_done import StepDoneForm
from screens.dialogs.step_form import StepForm
from tests.conftest import PINNED_TODAY

CONTROL_KEY = re.compile(r"^(ctrl\+.+|f\d+)$")
TEXT_FIELDS = (Input, TextArea, Select, OptionList)
AREA_NAMES = [area.name for area in AREAS]  # a new area is checked too

FORMS: dict[str, Callable[[], Screen[Any]]] = {
    "log entry": LogEntryDialog,
    "person": lambda: PersonForm(PINNED_TODAY),
    "goal": lambda: GoalForm([], PINNED_TODAY),
    "step": lambda: StepForm(PINNED_TODAY, "Say hello to a neighbour"),
    "step done": lambda: StepDoneForm(Step(title="Say hi"), Counterpart.FRIEND, None),
    "date": lambda: DatePrompt("Plan a day", "When?", PINNED_TODAY, label="Do it on"),
    "homework": lambda: HomeworkReview(
        Homework(assigned_on=date(2026, 11, 18)), "Go to the Thursday book club"
    ),
    "check-in": lambda: CheckInScreen(date(2026, 11, 16)),
    "export": lambda: ExportForm(PINNED_TODAY),
    "import": lambda: ImportForm(None),
}


def _shown_keys(screen: Screen[Any]) -> dict[str, tuple[str, object]]:
    """The ctrl and F keys the screen shows, with the action and the node each names,
    as they are with no field focused."""
    screen.set_focus(None)
    return {
        key: _resolved(active.binding.action, active.node)
        for key, active in screen.active_bindings.items()
        if active.binding.show and active.enabled and CONTROL_KEY.match(key)
    }


def _resolved(action: str, node: object) -> tuple[str, object]:
    """ "app.help" bound on a dialog is the app's "help"."""
    if action.startswith("app.") and isinstance(node, Widget | Screen):
        return action.removeprefix("app."), node.app
    return action, node


def _fields(screen: Screen[Any]) -> list[Widget]:
    return [
        w
        for w in screen.query("*").results()
        if isinstance(w, TEXT_FIELDS) and w.focusable and not isinstance(w.parent, Select)
    ]


async def _press_each_key_in_each_field(
    pilot: Any, screen: Screen[Any], fields: list[Widget] | None = None
) -> list[str]:
    """Where a shown key ran something else (or nothing): 'field: key' lines. `fields`
    are the widgets to focus in turn (the screen's text fields unless given)."""
    app = pilot.app
    keys = _shown_keys(screen)
    ran: list[tuple[str, object]] = []

    async def record(action: str, default_namespace: object = None) -> bool:
        ran.append(_resolved(action, default_namespace))
        return True  # only which action a key reaches is tested, not what it does

    app.run_action = record
    missed: list[str] = []
    fields = _fields(screen) if fields is None else fields
    assert fields, f"{screen!r} has nothing to focus"
    for field in fields:
        field.focus()
        await pilot.pause()
        for key, expected in keys.items():
            ran.clear()
            await pilot.press(key)
            if not ran or ran[0] != expected:
                missed.append(f"{field!r}: {key} ran {ran[:1]} instead of {expected[0]}")
    return missed


@pytest.mark.parametrize("area", AREA_NAMES)
async def test_every_shown_key_works_with_a_field_focused_in_each_area(
    demo_store: Store, make_test_app: Callable[..., Any], area: str
) -> None:
    app = make_test_app(demo_store, start_area=area)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        if area == "reflect":
            screen.query_one("#reflect-tabs").active = "history"  # its search and filters too
            await pilot.pause()
        # An area with no text field: each widget that takes focus, in turn.
        fields = _fields(screen) or [w for w in screen.query("*").results() if w.focusable]
        assert await _press_each_key_in_each_field(pilot, screen, fields) == []


@pytest.mark.parametrize("form", list(FORMS))
async def test_every_shown_key_works_with_a_field_focused_in_each_form(
    store: Store, make_test_app: Callable[..., Any], form: str
) -> None:
    app = make_test_app(store)
    async with app.run_test(size=(100, 40)) as pilot:
        app.push_screen(FORMS[form]())
        await pilot.pause()
        assert await _press_each_key_in_each_field(pilot, app.screen) == []


@pytest.mark.parametrize("field", ["#helped", "#next_step"])
async def test_ctrl_e_opens_the_export_from_a_review_answer(
    demo_store: Store, make_test_app: Callable[..., Any], field: str
) -> None:
    app = make_test_app(demo_store, start_area="review")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        answer = app.screen.query_one(field, Input)
        answer.focus()
        await pilot.press(*"Tea", "ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, ExportForm)
        assert answer.value.endswith("Tea")  # the words stay as typed


@pytest.mark.parametrize("form", list(FORMS))
async def test_f1_opens_the_help_from_a_text_field_in_each_form(
    store: Store, make_test_app: Callable[..., Any], form: str
) -> None:
    from screens.dialogs.help import HelpScreen

    app = make_test_app(store)
    async with app.run_test(size=(100, 40)) as pilot:
        app.push_screen(FORMS[form]())
        await pilot.pause()
        dialog = app.screen
        _fields(dialog)[0].focus()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("f1")  # and closes it again, back to the form
        await pilot.pause()
        assert app.screen is dialog


@pytest.mark.parametrize("area", AREA_NAMES)
async def test_the_area_keys_of_the_bar_open_their_area_from_every_area(
    store: Store, make_test_app: Callable[..., Any], area: str
) -> None:
    """The bar at the top shows "g Goals" on every area: no area may take g for itself."""
    app = make_test_app(store, start_area=area)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.set_focus(None)
        taken = {
            key: active.binding.action
            for key, active in screen.active_bindings.items()
            if key in {a.key for a in AREAS} and active.node is not app
        }
        assert taken == {}
