"""The words under each Progress chart: what changed, compared with the period before."""

from __future__ import annotations

from reconnect.logic.progress import ProgressData


def change(name: str, before: float | None, now: float | None, fmt: str = "{:.1f}") -> str:
    """'comfort up from 2.6 to 3.1', 'comfort steady at 3.1', or just 'comfort 3.1'."""
    if now is None:
        return f"no {name} yet"
    shown_now = fmt.format(now)
    if before is None:
        return f"{name} at {shown_now}"
    shown_before = fmt.format(before)
    if shown_before == shown_now:
        return f"{name} steady at {shown_now}"
    direction = "up" if now > before else "down"
    return f"{name} {direction} from {shown_before} to {shown_now}"


def _weeks(n: int) -> str:
    return "1 week" if n == 1 else f"{n} weeks"


def _percent(share: float | None) -> float | None:
    return None if share is None else 100 * share


def _compared(data: ProgressData, had_before: bool) -> str:
    if had_before:
        return f", compared with the {_weeks(data.weeks)} before."
    return "; no earlier weeks to compare with."


def comfort_depth_words(data: ProgressData) -> str:
    now, before = data.now, data.before
    if now.comfort is None:
        return "Nothing logged in these weeks yet. Comfort and depth show here once you log."
    words = f"{change('Comfort', before.comfort, now.comfort)} and " + change(
        "depth", before.depth, now.depth
    )
    return words + _compared(data, before.comfort is not None)


def connections_words(data: ProgressData) -> str:
    now, before = data.now, data.before
    if not now.connections:
        return "No connections logged in these weeks. A smile at the shop counts."
    had_before = before.connections > 0
    words = change(
        "Connections per week",
        before.connections_per_week if had_before else None,
        now.connections_per_week,
    )
    words += "; " + change(
        "real conversation or deeper",
        _percent(before.deep_share),
        _percent(now.deep_share),
        "{:.0f}%",
    )
    return words + _compared(data, had_before)


def checkin_words(data: ProgressData) -> str:
    now, before = data.now, data.before
    if now.checkin is None:
        return "No check-ins in these weeks. Today offers one each week."
    words = change("Average check-in score", before.checkin, now.checkin)
    words += " (lower means less lonely)"
    return words + _compared(data, before.checkin is not None)


def goals_words(data: ProgressData) -> str:
    now, before = data.now, data.before
    if not now.steps_done and not now.goal_weeks:
        return "No goal steps done and no weekly targets in these weeks."
    had_before = before.steps_done > 0 or before.goal_weeks > 0
    words = change(
        "Steps done per week",
        before.steps_per_week if had_before else None,
        now.steps_per_week,
    )
    if now.goal_weeks:
        words += "; " + change(
            "weekly targets met",
            _percent(before.target_share),
            _percent(now.target_share),
            "{:.0f}%",
        )
    return words + _compared(data, had_before)
