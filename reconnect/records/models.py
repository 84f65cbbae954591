"""Pydantic documents, one class per kind of record, and their enums.

Floor 1: imports only pydantic, the standard library and the catalogue. All validation
lives here: ranges, lengths, control characters, unknown fields.
"""

from __future__ import annotations

import re
import uuid
from datetime import date
from enum import StrEnum
from typing import Annotated, ClassVar

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

# Defined in clock (no pydantic there); modules that use the models take them from here.
from reconnect.records.clock import YEAR_OUT_OF_RANGE as YEAR_OUT_OF_RANGE
from reconnect.records.clock import YEARS as YEARS
from reconnect.records.clock import DateOrTime, at_the_edge
from reconnect.records.clock import now_local as now_local
from reconnect.records.clock import year_problem as year_problem
from reconnect.records.content import PATTERN_IDS
from reconnect.records.error_words import error_words

# C0/C1 control characters except tab and newline; they break terminals and exports.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_ONE_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _clean_multiline(text: str) -> str:
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _clean_line(text: str) -> str:
    return _CONTROL_ONE_LINE.sub(" ", text).strip()


def _required(text: str) -> str:
    if not text:
        raise ValueError("must not be empty")
    return text


# Lengths are in characters; the data file stays small and every screen can show them.
Line = Annotated[str, Field(max_length=200), AfterValidator(_clean_line)]
Name = Annotated[str, Field(max_length=100), AfterValidator(_clean_line), AfterValidator(_required)]
Title = Annotated[
    str, Field(max_length=200), AfterValidator(_clean_line), AfterValidator(_required)
]
Note = Annotated[str, Field(max_length=2_000), AfterValidator(_clean_multiline)]
LongText = Annotated[str, Field(max_length=20_000), AfterValidator(_clean_multiline)]
Scale5 = Annotated[int, Field(ge=1, le=5)]
Scale10 = Annotated[int, Field(ge=0, le=10)]
RecordId = Annotated[str, Field(pattern=r"^[0-9a-f]{32}$")]


def _sane_year(value: DateOrTime, info: ValidationInfo) -> DateOrTime:
    problem = year_problem(value)
    if problem is None:
        return value
    if info.mode == "json":
        # Read back from the data file (written before this check, or by another program):
        # the file still opens, the date shows at the range's edge so nothing overflows,
        # and store.odd_dates names the record. Everything that comes in (forms, the shell,
        # imports) is built in Python and refused here.
        return at_the_edge(value)
    raise PydanticCustomError(YEAR_OUT_OF_RANGE, problem)


# The only date and time types a model uses, so every entry path gets the check.
Day = Annotated[date, AfterValidator(_sane_year)]
Moment = Annotated[AwareDatetime, AfterValidator(_sane_year)]


def new_id() -> str:
    return uuid.uuid4().hex


class Counterpart(StrEnum):
    STRANGER = "stranger"
    NEIGHBOUR = "neighbour"
    COWORKER = "coworker"
    ACQUAINTANCE = "acquaintance"
    FRIEND = "friend"
    FAMILY = "family"
    CHOSEN_FAMILY = "chosen_family"
    GROUP = "group"


class Channel(StrEnum):
    IN_PERSON = "in_person"
    PHONE = "phone"
    VIDEO = "video"
    TEXT = "text"
    ONLINE = "online"


class GoalKind(StrEnum):
    REACH_OUT = "reach_out"
    SHOW_UP = "show_up"
    BE_CONSISTENT = "be_consistent"
    JOIN_COMMUNITY = "join_community"
    MICRO = "micro"
    ASK_FOR_HELP = "ask_for_help"


class SupportFlow(StrEnum):
    """Which way support went in a moment: receiving counts as much as giving."""

    GAVE = "gave"
    RECEIVED = "received"
    BOTH = "both"


class SupportKind(StrEnum):
    """The three kinds of support connection gives (CONTENT.md)."""

    EMOTIONAL = "emotional"
    PRACTICAL = "practical"
    GUIDANCE = "guidance"


class GoalStatus(StrEnum):
    ACTIVE = "active"
    PAUSED = "paused"
    DONE = "done"
    LET_GO = "let_go"


class HomeworkOutcome(StrEnum):
    DONE = "done"
    PARTLY = "partly"
    NOT_YET = "not_yet"


class CommunityKind(StrEnum):
    """The kinds of community a person can look for (CONTENT.md)."""

    GROUP_THERAPY = "group_therapy"
    PEER_SUPPORT = "peer_support"
    IDENTITY = "identity"
    FAITH = "faith"
    TRAUMA_INFORMED = "trauma_informed"
    RECOVERY = "recovery"
    GRIEF = "grief"
    CAREGIVING = "caregiving"
    ILLNESS_DISABILITY = "illness_disability"
    SHARED_INTEREST = "shared_interest"
    VOLUNTEER = "volunteer"
    ONLINE = "online"


class Rhythm(StrEnum):
    """How often a group meets: a reliable rhythm is one sign a group works."""

    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    MONTHLY = "monthly"
    NOW_AND_THEN = "now_and_then"
    ANY_TIME = "any_time"  # an online space that is always open


