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

    def __init__(self, guide: Path, title: str) -> None:
        super().__init__()
        self._guide = guide
        self._title = title

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="guide-box", classes="dialog-frame") as box:
            box.border_title = self._title
            yield Static(f"Also at {self._guide}", id="guide-where")
            yield Markdown(self._guide.read_text(encoding="utf-8"))
            yield Button("Close (esc)", id="close", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#guide-box").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss()
