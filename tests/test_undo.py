"""Every delete can be taken back with u, exactly: the whole store after the undo equals
the store before the delete (same ids, every field, a goal's steps, the links to a
person or goal). The toast names the key, and the footer shows u only where it works."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from textual.widgets import DataTable

from reconnect.logic.people import delete_person
from reconnect.records.models import Connection, Goal, Person, Step
from reconnect.store.store import Store
from screens.areas.goal_detail import GoalScreen
from screens.areas.goals import GoalsScreen
from screens.dialogs.choice_menu import ChoiceMenu
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.help import keys_text

AT = datetime(2026, 11, 2, 9, tzinfo=UTC)


def everything(store: Store) -> dict[str, list[Any]]:
    """Every record of every kind, in id order."""
    return {name: sorted(repo.all(), key=lambda r: r.id) for name, repo in store.repos.items()}


def toasts(app: Any) -> list[str]:
    """What the app says from now on."""
    said: list[str] = []
    real = app.notify

    def spy(message: str, *args: Any, **kwargs: Any) -> None:
        said.append(str(message))
        real(message, *args, **kwargs)

    app.notify = spy
    return said


def undo_shown(app: Any) -> bool:
    return "u" in app.screen.active_bindings


async def _undo(pilot: Any, said: list[str], name: str) -> None:
    assert f"Deleted: {name}" in said[-1] and "Press u to undo." in said[-1]
    assert undo_shown(pilot.app)
    assert "Undo delete" in keys_text(pilot.app.screen).plain  # help lists it too
    await pilot.press("u")
    await pilot.pause()
    assert said[-1] == f"Put back: {name}."
    assert not undo_shown(pilot.app)  # nothing more to undo: the footer says no more


async def test_undo_a_deleted_moment(demo_store: Store, make_test_app: Callable[..., Any]) -> None:
    before = everything(demo_store)
    app = make_test_app(demo_store, start_area="log")
    async with app.run_test(size=(80, 24)) as pilot:
        said = toasts(app)
        assert not undo_shown(app)
        gone = demo_store.connections.get(app.screen.query_one("#entries").highlighted_id)
        await pilot.press("d", "y")
        await pilot.pause()
        assert demo_store.connections.get(gone.id) is None
        await _undo(pilot, said, gone.what)
    assert everything(demo_store) == before


async def test_undo_a_deleted_reflection(
    demo_store: Store, make_test_app: Callable[..., Any]
) -> None:
    before = everything(demo_store)
    app = make_test_app(demo_store, start_area="reflect")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        said = toasts(app)
        await pilot.press("h", "enter", "d", "y")
        await pilot.pause()
        assert demo_store.reflections.count() == len(before["reflections"]) - 1
        await _undo(pilot, said, said[-1].removeprefix("Deleted: ").split(". Press")[0])
    assert everything(demo_store) == before


async def test_undo_a_deleted_person_links_their_log_and_goals_again(
    demo_store: Store, make_test_app: Callable[..., Any]
) -> None:
    # Someone with both a goal and logged moments.
    goal_people = {g.person_id for g in demo_store.goals.all() if g.person_id}
    person = next(
        p
        for p in demo_store.people.all()
        if p.id in goal_people and any(c.person_id == p.id for c in demo_store.connections.all())
    )
    before = everything(demo_store)
    app = make_test_app(demo_store, start_area="people")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        said = toasts(app)
        everyone = app.screen.query_one("#people-table", DataTable)
        everyone.focus()
        everyone.move_cursor(row=app.screen._order["people-table"].index(person.id))
        await pilot.pause()
        await pilot.press("delete", "end", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert demo_store.people.get(person.id) is None
        assert not any(c.person_id == person.id for c in demo_store.connections.all())
        assert not any(g.person_id == person.id for g in demo_store.goals.all())
        await _undo(pilot, said, person.name)
        assert app.screen.selected() == person  # the cursor is on them again
    assert everything(demo_store) == before


async def test_undo_a_deleted_goal_on_the_goals_list(
    demo_store: Store, make_test_app: Callable[..., Any]
) -> None:
    linked = {c.goal_id for c in demo_store.connections.all()}
    goal = next(g for g in demo_store.goals.all() if g.id in linked and g.steps)
    before = everything(demo_store)
    app = make_test_app(demo_store, start_area="goals")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        said = toasts(app)
        app.push_screen(GoalScreen(goal.id))
        await pilot.pause()
        await pilot.press("x", "end", "enter", "y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, GoalsScreen)
        assert demo_store.goals.get(goal.id) is None
        await _undo(pilot, said, goal.title)
        assert app.screen.selected_goal_id() == goal.id
    assert everything(demo_store) == before


async def test_undo_a_removed_step_puts_it_back_in_its_place(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    steps = [Step(title=t, difficulty=n) for n, t in enumerate(("Wave", "Say hi", "Chat"))]
    goal = store.goals.add(Goal(created_at=AT, title="Neighbours", steps=steps))
    before = everything(store)
    app = make_test_app(store, start_area="goals")
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(GoalScreen(goal.id))
        await pilot.pause()
        said = toasts(app)
        await pilot.press("down", "delete", "y")  # the middle one
        await pilot.pause()
        assert [s.title for s in store.goals.get(goal.id).steps] == ["Wave", "Chat"]
        await _undo(pilot, said, "Say hi")
        assert app.screen.selected_step().title == "Say hi"
    assert everything(store) == before


def test_undo_keeps_a_link_made_since(store: Store) -> None:
    maya = store.people.add(Person(name="Maya", created_at=AT))
    sam = store.people.add(Person(name="Sam", created_at=AT))
    moments = [
        Connection(at=AT, what=w, counterpart="friend", depth=2, comfort=3, person_id=maya.id)
        for w in ("Coffee", "Walk")
    ]
    store.connections.add_many(moments)
    removal = delete_person(store, maya.id)
    assert removal is not None and removal.count("connections") == 2
    relinked = store.connections.get(moments[0].id).model_copy(update={"person_id": sam.id})
    store.connections.update(relinked)
    assert removal.restore(store)
    assert store.people.get(maya.id) == maya
    assert store.connections.get(moments[0].id).person_id == sam.id  # the user's own link
    assert store.connections.get(moments[1].id) == moments[1]
    assert not removal.restore(store)  # already back: nothing twice


async def test_delete_menus_and_questions_open_on_the_harmless_choice(
    demo_store: Store, make_test_app: Callable[..., Any]
) -> None:
    from textual.widgets import OptionList

    def highlighted(app: Any) -> str:
        assert isinstance(app.screen, ChoiceMenu)
        option = app.screen.query_one(OptionList).highlighted_option
        return option.id if option else ""

    def safe_focus(app: Any) -> bool:
        return isinstance(app.screen, ConfirmDialog) and app.focused.id == "no"

    app = make_test_app(demo_store, start_area="people")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("delete")  # the delete question
        assert highlighted(app) == "keep"
        await pilot.press("escape", "l", "d")
        await pilot.pause()
        assert safe_focus(app)
        await pilot.press("escape", "g", "enter")
        await pilot.pause()
        await pilot.press("x")  # the goal's More menu
        assert highlighted(app) not in ("delete", "remove")
        await pilot.press("end", "enter")
        await pilot.pause()
        assert safe_focus(app)
        await pilot.press("escape", "enter")  # a step's menu
        await pilot.pause()
        assert highlighted(app) not in ("delete", "remove")
        await pilot.press("escape", "delete")
        await pilot.pause()
        assert safe_focus(app)
        await pilot.press("escape", "r", "h", "enter", "d")
        await pilot.pause()
        assert safe_focus(app)


async def test_keys_a_menu_shows_work_in_it(
    demo_store: Store, make_test_app: Callable[..., Any]
) -> None:
    from textual.widgets import Static

    from screens.dialogs.date_prompt import DatePrompt
    from screens.dialogs.person_form import PersonForm
    from screens.dialogs.person_page import PersonPage

    app = make_test_app(demo_store, start_area="people")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # a person's page: its keys are in its last line
        page = app.screen
        assert isinstance(page, PersonPage)
        assert "e change" in str(page.query_one("#person-hint", Static).render())
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, PersonForm)
        await pilot.press("escape", "escape", "g", "enter", "x")  # the form, then the page
        await pilot.pause()
        assert "Plan the highlighted step for a day (d)" in [
            str(o.prompt)
            for o in app.screen.query_one("OptionList").options  # type: ignore[attr-defined]
        ]
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DatePrompt)
