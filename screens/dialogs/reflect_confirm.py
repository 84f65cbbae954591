"""A yes/no question before something that cannot simply be taken back."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ReflectConfirmScreen(ModalScreen[bool]):
    """Dismisses with True only when the user chose the action; the safe choice has focus."""

    BINDINGS = [Binding("escape", "dismiss(False)", "Cancel")]

    DEFAULT_CSS = """
    ReflectConfirmScreen { align: center middle; }
    ReflectConfirmScreen #confirm-box {
        width: 60; max-width: 100%; height: auto; border: thick $warning;
        background: $surface; padding: 1 2;
    }
    ReflectConfirmScreen #confirm-buttons { height: auto; margin-top: 1; }
    ReflectConfirmScreen Button { margin-right: 2; }
    """

    def __init__(self, question: str, yes: str, no: str = "Keep it") -> None:
        super().__init__()
        self._question = question
        self._yes = yes
        self._no = no

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(Text(self._question))
            with Horizontal(id="confirm-buttons"):
                yield Button(self._no, id="no", variant="primary")
                yield Button(self._yes, id="yes", variant="error")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def _chosen(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")
