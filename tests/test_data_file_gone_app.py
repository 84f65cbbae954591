"""The data file vanishing while the app is open: every form keeps its words and says
plainly that the file is gone, offers F9 to write back everything the app holds, and
saves again once it has; the app says so as soon as it notices, too."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, OptionList, Static

from reconnect.store.errors import DataFileGone
from reconnect.store.store import DATA_FILE_NAME, Store
from screens.dialogs.help import keys_text
from screens.dialogs.visit_check import VisitCheckScreen
from tests.test_failing_disk import _seeded
from tests.test_keep_words import FORMS, Form, _open, _start, _untick_log_it, notices
from tests.test_portability import JRNL_SAMPLE
from tests.test_review import _type
from tests.test_transfers_app import _wait_done


@pytest.fixture(params=list(FORMS), ids=str)
def form(request: pytest.FixtureRequest) -> Form:
    return FORMS[request.param]


async def test_a_save_with_the_file_gone_keeps_the_words_and_f9_writes_everything_back(
    store: Store, data_dir: Path, make_test_app: Callable[..., Any], form: Form
) -> None:
    app = _start(store, form, make_test_app)
    path = data_dir / DATA_FILE_NAME
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(pilot, store, form)
        form.fill(screen)
        _untick_log_it(screen)
        await pilot.pause()
        typed = screen.typed_values()
        path.rename(data_dir / "moved-aside.json")
        said = notices(app)
        for _ in range(2):  # the same plain answer each time
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert app.screen is screen and screen.typed_values() == typed
            assert "The data file is gone" in said[-1] and "F9" in said[-1]
        assert not path.exists()
        await pilot.press("f9")
        await pilot.pause()
        assert "Written back" in said[-1]
        assert path.exists()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is not screen
    fresh = Store.open(data_dir)
    assert form.saved(fresh)
    assert "Already here" in [p.name for p in fresh.people.all()]


def offered(app: Any) -> bool:
    """Whether Help and the command palette offer the write-back."""
    in_help = "Write back the data file" in keys_text(app.screen).plain
    in_palette = "Write back the data file (F9)" in [
        c.title for c in app.get_system_commands(app.screen)
    ]
    assert in_help == in_palette
    return in_help


async def test_the_app_says_the_file_is_gone_when_it_notices(
    store: Store, data_dir: Path, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(store, start_area="today")
    async with app.run_test(size=(80, 24)) as pilot:
        said = notices(app)
        assert not offered(app)
        (data_dir / DATA_FILE_NAME).unlink()
        app.check_for_outside_changes()
        app.check_for_outside_changes()  # told once
        await pilot.pause()
        assert len([m for m in said if "data file is gone" in m and "F9" in m]) == 1
        assert offered(app)
        await pilot.press("f9")
        await pilot.pause()
        assert (data_dir / DATA_FILE_NAME).exists()
        assert not store.file_gone and not offered(app)


async def test_f9_after_the_file_was_put_back_writes_nothing(
    store: Store, data_dir: Path, make_test_app: Callable[..., Any]
) -> None:
    path = data_dir / DATA_FILE_NAME
    app = make_test_app(store, start_area="today")
    async with app.run_test(size=(80, 24)) as pilot:
        said = notices(app)
        path.rename(data_dir / "aside.json")
        app.check_for_outside_changes()
        (data_dir / "aside.json").rename(path)
        before = path.stat()
        await pilot.press("f9")
        await pilot.pause()
        assert "nothing to write back" in said[-1]
        assert path.stat().st_mtime_ns == before.st_mtime_ns


async def test_the_review_keeps_its_words_with_the_file_gone_and_saves_after_f9(
    store: Store, data_dir: Path, make_test_app: Callable[..., Any]
) -> None:
    path = data_dir / DATA_FILE_NAME
    app = make_test_app(store, start_area="review")
    async with app.run_test(size=(80, 24)) as pilot:
        await _type(pilot, "helped", "Kept words")
        path.unlink()
        said = notices(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.query_one("#helped", Input).value == "Kept words"
        assert "The data file is gone" in said[-1] and "F9" in said[-1]
        await pilot.press("f9", "ctrl+s")
        await pilot.pause()
    assert [r.helped for r in Store.open(data_dir).reviews.all()] == ["Kept words"]


async def test_an_import_with_the_file_gone_saves_nothing_and_offers_f9(
    store: Store, data_dir: Path, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        (data_dir / DATA_FILE_NAME).unlink()
        app.action_import()
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(JRNL_SAMPLE)
        await pilot.press("ctrl+s")
        message = await _wait_done(pilot, app)
        assert "The data file is gone" in message and "Nothing was saved" in message
        assert "F9" in message
    assert store.reflections.count() == 0
    assert not (data_dir / DATA_FILE_NAME).exists()


async def test_the_visit_check_says_the_file_is_gone_and_stays_open(
    store: Store, data_dir: Path, make_test_app: Callable[..., Any]
) -> None:
    def save(check: object) -> None:
        raise DataFileGone(data_dir / DATA_FILE_NAME)

    app = make_test_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(VisitCheckScreen("Tuesday circle", save=save))
        await pilot.pause()
        await pilot.press("1", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, VisitCheckScreen)
        said = str(app.screen.query_one("#check-error", Static).render())
        assert "The data file is gone" in said and "F9" in said


def _gone(data_dir: Path) -> None:
    for path in data_dir.glob(f"{DATA_FILE_NAME}*"):
        if path.suffix != ".lock":
            path.unlink()


@pytest.mark.parametrize("answer", ["write", "keep", "lose"])
async def test_quitting_with_the_file_gone_asks_first(
    store: Store, data_dir: Path, make_test_app: Callable[..., Any], answer: str
) -> None:
    from screens.dialogs.choice_menu import ChoiceMenu
    from tests.test_failing_disk import _seeded

    _seeded(store)
    app = make_test_app(store, start_area="log")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        _gone(data_dir)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceMenu)
        menu = app.screen.query_one(OptionList)
        assert menu.highlighted is not None
        assert menu.get_option_at_index(menu.highlighted).id == "write"  # first, and safe
        app.screen.dismiss(answer)
        await pilot.pause()
        assert app.is_running == (answer == "keep")
    path = data_dir / DATA_FILE_NAME
    assert path.exists() == (answer == "write")
    if answer == "write":
        assert Store.open(data_dir).connections.count() == 1


async def test_reflect_with_the_file_gone_offers_f9_too(
    store: Store, data_dir: Path, make_test_app: Callable[..., Any]
) -> None:
    from textual.widgets import TextArea

    _seeded(store)  # a data file there to vanish
    app = make_test_app(store, start_area="reflect")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.query_one("#body", TextArea).insert("Words I want to keep.")
        _gone(data_dir)
        said = notices(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "The data file is gone" in said[-1] and "F9" in said[-1]
        assert app.screen.query_one("#body", TextArea).text == "Words I want to keep."
