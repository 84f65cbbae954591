"""A Checkbox whose box shows ✓ when on and stays empty when off (not colour alone)."""

from __future__ import annotations

from textual.widgets import Checkbox


class TickBox(Checkbox):
    BUTTON_INNER = " "

    def watch_value(self) -> None:
        # The box's inner character follows the value; Checkbox draws BUTTON_INNER.
        self.BUTTON_INNER = "✓" if self.value else " "
        super().watch_value()
