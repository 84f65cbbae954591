"""Nothing typed is lost: esc and ctrl+q on a filled form ask (Keep editing / Save /
Discard), an untouched form closes at once, and a write the disk refuses keeps the form
open with its words and a reason, losing no record."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest
from textual.widgets import Checkbox, Static

from reconnect.records.models import Circle, Goal, Person, Step
from reconnect.store.store import Store
from screens.areas.goal_detail import GoalScreen
from screens.dialogs.form_base import WordsScreen
from screens.dialogs.unsaved import UnsavedDialog
from widgets.scale_picker import ScalePicker

_AT = datetime(2026, 11, 1, 9, tzinfo=UTC)
WORDS = "Words I typed"


def _goal_with_a_step(store: Store) -> Goal:
    return store.goals.add(
        Goal(created_at=_AT, title="See Maya", steps=[Step(title="Text her", difficulty=1)])
    )


def notices(app: Any) -> list[str]:
    """Every message app.notify is asked to show from now on (shown as usual too)."""
    said: list[str] = []
    shown = app.notify

    def notify(message: str, *args: Any, **kwargs: Any) -> None:
        said.append(message)
        shown(message, *args, **kwargs)

    app.notify = notify
    return said


@dataclass(frozen=True)
class Form:
    """How to open one form, fill it (with WORDS) so it can be saved, and see it saved."""

    area: str
    keys: tuple[str, ...]
    fill: Callable[[Any], None]
    saved: Callable[[Store], bool]
    on_goal: bool = False  # opened from a goal's screen

    def __str__(self) -> str:
        return self.keys[0]


def _set(screen: Any, **values: object) -> None:
    for field_id, value in values.items():
        screen.query_one(f"#{field_id.replace('_', '-')}").value = value


def _fill_log(screen: Any) -> None:
    _set(screen, what=WORDS, counterpart="friend")
    screen.query_one("#depth", ScalePicker).value = 2
    screen.query_one("#comfort", ScalePicker).value = 3


def _fill_checkin(screen: Any) -> None:
    for item in ("lack_companionship", "left_out", "isolated"):
        screen.query_one(f"#{item}", ScalePicker).value = 1
    _set(screen, note=WORDS)


FORMS = {
    "log": Form("log", ("a",), _fill_log, lambda s: s.connections.count() == 1),
    "goal": Form("goals", ("n",), lambda f: _set(f, title=WORDS), lambda s: s.goals.count() == 1),
    "person": Form(
        "people",
        ("n",),
        lambda f: _set(f, name=WORDS),
        lambda s: any(p.name == WORDS for p in s.people.all()),
    ),
    "step": Form(
        "goals",
        ("a",),
        lambda f: _set(f, title=WORDS, difficulty=2, predicted=5),
        lambda s: [st.title for st in s.goals.all()[0].steps] == ["Text her", WORDS],
        on_goal=True,
    ),
    "step-done": Form(
        "goals",
        ("c",),
        lambda f: _set(f, actual=3, step_note=WORDS),
        lambda s: s.goals.all()[0].steps[0].note == WORDS,
        on_goal=True,
    ),
    "checkin": Form("today", ("c",), _fill_checkin, lambda s: s.checkins.count() == 1),
}


def _untick_log_it(screen: Any) -> None:
    if screen.query("#log-it"):
        screen.query_one("#log-it", Checkbox).value = False


async def _open(pilot: Any, store: Store, form: Form) -> Any:
    if form.on_goal:
        pilot.app.push_screen(GoalScreen(store.goals.all()[0].id))
        await pilot.pause()
    await pilot.press(*form.keys)
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, WordsScreen), screen
    return screen


def _start(store: Store, form: Form, make_test_app: Callable[..., Any]) -> Any:
    # Someone already in People: a failed write must not lose them.
    store.people.add(Person(name="Already here", circle=Circle.FRIEND, created_at=_AT))
    if form.on_goal:
        _goal_with_a_step(store)
    return make_test_app(store, start_area=form.area)


def _nothing_saved(store: Store, form: Form) -> bool:
    store.refresh()
    return not form.saved(store)


@pytest.fixture(params=list(FORMS), ids=str)
def form(request: pytest.FixtureRequest) -> Form:
    return FORMS[request.param]


async def test_esc_on_a_filled_form_asks_and_keep_editing_keeps_the_words(
    store: Store, make_test_app: Callable[..., Any], form: Form
) -> None:
    app = _start(store, form, make_test_app)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(pilot, store, form)
        form.fill(screen)
        await pilot.pause()
        await pilot.press("escape")
        assert isinstance(app.screen, UnsavedDialog)
        assert app.screen.focused is not None and app.screen.focused.id == "keep"
        await pilot.press("escape")  # esc in the question: keep editing
        assert app.screen is screen and screen.has_typed_words()
        await pilot.press("escape", "enter")  # enter on the focused Keep editing
        assert app.screen is screen and screen.has_typed_words()
        await pilot.press("escape", "d")
        await pilot.pause()
        assert not isinstance(app.screen, WordsScreen | UnsavedDialog)
    assert _nothing_saved(store, form)


async def test_save_in_the_question_saves(
    store: Store, make_test_app: Callable[..., Any], form: Form
) -> None:
    app = _start(store, form, make_test_app)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(pilot, store, form)
        form.fill(screen)
        _untick_log_it(screen)
        await pilot.pause()
        await pilot.press("escape", "s")
        await pilot.pause()
        assert app.screen is not screen
    store.refresh()
    assert form.saved(store)


async def test_an_untouched_form_closes_at_once(
    store: Store, make_test_app: Callable[..., Any], form: Form
) -> None:
    app = _start(store, form, make_test_app)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(pilot, store, form)
        assert not screen.has_typed_words()
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, WordsScreen | UnsavedDialog)


async def test_ctrl_q_on_a_filled_form_asks_before_quitting(
    store: Store, make_test_app: Callable[..., Any], form: Form
) -> None:
    app = _start(store, form, make_test_app)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(pilot, store, form)
        form.fill(screen)
        _untick_log_it(screen)
        await pilot.pause()
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, UnsavedDialog)
        await pilot.press("escape")  # keep editing: still here, words and all
        assert app.screen is screen and screen.has_typed_words()
        assert app.return_code is None
        await pilot.press("ctrl+q", "s")  # save, then quit
        await pilot.pause()
        assert app.return_code == 0
    store.refresh()
    assert form.saved(store)


async def test_ctrl_q_and_discard_quits_without_saving(
    store: Store, make_test_app: Callable[..., Any], form: Form
) -> None:
    app = _start(store, form, make_test_app)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(pilot, store, form)
        form.fill(screen)
        await pilot.pause()
        await pilot.press("ctrl+q", "d")
        await pilot.pause()
        assert app.return_code == 0
    assert _nothing_saved(store, form)


async def test_ctrl_q_on_an_untouched_form_quits_at_once(
    store: Store, make_test_app: Callable[..., Any], form: Form
) -> None:
    app = _start(store, form, make_test_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(pilot, store, form)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.return_code == 0


def _reason_on_screen(screen: Any) -> str:
    for error_id in ("#form-error", "#checkin-error"):
        for static in screen.query(error_id).results(Static):
            if static.display:
                return str(static.render())
    return ""


def test_each_form_has_a_case() -> None:
    """The forms the brief names, each covered above (and on a failing disk in
    test_failing_disk.py)."""
    assert set(FORMS) == {"log", "goal", "person", "step", "step-done", "checkin"}


async def test_save_in_the_question_that_fails_validation_stays_and_says_why(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    from screens.dialogs.log_entry import LogEntryDialog

    app = make_test_app(store, start_area="log")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a", *WORDS)  # who, depth and comfort still missing
        await pilot.press("escape", "s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LogEntryDialog)
        assert screen.query_one("#what").value == WORDS  # type: ignore[attr-defined]
        message = screen.query_one("#person-message", Static)
        assert message.display and "choose who it was with" in str(message.render())
    assert store.connections.count() == 0


async def test_a_prefilled_log_form_from_people_closes_at_once_untouched(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    store.people.add(Person(name="Sam", circle=Circle.FAMILY, created_at=_AT))
    app = make_test_app(store, start_area="people")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WordsScreen) and not screen.has_typed_words()
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, WordsScreen | UnsavedDialog)


async def test_keys_in_one_burst_after_tab_land_in_the_next_fields(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    """'words, tab, 3, 4' arriving at once (a paste, tmux, a slow link): the digits are
    depth and comfort, not more words."""
    from textual import events

    app = make_test_app(store, start_area="log")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a", *"Waved")
        await pilot.pause()
        for key, character in (("tab", "\t"), ("3", "3"), ("4", "4")):
            app.post_message(events.Key(key, character))  # all queued before any is handled
        await pilot.pause()
        screen = app.screen
        assert screen.query_one("#what").value == "Waved"  # type: ignore[attr-defined]
        assert screen.query_one("#depth", ScalePicker).value == 3
        assert screen.query_one("#comfort", ScalePicker).value == 4
