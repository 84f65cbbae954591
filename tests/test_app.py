"""Pilot tests of the app frame: areas, help, palette, theme, outside changes."""

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from textual.widgets import Static

from reconnect.records.models import Connection, Person
from reconnect.settings import load_settings
from reconnect.store.store import Store
from screens.areas.today import TodayScreen
from screens.dialogs.help import HelpScreen


async def test_today_shows_the_week_and_the_drifting(
    demo_store: Store, make_test_app: Callable[..., object]
) -> None:
    app = make_test_app(demo_store)
    async with app.run_test(size=(100, 30)) as pilot:  # type: ignore[attr-defined]
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)  # type: ignore[attr-defined]
        week = str(app.screen.query_one("#week-summary", Static).render())  # type: ignore[attr-defined]
        assert "moments so far" in week
        drifting = str(app.screen.query_one("#drifting", Static).content)  # type: ignore[attr-defined]
        assert "Alex" in drifting and "Aunt Rosa" in drifting


async def test_empty_store_gets_a_warm_welcome(
    store: Store, make_test_app: Callable[..., object]
) -> None:
    app = make_test_app(store)
    async with app.run_test() as pilot:  # type: ignore[attr-defined]
        await pilot.pause()
        welcome = app.screen.query_one("#welcome", Static)  # type: ignore[attr-defined]
        assert welcome.display and "Welcome to reconnect" in str(welcome.render())


async def test_help_opens_with_crisis_lines_and_closes(
    store: Store, make_test_app: Callable[..., object]
) -> None:
    app = make_test_app(store)
    async with app.run_test() as pilot:  # type: ignore[attr-defined]
        for key in ("question_mark", "f1"):
            await pilot.press(key)
            assert isinstance(app.screen, HelpScreen)  # type: ignore[attr-defined]
            text = " ".join(
                str(s.render())
                for s in app.screen.query(Static)  # type: ignore[attr-defined]
            )
            assert "988" in text and "116 123" in text and "findahelpline.com" in text
            await pilot.press("escape")
            assert isinstance(app.screen, TodayScreen)  # type: ignore[attr-defined]


async def test_theme_change_is_remembered(
    store: Store, make_test_app: Callable[..., object]
) -> None:
    from reconnect.app import make_app

    app = make_app(store=store, today=None)
    async with app.run_test() as pilot:
        app.theme = "textual-light"
        await pilot.pause()
    settings, warning = load_settings()
    assert warning is None and settings.theme == "textual-light"


async def test_palette_lists_areas_and_help(
    store: Store, make_test_app: Callable[..., object]
) -> None:
    app = make_test_app(store)
    async with app.run_test() as pilot:  # type: ignore[attr-defined]
        titles = [c.title for c in app.get_system_commands(app.screen)]  # type: ignore[attr-defined]
        assert "Open Today" in titles and "Help" in titles and "Theme" in titles
        await pilot.pause()


async def test_a_write_by_another_process_shows_up(
    store: Store, data_dir: object, make_test_app: Callable[..., object]
) -> None:
    app = make_test_app(store)
    async with app.run_test() as pilot:  # type: ignore[attr-defined]
        other = Store.open(data_dir)  # type: ignore[arg-type]
        other.connections.add(
            Connection(
                at=datetime(2026, 11, 20, 9, tzinfo=UTC),
                what="Said hi",
                counterpart="neighbour",
                depth=1,
                comfort=4,
            )
        )
        app.check_for_outside_changes()  # type: ignore[attr-defined]
        await pilot.pause()
        week = str(app.screen.query_one("#week-summary", Static).render())  # type: ignore[attr-defined]
        assert "1 moment so far" in week


async def test_a_demo_keeps_theme_changes_to_itself(store: Store) -> None:
    from reconnect.app import make_app
    from reconnect.settings import settings_path

    app = make_app(store=store, demo=True)
    async with app.run_test() as pilot:
        app.theme = "textual-light"
        await pilot.pause()
    assert not settings_path().exists()


async def test_help_explains_the_screen_it_was_opened_on(
    demo_store: Store, make_test_app: Callable[..., object]
) -> None:
    app = make_test_app(demo_store, start_area="progress")
    async with app.run_test(size=(100, 30)) as pilot:  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press("f1")
        text = " ".join(str(s.render()) for s in app.screen.query(Static))  # type: ignore[attr-defined]
        assert "About Progress" in text and "never a diagnosis" in text


async def test_losing_touch_says_what_to_do_when_it_has_nothing_to_show(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    """A first day showed 'Nobody is past the contact rhythm you wished for' to someone
    with nobody in People: it now invites them to add someone, then to choose a rhythm."""

    async def words() -> str:
        app = make_test_app(store)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            return str(app.screen.query_one("#drifting", Static).content)

    assert (await words()).startswith("Add the people who matter in People (p)")
    store.people.add(Person(name="Ana", created_at=datetime(2026, 11, 1, tzinfo=UTC)))
    assert (await words()).startswith("Choose how often you'd like to be in touch")
    store.people.add(
        Person(name="Bo", cadence_days=30, created_at=datetime(2026, 11, 20, tzinfo=UTC))
    )
    assert (await words()) == "Nobody is past the contact rhythm you wished for."
