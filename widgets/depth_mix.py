"""A set of connections by depth: a labelled bar per depth, meaning carried in text."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from reconnect.records.content import DEPTH_SHORT

BAR_WIDTH = 10


def depth_mix_text(mix: dict[int, int]) -> Text:
    """One line per depth 1–5: number, name, a bar scaled to the largest count, count."""
    top = max(mix.values(), default=0)
    lines = []
    for depth, name in DEPTH_SHORT.items():
        count = mix.get(depth, 0)
        filled = round(BAR_WIDTH * count / top) if top else 0
        line = Text(f"{depth} {name:<18}")
        line.append("█" * filled, style="bold")
        line.append("·" * (BAR_WIDTH - filled), style="dim")
        line.append(f" {count}")
        lines.append(line)
    return Text("\n").join(lines)


class DepthMix(Static):
    """Shows {depth: count}."""

    DEFAULT_CSS = "DepthMix { height: auto; }"

    def show(self, mix: dict[int, int]) -> None:
        self.update(depth_mix_text(mix))
