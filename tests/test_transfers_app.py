"""Export and import from inside the app, with the progress screen."""

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from textual.widgets import Checkbox, Input, Select, Static

from reconnect.records.models import Reflection
from reconnect.store.store import Store
from screens.dialogs.export_form import ExportForm
from screens.dialogs.transfer import TransferScreen
from tests.test_portability import JRNL_SAMPLE

SECRET = "Only the app knows this"


async def _wait_done(pilot, app) -> str:  # type: ignore[no-untyped-def]
    for _ in range(100):
        await pilot.pause(0.05)
        if isinstance(app.screen, TransferScreen) and not app.screen.query_one("#close").disabled:
            return str(app.screen.query_one("#result", Static).render())
    raise AssertionError("the transfer did not finish")


async def test_export_report_from_the_palette_leaves_private_out_unless_ticked(
    demo_store: Store, make_test_app: Callable, tmp_path: Path
) -> None:
    demo_store.reflections.add(
        Reflection(at=datetime(2026, 11, 19, 9, tzinfo=UTC), body=SECRET, private=True)
    )
    app = make_test_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        for tick, name in ((False, "plain.html"), (True, "all.html")):
            app.action_export()
            await pilot.pause()
            assert isinstance(app.screen, ExportForm)
            app.screen.query_one("#path", Input).value = str(tmp_path / name)
            app.screen.query_one("#private", Checkbox).value = tick
            await pilot.press("ctrl+s")
            message = await _wait_done(pilot, app)
            assert "written to" in message
            await pilot.press("escape")
    assert SECRET not in (tmp_path / "plain.html").read_text(encoding="utf-8")
    assert SECRET in (tmp_path / "all.html").read_text(encoding="utf-8")


async def test_export_form_refuses_a_bad_period(
    demo_store: Store, make_test_app: Callable, tmp_path: Path
) -> None:
    app = make_test_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        app.action_export()
        await pilot.pause()
        form = app.screen
        form.query_one("#format", Select).value = "md"
        form.query_one("#start", Input).value = "2026-11-30"
        form.query_one("#path", Input).value = str(tmp_path / "r.md")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert "starts after it ends" in str(form.query_one("#form-error", Static).render())
        assert not (tmp_path / "r.md").exists()


async def test_import_from_the_palette_shows_what_was_added(
    store: Store, make_test_app: Callable
) -> None:
    app = make_test_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        app.action_import()
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(JRNL_SAMPLE)
        await pilot.press("ctrl+s")
        message = await _wait_done(pilot, app)
        assert "added 5 jrnl entries" in message
    assert store.reflections.count() == 5


async def test_a_refused_import_says_why_and_saves_nothing(
    store: Store, make_test_app: Callable, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "format": "reconnect-backup",
                "schema_version": 1,
                "records": {"people": [{"name": ""}]},
            }
        )
    )
    app = make_test_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        app.action_import()
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(bad)
        await pilot.press("ctrl+s")
        message = await _wait_done(pilot, app)
        assert "people[0]" in message and "Nothing was saved" in message
    assert store.people.count() == 0
