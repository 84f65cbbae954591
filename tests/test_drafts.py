"""The reflection draft file: atomic, private, lenient to read, never silently lost."""

import json
import os
import stat
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reconnect.logic.drafts import (
    DraftUnreadable,
    ReflectionDraft,
    clear_draft,
    draft_path,
    load_draft,
    save_draft,
)


def _draft(**kw: object) -> ReflectionDraft:
    base = dict(
        title="A quiet week",
        patterns=("busy", "inward"),
        prompt="Which relationship feels safe enough for one small step?",
        body="I kept my phone face down.\nThen I texted Maya. 🌱 Ça va. 你好",
        energy=2,
        avoided="Calling back",
        private=True,
        saved_at=datetime(2026, 11, 21, 14, 5, tzinfo=UTC),
    )
    base.update(kw)
    return ReflectionDraft(**base)  # type: ignore[arg-type]


def test_round_trip_keeps_every_field(data_dir: Path) -> None:
    path = draft_path(data_dir)
    draft = _draft(editing_id="a" * 32)
    save_draft(path, draft)
    loaded = load_draft(path)
    assert loaded == draft
    assert loaded is not None and loaded.saved_at == draft.saved_at


def test_file_is_private_and_no_temp_files_are_left(data_dir: Path) -> None:
    path = draft_path(data_dir)
    save_draft(path, _draft())
    save_draft(path, _draft(body="second version"))
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert [p.name for p in data_dir.iterdir()] == [path.name]
    assert load_draft(path).body == "second version"  # type: ignore[union-attr]


def test_text_too_long_to_save_is_still_kept(data_dir: Path) -> None:
    path = draft_path(data_dir)
    body = "word " * 5_000  # 25,000 characters: more than a reflection may hold
    save_draft(path, _draft(body=body))
    assert load_draft(path).body == body  # type: ignore[union-attr]


def test_missing_or_empty_draft_is_none(data_dir: Path) -> None:
    path = draft_path(data_dir)
    assert load_draft(path) is None
    save_draft(path, ReflectionDraft(prompt="a prompt alone is not writing"))
    assert load_draft(path) is None


def test_clear_removes_the_file_and_tolerates_none(data_dir: Path) -> None:
    path = draft_path(data_dir)
    save_draft(path, _draft())
    clear_draft(path)
    clear_draft(path)
    assert not path.exists()


def test_damaged_file_is_moved_aside_not_deleted(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    path = draft_path(data_dir)
    path.write_bytes(b'{"body": "half a sente')
    with pytest.raises(DraftUnreadable) as caught:
        load_draft(path)
    assert not path.exists()
    assert caught.value.kept_at.read_bytes() == b'{"body": "half a sente'
    assert caught.value.kept_at.parent == data_dir


def test_wrong_typed_fields_are_dropped_not_the_writing(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    path = draft_path(data_dir)
    path.write_text(
        json.dumps(
            {
                "body": "still here",
                "energy": 9,
                "patterns": "busy",
                "private": "yes",
                "saved_at": 12,
                "editing_id": 3,
                "unknown": 1,
            }
        )
    )
    assert load_draft(path) == ReflectionDraft(body="still here")


@pytest.mark.parametrize(
    ("draft", "has_writing"),
    [
        (ReflectionDraft(), False),
        (ReflectionDraft(prompt="p", private=True), False),
        (ReflectionDraft(body="  \n "), False),
        (ReflectionDraft(body="x"), True),
        (ReflectionDraft(patterns=("busy",)), True),
        (ReflectionDraft(energy=3), True),
        (ReflectionDraft(avoided="a call"), True),
        (ReflectionDraft(title="t"), True),
    ],
)
def test_has_writing(draft: ReflectionDraft, has_writing: bool) -> None:
    assert draft.has_writing() is has_writing


ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()))


@given(body=ANY_TEXT, title=ANY_TEXT, avoided=ANY_TEXT)
def test_any_text_survives_a_round_trip(body: str, title: str, avoided: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "draft.json"
        draft = ReflectionDraft(title=title, body=body, avoided=avoided, energy=4)
        save_draft(path, draft)
        assert load_draft(path) == draft


def test_a_review_draft_round_trips_and_reads_leniently(data_dir: Path) -> None:
    from datetime import date

    from reconnect.logic.drafts import ReviewDraft, review_draft_path

    path = review_draft_path(data_dir)
    draft = ReviewDraft(
        week=date(2026, 11, 9),
        helped="A walk 🌱",
        next_step="Call Mum",
        next_step_goal_id="g" * 32,
        expected="4",
        saved_at=datetime(2026, 11, 21, 14, 5, tzinfo=UTC),
    )
    save_draft(path, draft)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_draft(path, ReviewDraft) == draft
    assert path.name != draft_path(data_dir).name  # one file each, never mixed up
    # A wrong-typed field is dropped, the writing around it kept.
    path.write_text(json.dumps({"week": "2026-11-09", "helped": 3, "got_in_the_way": "Tired"}))
    assert load_draft(path, ReviewDraft) == ReviewDraft(
        week=date(2026, 11, 9), got_in_the_way="Tired"
    )
    # A draft with no week cannot be placed: set aside, never deleted.
    path.write_text(json.dumps({"helped": "words"}))
    with pytest.raises(DraftUnreadable) as caught:
        load_draft(path, ReviewDraft)
    assert "words" in caught.value.kept_at.read_text()
