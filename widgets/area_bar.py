"""The top bar: every area with its key, the current one marked; click to go there."""

from __future__ import annotations

from collections.abc import Sequence

from textual.widgets import Static

from reconnect.areas import Area


class AreaBar(Static):
    """One line of areas. The current area is in reverse video, not marked by colour alone."""

    DEFAULT_CSS = """
    AreaBar {
        height: 1;
        background: $panel;
        padding: 0 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def __init__(self, areas: Sequence[Area], current: str, note: str = "") -> None:
        super().__init__(self.bar_markup(areas, current, note))
        self._areas = areas
        self._marked = current
        self._note = note

    @property
    def current(self) -> str:
        """The area marked as the current one ("" for none)."""
        return self._marked

    def mark(self, current: str) -> None:
        """Mark another area as the current one."""
        if current != self._marked:
            self._marked = current
            self.update(self.bar_markup(self._areas, current, self._note))

    @staticmethod
    def bar_markup(areas: Sequence[Area], current: str, note: str = "") -> str:
        parts = []
        for area in areas:
            action = f"app.open('{area.name}')"
            if area.name == current:
                parts.append(f"[@click={action}][reverse b] {area.key} {area.title} [/][/]")
            else:
                parts.append(f"[@click={action}][b $accent]{area.key}[/] {area.title}[/]")
        parts.append("[@click=app.help()][b $accent]?[/] help[/]")
        if note:
            parts.append(f"[i $text-muted]{note}[/]")
        # Seven areas and help fit in 80 columns with two spaces between them; with a
        # note (the demo marker) too, one space, so the note is never cut off.
        return (" " if note else "  ").join(parts)
