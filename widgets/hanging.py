"""Lines with a hanging indent: each row is a prefix (a time, a key, "  next: ") and a
body, and a body too long for the width wraps under its own first word.

Rich Text on its own wraps a long line back to the left edge (and a continuation keeps
no leading spaces), so at 80 columns the tail of one entry looked like the start of the
next. The indent is measured from the prefix at render time, so it holds at any width."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

# Narrower than this beside the prefix, a body wraps to the left edge as plain text
# would: a column of two or three letters is harder to read than no indent.
MIN_ROOM = 12


def _text(part: Text | str) -> Text:
    return part if isinstance(part, Text) else Text(part)


class Hanging:
    """A Rich renderable: rows of (prefix, body), one or more lines each."""

    def __init__(self, rows: Iterable[tuple[Text | str, Text | str]] = ()) -> None:
        self.rows: list[tuple[Text, Text]] = []
        for prefix, body in rows:
            self.add(prefix, body)

    def add(self, prefix: Text | str, body: Text | str = "") -> Hanging:
        self.rows.append((_text(prefix), _text(body)))
        return self

    @property
    def plain(self) -> str:
        """The words without the wrapping, a row a line (as Text.plain)."""
        return "\n".join(prefix.plain + body.plain for prefix, body in self.rows)

    def __str__(self) -> str:
        return self.plain

    def __bool__(self) -> bool:
        return bool(self.rows)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        for prefix, body in self.rows:
            indent = prefix.cell_len
            if width - indent < MIN_ROOM:
                lines = Text.assemble(prefix, body).wrap(console, width)
            else:
                wrapped = body.wrap(console, width - indent)
                lines = [
                    Text.assemble(prefix if n == 0 else " " * indent, line)
                    for n, line in enumerate(wrapped)
                ]
            for line in lines:
                # Already fitted to the width; each line ends with a newline, so Textual
                # counts the height from the newlines.
                line.no_wrap, line.end = True, "\n"
                yield line

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        least = most = 0
        for prefix, body in self.rows:
            fits = Measurement.get(console, options, body)
            least = max(least, prefix.cell_len + fits.minimum)
            most = max(most, prefix.cell_len + fits.maximum)
        return Measurement(least, most)
