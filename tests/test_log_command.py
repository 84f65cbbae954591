"""`reconnect log`: the happy path and each kind of bad value (exit 2, nothing saved)."""

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reconnect.cli.main import main
from reconnect.records.models import Circle, Person
from reconnect.store.store import Store
from tests.process_helpers import run_in_a_process

BASE = ["log", "Said hi to the neighbour", "--counterpart", "neighbour"]


def _saved(data_dir: Path) -> Store:
    return Store.open(data_dir)


def test_logs_a_moment_and_says_what_was_saved(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            *BASE,
            "--depth",
            "1",
            "--comfort",
            "3",
            "--channel",
            "in-person",
            "--note",
            "She waved back",
            "--at",
            "2026-11-20T18:30",
        ]
    )
    assert code == 0
    (connection,) = _saved(data_dir).connections.all()
    out = capsys.readouterr().out.strip()
    assert len(out.splitlines()) == 1
    assert "Said hi to the neighbour" in out and connection.id in out
    assert "depth 1 greeting" in out and "comfort 3 okay" in out and "Fri 20 Nov 18:30" in out
    assert connection.note == "She waved back" and connection.at.hour == 18
    assert connection.at.tzinfo is not None


def test_who_creates_an_unknown_person_and_says_so(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [*BASE, "--depth", "2", "--comfort", "4", "--who", "Mrs Patel"]
    assert main(args) == 0
    assert "Added Mrs Patel to People (circle: neighbour)" in capsys.readouterr().out
    assert main([*args[:-1], "mrs patel"]) == 0
    out = capsys.readouterr().out
    assert "Added" not in out and "with Mrs Patel" in out
    store = _saved(data_dir)
    (person,) = store.people.all()
    assert person.circle is Circle.NEIGHBOUR
    assert [c.person_id for c in store.connections.all()] == [person.id, person.id]


def test_who_finds_a_known_person(data_dir: Path) -> None:
    store = Store.open(data_dir)
    maya = store.people.add(Person(name="Maya", created_at=datetime(2026, 1, 1, tzinfo=UTC)))
    assert main(["log", "Coffee", "--counterpart", "friend", "--depth", "3", "--comfort", "4",
                 "--who", "maya"]) == 0  # fmt: skip
    assert _saved(data_dir).connections.all()[0].person_id == maya.id


@pytest.mark.parametrize(
    ("extra", "says"),
    [
        (["--counterpart", "boss", "--depth", "1", "--comfort", "3"], "--counterpart: 'boss'"),
        (["--depth", "0", "--comfort", "3"], "--depth: '0' is not allowed"),
        (["--depth", "six", "--comfort", "3"], "--depth: 'six' is not allowed"),
        (["--depth", "2", "--comfort", "9"], "--comfort: '9' is not allowed"),
        (["--depth", "2", "--comfort", "3", "--channel", "pigeon"], "--channel: 'pigeon'"),
        (["--depth", "2", "--comfort", "3", "--at", "soon"], "--at: 'soon' is not a date or time"),
        (["--depth", "2", "--comfort", "3", "--at", "2099-01-01T10:00"], "later than now"),
        (["--depth", "2", "--comfort", "3", "--note", "n" * 2001], "--note: at most 2000"),
        (["--depth", "2", "--comfort", "3", "--who", " "], "--who: give a name"),
        (["--depth", "2", "--comfort", "3", "--who", "w" * 101], "--who: at most 100 characters"),
    ],
)
def test_bad_values_exit_2_with_one_line_and_save_nothing(
    data_dir: Path, capsys: pytest.CaptureFixture[str], extra: list[str], says: str
) -> None:
    assert main([*BASE, *extra]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and says in err and "Nothing was saved" in err
    store = _saved(data_dir)
    assert store.connections.count() == 0 and store.people.count() == 0


def test_empty_text_is_refused(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["log", "  ", "--counterpart", "friend", "--depth", "1", "--comfort", "1"]) == 2
    assert "what (the text): must not be empty" in capsys.readouterr().err
    assert _saved(data_dir).connections.count() == 0


def test_a_missing_flag_without_a_terminal_is_one_line_as_a_process(data_dir: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reconnect", "log", "Hi", "--depth", "1", "--comfort", "2"],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("reconnect log: give --counterpart (-k KIND), or run it in a terminal")
    assert "stranger, neighbour" in line and line.endswith("Nothing was saved.")
    assert not (data_dir / "reconnect.json").exists()


def test_logging_as_a_process_does_not_load_the_ui(data_dir: Path) -> None:
    argv = ["log", "Hi", "--counterpart", "friend", "--depth", "1", "--comfort", "2"]
    _, loaded = run_in_a_process(argv, ("textual", "screens", "widgets"))
    assert loaded == []
    assert _saved(data_dir).connections.count() == 1


def test_a_damaged_data_file_exits_3_and_is_left_alone(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir.mkdir()
    path = data_dir / "reconnect.json"
    path.write_bytes(b'{"connections": ')
    assert main([*BASE, "--depth", "1", "--comfort", "3"]) == 3
    assert str(path) in capsys.readouterr().err
    assert path.read_bytes() == b'{"connections": '


def test_the_channel_follows_the_words_unless_given(data_dir: Path) -> None:
    """'Called Mum' was a phone call; a --channel given wins; no channel word: in person."""
    rated = ["--counterpart", "family", "--depth", "3", "--comfort", "4"]
    assert main(["log", "Called Mum", *rated]) == 0
    assert main(["log", "Called Mum", *rated, "--channel", "video"]) == 0
    assert main(["log", "Lunch with Mum", *rated]) == 0
    channels = [c.channel for c in sorted(_saved(data_dir).connections.all(), key=lambda c: c.at)]
    assert channels == ["phone", "video", "in_person"]
