"""A person's moments, one a row (newest first as handed): date, what, depth, comfort
and myself. What takes every column the others leave, and a text still too long for
it ends in "…", so a cut word never passes for the whole."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.events import Resize
from textual.widgets import DataTable

from reconnect.logic.day_format import day_format
from reconnect.records.models import Connection

# (label, width, key) of the columns beside What; What sits second.
DATE = ("Date", 15, "date")
SCORES = (("Depth", 5, "depth"), ("Comfort", 7, "comfort"), ("Myself", 6, "myself"))
MIN_WHAT = 12  # on a very narrow screen the table scrolls sideways instead


def moment_row(moment: Connection) -> tuple[str, Text, str, str, str]:
    """Date, what, depth, comfort and myself, 1-5 each (myself blank when not asked,
    never a zero). What is plain Text: never read as markup, cut with an ellipsis."""
    return (
        f"{day_format(moment.at.astimezone(), '%a {day} %b %Y')}",
        Text(moment.what, no_wrap=True, overflow="ellipsis", end=""),
        str(moment.depth),
        str(moment.comfort),
        "" if moment.authenticity is None else str(moment.authenticity),
    )


class MomentTable(DataTable[str | Text]):
    """Handed the moments with `show`; posts DataTable's messages, the row key being the
    moment's id."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row")
        self._moments: list[Connection] = []
        self._what_width = 0

    def show(self, moments: Sequence[Connection]) -> None:
        """Fill the table afresh; the cursor stays on the same row number."""
        self._moments = list(moments)
        self._fill()

    def point_at(self, moment_id: str) -> None:
        """Put the cursor on this moment's row (and scroll it into view), if it is here."""
        for row, moment in enumerate(self._moments):
            if moment.id == moment_id:
                self.move_cursor(row=row, scroll=True)
                return

    def what_width(self) -> int:
        """The room left for What: the table's width after the other columns, every
        column's padding and a vertical scrollbar. The scrollbar's column is always
        kept, so What keeps its width when a long list brings the scrollbar in (and
        Textual sends no resize for that)."""
        fixed = DATE[1] + sum(width for _, width, _ in SCORES)
        padding = 2 * self.cell_padding * (len(SCORES) + 2)
        room = self.content_region.width - self.styles.scrollbar_size_vertical
        return max(room - fixed - padding, MIN_WHAT)

    def _fill(self) -> None:
        keep = self.cursor_row
        # Columns are made again when the width changed: a column's width is fixed
        # once added, and What has to follow the room there is.
        self._what_width = self.what_width()
        self.clear(columns=True)
        label, width, key = DATE
        self.add_column(label, width=width, key=key)
        self.add_column("What", width=self._what_width, key="what")
        for label, width, key in SCORES:
            self.add_column(label, width=width, key=key)
        for moment in self._moments:
            self.add_row(*moment_row(moment), key=moment.id)
        if self._moments:
            self.move_cursor(row=min(keep, len(self._moments) - 1))

    def on_resize(self, _: Resize) -> None:
        if self.what_width() != self._what_width:
            self._fill()
