"""The guides that ship inside the package (so an installed reconnect can point to
them): where each one is."""

from __future__ import annotations

from pathlib import Path

# How a therapist writes a homework plan: every field, with TOML and JSON examples.
PLAN_FORMAT = Path(__file__).resolve().with_name("homework-plan.md")
