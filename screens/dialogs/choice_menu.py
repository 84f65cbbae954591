"""A short menu of choices (or a question with its answers), by keyboard or mouse."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

# Choices that destroy something: never the one the menu opens on.
HARMFUL = frozenset({"delete", "remove"})
_KEY_WORDS = {"delete": "del"}


class ChoiceMenu(ModalScreen[str | None]):
    """Dismisses with the chosen option's id, or None (escape).

    It opens on the first harmless choice: `harmful` ones are put last. `keys` (choice
    id -> key) choose at once, and each choice shows its key.
    """

    DEFAULT_CLASSES = "dialog"  # the shared frame: screens/dialogs/dialogs.tcss

    BINDINGS = [Binding("escape", "dismiss(None)", "Close")]

    def __init__(
        self,
        title: str,
        options: Sequence[tuple[str, str]],
        text: str = "",
        *,
        keys: Mapping[str, str] | None = None,
        harmful: Collection[str] = HARMFUL,
    ) -> None:
        super().__init__()
        self._title = title
        self._options = sorted(options, key=lambda option: option[0] in harmful)
        self._text = text
        self._keys = dict(keys or {})
        self._by_key = {key: choice for choice, key in self._keys.items()}

    def compose(self) -> ComposeResult:
        with Vertical(id="menu", classes="dialog-frame") as box:
            box.border_title = self._title
            if self._text:
                yield Static(self._text, id="menu-text")
            yield OptionList(*(Option(self._words(c, text), id=c) for c, text in self._options))
            how = "enter, a click or its key" if self._keys else "enter or click"
            yield Static(f"{how} to choose · esc to close", id="menu-hint")

    def _words(self, choice: str, text: str) -> str:
        key = self._keys.get(choice)
        return f"{text} ({_KEY_WORDS.get(key, key)})" if key else text

    def on_mount(self) -> None:
        self.query_one(OptionList).highlighted = 0

    def on_key(self, event: events.Key) -> None:
        if event.key in self._by_key:
            event.stop()
            self.dismiss(self._by_key[event.key])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)
