"""Which reflection prompt to offer next, so the same one does not keep coming back.

Pure (floor 2). Prompts never used come first, in catalogue order; then the ones used
longest ago. "Another prompt" walks further along the same order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from reconnect.records.content import PROMPTS


def prompt_order(used_newest_first: Iterable[str], prompts: Sequence[str] = PROMPTS) -> list[str]:
    """Every prompt, freshest first: never used, then least recently used."""
    last_used: dict[str, int] = {}  # prompt -> how many reflections ago it was used
    for age, prompt in enumerate(used_newest_first):
        last_used.setdefault(prompt, age)
    never = [p for p in prompts if p not in last_used]
    used = sorted((p for p in prompts if p in last_used), key=lambda p: -last_used[p])
    return never + used
