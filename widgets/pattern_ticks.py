"""The isolation patterns as a tick list whose boxes show ✓ when ticked.

Textual's SelectionList draws the same X in every box and tells ticked from unticked by
colour alone; here the mark itself carries the meaning.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import SelectionList
from textual.widgets.selection_list import Selection

from reconnect.records.content import PATTERNS

TICKED = "✓"


class PatternTicks(SelectionList[str]):
    """One line per catalogue pattern; the values are pattern ids."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(*(Selection(p.name, p.id) for p in PATTERNS), id=id, compact=True)

    def render_line(self, y: int) -> Strip:
        line = super().render_line(y)
        segments = list(line)
        if len(segments) < 2:
            return line
        # Segment 1 is the box's inner mark (see SelectionList.render_line).
        index = self.scroll_offset.y + y
        try:
            ticked = self.get_option_at_index(index).value in self.selected
        except Exception:  # an empty line below the last option
            return line
        inner = segments[1]
        segments[1] = Segment(TICKED if ticked else " ", inner.style, inner.control)
        return Strip(segments, line.cell_length)
