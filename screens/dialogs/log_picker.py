"""Pick one item from a list (micro-connection ideas, people), filtered as you type."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option


class PickDialog(ModalScreen[str | None]):
    """Dismisses with the chosen item's value, or None when closed without a choice."""

    DEFAULT_CLASSES = "dialog"  # the shared frame: screens/dialogs/dialogs.tcss

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Close without choosing", key_display="esc"),
        Binding("down", "focus_list", "To the list", show=False),
    ]

    def __init__(self, title: str, choices: Sequence[tuple[str, str]], hint: str = "") -> None:
        """`choices` are (label shown, value returned) pairs."""
        super().__init__()
        self._title = title
        self._choices = list(choices)
        self._hint = hint or "Type to narrow the list; enter or a click picks."

    def compose(self) -> ComposeResult:
        with Vertical(id="pick-box", classes="dialog-frame") as box:
            box.border_title = self._title
            yield Static(self._hint, id="pick-hint")
            yield Input(placeholder="filter", id="pick-filter")
            yield OptionList(*self._options(""), id="pick-list")
            yield Button("Close (esc)", id="pick-close")

    def _options(self, wanted: str) -> list[Option]:
        wanted = wanted.strip().casefold()
        return [
            Option(shown, id=value) for shown, value in self._choices if wanted in shown.casefold()
        ]

    def on_input_changed(self, event: Input.Changed) -> None:
        options = self.query_one(OptionList)
        options.set_options(self._options(event.value))
        if options.option_count:
            options.highlighted = 0  # the match enter will pick, shown while filtering

    def on_input_submitted(self, event: Input.Submitted) -> None:
        options = self.query_one(OptionList)
        if options.option_count:
            self.dismiss(options.get_option_at_index(options.highlighted or 0).id)

    def action_focus_list(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is None and options.option_count:
            options.highlighted = 0  # so enter picks at once, without a second key
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)
