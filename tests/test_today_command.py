"""`reconnect today`: the week in one line (or --json) for a prompt or a status line;
gentle on a quiet week, at most 80 columns, and the passphrase of an encrypted folder
honoured."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from reconnect.cli.main import main
from reconnect.logic.today_line import QUIET_WEEK, TodayFacts, today_facts, today_line
from reconnect.logic.weeks import at_local
from reconnect.records.models import (
    CheckIn,
    Connection,
    Goal,
    Homework,
    Person,
    Step,
    WeeklyReview,
)
from reconnect.store.store import Store
from tests.conftest import PINNED_TODAY
from tests.encryption_helpers import PASSPHRASE, cheap_scrypt  # noqa: F401 (a fixture)
from tests.process_helpers import run_in_a_process

LONG_AGO = datetime(2026, 1, 1, tzinfo=UTC)
# Words a quiet week must never meet: no shame, no streaks, nothing late.
UI = ("textual", "screens", "widgets")
PYDANTIC = ("pydantic", "reconnect.records.models")
HARSH = ("streak", "missed", "behind", "overdue", "late", "only", "failed", "0 moments")


def _moment(day: date, hour: int = 12, person_id: str | None = None) -> Connection:
    return Connection(
        at=at_local(day, datetime.min.time().replace(hour=hour)),
        what="Said hi",
        counterpart="neighbour",
        depth=1,
        comfort=3,
        person_id=person_id,
    )


def _facts(store: Store, today: date = PINNED_TODAY, first_day: int = 0) -> TodayFacts:
    return today_facts(store, today, first_day)


def test_a_quiet_week_is_an_invitation(store: Store) -> None:
    line = today_line(_facts(store))
    assert line.startswith(QUIET_WEEK)
    assert not any(word in line.lower() for word in HARSH)


def test_moments_this_week_are_counted_by_the_first_day_setting(store: Store) -> None:
    sunday = date(2026, 11, 15)  # before a Monday week, the first day of a Sunday week
    store.connections.add_many([_moment(sunday), _moment(PINNED_TODAY), _moment(PINNED_TODAY)])
    assert _facts(store, first_day=0).moments_this_week == 2
    assert _facts(store, first_day=6).moments_this_week == 3
    assert today_line(_facts(store)).startswith("2 moments this week")
    store.connections.add(_moment(date(2026, 11, 22)))  # a Sunday: which week is it in?
    monday = date(2026, 11, 23)
    assert _facts(store, monday, first_day=0).moments_this_week == 0
    assert _facts(store, monday, first_day=6).moments_this_week == 1


def test_homework_due_soonest_is_next_and_said_by_weekday(store: Store) -> None:
    store.goals.add(
        Goal(created_at=LONG_AGO, title="Walk more", steps=[Step(title="Walk round the block")])
    )
    store.goals.add(
        Goal(
            created_at=LONG_AGO,
            title="Reach out",
            homework=Homework(assigned_on=date(2026, 11, 10), due_on=date(2026, 11, 26)),
            steps=[Step(title="call Ana", difficulty=2), Step(title="visit Ana", difficulty=5)],
        )
    )
    facts = _facts(store)
    assert facts.next is not None and facts.next.step == "call Ana" and facts.next.homework
    assert "next: call Ana (due Thu)" in today_line(facts)


def test_a_planned_step_and_a_date_gone_by(store: Store) -> None:
    store.goals.add(
        Goal(
            created_at=LONG_AGO,
            title="Homework gone by",
            homework=Homework(assigned_on=date(2026, 11, 1), due_on=date(2026, 11, 12)),
        )
    )
    store.goals.add(
        Goal(
            created_at=LONG_AGO,
            title="Book club",
            steps=[Step(title="Go once", planned_on=date(2026, 12, 3))],
        )
    )
    line = today_line(_facts(store))
    assert "next: Go once (planned Thu 3 Dec)" in line
    store.goals.add(
        Goal(
            created_at=LONG_AGO,
            title="Today",
            steps=[Step(title="Text Sam", planned_on=PINNED_TODAY)],
        )
    )
    assert "next: Text Sam (planned today)" in today_line(_facts(store))


def test_a_date_gone_by_is_left_out_not_called_late(store: Store) -> None:
    store.goals.add(
        Goal(
            created_at=LONG_AGO,
            title="Write to Gran",
            homework=Homework(assigned_on=date(2026, 11, 1), due_on=date(2026, 11, 12)),
        )
    )
    line = today_line(_facts(store))
    assert "Write to Gran: no steps yet" in line
    assert "due" not in line.split("Gran")[1].split("·")[0]


def test_a_goal_without_steps_says_so_and_a_step_to_take_comes_first(store: Store) -> None:
    walking = store.goals.add(Goal(created_at=LONG_AGO, title="Join a walking group"))
    line = today_line(_facts(store))
    assert "Join a walking group: no steps yet" in line and "next:" not in line
    done = Step(title="Say hi", done_at=LONG_AGO, actual_discomfort=3)
    store.goals.update(walking.model_copy(update={"steps": [done]}))
    assert "Join a walking group: every step done" in today_line(_facts(store))
    store.goals.add(Goal(created_at=LONG_AGO, title="Call more", steps=[Step(title="Ring Al")]))
    assert "next: Ring Al" in today_line(_facts(store))


def test_someone_past_their_rhythm_is_a_gentle_hello(store: Store) -> None:
    ana = store.people.add(Person(name="Ana", created_at=LONG_AGO, cadence_days=7))
    added = datetime(2026, 10, 7, tzinfo=UTC)  # 45 days ago: a little past 30, Ana more
    store.people.add(Person(name="Sam", created_at=added, cadence_days=30))
    store.people.add(Person(name="Kit", created_at=LONG_AGO))  # no rhythm wished for
    store.connections.add(_moment(PINNED_TODAY - timedelta(days=20), person_id=ana.id))
    facts = _facts(store)
    assert facts.losing_touch == ["Ana", "Sam"]
    assert today_line(facts) == "No moments yet this week · maybe say hi to Ana (+1) · check-in due"


def test_checkin_and_review_due(store: Store) -> None:
    monday = date(2026, 11, 23)
    assert _facts(store, monday).review_due is False  # last week was empty: nothing asked
    store.connections.add(_moment(date(2026, 11, 18)))
    facts = _facts(store, monday)
    assert facts.checkin_due and facts.review_due
    assert today_line(facts).endswith("check-in and review due")
    store.reviews.add(
        WeeklyReview(week=date(2026, 11, 16), at=at_local(monday, datetime.min.time()))
    )
    store.checkins.add(
        CheckIn(week=date(2026, 11, 16), at=at_local(monday, datetime.min.time()),
                lack_companionship=1, left_out=1, isolated=1)
    )  # fmt: skip
    facts = _facts(store, monday)
    assert not facts.checkin_due and not facts.review_due
    assert "due" not in today_line(facts)


def test_the_line_fits_80_columns_with_everything_at_once(store: Store) -> None:
    long_title = "Tell my sister what the last three months have really been like for me"
    store.goals.add(
        Goal(
            created_at=LONG_AGO,
            title="Be honest",
            homework=Homework(assigned_on=date(2026, 11, 10), due_on=date(2026, 11, 26)),
            steps=[Step(title=long_title)],
        )
    )
    store.people.add(Person(name="Bartholomew", created_at=LONG_AGO, cadence_days=7))
    for today in (PINNED_TODAY, date(2026, 11, 23)):
        line = today_line(_facts(store, today))
        assert len(line) <= 80, line
        assert "next: Tell my sister" in line and "\u2026 (due Thu)" in line
    store.connections.add(_moment(PINNED_TODAY))
    line = today_line(_facts(store))
    assert len(line) <= 80 and line.startswith("1 moment this week")


def test_the_command_prints_one_line_and_json_the_same_facts(
    store: Store, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store.connections.add(_moment(PINNED_TODAY))
    store.close()
    assert main(["--today", "2026-11-21", "today"]) == 0
    line = capsys.readouterr().out
    assert line.count("\n") == 1 and line.startswith("1 moment this week")
    assert main(["--today", "2026-11-21", "today", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["moments_this_week"] == 1 and found["week_start"] == "2026-11-16"
    assert found["line"] == line.strip()
    assert set(found) >= {"next", "losing_touch", "checkin_due", "review_due", "today"}


def test_no_data_yet_makes_no_folder(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["today"]) == 0
    assert capsys.readouterr().out.strip() == QUIET_WEEK
    assert not data_dir.exists()


@pytest.mark.usefixtures("cheap_scrypt")
def test_an_encrypted_folder_needs_its_passphrase(
    store: Store,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    store.connections.add(_moment(PINNED_TODAY))
    store.close()
    secret = tmp_path / "pw"
    secret.write_text(PASSPHRASE + "\n")
    monkeypatch.setenv("RECONNECT_NEW_PASSPHRASE_FILE", str(secret))
    monkeypatch.setenv("RECONNECT_PASSPHRASE_FILE", str(secret))
    assert main(["encrypt"]) == 0
    capsys.readouterr()
    assert main(["--today", "2026-11-21", "today"]) == 0
    assert capsys.readouterr().out.startswith("1 moment this week")
    monkeypatch.delenv("RECONNECT_PASSPHRASE_FILE")
    # Even at a terminal: a prompt runs it, and cannot answer a question.
    monkeypatch.setattr("reconnect.cli.passphrase.has_terminal", lambda: True)
    monkeypatch.setattr("reconnect.cli.passphrase.ask", lambda _: pytest.fail("asked"))
    assert main(["today"]) == 3
    assert "no passphrase was given" in capsys.readouterr().err


def test_today_as_a_process_does_not_load_the_ui(store: Store) -> None:
    _, loaded = run_in_a_process(["today"], UI)
    assert loaded == []


def test_today_as_a_process_validates_nothing_so_loads_no_pydantic(store: Store) -> None:
    """Its figures come from the index and stored documents: building the models (and
    importing pydantic) would cost more than the whole look at a prompt."""
    person = store.people.add(Person(created_at=LONG_AGO, name="Ana", cadence_days=7))
    store.connections.add(_moment(date(2026, 11, 1), person_id=person.id))
    store.connections.add(_moment(date(2026, 11, 18)))
    store.goals.add(Goal(created_at=LONG_AGO, title="Call Ana", steps=[Step(title="Text her")]))
    store.close()
    printed, loaded = run_in_a_process(["--today", "2026-11-21", "today"], PYDANTIC)
    assert printed[-1].startswith("1 moment this week · next: Text her") and "Ana" in printed[-1]
    assert loaded == []


@pytest.mark.parametrize(
    ("written", "first_day"),
    [("first_day_of_week = 6\n", 6), ("first_day_of_week = 9\n", 0), ("not toml [", 0)],
)
def test_the_first_day_comes_from_settings(
    store: Store,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    written: str,
    first_day: int,
) -> None:
    store.connections.add(_moment(date(2026, 11, 15)))  # a Sunday
    store.close()
    (tmp_path / "config").mkdir(exist_ok=True)
    (tmp_path / "config" / "settings.toml").write_text(written)
    assert main(["--today", "2026-11-21", "today", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["moments_this_week"] == (1 if first_day == 6 else 0)


def test_a_process_reads_the_first_day_without_loading_settings(
    store: Store, tmp_path: Path
) -> None:
    store.connections.add(_moment(date(2026, 11, 15)))  # a Sunday
    store.close()
    (tmp_path / "config").mkdir(exist_ok=True)
    (tmp_path / "config" / "settings.toml").write_text("first_day_of_week = 6\n")
    printed, loaded = run_in_a_process(["--today", "2026-11-21", "today"], ("reconnect.settings",))
    assert printed == ["1 moment this week · check-in due"] and loaded == []


def test_documents_that_do_not_read_as_expected_are_left_out() -> None:
    from reconnect.logic.today_docs import active_goals, drifting_names, has_week

    goals = [
        {"title": "Odd steps", "steps": "not a list"},
        {"title": "Odd day", "homework": {"due_on": "someday"}},
        {"steps": []},  # no title
        {"title": "Resting", "status": "paused", "paused_until": "2026-12-01"},
        {"title": "Rested", "status": "paused", "paused_until": "2026-11-01"},
        {"title": "Fine", "steps": [{"title": "b", "difficulty": 5}, {"title": "a"}]},
    ]
    found = active_goals(goals, PINNED_TODAY)
    assert [(g.title, g.step) for g in found] == [("Rested", None), ("Fine", "a")]
    people = [
        {"id": "x", "name": "No date", "cadence_days": 7, "created_at": "soon"},
        {"id": "y", "name": "Kept", "cadence_days": 7, "created_at": "2026-01-01T00:00:00Z"},
    ]
    assert drifting_names(people, {}, PINNED_TODAY) == ["Kept"]
    assert has_week([{"week": "soon"}, {}], date(2026, 11, 16), 0) is False
    assert has_week([{"week": "2026-11-18"}], date(2026, 11, 16), 0) is True


def test_a_prompt_running_today_again_and_again_writes_nothing(
    store: Store, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Not even the lock file: a new token there would make a running app reload, and a
    sync tool copy the folder at every prompt."""
    store.connections.add(_moment(date(2026, 11, 18)))
    store.close()
    assert main(["--today", "2026-11-21", "today"]) == 0

    def files() -> dict[str, tuple[bytes, int]]:
        return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in data_dir.iterdir()}

    before = files()
    for _ in range(3):
        assert main(["--today", "2026-11-21", "today"]) == 0
    assert files() == before
    assert capsys.readouterr().out.count("1 moment this week") == 4
