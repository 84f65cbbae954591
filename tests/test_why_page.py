"""The page on why connection helps: shipped in the package, opened from Help and from
the first-run Today panel."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.widgets import Button, Markdown, Static

from reconnect.docs import WHY_PAGE
from reconnect.store.store import Store
from screens.dialogs.guide import GuideScreen
from screens.dialogs.help import HelpScreen


def test_the_page_ships_and_says_what_the_app_measures() -> None:
    text = WHY_PAGE.read_text(encoding="utf-8")
    for words in ("co-regulation", "shared load", "Safe, not perfect", "authenticity"):
        assert words in text
    assert "never disagree" in text  # safe does not mean free of disagreement


async def test_y_in_help_opens_the_page_and_esc_returns_to_help(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(store, start_area="log")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark", "y")
        await pilot.pause()
        assert isinstance(app.screen, GuideScreen)
        assert app.screen.query_one(Markdown).source.startswith("# Why this matters")
        await pilot.press("escape")
        assert isinstance(app.screen, HelpScreen)


async def test_the_button_in_help_opens_the_page(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        app.screen.query_one("#why", Button).press()  # below the fold at 80×24
        await pilot.pause()
        assert isinstance(app.screen, GuideScreen)


async def test_first_run_today_shows_the_key_and_it_opens_the_page(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        where = str(app.screen.query_one("#where", Static).content)
        assert "y  Why this matters" in where
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, GuideScreen)
