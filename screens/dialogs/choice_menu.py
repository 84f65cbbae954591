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

    BINDINGS = [Binding("escape", "dismiss(None)", "Close")]
    DEFAULT_CSS = """
    ChoiceMenu { align: center middle; }
    ChoiceMenu #menu {
        width: 64; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; border-title-color: $text; background: $surface;
        padding: 0 1;
    }
    ChoiceMenu #menu-text { height: auto; margin-bottom: 1; }
    ChoiceMenu OptionList { height: auto; max-height: 12; }
    ChoiceMenu #menu-hint { color: $text-muted; }
    """

    def __init__(self, title: str, options: list[tuple[str, str]], text: str = "") -> None:
        super().__init__()
        self._title = title
        self._options = options
        self._text = text

    def compose(self) -> ComposeResult:
        with Vertical(id="menu") as box:
            box.border_title = self._title
            if self._text:
                yield Static(self._text, id="menu-text")
            yield OptionList(*(Option(text, id=key) for key, text in self._options))
            yield Static("enter or click to choose · esc to close", id="menu-hint")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)
