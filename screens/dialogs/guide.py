"""A guide that ships with reconnect (how to write a homework plan), read in the app."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Markdown, Static


class GuideScreen(ModalScreen[None]):
    DEFAULT_CLASSES = "dialog"  # the shared frame: screens/dialogs/dialogs.tcss

    BINDINGS = [Binding("escape,q", "dismiss", "Close", key_display="esc")]

    def __init__(self, guide: Path, title: str, *, shareable: bool = False) -> None:
        super().__init__()
        self._guide = guide
        self._title = title
        # Only a guide meant for someone else (the plan format, for a therapist) says
        # where its file is; on the others a path inside the package is noise.
        self._shareable = shareable

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="guide-box", classes="dialog-frame") as box:
            box.border_title = self._title
            if self._shareable:
                yield Static(f"To send it on, the file is {self._guide}", id="guide-where")
            yield Markdown(self._guide.read_text(encoding="utf-8"))
            yield Button("Close (esc)", id="close", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#guide-box").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss()
