"""The connection part of the step-done form: what, with whom, how, how deep, how
comfortable. (People and the Log use the Log area's own form.)
"""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.widgets import Input, Select

from reconnect.records.content import COMFORT_LABELS, DEPTH_LABELS
from reconnect.records.models import Channel, Connection, Counterpart, label, now_local
from screens.dialogs.form_base import FormScreen
from widgets.field_check import ModelField


class ConnectionForm(FormScreen[Connection]):
    FORM_TITLE = "Log a connection"
    SAVE_LABEL = "Log it"

    def __init__(
        self,
        *,
        what: str = "",
        counterpart: Counterpart = Counterpart.FRIEND,
        person_id: str | None = None,
        person_name: str = "",
    ) -> None:
        super().__init__()
        self._what = what
        self._counterpart = counterpart
        self._person_id = person_id
        self._person_name = person_name
        if person_name:
            self.FORM_TITLE = f"Log a connection with {person_name}"

    def compose_fields(self) -> ComposeResult:
        yield from self.connection_rows()

    def connection_rows(self) -> ComposeResult:
        yield from self.row(
            "What happened",
            Input(
                self._what,
                placeholder="e.g. Coffee and a real catch-up",
                id="what",
                validators=[ModelField(Connection, "what")],
                compact=True,
            ),
        )
        yield from self.row(
            "With",
            Select(
                [(label(c), c) for c in Counterpart],
                value=self._counterpart,
                allow_blank=False,
                id="counterpart",
                compact=True,
            ),
        )
        yield from self.row(
            "How",
            Select(
                [(label(c), c) for c in Channel],
                value=Channel.IN_PERSON,
                allow_blank=False,
                id="channel",
                compact=True,
            ),
        )
        yield from self.row(
            "Depth",
            Select(
                [(f"{d} {name}", d) for d, name in DEPTH_LABELS.items()],
                prompt="choose: how deep was it?",
                id="depth",
                compact=True,
            ),
        )
        yield from self.row(
            "Comfort",
            Select(
                [(f"{c} {name}", c) for c, name in COMFORT_LABELS.items()],
                prompt="choose: how did it feel?",
                id="comfort",
                compact=True,
            ),
        )
        yield from self.row(
            "Note",
            Input(
                placeholder="optional",
                id="connection-note",
                validators=[ModelField(Connection, "note")],
                compact=True,
            ),
        )

    def moment(self) -> datetime:
        """Now, on the app's idea of today (pinned in tests and snapshots)."""
        now = now_local()
        return datetime.combine(self.reconnect.today, now.timetz())

    def read_connection(self) -> Connection:
        # No made-up depth or comfort: the user says how it was, or nothing is saved.
        for field, what in (("depth", "how deep it was"), ("comfort", "how it felt")):
            if self.query_one(f"#{field}", Select).is_blank():
                raise ValueError(f"Choose {what}; nothing was saved yet.")
        return Connection(
            at=self.moment(),
            what=self.query_one("#what", Input).value,
            counterpart=self.query_one("#counterpart", Select).value,  # type: ignore[arg-type]
            channel=self.query_one("#channel", Select).value,  # type: ignore[arg-type]
            depth=self.query_one("#depth", Select).value,  # type: ignore[arg-type]
            comfort=self.query_one("#comfort", Select).value,  # type: ignore[arg-type]
            note=self.query_one("#connection-note", Input).value,
            person_id=self._person_id,
        )

    def build(self) -> Connection:
        return self.read_connection()
