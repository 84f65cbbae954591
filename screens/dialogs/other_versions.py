"""The versions of a record kept from another device: read them, then close."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from reconnect.logic.other_versions import describe_others


class OtherVersionsScreen(ModalScreen[None]):
    DEFAULT_CLASSES = "dialog"  # the shared frame: screens/dialogs/dialogs.tcss

    BINDINGS = [Binding("escape,q", "dismiss(None)", "Close", key_display="esc")]

    def __init__(self, title: str, current: dict, others: list[dict]) -> None:
        super().__init__()
        self._title = title
        self._current = current
        self._others = others

    def compose(self) -> ComposeResult:
        text = Text(f"{self._title}\n", style="bold")
        text.append(
            "It was changed on two devices before they synced. The later change is the one "
            "shown; the other is kept here, so nothing you wrote is lost.\n\n"
        )
        text.append("\n".join(describe_others(self._current, self._others)))
        with Vertical(id="view-box", classes="dialog-frame"):
            with VerticalScroll(id="view-text"):
                yield Static(text, id="other-versions")
            with Horizontal(id="view-buttons"):
                yield Button("Close  esc", id="close", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#view-text").focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)
