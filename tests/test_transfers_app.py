"""Export and import from inside the app, with the progress screen."""

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.widgets import Checkbox, Input, Select, Static

from reconnect.records.models import Reflection
from reconnect.store.store import Store
from screens.dialogs.export_form import ExportForm
from screens.dialogs.transfer import TransferScreen
from tests.conftest import wait_for
from tests.test_portability import JRNL_SAMPLE

SECRET = "Only the app knows this"


async def _wait_done(pilot, app) -> str:  # type: ignore[no-untyped-def]
    def finished() -> bool:
        screen = app.screen
        return isinstance(screen, TransferScreen) and not screen.query_one("#close").disabled

    await app.workers.wait_for_complete()
    await wait_for(pilot, finished, "the transfer to finish")
    return str(app.screen.query_one("#result", Static).render())


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


async def test_export_form_refuses_a_missing_folder_as_the_shell_does(
    demo_store: Store, make_test_app: Callable, tmp_path: Path
) -> None:
    missing = tmp_path / "nonexistent" / "dir"
    app = make_test_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        app.action_export()
        await pilot.pause()
        form = app.screen
        form.query_one("#format", Select).value = "md"
        await pilot.pause()  # the format sets its default path first
        form.query_one("#path", Input).value = str(missing / "r.md")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        error = form.query_one("#path-error", Static)
        assert str(error.render()) == (
            f"⚠ the folder {missing} does not exist: create it first or choose another"
        )
        assert not (tmp_path / "nonexistent").exists()
        form.query_one("#path", Input).value = str(tmp_path / "r.md")  # mended
        await pilot.pause()
        assert not error.display
        await pilot.press("ctrl+s")
        assert "written to" in await _wait_done(pilot, app)
    assert (tmp_path / "r.md").exists()


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
        # Closing the refusal brings the form back with the file, to try once it is fixed.
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one("#path", Input).value == str(bad)
        bad.write_text(
            json.dumps(
                {
                    "format": "reconnect-backup",
                    "schema_version": 1,
                    "records": {"people": [{"name": "Ana", "created_at": "2026-11-01T10:00Z"}]},
                }
            )
        )
        await pilot.press("ctrl+s")
        assert "✓" in await _wait_done(pilot, app)
    assert [p.name for p in store.people.all()] == ["Ana"]


PLAN = """
assigned_by = "Dr. Lee"
assigned_on = 2026-11-18
[[goals]]
title = "{title}"
[[goals.steps]]
title = "A first small step"
predicted_discomfort = 4
"""


