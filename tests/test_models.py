from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from reconnect.records.models import (
    CheckIn,
    Connection,
    Goal,
    Homework,
    Person,
    Reflection,
    Step,
    WeeklyReview,
    first_error,
)

AT = datetime(2026, 11, 20, 18, 30, tzinfo=UTC)


def connection(**overrides: object) -> Connection:
    fields = {"at": AT, "what": "Said hi", "counterpart": "neighbour", "depth": 1, "comfort": 3}
    return Connection.model_validate(fields | overrides)


def test_valid_connection_gets_an_id_and_defaults() -> None:
    c = connection()
    assert len(c.id) == 32
    assert c.channel == "in_person"
    assert c.note == ""


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("depth", 0, "must be 1 or more"),
        ("depth", 6, "must be 5 or less"),
        ("comfort", 9, "must be 5 or less"),
        ("counterpart", "robot", "must be one of 'stranger'"),
        ("what", "", "must not be empty"),
        ("what", "  \x00 ", "must not be empty"),
        ("at", datetime(2026, 11, 20, 18, 30), "needs a time zone"),
        ("note", "x" * 2_001, "at most 2000 characters"),
        ("surprise", 1, "not a field reconnect knows"),
    ],
)
def test_invalid_connection_says_which_field_and_why(
    field: str, value: object, reason: str
) -> None:
    with pytest.raises(ValidationError) as info:
        connection(**{field: value})
    message = first_error(info.value)
    assert message.startswith(field)
    assert reason in message


def test_control_characters_are_stripped() -> None:
    c = connection(what="hi\x1b[31m there\x00", note="line one\r\nline\x07 two")
    assert c.what == "hi [31m there"
    assert c.note == "line one\nline two"


def test_a_megabyte_note_is_refused() -> None:
    with pytest.raises(ValidationError, match="at most 20000"):
        Reflection(at=AT, body="x" * 1_000_000)


def test_reflection_patterns_must_be_known_and_are_deduplicated() -> None:
    r = Reflection(at=AT, patterns=["busy", "busy", "digital"])
    assert r.patterns == ["busy", "digital"]
    with pytest.raises(ValidationError, match="not a pattern reconnect knows"):
        Reflection(at=AT, patterns=["sleepy"])


def test_goal_next_step_is_the_easiest_not_done() -> None:
    steps = [
        Step(title="hard", difficulty=8),
        Step(title="done", difficulty=1, done_at=AT, actual_discomfort=2),
        Step(title="easy", difficulty=3),
    ]
    goal = Goal(created_at=AT, title="Reach out", steps=steps)
    assert goal.next_step() is not None
    assert goal.next_step().title == "easy"  # type: ignore[union-attr]


def test_checkin_score_and_ranges() -> None:
    c = CheckIn(week=date(2026, 11, 16), at=AT, lack_companionship=3, left_out=2, isolated=1)
    assert c.score == 6
    with pytest.raises(ValidationError):
        CheckIn(week=date(2026, 11, 16), at=AT, lack_companionship=4, left_out=2, isolated=1)


def test_records_are_frozen() -> None:
    c = connection()
    with pytest.raises(ValidationError):
        c.depth = 3  # type: ignore[misc]


@pytest.mark.parametrize(
    "record",
    [
        connection(note="ünïcødé 🌱 和"),
        Reflection(at=AT, patterns=["busy"], body="a\nb", energy=2, private=True, tags=["x"]),
        Goal(
            created_at=AT,
            title="Book club",
            homework=Homework(assigned_on=date(2026, 11, 1), due_on=date(2026, 11, 30)),
            steps=[Step(title="Go", difficulty=3, predicted_discomfort=7, planned_on=date.today())],
        ),
        Person(created_at=AT, name="Maya", circle="friend", cadence_days=7),
        CheckIn(week=date(2026, 11, 16), at=AT, lack_companionship=1, left_out=2, isolated=3),
        WeeklyReview(week=date(2026, 11, 9), at=AT, helped="walks"),
    ],
)
def test_json_round_trip(record: object) -> None:
    cls = type(record)
    again = cls.model_validate_json(record.model_dump_json())  # type: ignore[attr-defined]
    assert again == record


@given(st.text(max_size=300))
def test_any_text_either_validates_clean_or_is_refused_with_a_message(text: str) -> None:
    try:
        c = connection(what=text)
    except ValidationError as exc:
        assert first_error(exc).startswith("what")
    else:
        assert all(ord(ch) >= 32 and not 0x7F <= ord(ch) <= 0x9F for ch in c.what)
