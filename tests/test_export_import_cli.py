"""reconnect export and reconnect import, end to end through the command line."""

import json
import os
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reconnect.cli.main import main
from reconnect.records.models import Reflection
from reconnect.store.store import DATA_FILE_NAME, Store
from reconnect.transfer.documents import ImportRefused
from reconnect.transfer.importers import import_file
from tests.test_portability import JRNL_SAMPLE, everything

SECRET = "A secret I only tell this app"
NOW = datetime(2026, 11, 21, 9, tzinfo=UTC)


class Sections(HTMLParser):
    """Collects section ids, external references and the visible text."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.external: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "section" and values.get("id"):
            self.ids.append(values["id"] or "")
        for key in ("src", "href"):
            if values.get(key):
                self.external.append(values[key] or "")
        if tag in ("script", "link", "img", "iframe"):
            self.external.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@pytest.fixture
def with_private(demo_store: Store) -> Store:
    demo_store.reflections.add(
        Reflection(at=datetime(2026, 11, 18, 20, tzinfo=UTC), body=SECRET, private=True)
    )
    return demo_store


def report(tmp_path: Path, *extra: str) -> Sections:
    out = tmp_path / "report.html"
    period = ["--from", "2026-10-01", "--to", "2026-11-21"]
    code = main(["export", "--format", "html", *period, "-o", str(out), *extra])
    assert code == 0
    parser = Sections()
    parser.feed(out.read_text(encoding="utf-8"))
    return parser


def test_html_report_has_its_sections_and_is_self_contained(
    with_private: Store, tmp_path: Path
) -> None:
    parsed = report(tmp_path)
    assert parsed.ids == [
        "checkins",
        "connections",
        "support",
        "goals",
        "groups",
        "reviews",
        "patterns",
        "reflections",
    ]
    assert parsed.external == []
    text = " ".join(parsed.text)
    assert "Go to the Thursday book club" in text and "Dr. Lee" in text
    assert "not a diagnosis" in text
    assert "@media print" in (tmp_path / "report.html").read_text(encoding="utf-8")


def test_private_reflection_only_with_include_private(
    with_private: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert SECRET not in " ".join(report(tmp_path).text)
    assert "2 private reflections left out" in capsys.readouterr().out
    assert SECRET in " ".join(report(tmp_path, "--include-private").text)


def test_markdown_report(with_private: Store, tmp_path: Path) -> None:
    out = tmp_path / "r.md"
    assert main(["export", "--format", "md", "-o", str(out), "--to", "2026-11-21"]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# reconnect: session report")
    assert SECRET not in text
    # The week section leads with depth and comfort; the count of connections is last.
    section = text.split("## Depth, comfort and myself, per week\n\n", 1)[1]
    header = section.splitlines()[0]
    assert header.startswith("| week of | depth | average comfort (1–5) |")
    assert header.endswith("| connections |")
    rows = [r for r in section.splitlines()[2:] if r.startswith("|")]
    assert any(r.split(" | ")[1].startswith(("mostly ", "most often ", "only ")) for r in rows), (
        rows
    )


def test_backup_round_trip_through_the_commands(
    demo_store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = tmp_path / "backup.json"
    assert main(["export", "--format", "json", "--include-private", "-o", str(backup)]) == 0
    fresh = tmp_path / "fresh"
    assert main(["--data-dir", str(fresh), "import", str(backup)]) == 0
    assert everything(Store.open(fresh)) == everything(demo_store)
    capsys.readouterr()
    assert main(["--data-dir", str(fresh), "import", str(backup)]) == 0
    assert "Added 0 records" in capsys.readouterr().out


def test_csv_and_ics_exports(demo_store: Store, tmp_path: Path) -> None:
    assert main(["export", "--format", "csv", "-o", str(tmp_path / "csv")]) == 0
    assert (tmp_path / "csv" / "connections.csv").exists()
    assert main(["export", "--format", "ics", "-o", str(tmp_path / "steps.ics")]) == 0
    assert b"BEGIN:VEVENT" in (tmp_path / "steps.ics").read_bytes()


def test_jrnl_import_is_detected_and_not_repeated(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(JRNL_SAMPLE)]) == 0
    assert "added 5 jrnl entries" in capsys.readouterr().out
    assert main(["import", str(JRNL_SAMPLE), "--kind", "jrnl"]) == 0
    assert "skipped 5" in capsys.readouterr().out
    assert store.reflections.count() == 5


def test_a_bad_backup_exits_2_and_leaves_the_file(
    demo_store: Store, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    document = {
        "format": "reconnect-backup",
        "schema_version": 1,
        "records": {
            "people": [
                {"id": "1" * 32, "created_at": "2026-01-01T00:00:00Z", "name": "Ok"},
                {"name": ""},
            ]
        },
    }
    bad.write_text(json.dumps(document))
    before = (data_dir / DATA_FILE_NAME).read_bytes()
    assert main(["import", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "people[1]" in err and "Nothing was saved" in err
    assert (data_dir / DATA_FILE_NAME).read_bytes() == before


def test_bad_export_arguments_exit_2(demo_store: Store, tmp_path: Path) -> None:
    assert main(["export", "--format", "md", "--from", "2026-11-21", "--to", "2026-11-01"]) == 2
    with pytest.raises(SystemExit) as info:
        main(["export", "--format", "pdf"])
    assert info.value.code == 2


@pytest.mark.parametrize("fmt", ["md", "csv", "json"])
def test_an_export_into_a_missing_folder_is_one_line_and_makes_nothing(
    demo_store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    missing = tmp_path / "nonexistent" / "dir"
    capsys.readouterr()
    assert main(["export", "--format", fmt, "-o", str(missing / "r.md")]) == 2
    assert capsys.readouterr() == (
        "",
        f"reconnect export: the folder {missing} does not exist: create it first or "
        "choose another.\n",
    )
    assert not (tmp_path / "nonexistent").exists()


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=25,
)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    content=st.one_of(
        st.binary(max_size=300),
        JSON_VALUES.map(lambda v: json.dumps(v).encode()),
        st.fixed_dictionaries(
            {
                "format": st.just("reconnect-backup"),
                "schema_version": st.just(1),
                "records": st.dictionaries(
                    st.sampled_from(["people", "goals", "pets"]),
                    st.lists(JSON_VALUES, max_size=3),
                    max_size=2,
                ),
            }
        ).map(lambda v: json.dumps(v).encode()),
        st.fixed_dictionaries({"entries": st.lists(JSON_VALUES, max_size=3)}).map(
            lambda v: json.dumps(v).encode()
        ),
    ),
    kind=st.sampled_from([None, "backup", "jrnl", "plan"]),
)
def test_any_bytes_or_json_is_refused_cleanly_and_changes_nothing(
    demo_store: Store, data_dir: Path, tmp_path: Path, content: bytes, kind: str | None
) -> None:
    path = tmp_path / "input.json"
    path.write_bytes(content)
    before_bytes = (data_dir / DATA_FILE_NAME).read_bytes()
    before = everything(Store.open(data_dir))
    try:
        import_file(Store.open(data_dir), path, now=NOW, kind=kind)
    except ImportRefused:
        assert (data_dir / DATA_FILE_NAME).read_bytes() == before_bytes
    else:
        # A file that imports may only add records: every earlier one is still there, as it was.
        after = everything(Store.open(data_dir))
        for name, records in before.items():
            kept = {r.id: r for r in after[name]}
            assert all(kept.get(r.id) == r for r in records)
    assert os.stat(data_dir / DATA_FILE_NAME).st_mode & 0o777 == 0o600


def test_a_backup_from_the_shell_holds_private_reflections_unless_told_not_to(
    with_private: Store, tmp_path: Path
) -> None:
    full, trimmed = tmp_path / "full.json", tmp_path / "trimmed.json"
    assert main(["export", "--format", "json", "-o", str(full)]) == 0
    assert main(["export", "--format", "json", "--no-include-private", "-o", str(trimmed)]) == 0
    assert SECRET in full.read_text(encoding="utf-8")
    assert SECRET not in trimmed.read_text(encoding="utf-8")
    assert full.stat().st_mode & 0o777 == 0o600
