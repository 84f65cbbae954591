"""Reflect's ctrl+o: the entry goes to the person's editor and back into the form.

The headless test driver cannot suspend (App.suspend raises SuspendNotSupported), so the
tests that need the editor to run hand the app a suspend that does nothing; the editor
itself is a real process (a small script).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.app import SuspendNotSupported
from textual.widgets import Input, Static, TextArea

from reconnect.logic.drafts import draft_path, load_draft
from reconnect.store.store import Store
from screens.areas.reflect_editor import BACK, CANNOT_SUSPEND
from widgets.reflection_form import ReflectionForm

SIZE = (80, 24)


def _editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str) -> Path:
    """EDITOR is a script run on the file; it notes what it was given in `seen`."""
    seen = tmp_path / "seen"
    path = tmp_path / "editor.sh"
    path.write_text(f'#!/bin/sh\ncp "$1" {seen}\n{script}\n')
    path.chmod(0o755)
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", str(path))
    return seen


def _no_suspend(app: Any) -> None:
    app.suspend = contextlib.nullcontext


async def _write_some(pilot: Any) -> ReflectionForm:
    await pilot.pause()
    form = pilot.app.screen.query_one(ReflectionForm)
    form.query_one("#body", TextArea).insert("Typed in the app.")
    form.query_one("#title", Input).value = "Mine"
    await pilot.pause()
    return form


async def test_ctrl_o_hands_the_entry_to_the_editor_and_back(
    store: Store,
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    make_test_app: Callable[..., Any],
) -> None:
    seen = _editor(
        tmp_path,
        monkeypatch,
        "sed -i 's/^\\[ \\] Busy schedule/[x] Busy schedule/' \"$1\"\n"
        'echo "Added in my editor." >> "$1"',
    )
    app = make_test_app(store, start_area="reflect")
    _no_suspend(app)
    async with app.run_test(size=SIZE) as pilot:
        form = await _write_some(pilot)
        await pilot.press("ctrl+o")
        await pilot.pause()

        handed = seen.read_text()
        assert "Title: Mine" in handed and "Typed in the app." in handed
        draft = form.draft()
        assert draft.title == "Mine"
        assert draft.patterns == ("busy",)
        assert draft.body == "Typed in the app.\nAdded in my editor."
        assert BACK in str(form.query_one("#form-banner", Static).render())
        assert store.reflections.all() == []  # not saved until the person saves
        assert load_draft(draft_path(data_dir)).body == draft.body  # kept as the draft

        await pilot.press("ctrl+s")
        await pilot.pause()
        [saved] = store.reflections.all()
        assert saved.body == "Typed in the app.\nAdded in my editor."


async def test_an_editor_that_crashes_leaves_the_form_and_its_draft(
    store: Store,
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    make_test_app: Callable[..., Any],
) -> None:
    _editor(tmp_path, monkeypatch, ': > "$1"; kill -9 $$')
    app = make_test_app(store, start_area="reflect")
    _no_suspend(app)
    async with app.run_test(size=SIZE) as pilot:
        form = await _write_some(pilot)
        await pilot.press("ctrl+o")
        await pilot.pause()

        assert form.draft().body == "Typed in the app."
        kept = load_draft(draft_path(data_dir))
        assert (kept.title, kept.body) == ("Mine", "Typed in the app.")
        assert store.reflections.all() == []


async def test_a_terminal_that_cannot_suspend_is_said_in_one_line(
    store: Store,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    make_test_app: Callable[..., Any],
) -> None:
    seen = _editor(tmp_path, monkeypatch, "")
    app = make_test_app(store, start_area="reflect")
    notes: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        form = await _write_some(pilot)
        with pytest.raises(SuspendNotSupported), app.suspend():
            pass  # the headless driver really cannot
        monkeypatch.setattr(app.screen, "notify", lambda text, **_: notes.append(text))
        await pilot.press("ctrl+o")
        await pilot.pause()

        assert notes == [CANNOT_SUSPEND]
        assert not seen.exists()  # the editor never ran
        assert form.draft().body == "Typed in the app."
