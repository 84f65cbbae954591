"""A RadioButton whose dot shows only when chosen (not told apart by colour alone)."""

from __future__ import annotations

from textual.widgets import RadioButton


class MarkedRadioButton(RadioButton):
    BUTTON_INNER = " "

    def watch_value(self) -> None:
        # The dot follows the value; RadioButton draws BUTTON_INNER.
        self.BUTTON_INNER = "●" if self.value else " "
        super().watch_value()
