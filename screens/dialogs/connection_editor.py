"""The one connection editor: what, with whom (looked up in People), how, when, how deep,
how comfortable, a note. The Log form and step-done both hold it.

It checks each field as the user types and says what is wrong beside it; it never
saves. Its host reads `entry()` and saves through `reconnect.logic.connections.save`.
It lives with the dialogs because it opens the pick lists (ideas, people).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import NamedTuple

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, Select, Static

from reconnect.logic.connections import (
    check_not_future,
    clean_name,
    find_person,
    parse_clock,
)
from reconnect.logic.weeks import at_local
from reconnect.records.content import COMFORT_LABELS, DEPTH_LABELS, MICRO_CONNECTIONS
from reconnect.records.models import (
    COUNTERPART_FOR_CIRCLE,
    Channel,
    Connection,
    Counterpart,
    Person,
    label,
    now_local,
)
from screens.dialogs.log_picker import PickDialog
from widgets.field_check import ModelField
from widgets.scale_picker import ScalePicker

# How many days back the "when" list offers (four weeks: a week remembered late still
# fits); older entries keep their own day when edited.
DAYS_OFFERED = 28
ERROR_MARK = "\u2716 "  # the text says what is wrong; the mark and colour only point to it


class Entry(NamedTuple):
    """What the editor holds, ready for `connections.save(store, connection, who)`."""

    connection: Connection
    who: str | None  # None: keep the person picked (or given); else the name typed


class ConnectionEditor(Vertical):
    """Edit `connection`, or a new moment with the given fields filled in.

    `compact` lays it out one line per field, to sit inside a smaller form.
    """

    BINDINGS = [Binding("f2", "pick", "Pick from a list")]

    class SaveRequested(Message):
        """Enter in the last field: the host saves."""

    def __init__(
        self,
        today: date,
        people: list[Person],
        connection: Connection | None = None,
        *,
        what: str = "",
        counterpart: Counterpart | str | None = None,
        person_id: str | None = None,
        channel: Channel | str = Channel.IN_PERSON,
        depth: int | None = None,
        comfort: int | None = None,
        note: str = "",
        goal_id: str | None = None,
        step_id: str | None = None,
        compact: bool = False,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id, classes="-compact" if compact else None)
        self._today = today
        self._compact = compact
        self._editing = connection
        if connection is not None:
            what, counterpart, person_id = (
                connection.what,
                connection.counterpart,
                connection.person_id,
            )
            channel, depth, comfort = connection.channel, connection.depth, connection.comfort
            note, goal_id, step_id = connection.note, connection.goal_id, connection.step_id
        self._what = what
        # Plain strings are fine too ("family"); a wrong one fails here, at the caller.
        self._counterpart = Counterpart(counterpart) if counterpart is not None else None
        self._person_id = person_id
        self._channel = Channel(channel)
        self._depth = depth
        self._comfort = comfort
        self._note = note
        self._goal_id = goal_id
        self._step_id = step_id
        self._people = sorted((p for p in people if not p.archived), key=lambda p: p.name.lower())
        self._initial_person = next((p for p in people if p.id == person_id), None)

    @property
    def editing(self) -> Connection | None:
        return self._editing

    # --- building --------------------------------------------------------------------

    def _day_options(self) -> list[tuple[str, str]]:
        today = self._today
        days = [today - timedelta(days=n) for n in range(DAYS_OFFERED)]
        if self._editing is not None:
            own = self._editing.at.astimezone().date()
            if own not in days:
                days.append(own)
        names = {today: "today", today - timedelta(days=1): "yesterday"}
        return [(names.get(d, f"{d:%a %-d %b}"), d.isoformat()) for d in days]

    def compose(self) -> ComposeResult:
        editing = self._editing
        compact = self._compact
        when_day = editing.at.astimezone().date() if editing else self._today
        clock = f"{editing.at.astimezone():%H:%M}" if editing else ""

        with Horizontal(classes="editor-row"):
            yield Label("What", classes="first")
            yield Input(
                self._what,
                placeholder="what happened, in a few words",
                id="what",
                suggester=SuggestFromList(MICRO_CONNECTIONS, case_sensitive=False),
                validators=[ModelField(Connection, "what")],
                validate_on=["changed"],
                compact=compact,
            )
            yield Button(
                "Ideas", id="ideas", tooltip="Pick a micro-connection idea (F2)", compact=compact
            )
        yield Static(classes="editor-message editor-error", id="what-error")
        with Horizontal(classes="editor-row"):
            yield Label("With")
            yield Select(
                [(label(c), c.value) for c in Counterpart],
                prompt="who was it?",
                value=self._counterpart.value if self._counterpart else Select.NULL,
                id="counterpart",
                compact=compact,
            )
            yield Label("Person", classes="second")
            yield Input(
                self._initial_person.name if self._initial_person else "",
                placeholder="optional name",
                id="person",
                suggester=SuggestFromList([p.name for p in self._people], case_sensitive=False),
                validators=[ModelField(Person, "name", optional=True)],
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
                value=self._channel.value,
                allow_blank=False,
                id="channel",
                compact=compact,
            )
            yield Label("When", classes="second")
            yield Select(
                self._day_options(),
                value=when_day.isoformat(),
                allow_blank=False,
                id="day",
                compact=compact,
            )
            yield Input(clock, placeholder="now", id="clock", max_length=5, compact=compact)
        yield Static(classes="editor-message editor-error", id="clock-error")
        with Horizontal(classes="editor-row editor-scale-row"):
            yield Label("Depth")
            yield ScalePicker(DEPTH_LABELS, self._depth, id="depth")
        with Horizontal(classes="editor-row editor-scale-row"):
            yield Label("Comfort")
            yield ScalePicker(COMFORT_LABELS, self._comfort, id="comfort")
        yield Static(classes="editor-message editor-error", id="scale-error")
        with Horizontal(classes="editor-row"):
            yield Label("Note")
            yield Input(
                self._note,
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
        self.query_one("#what", Input).focus()

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
        person = self._person_named(event.value)
        counterpart = self.query_one("#counterpart", Select)
        if person is not None and counterpart.is_blank():
            counterpart.value = COUNTERPART_FOR_CIRCLE[person.circle].value

    @on(Select.Changed, "#counterpart")
    def _counterpart_changed(self, event: Select.Changed) -> None:
        event.stop()
        if self.query_one("#person-message", Static).has_class("editor-error"):
            self._show_person_hint()

    def _person_named(self, name: str) -> Person | None:
        """The person picked (or given) if the name still matches, else a name match."""
        chosen = self._initial_person
        if chosen is not None and clean_name(chosen.name).casefold() == clean_name(name).casefold():
            return chosen
        counterpart = self.query_one("#counterpart", Select)
        fits = None if counterpart.is_blank() else Counterpart(str(counterpart.value))
        return find_person(self._people, name, fits)

    def _show_person_hint(self) -> None:
        name = clean_name(self.query_one("#person", Input).value)
        if not name:
            self._say("person-message", "")
            return
        person = self._person_named(name)
        if person is not None:
            self._say("person-message", f"{person.name}, {label(person.circle)}", error=False)
        else:
            self._say("person-message", f"New: {name} will be added to People", error=False)

    @on(Input.Changed, "#clock")
    @on(Select.Changed, "#day")
    def _when_changed(self, event: Input.Changed | Select.Changed) -> None:
        event.stop()
        self._say("clock-error", self._when_problem())

    @on(ScalePicker.Changed)
    def _scale_changed(self) -> None:
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
        today = self._today
        day = date.fromisoformat(str(self.query_one("#day", Select).value))
        text = self.query_one("#clock", Input).value.strip()
        real_now = now_local().replace(second=0, microsecond=0)
        if not text:
            if day != today:
                raise ValueError("give a time for that day, like 18:30")
            if self._editing is not None:
                return self._editing.at
            return at_local(today, real_now.time())
        moment = at_local(day, parse_clock(text))
        # On a pinned day (tests, demos) the whole day counts as already happened.
        latest = real_now if real_now.date() == today else at_local(today, time(23, 59))
        unchanged = self._editing is not None and moment == self._editing.at.replace(
            second=0, microsecond=0
        )
        if not unchanged:
            check_not_future(moment, latest)
        return moment

    def _when_problem(self) -> str:
        try:
            self._when()
        except ValueError as exc:
            return f"when: {exc}"
        return ""

    def _scale_problem(self) -> str:
        missing = [
            name
            for name in ("depth", "comfort")
            if self.query_one(f"#{name}", ScalePicker).value is None
        ]
        if not missing:
            return ""
        return f"choose {' and '.join(missing)}: type a number 1\u20135 or click one"

    def _problems(self) -> dict[str, tuple[str, str]]:
        """Every field that would stop a save: {message id: (field id, message)}."""
        problems: dict[str, tuple[str, str]] = {}
        for field, message_id in (("what", "what-error"), ("note", "note-error")):
            result = self.query_one(f"#{field}", Input).validate(
                self.query_one(f"#{field}", Input).value
            )
            if result is not None and not result.is_valid:
                problems[message_id] = (field, result.failure_descriptions[0])
        person = self.query_one("#person", Input)
        result = person.validate(person.value)
        if result is not None and not result.is_valid:
            problems["person-message"] = ("person", f"name: {result.failure_descriptions[0]}")
        if self.query_one("#counterpart", Select).is_blank():
            problems["person-message"] = ("counterpart", "choose who it was with")
        if when := self._when_problem():
            problems["clock-error"] = ("clock", when)
        if scale := self._scale_problem():
            missing = "depth" if self.query_one("#depth", ScalePicker).value is None else "comfort"
            problems["scale-error"] = (missing, scale)
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
        keep_person = self._initial_person is not None and (
            clean_name(person_text).casefold() == clean_name(self._initial_person.name).casefold()
        )
        fields = {
            "at": self._when(),
            "what": self.query_one("#what", Input).value,
            "counterpart": self.query_one("#counterpart", Select).value,
            "person_id": self._person_id if keep_person else None,
            "channel": self.query_one("#channel", Select).value,
            "depth": self.query_one("#depth", ScalePicker).value,
            "comfort": self.query_one("#comfort", ScalePicker).value,
            "note": self.query_one("#note", Input).value,
            "goal_id": self._goal_id,
            "step_id": self._step_id,
        }
        if self._editing is not None:
            fields["id"] = self._editing.id
        return Entry(Connection.model_validate(fields), None if keep_person else person_text)

    # --- pick lists ------------------------------------------------------------------

    def action_pick(self) -> None:
        focused = self.screen.focused
        if focused is not None and focused.id in ("person", "people"):
            self._pick_person()
        else:
            self._pick_idea()

    def _pick_idea(self) -> None:
        def chosen(value: str | None) -> None:
            what = self.query_one("#what", Input)
            if value is not None:
                what.value = MICRO_CONNECTIONS[int(value)]
                what.cursor_position = len(what.value)
            what.focus()

        ideas = [(idea, str(n)) for n, idea in enumerate(MICRO_CONNECTIONS)]
        self.app.push_screen(
            PickDialog("Micro-connection ideas", ideas, "Each is a starting idea: edit freely."),
            chosen,
        )

    def _pick_person(self) -> None:
        def chosen(value: str | None) -> None:
            person_input = self.query_one("#person", Input)
            person = next((p for p in self._people if p.id == value), None)
            if person is not None:
                # Remember exactly who was picked: two people may share a name.
                self._initial_person = person
                self._person_id = person.id
                person_input.value = person.name
                person_input.cursor_position = len(person.name)
            person_input.focus()

        if not self._people:
            self.notify("No one in People yet: type a name to add someone.")
            return
        people = [(f"{p.name} ({label(p.circle)})", p.id) for p in self._people]
        self.app.push_screen(PickDialog("Who was it with?", people), chosen)

    @on(Button.Pressed, "#ideas")
    def _ideas_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self._pick_idea()

    @on(Button.Pressed, "#people")
    def _people_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self._pick_person()


def _failure(event: Input.Changed) -> str:
    result = event.validation_result
    if result is None or result.is_valid:
        return ""
    return result.failure_descriptions[0]
