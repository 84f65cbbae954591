"""The words under each Progress chart: how each figure changed WITHIN the period (from its
first weeks with entries to its last), then against the period before. A week with nothing
noted is a gap, not a zero: it is skipped, never counted as 0.
"""

from __future__ import annotations

from collections.abc import Sequence

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


def trend(name: str, values: Sequence[float], fmt: str = "{:.1f}") -> str:
    """'comfort rose from 2.1 to 4.7', 'comfort stayed about 3.0' or 'fell from … to …'.

    `values` are the weeks with entries, oldest first (at least two). With four or more,
    each end is the mean of two weeks, so one odd week at either end does not decide it.
    """
    ends = 2 if len(values) >= 4 else 1
    first = sum(values[:ends]) / ends
    last = sum(values[-ends:]) / ends
    shown_first, shown_last = fmt.format(first), fmt.format(last)
    if shown_first == shown_last:
        return f"{name} stayed about {shown_last}"
    verb = "rose" if last > first else "fell"
    return f"{name} {verb} from {shown_first} to {shown_last}"


def _too_little(what: str, weeks: int) -> str:
    """The plain words for a period with entries in only one week."""
    return f"Only one week with {what} in these {weeks} weeks: too little to show a change yet"


def _against(data: ProgressData, name: str, before: float | None, now: float) -> str:
    """'; comfort about the same as the 4 weeks before', '; … higher than …' (the period
    averages, after the change within it), or '; nothing logged in the 4 weeks before
    to compare with'."""
    weeks = plural(data.weeks, "week")
    if before is None:
        return f"; nothing logged in the {weeks} before to compare with"
    if f"{before:.1f}" == f"{now:.1f}":
        return f"; {name} about the same as the {weeks} before"
    side = "higher" if now > before else "lower"
    return f"; {name} {side} than the {weeks} before ({now:.1f} against {before:.1f})"


def comfort_depth_words(data: ProgressData) -> str:
    now, before = data.now, data.before
    logged = [p for p in data.points if p.comfort is not None and p.depth is not None]
    if now.comfort is None or now.depth is None:
        return "Nothing logged in these weeks yet. Comfort and depth show here once you log."
    if len(logged) < 2:
        return (
            _too_little("connections", data.weeks)
            + f" (comfort {now.comfort:.1f}, depth {now.depth:.1f})."
        )
    words = trend("Comfort", [p.comfort for p in logged if p.comfort is not None])
    words += f" {over(now)}; " + trend("depth", [p.depth for p in logged if p.depth is not None])
    return words + _against(data, "comfort", before.comfort, now.comfort) + "."


# The question authenticity answers, as the words under the chart name it.
MYSELF_QUESTION = "“could I be myself?”"


def myself_words(data: ProgressData) -> str:
    """How "could I be myself?" changed within the period, over the weeks whose moments
    answered it; weeks not asked (older moments) are gaps, never zeros."""
    now, before = data.now, data.before
    answered = [p.authenticity for p in data.points if p.authenticity is not None]
    if now.authenticity is None:
        return f"No answers yet to {MYSELF_QUESTION}: it shows here once you rate it."
    if len(answered) < 2:
        return (
            _too_little(f"an answer to {MYSELF_QUESTION}", data.weeks)
            + f" (myself {now.authenticity:.1f})."
        )
    weeks = len(answered)
    span = over(now) if weeks == now.weeks_logged else f"over the {weeks} weeks with an answer"
    words = f"{trend('Being myself', answered)} {span}"
    # Nothing to compare with before it was asked: say nothing rather than repeat the gap.
    if before.authenticity is not None:
        words += _against(data, "being myself", before.authenticity, now.authenticity)
    return words + "."


def comfort_depth_myself_words(data: ProgressData) -> str:
    """The words under the first chart: comfort and depth, then being myself."""
    if data.now.comfort is None:
        return comfort_depth_words(data)
    return f"{comfort_depth_words(data)} {myself_words(data)}"


def connections_words(data: ProgressData) -> str:
    now, before = data.now, data.before
    if not now.connections:
        return "No connections logged in these weeks. A smile at the shop counts."
    verb = "was" if now.connections == 1 else "were"  # "0 of 1 connection was"
    deep = (
        f"{now.deep} of {plural(now.connections, 'connection')} {verb} real conversation or deeper"
    )
    if before.connections:
        deep += f" ({before.deep} of {before.connections} before)"
    # Weeks with no connection are gaps: the trend runs over the weeks that have some.
    logged = [float(p.connections) for p in data.points if p.connections]
    if len(logged) < 2:
        return f"{_too_little('connections', data.weeks)}; {deep}."
    return f"{trend('Connections per week', logged)} {over(now)}; {deep}."


def checkin_words(data: ProgressData) -> str:
    now, before = data.now, data.before
    if now.checkin is None:
        return "No check-ins in these weeks. Today offers one each week."
    scores = [float(p.checkin) for p in data.points if p.checkin is not None]
    if len(scores) < 2:
        return (
            f"Only one check-in in these {data.weeks} weeks: too little to show a change yet "
            f"(score {scores[0]:.0f}, {SCALE})."
        )
    words = trend(f"Check-in score ({SCALE})", scores)
    words += f" over {plural(len(scores), 'check-in')}"
    return words + _against(data, "overall", before.checkin, now.checkin) + "."


def goals_words(data: ProgressData) -> str:
    now, before = data.now, data.before
    if not now.steps_done and not now.goal_weeks:
        return "No goal steps done and no weekly targets in these weeks."
    targets = ""
    if now.goal_weeks:
        targets = (
            f"; weekly targets met {plural(now.targets_met, 'time')} out of "
            f"{now.goal_weeks} (one chance a week for each goal with a target)"
        )
        if before.goal_weeks:
            targets += f", {before.targets_met} of {before.goal_weeks} before"
    steps = [float(p.steps_done) for p in data.points if p.steps_done]
    if len(steps) < 2:
        head = (
            _too_little("goal steps done", data.weeks)
            if steps
            else f"No goal steps done in these {data.weeks} weeks"
        )
        return head + targets + "."
    return f"{trend('Goal steps done per week', steps)} {over(now)}" + targets + "."
