"""The guides the app points to ship inside the package, so an installed reconnect can
show them: in the app (ctrl+o in the import form; y in Help for why this matters) and by
path from the shell."""

from __future__ import annotations

import subprocess
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Markdown

from reconnect.cli.main import main
from reconnect.docs import FIRST_GROUP_PAGE, PLAN_FORMAT, WHY_PAGE
from reconnect.store.store import Store
from screens.dialogs.guide import GuideScreen
from screens.dialogs.import_form import ImportForm

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "guide", [PLAN_FORMAT, WHY_PAGE, FIRST_GROUP_PAGE], ids=["plan", "why", "first-group"]
)
def test_the_guides_live_in_a_package_the_wheel_holds(guide: Path) -> None:
    assert guide.is_file()
    wheel = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["hatch"]["build"]
    packages = wheel["targets"]["wheel"]["packages"]
    assert guide.relative_to(ROOT).parts[0] in packages
    # A wheel is built from what git tracks: an ignored guide would be left out.
    ignored = subprocess.run(["git", "check-ignore", "-q", str(guide)], cwd=ROOT, check=False)
    assert ignored.returncode == 1


async def test_ctrl_o_in_the_plan_import_form_shows_the_guide(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(store, start_area="goals")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("i")
        assert isinstance(app.screen, ImportForm)
        await pilot.press("ctrl+o")  # the path field has focus
        assert isinstance(app.screen, GuideScreen)
        await app.screen.query_one(Markdown).wait_for_refresh()  # type: ignore[attr-defined]
        assert "Homework plans" in app.screen.query_one(Markdown).source
        await pilot.press("escape")
        assert isinstance(app.screen, ImportForm)


def test_the_shell_names_the_guide_with_a_refused_plan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text('name = "Week 3"\nassigned_by = "Dr. Lee"\ncolour = "blue"\ngoals = []\n')
    assert main(["import", str(plan)]) == 2
    err = capsys.readouterr().err
    assert "colour: not a field of a plan" in err
    assert err.splitlines()[-1] == f"How to write a plan: {PLAN_FORMAT}"
