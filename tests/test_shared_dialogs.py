"""The one confirm dialog, the one file-import form and the shared validators."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Static

from reconnect.records.models import Goal, Step
from reconnect.store.store import Store
from screens.areas.goal_detail import GoalScreen
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.import_form import ImportForm
from widgets.field_check import IsoDate, ModelField


@pytest.mark.parametrize(
    ("keys", "yes_keys", "answer"),
    [
        (["y"], "y", True),
        (["n"], "y", False),
        (["escape"], "y", False),
        (["enter"], "y", False),  # the safe choice has focus
        (["d"], "y", None),  # not a yes key here: still asking
        (["d"], "y,d", True),
    ],
)
async def test_confirm_answers(
    store: Store, make_test_app: Callable[..., Any], keys: list[str], yes_keys: str, answer: object
) -> None:
    answers: list[bool | None] = []
    app = make_test_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ConfirmDialog("Delete it?", "Delete", yes_keys=yes_keys), answers.append)
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
    assert answers == ([] if answer is None else [answer])


async def test_removing_a_step_asks_with_the_confirm_dialog(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    at = datetime(2026, 11, 2, 9, tzinfo=UTC)
    goal = store.goals.add(
        Goal(created_at=at, title="Walk more", steps=[Step(title="Around the block")])
    )
    app = make_test_app(store, start_area="goals")
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(GoalScreen(goal.id))
        await pilot.pause()
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "stay in your log" in str(app.screen.query_one("#confirm-note", Static).render())
        await pilot.press("escape", "delete", "y")
        await pilot.pause()
    assert store.goals.get(goal.id).steps == []  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("kind", "title", "empty"),
    [(None, "Import a file", "the path of a .json"), ("plan", "Import a homework plan", "plan")],
)
async def test_one_import_form_worded_for_its_kind(
    store: Store,
    make_test_app: Callable[..., Any],
    tmp_path: Path,
    kind: str | None,
    title: str,
    empty: str,
) -> None:
    chosen: list[Path | None] = []
    plan = tmp_path / "plan.toml"
    plan.write_text("")
    app = make_test_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ImportForm(kind), chosen.append)
        await pilot.pause()
        assert app.screen.query_one("#form").border_title == title
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert empty in str(app.screen.query_one("#path-error", Static).render())
        app.screen.query_one("#path", Input).value = str(plan)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert chosen == [plan]


def test_iso_date() -> None:
    assert IsoDate().validate("2026-11-21").is_valid
    assert IsoDate().validate("21/11/2026").failure_descriptions == ["use a date like 2026-11-21"]
    assert not IsoDate().validate("").is_valid
    assert IsoDate(optional=True).validate("  ").is_valid


def test_model_field_says_what_the_model_says_in_short() -> None:
    check = ModelField(Step, "title")
    assert check.validate("Around the block").is_valid
    assert "at most 200 characters" in check.validate("x" * 201).failure_descriptions[0]
    assert ModelField(Step, "title", optional=True).validate("").is_valid
