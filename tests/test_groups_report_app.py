"""The session report exported from the app has the demo's Groups section, and no notes."""

from collections.abc import Callable
from pathlib import Path

from textual.widgets import Checkbox, Input, Static

from reconnect.store.store import Store
from screens.dialogs.export_form import ExportForm
from screens.dialogs.transfer import TransferScreen
from tests.conftest import wait_for

VISIT_NOTE = "Nearly left at the break"


async def test_the_exported_report_shows_groups_and_keeps_their_notes_out(
    demo_store: Store, make_test_app: Callable, tmp_path: Path
) -> None:
    notes = [g.notes for g in demo_store.groups.all()]
    assert len(notes) == 2 and all(notes)  # the demo's groups have private notes
    visit = max((c for c in demo_store.connections.all() if c.group_id), key=lambda c: c.at)
    demo_store.connections.update(visit.model_copy(update={"note": VISIT_NOTE}))
    app = make_test_app(demo_store)
    target = tmp_path / "report.html"
    async with app.run_test(size=(80, 24)) as pilot:
        app.action_export()
        await pilot.pause()
        assert isinstance(app.screen, ExportForm)
        app.screen.query_one("#path", Input).value = str(target)
        assert not app.screen.query_one("#private", Checkbox).value
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()

        def finished() -> bool:
            screen = app.screen
            return isinstance(screen, TransferScreen) and not screen.query_one("#close").disabled

        await wait_for(pilot, finished, "the export to finish")
        assert "written to" in str(app.screen.query_one("#result", Static).render())
    text = target.read_text(encoding="utf-8")
    assert '<section id="groups">' in text and "Thursday book club" in text
    assert "Shared-interest group" in text and "\u2192" in text
    assert "Night owls peer support forum" in text and "Online community" in text
    assert not [n for n in notes if n in text] and VISIT_NOTE not in text
