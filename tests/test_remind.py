"""`reconnect remind`: what is due, gently; a desktop notification; a daily timer written
to (and removed from) a temporary config home, with systemctl faked or absent."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from reconnect.cli.main import main
from reconnect.cli.remind_command import HEADING, NOTHING_DUE
from reconnect.logic.reminders import reminders, week_reminders
from reconnect.records.models import (
    CheckIn,
    Connection,
    Goal,
    Homework,
    HomeworkOutcome,
    ImportantDate,
    Person,
    Step,
    WeeklyReview,
)
from reconnect.store.store import Store
from tests.encryption_helpers import PASSPHRASE, cheap_scrypt  # noqa: F401 (a fixture)

MONDAY = date(2026, 11, 23)
THURSDAY = date(2026, 11, 26)
LAST_WEEK = date(2026, 11, 16)
LONG_AGO = datetime(2026, 1, 1, tzinfo=UTC)


def homework(title: str, due: date, outcome: HomeworkOutcome | None = None) -> Goal:
    return Goal(
        created_at=LONG_AGO,
        title=title,
        homework=Homework(
            assigned_by="Dr Lee", assigned_on=date(2026, 11, 1), due_on=due, outcome=outcome
        ),
        steps=[Step(title="Say hi to one person")],
    )


def checkin(week: date) -> CheckIn:
    return CheckIn(week=week, at=LONG_AGO, lack_companionship=1, left_out=1, isolated=1)


def review(week: date) -> WeeklyReview:
    return WeeklyReview(week=week, at=LONG_AGO)


def due(today: date, **records: list) -> list[str]:
    found = reminders(
        goals=records.get("goals", []),
        people=records.get("people", []),
        latest={},
        reviews=records.get("reviews", [review(LAST_WEEK)]),
        checkins=records.get("checkins", [checkin(LAST_WEEK)]),
        today=today,
    )
    return [r.text for r in found]


# --- what is due ------------------------------------------------------------------------


def test_nothing_due_is_nothing() -> None:
    assert due(MONDAY) == []


def test_homework_due_within_two_days_and_not_yet_reviewed() -> None:
    goals = [
        homework("Join the walk", MONDAY + timedelta(days=2)),
        homework("Call a cousin", MONDAY),
        homework("Too far off", MONDAY + timedelta(days=3)),
        homework("Already past", MONDAY - timedelta(days=1)),
        homework("Reviewed", MONDAY, HomeworkOutcome.DONE),
    ]
    lines = due(MONDAY, goals=goals)
    assert lines == [
        "Homework from Dr Lee, “Call a cousin”, is due today. One small step: Say hi to one "
        "person. Whatever part you manage counts.",
        "Homework from Dr Lee, “Join the walk”, is due on Wednesday 25 November. One small "
        "step: Say hi to one person. Whatever part you manage counts.",
    ]


def test_the_week_just_ended_in_the_first_days_of_a_new_one() -> None:
    assert week_reminders([], [], MONDAY) == week_reminders([], [], MONDAY + timedelta(days=2))
    [open_week] = week_reminders([], [], MONDAY)
    assert "week of 16 November" in open_week.text
    assert "the review and the check-in" in open_week.text
    [review_only] = week_reminders([], [checkin(LAST_WEEK)], MONDAY)
    assert "the review, in the app" in review_only.text
    assert week_reminders([], [], THURSDAY) == []  # later in the week: not a word
    assert week_reminders([review(LAST_WEEK)], [checkin(LAST_WEEK)], MONDAY) == []


def test_a_week_with_no_moments_is_not_asked_to_be_reviewed() -> None:
    [checkin_only] = week_reminders([], [], MONDAY, moments_last_week=False)
    assert "the check-in, in the app" in checkin_only.text and "review" not in checkin_only.text
    assert week_reminders([], [checkin(LAST_WEEK)], MONDAY, moments_last_week=False) == []


@pytest.mark.parametrize("moment_last_week", [True, False])
def test_remind_and_today_agree_about_the_review(
    store: Store, capsys: pytest.CaptureFixture[str], moment_last_week: bool
) -> None:
    from reconnect.logic.today_line import today_facts
    from reconnect.logic.weeks import at_local

    day = LAST_WEEK + timedelta(days=2) if moment_last_week else MONDAY - timedelta(days=30)
    store.connections.add(
        Connection(
            at=at_local(day, datetime.min.time().replace(hour=12)),
            what="Said hi",
            counterpart="neighbour",
            depth=1,
            comfort=3,
        )
    )
    assert today_facts(store, MONDAY).review_due is moment_last_week
    store.close()
    assert main(["--today", MONDAY.isoformat(), "remind"]) == 0
    assert ("the review" in capsys.readouterr().out) is moment_last_week


def test_a_birthday_tomorrow_and_people_past_their_rhythm() -> None:
    sam = Person(
        created_at=LONG_AGO,
        name="Sam",
        cadence_days=14,
        important_dates=[ImportantDate(label="Birthday", month=11, day=24)],
    )
    lines = due(MONDAY, people=[sam])
    assert lines[0] == "Tomorrow is Sam's birthday: a two-line message is enough."
    assert lines[1].startswith("Someone you hoped to hear from more often: Sam, 326 days")
    assert "A short hello is enough" in lines[1]


def test_no_word_of_blame() -> None:
    everything = due(
        MONDAY,
        goals=[homework("Call a cousin", MONDAY)],
        reviews=[],
        checkins=[],
        people=[Person(created_at=LONG_AGO, name="Sam", cadence_days=7)],
    )
    words = " ".join(everything).lower()
    for harsh in ("overdue", "missed", "failed", "behind", "streak", "should"):
        assert harsh not in words


# --- the command --------------------------------------------------------------------------


def seed(data: Path) -> None:
    store = Store.open(data)
    store.goals.add(homework("Call a cousin", MONDAY))
    store.reviews.add(review(LAST_WEEK))
    store.checkins.add(checkin(LAST_WEEK))


def test_remind_prints_what_is_due(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed(tmp_path / "data")
    assert main(["--today", MONDAY.isoformat(), "remind"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == HEADING
    assert out[1].startswith("- Homework from Dr Lee, “Call a cousin”, is due today.")


def test_nothing_due_is_one_calm_line_or_silence_for_the_timer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(tmp_path / "data")
    assert main(["--today", THURSDAY.isoformat(), "remind"]) == 0
    assert capsys.readouterr().out == NOTHING_DUE + "\n"
    sent = fake(tmp_path, monkeypatch, "notify-send")
    assert main(["--today", THURSDAY.isoformat(), "remind", "--notify"]) == 0
    assert capsys.readouterr().out == ""
    assert not sent.exists()


def fake(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, status: int = 0) -> Path:
    """A program on a PATH of its own (nothing else on it) that notes its arguments."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    calls = tmp_path / f"{name}.calls"
    program = bin_dir / name
    program.write_text(f'#!/bin/sh\necho "$@" >> {calls}\nexit {status}\n')
    program.chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))
    return calls


