"""The app's main areas: name, title, key and where the screen lives.

Kept free of textual so the CLI can offer `--open AREA` without loading the UI. An area
is listed here only once its screen exists: no placeholder screens.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Area:
    name: str
    title: str
    key: str
    screen: str  # "module:Class", imported when the area is first opened
    hint: str  # one line for the first-run message and the command palette


AREAS: tuple[Area, ...] = (
    Area(
        "today",
        "Today",
        "t",
        "screens.areas.today:TodayScreen",
        "See this week at a glance: connections, goals and who you haven't seen in a while.",
    ),
    Area(
        "log",
        "Log",
        "l",
        "screens.areas.log:LogScreen",
        "Note a small moment of connection in seconds; see the week's moments by day.",
    ),
    Area(
        "reflect",
        "Reflect",
        "r",
        "screens.areas.reflect:ReflectScreen",
        "Write about what pulls you away from people, and watch the patterns change.",
    ),
    Area(
        "goals",
        "Goals",
        "g",
        "screens.areas.goals:GoalsScreen",
        "Small-step goals and therapist homework, one ladder at a time.",
    ),
    Area(
        "people",
        "People",
        "p",
        "screens.areas.people:PeopleScreen",
        "The people who matter, and who you are losing touch with.",
    ),
    Area(
        "progress",
        "Progress",
        "o",
        "screens.areas.progress:ProgressScreen",
        "Week by week: comfort and depth, connections, the check-in score and goals.",
    ),
    Area(
        "review",
        "Review",
        "w",
        "screens.areas.review:ReviewScreen",
        "Look back at a week: what helped, what got in the way, one small next step.",
    ),
)

AREA_NAMES: tuple[str, ...] = tuple(a.name for a in AREAS)
AREAS_BY_NAME: dict[str, Area] = {a.name: a for a in AREAS}
