"""Each area's screen: the app's MODES, keyed by the names in reconnect.areas.

Every screen is imported when its area is first opened: importing all seven up front
adds about 170 ms to start-up, and Today is usually the only one a start needs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from screens.areas.base import AreaScreen


def _today() -> AreaScreen:
    from screens.areas.today import TodayScreen

    return TodayScreen()


def _log() -> AreaScreen:
    from screens.areas.log import LogScreen

    return LogScreen()


def _reflect() -> AreaScreen:
    from screens.areas.reflect import ReflectScreen

    return ReflectScreen()


def _goals() -> AreaScreen:
    from screens.areas.goals import GoalsScreen

    return GoalsScreen()


def _people() -> AreaScreen:
    from screens.areas.people import PeopleScreen

    return PeopleScreen()


def _progress() -> AreaScreen:
    from screens.areas.progress import ProgressScreen

    return ProgressScreen()


def _review() -> AreaScreen:
    from screens.areas.review import ReviewScreen

    return ReviewScreen()


def _settings() -> AreaScreen:
    from screens.areas.settings import SettingsScreen

    return SettingsScreen()


AREA_SCREENS: dict[str, Callable[[], AreaScreen]] = {
    "today": _today,
    "log": _log,
    "reflect": _reflect,
    "goals": _goals,
    "people": _people,
    "progress": _progress,
    "review": _review,
    "settings": _settings,
}
