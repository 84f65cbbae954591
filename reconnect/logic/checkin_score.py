"""The check-in score in words: a level on the 3–9 scale, never a mark out of 9."""

from __future__ import annotations

# Said beside every score: 9 is the loneliest end, not full marks.
SCALE = "on the 3–9 scale, lower means less lonely"


def score_words(score: float | int, fmt: str = "{}") -> str:
    """'loneliness score 5 (on the 3–9 scale, lower means less lonely)'."""
    return f"loneliness score {fmt.format(score)} ({SCALE})"
