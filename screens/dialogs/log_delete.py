"""Ask before deleting a logged moment; undo stays possible afterwards."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ConfirmDeleteDialog(ModalScreen[bool]):
    """Dismisses with True to delete, False to keep."""

    BINDINGS = [
        Binding("y,d", "dismiss(True)", "Delete it"),
        Binding("n,escape", "dismiss(False)", "Keep it", key_display="esc"),
    ]

    DEFAULT_CSS = """
    ConfirmDeleteDialog { align: center middle; }
    ConfirmDeleteDialog #confirm-box {
        width: 64; max-width: 100%; height: auto; border: thick $warning;
        background: $surface; padding: 0 1;
    }
    ConfirmDeleteDialog #confirm-buttons { height: auto; margin-top: 1; }
    ConfirmDeleteDialog Button { margin-right: 2; }
    """

    def __init__(self, description: str) -> None:
        super().__init__()
        self._description = description

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box") as box:
            box.border_title = "Delete this moment?"
            yield Static(self._description)
            yield Static("You can undo with u until you close the app.")
            with Horizontal(id="confirm-buttons"):
                yield Button("Delete (y)", id="delete", variant="error")
                yield Button("Keep it (esc)", id="keep", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#keep", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "delete")
