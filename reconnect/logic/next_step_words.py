"""What a goal without a next step says in its place, the same on Today, in the Goals
list and in `reconnect today`: a goal with no steps is not one with every step done.

Floor 3: nothing imported, so `reconnect today` stays quick.
"""

from __future__ import annotations

ALL_DONE = "every step done"
NO_STEPS = "no steps yet"


def no_next_step(has_steps: bool) -> str:
    """'every step done' when there are steps (all done), else 'no steps yet'."""
    return ALL_DONE if has_steps else NO_STEPS
