"""The connection editor's pick lists: F2, or the Ideas and People buttons, offer the
micro-connection ideas for what happened, or (from the person field) the people in
People. The chosen one goes into its field, and the typing goes on from there."""

from __future__ import annotations

from textual import on
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Button, Input, Select

from reconnect.logic.connection_form import PersonPick
from reconnect.records.content import MICRO_CONNECTIONS
from reconnect.records.models import COUNTERPART_FOR_CIRCLE
from screens.dialogs.log_picker import PickDialog


class PickLists(Vertical):
    """The base of ConnectionEditor: its `#what` and `#person` inputs, its `#counterpart`
    select, its `#ideas` and `#people` buttons, and `_who`, the people to pick from (and
    the one picked)."""

    BINDINGS = [Binding("f2", "pick", "Pick from a list")]

    _who: PersonPick

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
            person = self._who.pick(value)  # remembered: two people may share a name
            if person is not None:
                person_input.value = person.name
                person_input.cursor_position = len(person.name)
                # Picked from the list: who they are to the user is known, so say it.
                counterpart = COUNTERPART_FOR_CIRCLE[person.circle].value
                self.query_one("#counterpart", Select).value = counterpart
            person_input.focus()

        if not self._who.people:
            self.notify("No one in People yet: type a name to add someone.")
            return
        self.app.push_screen(PickDialog("Who was it with?", self._who.choices()), chosen)

    @on(Button.Pressed, "#ideas")
    def _ideas_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self._pick_idea()

    @on(Button.Pressed, "#people")
    def _people_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self._pick_person()
