"""Every date that comes in lies in 1900–2200; a data file that already holds one
outside (year 9999) still opens, names the record, and nothing overflows."""

from __future__ import annotations

import json
import typing
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from pydantic import AwareDatetime, BaseModel, TypeAdapter, ValidationError

from reconnect.areas import AREAS
from reconnect.cli.main import main
from reconnect.records.models import (
    RECORD_TYPES,
    YEAR_OUT_OF_RANGE,
    CheckIn,
    Connection,
    Counterpart,
    Goal,
    Homework,
    Pause,
    Person,
    Reflection,
    Step,
)
from reconnect.store.store import DATA_FILE_NAME, Store
from tests.conftest import machine_zone
from widgets.field_check import IsoDate, date_parser

TODAY = date(2026, 11, 21)
MOMENT = datetime(2026, 11, 20, 9, tzinfo=UTC)


def _date_fields() -> list[tuple[type[BaseModel], str, Any]]:
    """(model, field, FieldInfo) for every date or datetime field of every model."""
    models: list[type[BaseModel]] = [*RECORD_TYPES, Step, Homework, Pause]
    found = []
    for model in models:
        for name, info in model.model_fields.items():
            todo: list[Any] = [info.annotation]
            while todo:
                kind = todo.pop()
                if kind in (date, datetime, AwareDatetime):
                    found.append((model, name, info))
                    break
                todo += typing.get_args(kind)
    return found


def test_every_date_field_is_found() -> None:
    names = {f"{m.__name__}.{n}" for m, n, _ in _date_fields()}
    assert {"Connection.at", "Step.planned_on", "Homework.due_on", "Pause.until"} <= names
    assert len(names) == 16  # a new date field shows up here, and is checked below


@pytest.mark.parametrize("year", [1, 1899, 2201, 9999])
def test_every_date_field_refuses_a_year_out_of_range(year: int) -> None:
    for model, name, info in _date_fields():
        adapter: TypeAdapter[Any] = TypeAdapter(typing.Annotated[info.annotation, info])
        wants_time = "at" in name or name == "created_at"
        value = datetime(year, 6, 1, 12, tzinfo=UTC) if wants_time else date(year, 6, 1)
        with pytest.raises(ValidationError) as caught:
            adapter.validate_python(value)
        assert any(e["type"] == YEAR_OUT_OF_RANGE for e in caught.value.errors()), (model, name)
        assert f"year {year} is out of range" in str(caught.value)


def test_the_range_ends_are_accepted() -> None:
    for moment in (datetime(1900, 1, 1, tzinfo=UTC), datetime(2200, 12, 31, 23, tzinfo=UTC)):
        Connection(at=moment, what="hi", counterpart=Counterpart.FRIEND, depth=1, comfort=1)


# --- the ways in -------------------------------------------------------------------------


def _backup(tmp_path: Path, at: str) -> Path:
    record = Connection(at=MOMENT, what="hi", counterpart=Counterpart.FRIEND, depth=2, comfort=3)
    doc = record.model_dump(mode="json") | {"at": at}
    path = tmp_path / "backup.json"
    backup = {"format": "reconnect-backup", "schema_version": 1, "records": {"connections": [doc]}}
    path.write_text(json.dumps(backup), encoding="utf-8")
    return path