class GroupStatus(StrEnum):
    TRYING = "trying"
    STAYING = "staying"
    MOVED_ON = "moved_on"  # not a failure: this one was not the right fit


class Sense(StrEnum):
    """An after-visit answer: never a pass or a fail."""

    YES = "yes"
    NOT_YET = "not_yet"
    NOT_SURE = "not_sure"


class Circle(StrEnum):
    FAMILY = "family"
    CHOSEN_FAMILY = "chosen_family"
    FRIEND = "friend"
    NEIGHBOUR = "neighbour"
    COWORKER = "coworker"
    GROUP = "group"
    OTHER = "other"


class DirectAnswer(StrEnum):
    OFTEN_ALWAYS = "often_always"
    SOME_OF_THE_TIME = "some_of_the_time"
    OCCASIONALLY = "occasionally"
    HARDLY_EVER = "hardly_ever"
    NEVER = "never"


# A known person's circle suggests who a connection with them was with.
COUNTERPART_FOR_CIRCLE: dict[Circle, Counterpart] = {
    Circle.FAMILY: Counterpart.FAMILY,
    Circle.CHOSEN_FAMILY: Counterpart.CHOSEN_FAMILY,
    Circle.FRIEND: Counterpart.FRIEND,
    Circle.NEIGHBOUR: Counterpart.NEIGHBOUR,
    Circle.COWORKER: Counterpart.COWORKER,
    Circle.GROUP: Counterpart.GROUP,
    Circle.OTHER: Counterpart.ACQUAINTANCE,
}

# The other way round: a new person's circle, guessed from who the connection was with.
CIRCLE_FOR_COUNTERPART: dict[Counterpart, Circle] = {
    Counterpart.FAMILY: Circle.FAMILY,
    Counterpart.CHOSEN_FAMILY: Circle.CHOSEN_FAMILY,
    Counterpart.FRIEND: Circle.FRIEND,
    Counterpart.NEIGHBOUR: Circle.NEIGHBOUR,
    Counterpart.COWORKER: Circle.COWORKER,
    Counterpart.GROUP: Circle.GROUP,
    Counterpart.ACQUAINTANCE: Circle.OTHER,
    Counterpart.STRANGER: Circle.OTHER,
}


def label(value: StrEnum) -> str:
    """A human label for an enum value: 'chosen_family' -> 'chosen family'."""
    return str(value.value).replace("_", " ")


class Record(BaseModel):
    """Base of every stored document: its own stable id; unknown fields refused."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)
    table: ClassVar[str] = ""

    id: RecordId = Field(default_factory=new_id)


class VisitCheck(BaseModel):
    """The after-visit check: the four things that make a group work, and four of
    Yalom's group factors in plain words. Every answer may be left out."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    purpose: Sense | None = None  # a shared purpose
    real: Sense | None = None  # people can be real without performing wellness
    rhythm: Sense | None = None  # a reliable place and rhythm
    welcome: Sense | None = None  # someone welcomes newcomers and keeps things flowing
    less_alone: Sense | None = None  # universality
    hope: Sense | None = None  # seeing someone further along
    new_way: Sense | None = None  # interpersonal learning
    safer: Sense | None = None  # a corrective experience

    def answers(self) -> dict[str, Sense]:
        return {k: v for k, v in self.model_dump().items() if v is not None}


class Connection(Record):
    table: ClassVar[str] = "connections"

    at: Moment
    what: Title
    counterpart: Counterpart
    person_id: RecordId | None = None
    channel: Channel = Channel.IN_PERSON
    depth: Scale5
    comfort: Scale5
    note: Note = ""
    goal_id: RecordId | None = None
    step_id: RecordId | None = None
    # "Could I be myself?" 1–5; optional, and None (a gap, never a zero) for moments
    # logged before it was asked.
    authenticity: Scale5 | None = None
    support: SupportFlow | None = None
    support_kind: SupportKind | None = None
    # A visit to a group of one's own, and how it went (both optional).
    group_id: RecordId | None = None
    visit_check: VisitCheck | None = None

    @model_validator(mode="after")
    def _kind_needs_flow(self) -> Connection:
        if self.support_kind is not None and self.support is None:
            raise ValueError(
                "support_kind: say which way the support went too (gave, received or both)"
            )
        if self.visit_check is not None and self.group_id is None:
            raise ValueError("visit_check: only a visit to a group has an after-visit check")
        return self


class Reflection(Record):
    table: ClassVar[str] = "reflections"

    at: Moment
    title: Line = ""
    patterns: list[str] = Field(default_factory=list, max_length=len(PATTERN_IDS))
    prompt: Line = ""
    body: LongText = ""
    energy: Scale5 | None = None
    avoided: Note = ""
    private: bool = False
    tags: list[Annotated[str, Field(max_length=60), AfterValidator(_clean_line)]] = Field(
        default_factory=list, max_length=50
    )

    @field_validator("patterns")
    @classmethod
    def _known_patterns(cls, value: list[str]) -> list[str]:
        unknown = sorted(set(value) - PATTERN_IDS)
        if unknown:
            raise ValueError(f"not a pattern reconnect knows: {', '.join(unknown)}")
        return list(dict.fromkeys(value))  # keep order, drop repeats


