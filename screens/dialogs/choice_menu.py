"""A short menu of choices (or a question with its answers), by keyboard or mouse."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option


class ChoiceMenu(ModalScreen[str | None]):
    """Dismisses with the chosen option's id, or None (escape)."""

    DEFAULT_CLASSES = "dialog"  # the shared frame: screens/dialogs/dialogs.tcss

    BINDINGS = [Binding("escape", "dismiss(None)", "Close")]

    def __init__(self, title: str, options: list[tuple[str, str]], text: str = "") -> None:
        super().__init__()
        self._title = title
        self._options = options
        self._text = text

    def compose(self) -> ComposeResult:
        with Vertical(id="menu", classes="dialog-frame") as box:
            box.border_title = self._title
            if self._text:
                yield Static(self._text, id="menu-text")
            yield OptionList(*(Option(text, id=key) for key, text in self._options))
            yield Static("enter or click to choose · esc to close", id="menu-hint")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)