def test_notify_sends_one_desktop_notification(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(tmp_path / "data")
    sent = fake(tmp_path, monkeypatch, "notify-send")
    assert main(["--today", MONDAY.isoformat(), "remind", "--notify"]) == 0
    [call] = sent.read_text().splitlines()
    assert call.startswith("--app-name=reconnect reconnect Homework from Dr Lee")
    assert capsys.readouterr().err == ""


def test_notify_without_a_way_to_notify_says_so_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(tmp_path / "data")
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert main(["--today", MONDAY.isoformat(), "remind", "--notify"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith(HEADING)
    assert captured.err.count("\n") == 1 and "notify-send was not found" in captured.err


# --- install and uninstall ------------------------------------------------------------------


@pytest.fixture
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "xdg-config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    return home


def test_install_writes_a_systemd_timer_and_uninstall_removes_it(
    tmp_path: Path,
    config_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    calls = fake(tmp_path, monkeypatch, "systemctl")
    data = tmp_path / "my data"

    assert main(["remind", "--install", "--at", "18:30", "--data-dir", str(data)]) == 0

    units = config_home / "systemd" / "user"
    service = (units / "reconnect-remind.service").read_text()
    timer = (units / "reconnect-remind.timer").read_text()
    assert "OnCalendar=*-*-* 18:30:00" in timer
    assert "WantedBy=timers.target" in timer
    [exec_start] = [line for line in service.splitlines() if line.startswith("ExecStart=")]
    assert exec_start.endswith(f'--data-dir "{data.resolve()}" remind --notify')
    assert Path(exec_start.removeprefix("ExecStart=").split()[0]).is_absolute()
    assert calls.read_text().splitlines() == [
        "--user daemon-reload",
        "--user enable --now reconnect-remind.timer",
    ]
    assert "Reminders are on: every day at 18:30" in capsys.readouterr().out

    assert main(["remind", "--uninstall"]) == 0

    assert not (units / "reconnect-remind.service").exists()
    assert not (units / "reconnect-remind.timer").exists()
    assert calls.read_text().splitlines()[2:] == [
        "--user disable --now reconnect-remind.timer",
        "--user daemon-reload",
    ]
    assert "Reminders are off" in capsys.readouterr().out


def test_a_systemd_that_refuses_is_said_with_the_command_to_run(
    tmp_path: Path,
    config_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    fake(tmp_path, monkeypatch, "systemctl", status=1)

    assert main(["remind", "--install"]) == 0

    assert (
        "OnCalendar=*-*-* 09:00:00"
        in (config_home / "systemd" / "user" / "reconnect-remind.timer").read_text()
    )
    out = capsys.readouterr().out
    assert "did not turn it on" in out
    assert "systemctl --user enable --now reconnect-remind.timer" in out


def test_without_systemd_the_crontab_line_is_printed_and_nothing_written(
    tmp_path: Path,
    config_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))

    assert main(["remind", "--install", "--at", "7:05"]) == 0

    out = capsys.readouterr().out.splitlines()
    assert "crontab -e" in out[0]
    assert out[1].startswith("5 7 * * * /") and "remind --notify" in out[1]
    assert not config_home.exists()

    assert main(["remind", "--uninstall"]) == 0
    assert "crontab -e" in capsys.readouterr().out


def test_a_bad_time_is_one_line_and_status_2(
    config_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as ended:
        main(["remind", "--install", "--at", "25:00"])
    assert ended.value.code == 2
    assert "'25:00' is not a time of day" in capsys.readouterr().err
    assert main(["remind", "--at", "09:00"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--at goes with --install" in err
    assert not config_home.exists()


@pytest.mark.usefixtures("cheap_scrypt")
def test_install_for_an_encrypted_folder_says_how_the_timer_opens_it(
    tmp_path: Path,
    config_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    passphrase = tmp_path / "pw"
    passphrase.write_text(PASSPHRASE + "\n")
    monkeypatch.setenv("RECONNECT_PASSPHRASE_FILE", str(passphrase))
    Store.open(tmp_path / "data")
    assert main(["encrypt"]) == 0
    fake(tmp_path, monkeypatch, "systemctl")
    capsys.readouterr()

    assert main(["remind", "--install"]) == 0

    assert "encrypted" in capsys.readouterr().out
    service = (config_home / "systemd" / "user" / "reconnect-remind.service").read_text()
    assert f"Environment=RECONNECT_PASSPHRASE_FILE={passphrase}" in service
    assert PASSPHRASE not in service  # where the passphrase is, never the passphrase


def test_the_first_day_of_the_week_comes_from_settings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reconnect.settings import Settings, save_settings

    seed(tmp_path / "data")
    assert main(["--today", THURSDAY.isoformat(), "remind"]) == 0
    assert capsys.readouterr().out == NOTHING_DUE + "\n"  # Monday weeks: Thursday is mid-week
    save_settings(Settings(first_day_of_week=3))  # weeks start on Thursday
    assert main(["--today", THURSDAY.isoformat(), "remind"]) == 0
    assert "The week of 19 November is ready" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("given", "meant"),
    [
        ("09:00", "09:00"),
        ("9am", "09:00"),
        ("9:30pm", "21:30"),
        ("6 pm", "18:00"),
        ("12am", "00:00"),
        ("12pm", "12:00"),
        ("18.30", "18:30"),
    ],
)
def test_the_reminder_time_reads_as_people_write_it(given: str, meant: str) -> None:
    from reconnect.cli.remind_command import _clock

    assert _clock(given).strftime("%H:%M") == meant


@pytest.mark.parametrize("given", ["9", "13pm", "25:00", "9:75", "soon"])
def test_a_time_that_cannot_be_read_says_how_to_write_it(given: str) -> None:
    import argparse

    from reconnect.cli.remind_command import _clock

    with pytest.raises(argparse.ArgumentTypeError, match="like 09:00, 18:30 or 9am"):
        _clock(given)
