"""The one yes/no question asked before something that cannot simply be taken back."""

from __future__ import annotations

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ConfirmDialog(ModalScreen[bool]):
    """Dismisses with True only when the user chose `yes`; the safe choice has focus.

    `yes_keys` (y unless given) say yes; n or esc keeps things as they are.
    """

    DEFAULT_CLASSES = "dialog"  # the shared frame: screens/dialogs/dialogs.tcss

    BINDINGS = [Binding("n,escape", "dismiss(False)", "Keep it", key_display="esc")]

    def __init__(
        self,
        question: str,
        yes: str,
        no: str = "Keep it",
        *,
        title: str = "",
        note: str = "",
        yes_keys: str = "y",
    ) -> None:
        super().__init__()
        self._question = question
        self._yes = yes
        self._no = no
        self._title = title
        self._note = note
        self._yes_keys = set(yes_keys.split(","))

    def on_key(self, event: events.Key) -> None:
        # The keys that say yes differ by question (the Log's d,d deletes, as d opened it).
        if event.key in self._yes_keys:
            event.stop()
            self.dismiss(True)

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box", classes="dialog-frame") as box:
            box.border_title = self._title
            yield Static(Text(self._question), id="confirm-question")
            if self._note:
                yield Static(Text(self._note), id="confirm-note")
            with Horizontal(id="confirm-buttons"):
                yield Button(f"{self._no} (esc)", id="no", variant="primary")
                yield Button(f"{self._yes} (y)", id="yes", variant="error")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def _chosen(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")
