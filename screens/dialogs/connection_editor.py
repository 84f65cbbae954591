"""The one connection editor: what, with whom (looked up in People), how, when, how deep,
how comfortable, a note. The Log form and step-done both hold it.

It checks each field as the user types and says what is wrong beside it; it never
saves. Its host reads `entry()` and saves through `reconnect.logic.connections.save`.
Its rules (the days offered, the moment meant, who a name means) are plain logic in
`reconnect.logic.connection_form`; its styles are in dialogs.tcss. It lives with the
dialogs because it opens the pick lists (ideas, people: connection_picks.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import suppress
from datetime import date, datetime
from enum import StrEnum
from typing import TypeVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, Select, Static
from textual.widgets.select import InvalidSelectValueError

from reconnect.logic.channel_words import channel_in
from reconnect.logic.connection_form import (
    SUPPORT_CHOICES,
    SUPPORT_KIND_CHOICES,
    Entry,
    PersonPick,
    Prefill,
    day_choices,
    is_phrase,
    missing_scales,
    moment_of,
    moment_words,
    start_when,
    support_problem,
)
from reconnect.records.content import (
    AUTHENTICITY_LABELS,
    COMFORT_LABELS,
    DEPTH_LABELS,
    MICRO_CONNECTIONS,
    SUPPORT_KIND_LABELS,
    SUPPORT_LABELS,
)
from reconnect.records.models import (
    COUNTERPART_FOR_CIRCLE,
    Channel,
    Connection,
    Counterpart,
    Person,
    label,
)
from screens.dialogs.connection_picks import PickLists
from widgets.field_check import ModelField, NotANumber
from widgets.scale_picker import ScalePicker

E = TypeVar("E", bound=StrEnum)
ERROR_MARK = "\u2716 "  # the text says what is wrong; the mark and colour only point to it


class ConnectionEditor(PickLists):
    """Edit `connection`, or a new moment with `prefill`'s fields filled in.

    `compact` lays it out one line per field, to sit inside a smaller form. Its pick
    lists (F2) are in connection_picks.py.
    """

    class SaveRequested(Message):
        """Enter in the last field: the host saves."""

    def __init__(
        self,
        today: date,
        people: list[Person],
        connection: Connection | None = None,
        *,
        prefill: Prefill | None = None,
        compact: bool = False,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id, classes="-compact" if compact else None)
        self._today = today
        self._compact = compact
        self._editing = connection
        self._start = Prefill.of(connection) if connection is not None else prefill or Prefill()
        self._who = PersonPick.among(people, self._start.person_id)
        # A new moment's channel follows its words ("texted Ana": a text) until the
        # person picks one; an edit keeps what was saved.
        self._words_channel: Channel | None = None
        if connection is None:
            self._words_channel = channel_in(self._start.what) or self._start.channel

    @property
    def editing(self) -> Connection | None:
        return self._editing

    # --- building --------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        editing = self._editing
        compact = self._compact
        start = self._start
        if editing:
            when_day, clock = editing.at.astimezone().date(), f"{editing.at.astimezone():%H:%M}"
        else:
            when_day, clock = start_when(self._today, start.day)

        with Horizontal(classes="editor-row"):
            yield Label("What", classes="first")
            yield Input(
                start.what,
                placeholder="what happened, in a few words",
                id="what",
                suggester=SuggestFromList(MICRO_CONNECTIONS, case_sensitive=False),
                validators=[ModelField(Connection, "what")],
                validate_on=["changed"],
                select_on_focus=False,  # a key typed after opening adds, never replaces
                compact=compact,
            )
            yield Button(
                "Ideas", id="ideas", tooltip="Pick a micro-connection idea (F2)", compact=compact
            )
        yield Static(classes="editor-message editor-error", id="what-error")
        # How deep and how comfortable right after what: words, tab and two digits
        # (each digit moves on) rate a moment; who and when follow.
        with Horizontal(classes="editor-row editor-scale-row"):
            yield Label("Depth")
            yield ScalePicker(DEPTH_LABELS, start.depth, id="depth")
        with Horizontal(classes="editor-row editor-scale-row"):
            yield Label("Comfort")
            yield ScalePicker(COMFORT_LABELS, start.comfort, id="comfort")
        with Horizontal(classes="editor-row editor-scale-row editor-block-end"):
            yield Label("Myself")
            yield ScalePicker(
                AUTHENTICITY_LABELS,
                start.authenticity,
                optional=True,
                ask="optional: could I be myself? type 1\u20135",
                id="authenticity",
            )
        yield Static(classes="editor-message editor-error", id="scale-error")
        with Horizontal(classes="editor-row"):
            yield Label("With")
            yield Select(
                [(label(c), c.value) for c in Counterpart],
                prompt="who was it?",
                value=start.counterpart.value if start.counterpart else Select.NULL,
                id="counterpart",
                compact=compact,
            )
            yield Label("Person", classes="second")
            yield Input(
                self._who.picked.name if self._who.picked else "",
                placeholder="optional name",
                id="person",
                suggester=SuggestFromList([p.name for p in self._who.people], case_sensitive=False),
                validators=[ModelField(Person, "name", optional=True), NotANumber()],
                validate_on=["changed"],
                compact=compact,
            )
            yield Button(
                "People", id="people", tooltip="Pick someone from People (F2)", compact=compact
            )
        yield Static(classes="editor-message", id="person-message")
        with Horizontal(classes="editor-row"):
            yield Label("Channel")
            yield Select(
                [(label(c), c.value) for c in Channel],
                value=(self._words_channel or start.channel).value,
                allow_blank=False,
                id="channel",
                compact=compact,
            )
            yield Label("When", classes="second")
            yield Select(
                day_choices(self._today, when_day),
                value=when_day.isoformat(),
                allow_blank=False,
                id="day",
                compact=compact,
            )
            yield Input(
                clock,
                placeholder="now",
                id="clock",
                max_length=40,
                tooltip="18:30, or words: yesterday 18:00, mon, 2 days ago",
                compact=compact,
            )
        yield Static(classes="editor-message editor-error", id="clock-error")
        # Support: optional, one digit each; receiving counts as much as giving.
        with Horizontal(classes="editor-row editor-scale-row"):
            yield Label("Support")
            yield ScalePicker(
                _numbered(SUPPORT_LABELS[s.value] for s in SUPPORT_CHOICES),
                _number_of(SUPPORT_CHOICES, start.support),
                spelled=True,
                optional=True,
                id="support",
            )
        with Horizontal(classes="editor-row editor-scale-row editor-block-end"):
            yield Label("Kind")
            yield ScalePicker(
                _numbered(SUPPORT_KIND_LABELS[k.value] for k in SUPPORT_KIND_CHOICES),
                _number_of(SUPPORT_KIND_CHOICES, start.support_kind),
                spelled=True,
                optional=True,
                id="support-kind",
            )
        yield Static(classes="editor-message editor-error", id="support-error")
        with Horizontal(classes="editor-row"):
            yield Label("Note")
            yield Input(
                start.note,
                placeholder="optional",
                id="note",
                validators=[ModelField(Connection, "note")],
                validate_on=["changed"],
                select_on_focus=False,  # typing after tab adds, never erases
                compact=compact,
            )
        yield Static(classes="editor-message editor-error", id="note-error")

    def on_mount(self) -> None:
        # Mouse shortcuts; from the keyboard F2 does the same, so tab skips them.
        for button_id in ("ideas", "people"):
            self.query_one(f"#{button_id}", Button).can_focus = False
        self.clear_messages()

    def focus_first(self) -> None:
        """The words, or when they are already there (a visit, a step), the first rating
        still to choose: digits typed on opening rate the moment."""
        what = self.query_one("#what", Input)
        if what.value and self._editing is None:
            for scale_id in ("depth", "comfort"):
                picker = self.query_one(f"#{scale_id}", ScalePicker)
                if picker.value is None:
                    picker.focus()
                    return
        what.focus()
        what.cursor_position = len(what.value)

    # --- messages beside the fields ------------------------------------------------------

    def _say(self, message_id: str, text: str, *, error: bool = True) -> None:
        static = self.query_one(f"#{message_id}", Static)
        static.set_class(error, "editor-error")
        static.set_class(not error, "editor-hint")
        static.update(f"{ERROR_MARK}{text}" if text and error else text)
        static.display = bool(text)

    def clear_messages(self) -> None:
        """Hide every message but the person hint (e.g. while the editor is off)."""
        for message in self.query(".editor-message"):
            message.display = False
        self._show_person_hint()

    @on(Input.Changed, "#what")
    def _what_changed(self, event: Input.Changed) -> None:
        event.stop()  # the editor says it here; a host form need not
        self._say("what-error", _failure(event))
        channel = self.query_one("#channel", Select)
        if self._words_channel is not None and channel.value == self._words_channel.value:
            self._words_channel = channel_in(event.value) or self._start.channel
            channel.value = self._words_channel.value

    @on(Input.Changed, "#note")
    def _note_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._say("note-error", _failure(event))

    @on(Input.Changed, "#person")
    def _person_changed(self, event: Input.Changed) -> None:
        event.stop()
        problem = _failure(event)
        if problem:
            self._say("person-message", f"name: {problem}")
            return
        self._show_person_hint()
        person = self._who.named(event.value, self._counterpart_chosen())
        counterpart = self.query_one("#counterpart", Select)
        if person is not None and counterpart.is_blank():
            counterpart.value = COUNTERPART_FOR_CIRCLE[person.circle].value

    @on(Select.Changed, "#counterpart")
    def _counterpart_changed(self, event: Select.Changed) -> None:
        event.stop()
        if self.query_one("#person-message", Static).has_class("editor-error"):
            self._show_person_hint()

    def _counterpart_chosen(self) -> Counterpart | None:
        counterpart = self.query_one("#counterpart", Select)
        return None if counterpart.is_blank() else Counterpart(str(counterpart.value))

    def _show_person_hint(self) -> None:
        hint = self._who.hint(self.query_one("#person", Input).value, self._counterpart_chosen())
        if not hint:
            self._say("person-message", "")  # cleared like an error: rechecked on a change
            return
        self._say("person-message", hint, error=False)

    @on(Input.Changed, "#clock")
    @on(Select.Changed, "#day")
    def _when_changed(self, event: Input.Changed | Select.Changed) -> None:
        event.stop()
        problem = self._when_problem()
        clock = self.query_one("#clock", Input).value
        if problem or not is_phrase(clock):
            self._say("clock-error", problem)
        else:  # words bring their own day: say which, and show it in the day list
            moment = self._when()
            self._say("clock-error", f"means {moment_words(moment)}", error=False)
            with suppress(InvalidSelectValueError):  # a day older than the list offers
                self.query_one("#day", Select).value = moment.date().isoformat()

    @on(ScalePicker.Changed)
    def _scale_changed(self, event: ScalePicker.Changed) -> None:
        if event.picker.id in ("support", "support-kind"):
            self._say("support-error", self._support_problem())
        else:
            self._say("scale-error", self._scale_problem())

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "note":
            self.post_message(self.SaveRequested())
        else:
            self.screen.focus_next()

    # --- reading the fields ------------------------------------------------------------

    def _when(self) -> datetime:
        """The moment chosen; raises ValueError saying what to fix."""
        return moment_of(
            date.fromisoformat(str(self.query_one("#day", Select).value)),
            self.query_one("#clock", Input).value,
            self._today,
            editing_at=self._editing.at if self._editing else None,
        )

    def _when_problem(self) -> str:
        try:
            self._when()
        except ValueError as exc:
            return f"when: {exc}"
        return ""

    def _scale_problem(self) -> str:
        return missing_scales(
            self.query_one("#depth", ScalePicker).value,
            self.query_one("#comfort", ScalePicker).value,
        )

    def _support_problem(self) -> str:
        return support_problem(
            self.query_one("#support", ScalePicker).value,
            self.query_one("#support-kind", ScalePicker).value,
        )

    def _chosen(self, picker_id: str, choices: tuple[E, ...]) -> E | None:
        """The choice behind an optional numbered picker, or None."""
        number = self.query_one(f"#{picker_id}", ScalePicker).value
        return None if number is None else choices[number - 1]

    def _input_problem(self, field_id: str) -> str:
        """What the field's own checks say about its value now ("" when it passes)."""
        field = self.query_one(f"#{field_id}", Input)
        result = field.validate(field.value)
        return "" if result is None or result.is_valid else result.failure_descriptions[0]

    def _problems(self) -> dict[str, tuple[str, str]]:
        """Every field that would stop a save: {message id: (field id, message)}."""
        problems: dict[str, tuple[str, str]] = {}
        for field, message_id in (("what", "what-error"), ("note", "note-error")):
            if problem := self._input_problem(field):
                problems[message_id] = (field, problem)
        if self.query_one("#counterpart", Select).is_blank():
            problems["person-message"] = ("counterpart", "choose who it was with")
        # A wrong name says so even when who it was with is still to choose: it is the
        # one the person did not expect.
        if problem := self._input_problem("person"):
            problems["person-message"] = ("person", f"name: {problem}")
        if when := self._when_problem():
            problems["clock-error"] = ("clock", when)
        if scale := self._scale_problem():
            missing = "depth" if self.query_one("#depth", ScalePicker).value is None else "comfort"
            problems["scale-error"] = (missing, scale)
        if support := self._support_problem():
            problems["support-error"] = ("support", support)
        return problems

    def entry(self) -> Entry | None:
        """The connection as typed, or None after marking what stops it being saved.

        Raises pydantic's ValidationError if the model still refuses it.
        """
        problems = self._problems()
        if problems:
            for message_id, (_field, text) in problems.items():
                self._say(message_id, text)
            first_field = next(iter(problems.values()))[0]
            self.query_one(f"#{first_field}").focus()
            return None
        person_text = self.query_one("#person", Input).value
        picked = self._who.picked if self._who.keeps_picked(person_text) else None
        fields = {
            "at": self._when(),
            "what": self.query_one("#what", Input).value,
            "counterpart": self.query_one("#counterpart", Select).value,
            "person_id": picked.id if picked else None,
            "channel": self.query_one("#channel", Select).value,
            "depth": self.query_one("#depth", ScalePicker).value,
            "comfort": self.query_one("#comfort", ScalePicker).value,
            "note": self.query_one("#note", Input).value,
            "authenticity": self.query_one("#authenticity", ScalePicker).value,
            "support": self._chosen("support", SUPPORT_CHOICES),
            "support_kind": self._chosen("support-kind", SUPPORT_KIND_CHOICES),
            "goal_id": self._start.goal_id,
            "step_id": self._start.step_id,
            "group_id": self._start.group_id,
            "visit_check": self._start.visit_check,
        }
        if self._editing is not None:
            fields["id"] = self._editing.id
        return Entry(Connection.model_validate(fields), None if picked else person_text)


def _numbered(names: Iterable[str]) -> dict[int, str]:
    """Names numbered from 1, as a picker shows them."""
    return dict(enumerate(names, start=1))


def _number_of(choices: tuple[E, ...], value: E | None) -> int | None:
    return None if value is None else choices.index(value) + 1


def _failure(event: Input.Changed) -> str:
    result = event.validation_result
    if result is None or result.is_valid:
        return ""
    return result.failure_descriptions[0]
