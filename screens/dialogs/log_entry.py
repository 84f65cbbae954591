"""The quick-add form: log a moment of connection, or edit one. Reusable from any screen.

    self.app.push_screen(LogEntryDialog(person_id=p.id, goal_id=g.id), on_saved)

It holds the one connection editor, saves through `connections.save` and dismisses
with a `connections.Saved` (the connection, and the person it created if a new name was
typed), or None if cancelled.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button

from reconnect.logic import connections
from reconnect.records.models import Channel, Connection, Counterpart, first_error
from screens.dialogs.connection_editor import ConnectionEditor

if TYPE_CHECKING:
    from reconnect.app import ReconnectApp


class LogEntryDialog(ModalScreen[connections.Saved | None]):
    """Log a new moment (optionally prefilled) or edit `connection`."""

    DEFAULT_CLASSES = "dialog"  # the shared frame: screens/dialogs/dialogs.tcss

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "cancel", "Cancel", key_display="esc"),
        Binding("f1", "app.help", "Help"),
    ]

    def __init__(
        self,
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
    ) -> None:
        """Edit `connection`, or log a new moment with the given fields filled in."""
        super().__init__()
        self._editing = connection
        # Plain strings are fine too ("family"); a wrong one fails here, at the caller.
        self._prefill: dict[str, Any] = {
            "what": what,
            "counterpart": Counterpart(counterpart) if counterpart is not None else None,
            "person_id": person_id,
            "channel": Channel(channel),
            "depth": depth,
            "comfort": comfort,
            "note": note,
            "goal_id": goal_id,
            "step_id": step_id,
        }

    @property
    def reconnect(self) -> ReconnectApp:
        return cast("ReconnectApp", self.app)

    @property
    def editor(self) -> ConnectionEditor:
        return self.query_one(ConnectionEditor)

    def compose(self) -> ComposeResult:
        app = self.reconnect
        editing = self._editing
        with VerticalScroll(id="entry-box", classes="dialog-frame") as box:
            box.border_title = "Edit this moment" if editing else "Log a moment of connection"
            box.border_subtitle = "ctrl+s save · esc cancel · F2 pick from a list"
            yield ConnectionEditor(app.today, app.store.people.all(), editing, **self._prefill)
            with Horizontal(id="buttons"):
                yield Button("Save (ctrl+s)", id="save", variant="primary")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        self.editor.focus_first()

    @on(ConnectionEditor.SaveRequested)
    def _save_requested(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        try:
            entry = self.editor.entry()
            if entry is None:
                self.notify("Not saved yet: see the marked fields.", severity="warning")
                return
            saved = connections.save(self.reconnect.store, entry.connection, who=entry.who)
        except ValidationError as exc:
            self.notify(f"Not saved: {first_error(exc)}", severity="error")
            return
        except OSError as exc:
            # A full disk or a read-only folder: the form stays open with the words.
            self.notify(
                f"Not saved: {exc.strerror or exc}. Your words are still here; free some "
                "space or check the data folder, then press ctrl+s again.",
                severity="error",
                timeout=15,
            )
            return
        self.dismiss(saved)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#save")
    def _save_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_cancel()
