"""Every connection is written by `reconnect.logic.connections.save`: the Log form,
step-done (which holds the same editor), Log's undo, People and `reconnect log`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Select, Static

from reconnect.cli.main import main
from reconnect.logic import connections
from reconnect.logic.goals import complete_step_and_log
from reconnect.records.models import Circle, Connection, Goal, Person, Step
from reconnect.store import journal, storage
from reconnect.store.store import Store
from screens.areas.goal_detail import GoalScreen
from screens.dialogs.connection_editor import ConnectionEditor
from screens.dialogs.log_picker import PickDialog
from screens.dialogs.step_done import StepDoneForm
from widgets.connection_list import ConnectionList
from widgets.scale_picker import ScalePicker

AT = datetime(2026, 11, 1, 9, tzinfo=UTC)


@pytest.fixture
def saves(monkeypatch: pytest.MonkeyPatch) -> list[Connection]:
    """Every connection the service is asked to save, in order."""
    seen: list[Connection] = []
    real = connections.save

    def spy(store: Store, connection: Connection, *args: Any, **kwargs: Any) -> Any:
        seen.append(connection)
        return real(store, connection, *args, **kwargs)

    monkeypatch.setattr(connections, "save", spy)
    return seen


def _goal_with_a_step(store: Store) -> tuple[Goal, Step]:
    step = Step(title="Ask Noor about her garden", predicted_discomfort=6)
    goal = store.goals.add(Goal(created_at=AT, title="Talk to the neighbours", steps=[step]))
    return goal, step


async def _open_step_done(app: Any, pilot: Any, goal: Goal) -> StepDoneForm:
    app.push_screen(GoalScreen(goal.id))
    await pilot.pause()
    await pilot.press("c")
    await pilot.pause()
    assert isinstance(app.screen, StepDoneForm)
    return app.screen


async def test_step_done_looks_the_person_up_and_saves_through_the_service(
    store: Store, make_test_app: Callable[..., Any], saves: list[Connection]
) -> None:
    rosa = store.people.add(Person(name="Rosa", circle=Circle.NEIGHBOUR, created_at=AT))
    goal, step = _goal_with_a_step(store)
    app = make_test_app(store, start_area="goals")
    async with app.run_test(size=(80, 24)) as pilot:
        form = await _open_step_done(app, pilot, goal)
        assert form.query_one(ConnectionEditor) is not None
        form.query_one("#actual", ScalePicker).value = 2
        form.query_one("#person").focus()
        await pilot.press("f2")  # the People pick list, as in the Log form
        assert isinstance(app.screen, PickDialog)
        await pilot.press("down", "enter")
        assert form.query_one("#person", Input).value == "Rosa"
        assert "Rosa, neighbour" in str(form.query_one("#person-message", Static).render())
        # Picked from the list, Rosa is a neighbour whatever the goal's kind suggested.
        assert form.query_one("#counterpart", Select).value == "neighbour"
        form.query_one("#day", Select).value = "2026-11-20"  # the "when": yesterday
        form.query_one("#clock", Input).value = "18:30"
        form.query_one("#depth", ScalePicker).value = 3
        form.query_one("#comfort", ScalePicker).value = 4
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, GoalScreen)
    (saved,) = saves
    (logged,) = store.connections.all()
    assert saved.id == logged.id
    assert (logged.person_id, logged.goal_id, logged.step_id) == (rosa.id, goal.id, step.id)
    assert logged.at == datetime(2026, 11, 20, 18, 30, tzinfo=UTC)
    done = store.goals.get(goal.id).steps[0]  # type: ignore[union-attr]
    assert done.done_at == logged.at and done.actual_discomfort == 2


async def test_step_done_with_a_new_name_adds_the_person(
    store: Store, make_test_app: Callable[..., Any], saves: list[Connection]
) -> None:
    goal, _ = _goal_with_a_step(store)
    app = make_test_app(store, start_area="goals")
    async with app.run_test(size=(80, 24)) as pilot:
        form = await _open_step_done(app, pilot, goal)
        form.query_one("#actual", ScalePicker).value = 4
        form.query_one("#counterpart", Select).value = "neighbour"
        form.query_one("#person", Input).value = "Noor"
        await pilot.pause()
        assert "New: Noor will be added" in str(form.query_one("#person-message").render())
        form.query_one("#depth", ScalePicker).value = 2
        form.query_one("#comfort", ScalePicker).value = 3
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, GoalScreen)
    (noor,) = store.people.all()
    assert noor.name == "Noor" and noor.circle is Circle.NEIGHBOUR
    assert len(saves) == 1 and store.connections.all()[0].person_id == noor.id


async def test_step_done_without_a_connection_saves_none(
    store: Store, make_test_app: Callable[..., Any], saves: list[Connection]
) -> None:
    goal, _ = _goal_with_a_step(store)
    app = make_test_app(store, start_area="goals")
    async with app.run_test(size=(80, 24)) as pilot:
        form = await _open_step_done(app, pilot, goal)
        form.query_one("#actual", ScalePicker).value = 1
        form.query_one("#log-it").focus()
        await pilot.press("space")  # untick: the editor is off and not checked
        assert form.query_one(ConnectionEditor).disabled
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, GoalScreen)
    assert saves == [] and store.connections.count() == 0
    assert store.goals.get(goal.id).steps[0].done  # type: ignore[union-attr]


async def test_log_undo_restores_through_the_service(
    demo_store: Store, make_test_app: Callable[..., Any], saves: list[Connection]
) -> None:
    app = make_test_app(demo_store, start_area="log")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        gone = demo_store.connections.get(app.screen.query_one(ConnectionList).highlighted_id)
        await pilot.press("d", "y")
        await pilot.pause()
        assert gone is not None and demo_store.connections.get(gone.id) is None
        await pilot.press("u")
        await pilot.pause()
    assert [c.id for c in saves] == [gone.id]
    assert demo_store.connections.get(gone.id) == gone


async def test_people_log_a_connection_saves_through_the_service(
    demo_store: Store, make_test_app: Callable[..., Any], saves: list[Connection]
) -> None:
    app = make_test_app(demo_store, start_area="people")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        person = app.screen.selected()
        await pilot.press("c")
        await pilot.pause()
        app.screen.query_one("#what", Input).value = "Waved across the street"
        app.screen.query_one("#depth", ScalePicker).value = 1
        app.screen.query_one("#comfort", ScalePicker).value = 4
        await pilot.press("ctrl+s")
        await pilot.pause()
    (saved,) = saves
    assert saved.what == "Waved across the street" and saved.person_id == person.id


def test_the_shell_saves_through_the_service(data_dir: Path, saves: list[Connection]) -> None:
    flags = ["--counterpart", "friend", "--depth", "1", "--comfort", "3", "--who", "Jo"]
    code = main(["--data-dir", str(data_dir), "log", "Hi", *flags])
    assert code == 0 and [c.what for c in saves] == ["Hi"]


def test_a_step_and_its_connection_with_a_new_person_are_one_write(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    goal, step = _goal_with_a_step(store)
    writes: list[Path] = []
    whole, append = storage.atomic_write, journal.append
    monkeypatch.setattr(
        storage, "atomic_write", lambda path, data: (writes.append(path), whole(path, data))
    )
    monkeypatch.setattr(
        journal,
        "append",
        lambda path, data, **how: (writes.append(path), append(path, data, **how)),
    )
    connection = Connection(at=AT, what="Garden chat", counterpart="neighbour", depth=3, comfort=4)
    done = complete_step_and_log(
        store, goal.id, step.id, actual=3, note="", at=AT, connection=connection, who="Noor"
    )
    assert len(writes) == 1  # one journal line: the step, the moment and the person
    assert done.logged is not None and done.logged.new_person is not None
    again = Store.open(store.path.parent)
    (noor,) = again.people.all()
    (logged,) = again.connections.all()
    assert (logged.person_id, logged.step_id) == (noor.id, step.id)
