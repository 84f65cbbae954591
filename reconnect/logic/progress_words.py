"""The words under each Progress chart: what each figure is, over which weeks, and how it
changed from the period before. Averages are over the weeks with entries: a week with
nothing noted is a gap, not a zero.
"""

from __future__ import annotations

from reconnect.logic.checkin_score import SCALE
from reconnect.logic.plural import plural
from reconnect.logic.progress import PeriodSummary, ProgressData


def change(
    name: str, before: float | None, now: float | None, fmt: str = "{:.1f}", when: str = ""
) -> str:
    """'comfort: 3.1 (up from 2.6)', 'comfort: 3.1 (the same as before)', 'comfort: 3.1',
    or 'comfort: no entries'; `when` names the earlier period: ' in the 4 weeks before'."""
    if now is None:
        return f"{name}: no entries"
    shown_now = fmt.format(now)
    if before is None:
        return f"{name}: {shown_now}"
    shown_before = fmt.format(before)
    if shown_before == shown_now:
        return f"{name}: {shown_now} (the same{when or ' as before'})"
    direction = "up" if now > before else "down"
    return f"{name}: {shown_now} ({direction} from {shown_before}{when})"


def over(summary: PeriodSummary) -> str:
    """'over 12 weeks', or 'over the 10 weeks with entries' when some were gaps."""
    if summary.weeks_logged == summary.weeks:
        return f"over {plural(summary.weeks, 'week')}"
    if summary.weeks_logged == 1:
        return "over the one week with entries"
    return f"over the {summary.weeks_logged} weeks with entries"


def _when(data: ProgressData) -> str:
    return f" in the {plural(data.weeks, 'week')} before"


def _compared(data: ProgressData, had_before: bool) -> str:
    return "." if had_before else "; no earlier weeks to compare with."


def comfort_depth_words(data: ProgressData) -> str:
    now, before = data.now, data.before
    if now.comfort is None:
        return "Nothing logged in these weeks yet. Comfort and depth show here once you log."
    words = change(f"Average comfort {over(now)}", before.comfort, now.comfort, when=_when(data))
    words += "; " + change("average depth", before.depth, now.depth)
    return words + _compared(data, before.comfort is not None)


def connections_words(data: ProgressData) -> str:
    now, before = data.now, data.before
    if not now.connections:
        return "No connections logged in these weeks. A smile at the shop counts."
    had_before = before.connections > 0
    words = change(
        f"Connections per week {over(now)}",
        before.connections_per_week if had_before else None,
        now.connections_per_week,
        when=_when(data),
    )
    words += (
        f"; {now.deep} of {plural(now.connections, 'connection')} were real conversation or deeper"
    )
    if had_before:
        words += f" ({before.deep} of {before.connections} before)"
    return words + _compared(data, had_before)


def checkin_words(data: ProgressData) -> str:
    now, before = data.now, data.before
    if now.checkin is None:
        return "No check-ins in these weeks. Today offers one each week."
    words = change(
        f"Average check-in score ({SCALE}) over {plural(now.checkins, 'check-in')}",
        before.checkin,
        now.checkin,
        when=_when(data),
    )
    return words + _compared(data, before.checkin is not None)


def goals_words(data: ProgressData) -> str:
    now, before = data.now, data.before
    if not now.steps_done and not now.goal_weeks:
        return "No goal steps done and no weekly targets in these weeks."
    had_before = before.steps_done > 0 or before.goal_weeks > 0
    words = change(
        f"Goal steps done per week {over(now)}",
        before.steps_per_week if had_before else None,
        now.steps_per_week,
        when=_when(data),
    )
    if now.goal_weeks:
        words += (
            f"; weekly targets met {plural(now.targets_met, 'time')} out of "
            f"{now.goal_weeks} (one chance a week for each goal with a target)"
        )
        if before.goal_weeks:
            words += f", {before.targets_met} of {before.goal_weeks} before"
    return words + _compared(data, had_before)