def test_a_backup_with_year_9999_is_refused_naming_the_record(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _backup(tmp_path, "9999-06-01T12:00:00+00:00")
    assert main(["import", str(path)]) == 2
    err = capsys.readouterr().err
    assert "connections[0] at: year 9999 is out of range" in err and "record id" in err
    assert store.connections.count() == 0


def test_a_jrnl_entry_in_year_9999_is_refused(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "jrnl.json"
    entry = {"date": "9999-12-31", "time": "23:59", "title": "t", "body": "b", "tags": []}
    path.write_text(json.dumps({"tags": {}, "entries": [entry]}), encoding="utf-8")
    with machine_zone("Pacific/Auckland"):  # the local zone would have overflowed
        assert main(["import", str(path)]) == 2
    assert "entries[0]" in capsys.readouterr().err
    assert store.reflections.count() == 0


def test_a_plan_in_year_9999_is_refused(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "plan.toml"
    path.write_text('assigned_on = 9999-01-01\n[[goals]]\ntitle = "Say hello"\n')
    assert main(["import", str(path)]) == 2
    assert "assigned_on: year 9999 is out of range" in capsys.readouterr().err
    assert store.goals.count() == 0


@pytest.mark.parametrize("at", ["9999-01-01", "1066-10-14T09:00"])
def test_log_at_out_of_range_is_refused_in_one_line(
    store: Store, at: str, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["log", "hi", "--counterpart", "friend", "--depth", "2", "--comfort", "3"]
    assert main([*argv, "--at", at]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"year {at[:4]} is out of range" in err
    assert store.connections.count() == 0


def test_an_export_period_out_of_range_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as ended:
        main(["export", "--format", "md", "--to", "9999-12-31"])
    assert ended.value.code == 2
    assert "year 9999 is out of range" in capsys.readouterr().err


def test_the_forms_date_checks_refuse_it_too() -> None:
    parse = date_parser(TODAY)
    for text in ("9999-01-01", "1850-01-01", "+99999", "+999999999999"):
        with pytest.raises(ValueError, match=r"out of range|too far"):
            parse(text)
    assert parse("2200-12-31") == date(2200, 12, 31)
    assert not IsoDate().validate("9999-01-01").is_valid
    assert IsoDate().validate("2026-11-21").is_valid


# --- a file that already holds one ---------------------------------------------------------


def _odd_file(data_dir: Path) -> Store:
    """A data file whose moment, reflection, goal, person and check-in lie in year 9999,
    as an older reconnect let in (written in 2199, then the years changed on disk)."""
    store = Store.open(data_dir)
    late = datetime(2199, 12, 31, 20, tzinfo=UTC)  # New Year 10000 east of UTC
    sam = Person(created_at=MOMENT, name="Sam", cadence_days=14)
    store.people.add(sam)
    store.connections.add(
        Connection(
            at=late, what="Typo moment", counterpart=Counterpart.FRIEND, depth=3, comfort=3,
            person_id=sam.id,
        )
    )  # fmt: skip
    store.reflections.add(Reflection(at=late, body="odd", patterns=["busy"]))
    store.checkins.add(
        CheckIn(week=date(2199, 12, 29), at=late, lack_companionship=1, left_out=1, isolated=1)
    )
    store.goals.add(
        Goal(
            created_at=MOMENT,
            title="Say hello",
            weekly_target=1,
            steps=[Step(title="Wave", planned_on=date(2199, 12, 31))],
        )
    )
    store.close()
    path = data_dir / DATA_FILE_NAME
    path.write_text(path.read_text(encoding="utf-8").replace("2199-", "9999-"), encoding="utf-8")
    return Store.open(data_dir)


def test_a_file_with_year_9999_opens_and_names_the_record(data_dir: Path) -> None:
    store = _odd_file(data_dir)
    (moment,) = store.connections.all()
    assert moment.at == datetime(2200, 12, 31, 20, tzinfo=UTC)  # the range's edge
    lines = store.odd_dates()
    assert len(lines) == 4
    assert any(
        f"Moment \u201cTypo moment\u201d (id {moment.id[:8]}), at: year 9999" in x for x in lines
    )
    assert any("Goal \u201cSay hello\u201d" in x and "steps.0.planned_on" in x for x in lines)
    assert "9999" in (data_dir / DATA_FILE_NAME).read_text()  # nothing was written over


def test_check_names_the_record_and_passes(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _odd_file(data_dir)
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert "A date to check: Moment \u201cTypo moment\u201d" in out


def test_a_file_in_range_has_no_odd_dates(demo_store: Store) -> None:
    assert demo_store.odd_dates() == []


async def test_the_app_opens_on_it_names_the_record_and_every_area_shows(
    data_dir: Path, make_test_app: Callable[..., Any]
) -> None:
    with machine_zone("Pacific/Auckland"):  # where year 9999's last evening overflows
        app = make_test_app(_odd_file(data_dir))
        told: list[str] = []
        app.notify = lambda message, **_: told.append(message)
        async with app.run_test(size=(100, 30)) as pilot:
            for area in AREAS:
                await pilot.press(area.key)
                await app.workers.wait_for_complete()
                await pilot.pause()
                assert app.current_mode == area.name
        assert any("Typo moment" in line and "year 9999" in line for line in told)


async def test_a_date_prompt_says_it_next_to_the_field(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    from textual.widgets import Input, Static

    from screens.dialogs.date_prompt import DatePrompt

    app = make_test_app(store)
    async with app.run_test() as pilot:
        prompt = DatePrompt("Plan it", "When?", TODAY, label="Do it on")
        app.push_screen(prompt)
        await pilot.pause()
        prompt.query_one("#day", Input).value = "9999-01-01"
        await pilot.pause()
        error = prompt.query_one("#day-error", Static)
        assert error.display and "year 9999 is out of range" in str(error.render())


async def test_the_log_reaches_an_odd_moment_past_this_week_to_set_it_right(
    data_dir: Path, make_test_app: Callable[..., Any]
) -> None:
    from screens.dialogs.log_entry import LogEntryDialog
    from widgets.connection_list import ConnectionList

    app = make_test_app(_odd_file(data_dir), start_area="log")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("right_square_bracket")  # past this week: the next moment's week
        await pilot.pause()
        entries = app.screen.query_one(ConnectionList)
        assert entries.highlighted_id is not None
        (odd,) = app.store.connections.many([entries.highlighted_id])
        assert odd.what == "Typo moment" and odd.at.year == 2200
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, LogEntryDialog)  # open to set the right date
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("right_square_bracket")  # nothing later: it stays
        await pilot.pause()
        assert app.store.connections.many([entries.highlighted_id])[0].what == "Typo moment"
