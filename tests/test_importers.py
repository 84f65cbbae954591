"""The importer registry returns what it did as an ImportResult; the shell prints it and
the app shows it."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reconnect.store.store import Store
from reconnect.transfer.documents import ImportRefused
from reconnect.transfer.importers import PlanRefused, import_file
from tests.test_portability import JRNL_SAMPLE

NOW = datetime(2026, 11, 21, 9, tzinfo=UTC)
PLAN = """
assigned_by = "Dr. Lee"
assigned_on = 2026-11-18
[[goals]]
title = "Say hi at the café"
[[goals.steps]]
title = "Order and say thanks"
predicted_discomfort = {discomfort}
"""


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.toml"
    path.write_text(PLAN.format(discomfort=5))
    return path


def test_a_plan_says_what_it_added_then_that_it_skipped_it(store: Store, plan: Path) -> None:
    first = import_file(store, plan, now=NOW)
    assert (first.kind, first.added, first.skipped) == ("homework plan", {"goals": 1}, {"goals": 0})
    assert first.summary.startswith("Imported 1 goal from plan.toml (homework from Dr. Lee")
    assert first.changed and first.lines[0] == first.summary
    assert any("Say hi at the café" in line for line in first.details)
    (goal,) = store.goals.all()
    assert goal.created_at == NOW  # the caller's "now": the app passes its own day
    again = import_file(store, plan, now=NOW)
    assert again.added == {"goals": 0} and again.skipped == {"goals": 1}
    assert not again.changed and again.summary.startswith("Nothing new")


def test_checked_only_saves_nothing(store: Store, plan: Path) -> None:
    result = import_file(store, plan, now=NOW, dry_run=True)
    assert result.checked_only and not result.changed
    assert result.summary.startswith("Would import 1 goal")
    assert store.goals.count() == 0


def test_a_jrnl_export(store: Store) -> None:
    result = import_file(store, JRNL_SAMPLE, now=NOW)
    assert result.kind == "jrnl" and result.added == {"reflections": 5}
    assert result.lines == [f"From {JRNL_SAMPLE.name}: added 5 jrnl entries as reflections."]


def test_one_jrnl_entry_is_counted_as_one(store: Store, tmp_path: Path) -> None:
    document = json.loads(JRNL_SAMPLE.read_text(encoding="utf-8"))
    document["entries"] = document["entries"][:1]
    one = tmp_path / "one.json"
    one.write_text(json.dumps(document), encoding="utf-8")
    checked = import_file(store, one, now=NOW, dry_run=True)
    assert checked.lines == ["one.json holds 1 jrnl entry. Checked only: nothing saved."]
    result = import_file(store, one, now=NOW)
    assert result.lines == ["From one.json: added 1 jrnl entry as reflections."]


def test_a_refused_plan_carries_a_hint_for_the_app(store: Store, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(PLAN.format(discomfort=12))
    with pytest.raises(PlanRefused) as refused:
        import_file(store, bad, now=NOW)
    assert "predicted_discomfort" in str(refused.value) and "\n" not in str(refused.value)
    assert "ctrl+o in the import form" in refused.value.hint
    assert store.goals.count() == 0


def test_an_unknown_kind_of_file_is_refused(store: Store, tmp_path: Path) -> None:
    odd = tmp_path / "odd.json"
    odd.write_text("[1, 2]")
    with pytest.raises(ImportRefused, match="not a kind of file reconnect can import"):
        import_file(store, odd, now=NOW)
