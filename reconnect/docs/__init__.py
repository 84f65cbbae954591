"""The guides that ship inside the package (so an installed reconnect can point to
them): where each one is."""

from __future__ import annotations

from pathlib import Path

# How a therapist writes a homework plan: every field, with TOML and JSON examples.
PLAN_FORMAT = Path(__file__).resolve().with_name("homework-plan.md")
# Why connection helps and why the app measures depth, comfort and authenticity.
WHY_PAGE = Path(__file__).resolve().with_name("why.md")
WHY_TITLE = "Why this matters"
# For a first-timer: what going to a group is like.
FIRST_GROUP_PAGE = Path(__file__).resolve().with_name("first-group.md")
FIRST_GROUP_TITLE = "Going to a group for the first time"
