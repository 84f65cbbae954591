"""The app's main areas: name, title, key and a one-line hint.

Kept free of textual so the CLI can offer `--open AREA` without loading the UI. Each
area's screen is named in screens.areas.modes; an area is listed here only once its screen
exists: no placeholder screens.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Area:
    name: str
    title: str
    key: str  # a Textual key name
    hint: str  # one line for the first-run message and the command palette
    # The top bar names the areas a person moves between every day; one they seldom
    # need (Settings) is left out of it, so the bar fits 80 columns.
    in_bar: bool = True

    @property
    def key_label(self) -> str:
        """The key as a person types it."""
        return {"comma": ","}.get(self.key, self.key)


AREAS: tuple[Area, ...] = (
    Area(
        "today",
        "Today",
        "t",
        "See this week at a glance: connections, goals and who you haven't seen in a while.",
    ),
    Area(
        "log",
        "Log",
        "l",
        "Note a small moment of connection in seconds; see the week's moments by day.",
    ),
    Area(
        "reflect",
        "Reflect",
        "r",
        "Write about what pulls you away from people, and watch the patterns change.",
    ),
    Area(
        "goals",
        "Goals",
        "g",
        "Small-step goals and therapist homework, one ladder at a time.",
    ),
    Area(
        "people",
        "People",
        "p",
        "The people who matter, and who you are losing touch with.",
    ),
    Area(
        "progress",
        "Progress",
        "o",
        "Week by week: comfort and depth, connections, the check-in score and goals.",
    ),
    Area(
        "review",
        "Review",
        "w",
        "Look back at a week: what helped, what got in the way, one small next step.",
    ),
    Area(
        "settings",
        "Settings",
        "comma",
        "Your crisis lines, the first day of the week, the theme and where your data lives.",
        in_bar=False,
    ),
)

AREA_NAMES: tuple[str, ...] = tuple(a.name for a in AREAS)
AREAS_BY_NAME: dict[str, Area] = {a.name: a for a in AREAS}
BAR_AREAS: tuple[Area, ...] = tuple(a for a in AREAS if a.in_bar)
