"""The quick-add form: log a moment of connection, or edit one. Reusable from any screen.

    self.app.push_screen(LogEntryDialog(prefill=Prefill(person_id=p.id)), on_saved)

It holds the one connection editor, saves through `connections.save` and dismisses
with a `connections.Saved` (the connection, and the person it created if a new name was
typed), or None if cancelled. Esc with words typed asks first (form_base.WordsScreen).
"""

from __future__ import annotations

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button

from reconnect.logic import connections
from reconnect.logic.connection_form import Prefill
from reconnect.records.models import Connection, first_error
from screens.dialogs.connection_editor import ConnectionEditor
from screens.dialogs.form_base import WRITE_ERRORS, WordsScreen


class LogEntryDialog(WordsScreen[connections.Saved | None]):
    """Log a new moment (optionally prefilled) or edit `connection`."""

    DEFAULT_CLASSES = "dialog"  # the shared frame: screens/dialogs/dialogs.tcss

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "cancel", "Cancel", key_display="esc"),
        Binding("f1", "app.help", "Help"),
    ]

    def __init__(
        self, connection: Connection | None = None, *, prefill: Prefill | None = None
    ) -> None:
        """Edit `connection`, or log a new moment with `prefill`'s fields filled in."""
        super().__init__()
        self._editing = connection
        self._prefill = prefill or Prefill()

    @property
    def editor(self) -> ConnectionEditor:
        return self.query_one(ConnectionEditor)

    def compose(self) -> ComposeResult:
        app = self.reconnect
        editing = self._editing
        with VerticalScroll(id="entry-box", classes="dialog-frame") as box:
            box.border_title = "Edit this moment" if editing else "Log a moment of connection"
            box.border_subtitle = "ctrl+s save · esc cancel · F2 pick from a list"
            yield ConnectionEditor(
                app.today, app.store.people.all(), editing, prefill=self._prefill
            )
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
        except WRITE_ERRORS as exc:
            # A full disk or a read-only folder: the form stays open with the words.
            self.say_not_saved(exc)
            return
        self.dismiss(saved)

    @on(Button.Pressed, "#save")
    def _save_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_cancel()