class Step(BaseModel):
    """One rung of a goal's ladder."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    id: RecordId = Field(default_factory=new_id)
    title: Title
    difficulty: Scale10 = 0
    predicted_discomfort: Scale10 = 0
    actual_discomfort: Scale10 | None = None
    planned_on: Day | None = None
    done_at: Moment | None = None
    note: Note = ""

    @property
    def done(self) -> bool:
        return self.done_at is not None


class Homework(BaseModel):
    """What a therapist assigned, and how it went."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    assigned_by: Line = ""
    assigned_on: Day
    due_on: Day | None = None
    instructions: Note = ""
    discuss_in_session: bool = True
    outcome: HomeworkOutcome | None = None
    obstacles: Note = ""


class Pause(BaseModel):
    """A stretch of days a goal rested (illness, travel, a hard week): not counted."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    start: Day
    until: Day


class Goal(Record):
    table: ClassVar[str] = "goals"

    created_at: Moment
    title: Title
    why: Note = ""
    kind: GoalKind = GoalKind.REACH_OUT
    person_id: RecordId | None = None
    weekly_target: Annotated[int, Field(ge=0, le=50)] = 0
    status: GoalStatus = GoalStatus.ACTIVE
    paused_until: Day | None = None
    # Past and current pauses, so the consistency score can leave those weeks out.
    pauses: list[Pause] = Field(default_factory=list, max_length=500)
    homework: Homework | None = None
    steps: list[Step] = Field(default_factory=list, max_length=100)
    # A stable key of the homework plan it came from, so importing twice adds nothing.
    plan_key: Line = ""

    def next_step(self) -> Step | None:
        """The easiest step not done yet."""
        todo = [s for s in self.steps if not s.done]
        return min(todo, key=lambda s: s.difficulty) if todo else None


class ImportantDate(BaseModel):
    """A date that comes round every year for someone: a birthday, an anniversary. The
    year is optional (a birthday whose year you don't know)."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    label: Title
    month: Annotated[int, Field(ge=1, le=12)]
    day: Annotated[int, Field(ge=1, le=31)]
    year: Annotated[int, Field(ge=YEARS[0], le=YEARS[-1])] | None = None

    @model_validator(mode="after")
    def _a_real_day(self) -> ImportantDate:
        # 29 February is kept (a leap-day birthday); the year, when given, must have it.
        try:
            date(self.year or 2000, self.month, self.day)
        except ValueError:
            when = f"{self.day} {date(2000, self.month, 1):%B}"  # no year: "30 February"
            raise ValueError(f"{when} is not a day of the year") from None
        return self


class Person(Record):
    table: ClassVar[str] = "people"

    created_at: Moment
    name: Name
    circle: Circle = Circle.FRIEND
    cadence_days: Annotated[int, Field(ge=1, le=730)] | None = None
    notes: Note = ""
    archived: bool = False
    # "Safe: I can be myself with them" (consistent, respectful, honest; not perfect).
    safe: bool = False
    important_dates: Annotated[list[ImportantDate], Field(max_length=20)] = []


class Group(Record):
    """A group the person tries: its visits are moments linked by `group_id`."""

    table: ClassVar[str] = "groups"

    created_at: Moment
    name: Name
    kind: CommunityKind = CommunityKind.PEER_SUPPORT
    where: Line = ""
    when: Line = ""
    rhythm: Rhythm = Rhythm.WEEKLY
    status: GroupStatus = GroupStatus.TRYING
    notes: Note = ""  # private: stays out of the report
    goal_id: RecordId | None = None


class CheckIn(Record):
    table: ClassVar[str] = "checkins"

    # The first day of the week this check-in belongs to (see progress.week_start).
    week: Day
    at: Moment
    lack_companionship: Annotated[int, Field(ge=1, le=3)]
    left_out: Annotated[int, Field(ge=1, le=3)]
    isolated: Annotated[int, Field(ge=1, le=3)]
    direct: DirectAnswer | None = None
    note: Note = ""

    @property
    def score(self) -> int:
        """3–9; higher means lonelier."""
        return self.lack_companionship + self.left_out + self.isolated


class WeeklyReview(Record):
    table: ClassVar[str] = "reviews"

    week: Day
    at: Moment
    helped: Note = ""
    got_in_the_way: Note = ""
    next_step: Note = ""
    next_step_goal_id: RecordId | None = None


RECORD_TYPES: tuple[type[Record], ...] = (
    Connection,
    Reflection,
    Goal,
    Person,
    CheckIn,
    WeeklyReview,
    Group,
)
TABLES: dict[str, type[Record]] = {cls.table: cls for cls in RECORD_TYPES}


def first_error(exc: Exception) -> str:
    """One readable line from a pydantic ValidationError: 'field: reason' in plain words."""
    errors = getattr(exc, "errors", None)
    if not callable(errors):
        return str(exc)
    return error_words(errors()[0])
