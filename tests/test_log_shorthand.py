"""`reconnect log "coffee with Ana" -d 3 -c 4`: short flags, who Ana is to you taken
from People, natural --at, and asking for what is missing at a terminal."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from reconnect.cli import ask_missing
from reconnect.cli.main import main
from reconnect.records.models import Circle, Counterpart, Person, now_local
from reconnect.store.store import Store


def _add(data_dir: Path, name: str, circle: Circle) -> Person:
    store = Store.open(data_dir)
    return store.people.add(
        Person(name=name, circle=circle, created_at=datetime(2026, 1, 1, tzinfo=UTC))
    )


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> io.StringIO:
    """A person at a terminal: answers are written into the returned stdin."""
    answers = io.StringIO()
    monkeypatch.setattr(ask_missing, "can_ask", lambda: True)
    monkeypatch.setattr("sys.stdin", answers)
    return answers


@pytest.fixture
def no_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ask_missing, "can_ask", lambda: False)


def test_a_known_person_gives_who_they_are_so_depth_and_comfort_are_enough(
    data_dir: Path, capsys: pytest.CaptureFixture[str], no_terminal: None
) -> None:
    ana = _add(data_dir, "Ana", Circle.CHOSEN_FAMILY)
    assert main(["log", "coffee with Ana", "-w", "ana", "-d", "3", "-c", "4"]) == 0
    (saved,) = Store.open(data_dir).connections.all()
    assert saved.counterpart is Counterpart.CHOSEN_FAMILY and saved.person_id == ana.id
    assert (saved.depth, saved.comfort) == (3, 4)
    assert "with Ana" in capsys.readouterr().out


def test_a_kind_given_wins_over_the_persons_circle(data_dir: Path, no_terminal: None) -> None:
    _add(data_dir, "Ana", Circle.FRIEND)
    assert main(["log", "Shift together", "-w", "Ana", "-k", "coworker", "-d", "2", "-c", "3"]) == 0
    assert Store.open(data_dir).connections.all()[0].counterpart is Counterpart.COWORKER


def test_short_flags_for_the_rest(data_dir: Path, no_terminal: None) -> None:
    args = ["log", "Call", "-k", "family", "-d", "4", "-c", "2", "-m", "5", "-n", "long one"]
    assert main([*args, "-a", "yesterday 18:00"]) == 0
    (saved,) = Store.open(data_dir).connections.all()
    assert (saved.authenticity, saved.note) == (5, "long one")
    yesterday = now_local().date() - timedelta(days=1)
    assert saved.at.astimezone().date() == yesterday and saved.at.astimezone().hour == 18


def test_a_new_name_without_a_kind_and_no_terminal_says_what_to_give(
    data_dir: Path, capsys: pytest.CaptureFixture[str], no_terminal: None
) -> None:
    assert main(["log", "Hello", "-w", "Bea", "-c", "3"]) == 2
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert "give --counterpart (-k KIND) and --depth (-d 1-5)" in line
    assert "Bea is not in People yet" in line and line.endswith("Nothing was saved.")
    store = Store.open(data_dir)
    assert store.connections.count() == 0 and store.people.count() == 0


def test_at_a_terminal_what_is_missing_is_asked_for_on_stderr(
    data_dir: Path, capsys: pytest.CaptureFixture[str], terminal: io.StringIO
) -> None:
    terminal.write("boss\nfriend\n7\n3\n4\n")  # a wrong kind and depth are asked again
    terminal.seek(0)
    assert main(["log", "Walk", "--who", "Bea"]) == 0
    out, err = capsys.readouterr()
    assert "Who is Bea to you (stranger," in err and "Depth (1 greeting" in err
    assert "'boss' is not one of" in err
    assert "'7' is not one of them: type a number from 1 to 5" in err
    assert "Comfort (1 very uneasy" in err
    assert out.startswith("Added Bea to People (circle: friend)")
    (saved,) = Store.open(data_dir).connections.all()
    assert (saved.counterpart, saved.depth, saved.comfort) == (Counterpart.FRIEND, 3, 4)


def test_input_ending_at_a_prompt_saves_nothing(
    data_dir: Path, capsys: pytest.CaptureFixture[str], terminal: io.StringIO
) -> None:
    terminal.write("2\n")  # depth, then ctrl+d at comfort
    terminal.seek(0)
    assert main(["log", "Wave", "-k", "neighbour"]) == 2
    assert capsys.readouterr().err.strip().endswith("no answer was given. Nothing was saved.")
    assert not (data_dir / "reconnect.json").exists()


def test_ctrl_c_at_a_prompt_says_nothing_was_saved(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    class Interrupted(io.StringIO):
        def readline(self, *_: object) -> str:
            raise KeyboardInterrupt

    monkeypatch.setattr(ask_missing, "can_ask", lambda: True)
    monkeypatch.setattr("sys.stdin", Interrupted())
    assert main(["log", "Wave", "-k", "neighbour"]) == 130
    assert capsys.readouterr().err.strip().endswith("Stopped: nothing was saved.")
    assert not (data_dir / "reconnect.json").exists()


def test_bad_words_are_refused_before_anything_is_asked(
    data_dir: Path, capsys: pytest.CaptureFixture[str], terminal: io.StringIO
) -> None:
    assert main(["log", "  ", "-w", "Bea"]) == 2
    err = capsys.readouterr().err
    assert "Depth" not in err and "what (the text): must not be empty" in err


def test_a_bad_natural_date_is_one_line_with_an_example(
    data_dir: Path, capsys: pytest.CaptureFixture[str], no_terminal: None
) -> None:
    assert main(["log", "Hi", "-k", "friend", "-d", "1", "-c", "2", "-a", "someday"]) == 2
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert "--at: 'someday' is not a date or time" in line and "yesterday 18:00" in line


def test_a_long_question_wraps_between_words_at_the_terminal_width(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """At 80 columns the kinds of person wrapped mid-word ("ch" / "osen-family")."""
    monkeypatch.setenv("COLUMNS", "40")
    prompt = "Who was it with (stranger, neighbour, friend, family, chosen-family, group)? "
    lines = ask_missing.fit(prompt).split("\n")
    assert all(len(line) <= 39 for line in lines) and len(lines) > 1
    assert "chosen-family," in lines[1].split()
    assert lines[-1].endswith("? ")  # the answer starts after a space
    assert " ".join(lines) == prompt