async def test_both_imports_use_the_apps_store_and_day(
    store: Store,
    make_test_app: Callable,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    store_opens: list[Path],
) -> None:
    """The palette's "Import a file" and Goals' `i` are one flow: the goals land in
    app.store, made on the app's (pinned) day, and no second Store is opened."""
    from_palette, from_goals = tmp_path / "palette.toml", tmp_path / "goals.toml"
    from_palette.write_text(PLAN.format(title="Say hi at the café"))
    from_goals.write_text(PLAN.format(title="Call Maya on Sunday"))
    app = make_test_app(store, start_area="goals")
    async with app.run_test(size=(80, 24)) as pilot:
        app.action_import()  # what the palette's "Import a file" runs
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(from_palette)
        await pilot.press("ctrl+s")
        assert "Imported 1 goal from palette.toml" in await _wait_done(pilot, app)
        await pilot.press("escape")
        await pilot.press("i")  # Goals' own key
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(from_goals)
        await pilot.press("ctrl+s")
        assert "Imported 1 goal from goals.toml" in await _wait_done(pilot, app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.store is store
        made = {g.title: g.created_at.date() for g in store.goals.all()}
    assert store_opens == []
    assert made == {"Say hi at the café": app.today, "Call Maya on Sunday": app.today}
    monkeypatch.undo()
    assert Store.open(store.path.parent).goals.count() == 2  # and it is on disk


async def test_an_export_reads_the_apps_store_without_opening_another(
    demo_store: Store, make_test_app: Callable, tmp_path: Path, store_opens: list[Path]
) -> None:
    app = make_test_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        app.action_export()
        await pilot.pause()
        app.screen.query_one("#format", Select).value = "json"
        await pilot.pause()  # the form offers a path for the format: ours comes after
        app.screen.query_one("#path", Input).value = str(tmp_path / "backup.json")
        await pilot.press("ctrl+s")
        message = await _wait_done(pilot, app)
    assert "Backup of" in message and store_opens == []
    records = json.loads((tmp_path / "backup.json").read_text())["records"]
    assert len(records["connections"]) == demo_store.connections.count()


async def test_deletes_in_the_background_use_the_apps_store(
    demo_store: Store, make_test_app: Callable, store_opens: list[Path]
) -> None:
    from screens.areas.goal_detail import GoalScreen

    goal = demo_store.goals.all()[0]
    person = next(p for p in demo_store.people.all() if p.name == "Sam")
    app = make_test_app(demo_store, start_area="people")
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.delete_in_background(person)
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.push_screen(GoalScreen(goal.id))
        await pilot.pause()
        app.screen.delete_in_background()
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert store_opens == []
    assert demo_store.people.get(person.id) is None and demo_store.goals.get(goal.id) is None
    assert not any(
        c.person_id == person.id or c.goal_id == goal.id for c in demo_store.connections.all()
    )


async def test_export_to_an_existing_file_asks_first_and_keep_leaves_it(
    store: Store, make_test_app: Callable, tmp_path: Path
) -> None:
    from screens.dialogs.confirm import ConfirmDialog

    target = tmp_path / "report.html"
    target.write_text("my own notes", encoding="utf-8")
    app = make_test_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        app.action_export()
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(target)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert app.screen.focused is not None and app.screen.focused.id == "no"
        await pilot.press("enter")  # the safe choice, focused: keep it
        await pilot.pause()
        assert isinstance(app.screen, ExportForm)  # back in the form, to pick another name
        assert target.read_text(encoding="utf-8") == "my own notes"
        await pilot.press("ctrl+s", "y")
        message = await _wait_done(pilot, app)
        assert "written to" in message
    assert target.read_text(encoding="utf-8") != "my own notes"


async def test_a_backup_from_the_app_holds_private_reflections_and_is_private(
    demo_store: Store, make_test_app: Callable, tmp_path: Path
) -> None:
    demo_store.reflections.add(
        Reflection(at=datetime(2026, 11, 19, 9, tzinfo=UTC), body=SECRET, private=True)
    )
    app = make_test_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        app.action_export()
        await pilot.pause()
        tick = app.screen.query_one("#private", Checkbox)
        assert not tick.value  # a session report leaves them out
        app.screen.query_one("#format", Select).value = "json"
        await pilot.pause()
        assert tick.value  # a backup holds everything: the tick follows the format
        app.screen.query_one("#path", Input).value = str(tmp_path / "backup.json")
        await pilot.press("ctrl+s")
        message = await _wait_done(pilot, app)
    assert "private reflections included" in message
    backup = tmp_path / "backup.json"
    assert backup.stat().st_mode & 0o777 == 0o600
    bodies = [r["body"] for r in json.loads(backup.read_text())["records"]["reflections"]]
    assert SECRET in bodies and len(bodies) == demo_store.reflections.count()


def test_the_app_and_the_shell_share_one_set_of_export_defaults() -> None:
    from reconnect.cli import export_command
    from reconnect.transfer import export
    from screens.dialogs import export_form

    assert tuple(export.DEFAULTS) == export_command.FORMATS
    assert export_command.default_output is export.default_output is export_form.default_output
    assert export_form.DEFAULTS is export.DEFAULTS
    assert export_form.DEFAULT_REPORT_DAYS == export_command.DEFAULT_REPORT_DAYS
    assert {fmt for _, fmt in export_form.FORMAT_CHOICES} == set(export.DEFAULTS)
    assert export.DEFAULTS["json"].include_private  # a backup is of everything
    assert not any(export.DEFAULTS[f].include_private for f in ("md", "html", "csv"))


async def test_a_refused_plan_shows_every_problem_and_goals_is_not_sent_to_itself(
    store: Store, make_test_app: Callable, tmp_path: Path
) -> None:
    from tests.test_homework_plan import THREE_BAD

    bad, good = tmp_path / "bad.toml", tmp_path / "good.toml"
    bad.write_text(THREE_BAD + "".join(f"\n[[goals]]\nx{n} = 1\n" for n in range(12)))
    good.write_text(PLAN.format(title="Call Maya on Sunday"))
    app = make_test_app(store, start_area="goals")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(bad)
        await pilot.press("ctrl+s")
        message = await _wait_done(pilot, app)
        for line in ("line 5:", "line 9:", "line 13:", "line 49:"):
            assert line in message
        scroll = app.screen.query_one("#result-scroll")
        assert scroll.max_scroll_y > 0  # the list scrolls; Close stays on screen
        assert app.screen.query_one("#close").region.bottom <= 24
        await pilot.press("escape")
        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(good)
        await pilot.press("ctrl+s")
        message = await _wait_done(pilot, app)
        assert "Imported 1 goal" in message and "Goals" not in message
