"""A consistency score as text: a percentage and a 12-week sparkline on a fixed 0–100%
scale (Textual's Sparkline rescales to its data, which would make a small wobble look
like a collapse). Meaning is in the shapes and the number, never colour alone."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

BARS = "▁▂▃▄▅▆▇█"


def spark(values: Sequence[float | None]) -> str:
    """One character per value in 0–1; a space where there is no value yet."""
    out = []
    for value in values:
        if value is None:
            out.append(" ")
        else:
            out.append(BARS[min(len(BARS) - 1, max(0, round(value * (len(BARS) - 1))))])
    return "".join(out)


def score_text(score: float | None, recent: Sequence[float | None], *, empty: str) -> Text:
    """'62% ▁▂▃▅▆▇' or the `empty` wording when there is no score yet."""
    if score is None:
        return Text(empty, style="dim")
    text = Text(f"{round(score * 100):>3}% ", style="bold")
    text.append(spark(recent))
    return text
