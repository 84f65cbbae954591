"""A private reflection leaves no trace in anything exported unless the person asks:
no text, no pattern tally, no count of it; with --include-private it is all there."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from reconnect.cli.main import main
from reconnect.records.content import PATTERNS_BY_ID
from reconnect.records.models import Reflection
from reconnect.store.store import Store

SECRET = "Only this app knows I stayed in bed all Sunday"
PATTERN = "busy"  # ticked by the private reflection alone
PATTERN_NAME = PATTERNS_BY_ID[PATTERN].name
PERIOD = ["--from", "2026-11-01", "--to", "2026-11-21"]


@pytest.fixture
def journal(store: Store) -> Store:
    store.reflections.add(
        Reflection(at=datetime(2026, 11, 16, 20, tzinfo=UTC), body="A walk with Sam, fine.")
    )
    store.reflections.add(
        Reflection(
            at=datetime(2026, 11, 18, 20, tzinfo=UTC),
            body=SECRET,
            patterns=[PATTERN],
            private=True,
        )
    )
    return store


def exported(tmp_path: Path, fmt: str, *extra: str) -> str:
    """Everything `reconnect export --format fmt` wrote, as one text."""
    out = tmp_path / f"out-{fmt}{'-private' if extra else ''}"
    assert main(["export", "--format", fmt, *PERIOD, "-o", str(out), *extra]) == 0
    files = sorted(out.iterdir()) if out.is_dir() else [out]
    return "\n".join(f.read_text(encoding="utf-8") for f in files)


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "ics"])
def test_a_private_reflection_leaves_no_trace_by_default(
    journal: Store, tmp_path: Path, fmt: str
) -> None:
    text = exported(tmp_path, fmt)
    assert SECRET not in text
    assert PATTERN_NAME not in text
    assert PATTERN not in text  # not as a pattern id in a CSV column either
    assert "private reflection" not in text  # not even how many were left out


def test_a_backup_without_private_leaves_no_trace(journal: Store, tmp_path: Path) -> None:
    text = exported(tmp_path, "json", "--no-include-private")
    assert SECRET not in text and f'"{PATTERN}"' not in text


def test_the_reports_tally_only_what_they_show(journal: Store, tmp_path: Path) -> None:
    assert "No patterns ticked in this period." in exported(tmp_path, "md")
    assert f"- {PATTERN_NAME}: 1" in exported(tmp_path, "md", "--include-private")


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "json"])
def test_include_private_brings_it_all(journal: Store, tmp_path: Path, fmt: str) -> None:
    text = exported(tmp_path, fmt, "--include-private")
    assert SECRET in text
    assert (PATTERN if fmt in ("csv", "json") else PATTERN_NAME) in text


def test_the_person_exporting_is_told_what_was_left_out(
    journal: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported(tmp_path, "html")
    assert "1 private reflection left out" in capsys.readouterr().out
