"""Conflicted copies are known by the names each sync tool gives them, and nothing else
beside the data file is taken for one."""

from __future__ import annotations

from pathlib import Path

import pytest

from reconnect.store.conflicts import DATA, DRAFT, JOURNAL, find

DRAFTS = ("reflection-draft.json", "review-draft.json")


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("reconnect.sync-conflict-20261201-101500-B7X2KQM.json", DATA),
        ("reconnect (Ana's conflicted copy 2026-12-01).json", DATA),
        ("reconnect (Ana's conflicted copy 2026-12-01 (1)).json", DATA),
        ("reconnect (conflicted copy 2026-12-01 101500).json", DATA),
        ("reconnect_conflict-20261201-101500.json", DATA),
        ("reconnect.json.sync-conflict-20261201-101500-B7X2KQM.journal", JOURNAL),
        ("reconnect.json (Ana's conflicted copy 2026-12-01).journal", JOURNAL),
        ("reconnect.json (conflicted copy 2026-12-01 101500).journal", JOURNAL),
        ("reconnect.json_conflict-20261201-101500.journal", JOURNAL),
        ("reconnect.json.journal.unmatched", JOURNAL),
        ("reconnect.json.journal.unmatched.2", JOURNAL),
        ("reflection-draft.sync-conflict-20261201-101500-B7X2KQM.json", DRAFT),
        ("review-draft (Ana's conflicted copy 2026-12-01).json", DRAFT),
        ("reflection-draft (conflicted copy 2026-12-01 101500).json", DRAFT),
        ("review-draft_conflict-20261201-101500.json", DRAFT),
    ],
)
def test_each_tools_name_is_a_conflicted_copy(name: str, kind: str, tmp_path: Path) -> None:
    (tmp_path / name).write_bytes(b"")
    (found,) = find(tmp_path, "reconnect.json", DRAFTS)
    assert (found.path.name, found.kind) == (name, kind)


@pytest.mark.parametrize(
    "name",
    [
        "reconnect.json",
        "reconnect.json.journal",
        "reconnect.json.lock",
        "reconnect.json.before-schema-4",
        "reconnect.json.journal.torn",
        "reflection-draft.json",
        "reflection-draft.unreadable-20261201-101500.json",
        ".reconnect.json.1234.tmp",
        "other (Ana's conflicted copy 2026-12-01).json",
        "merged",
    ],
)
def test_our_own_files_are_not_taken_for_copies(name: str, tmp_path: Path) -> None:
    (tmp_path / name).write_bytes(b"")
    assert find(tmp_path, "reconnect.json", DRAFTS) == []
