"""The session report: what a client brings to therapy, for a date range.

build_report gathers it from the store (pure data), render_markdown and render_html
write it. The HTML is one self-contained file (inline CSS, no scripts, no external
resources) that prints well.
"""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from reconnect.logic.checkin_score import SCALE, score_words
from reconnect.logic.day_format import day_format
from reconnect.logic.group_summary import GroupLine, group_lines
from reconnect.logic.overview import authenticity_mean, depth_mix, depth_words
from reconnect.logic.plural import plural
from reconnect.logic.support_tally import support_tally_words
from reconnect.logic.weeks import day_bounds, local_date, week_start
from reconnect.records.content import (
    AUTHENTICITY_LABELS,
    DEPTH_LABELS,
    GOAL_KIND_LABELS,
    GOAL_STATUS_LABELS,
    PATTERNS_BY_ID,
)
from reconnect.records.models import CheckIn, Goal, HomeworkOutcome, Reflection, WeeklyReview
from reconnect.store.store import Store
from reconnect.transfer.report_groups import render_groups_html, render_groups_md


@dataclass(frozen=True)
class WeekRow:
    start: date
    mix: dict[int, int]
    comfort: float | None
    checkin: int | None
    authenticity: float | None = None  # over the moments that answered it; None: a gap
    support: str = ""  # support given and received, by kind ("" when none noted)

    @property
    def total(self) -> int:
        return sum(self.mix.values())


@dataclass(frozen=True)
class StepRow:
    title: str
    predicted: int
    actual: int | None
    done_on: date | None


@dataclass(frozen=True)
class GoalRow:
    goal: Goal
    steps_done: list[StepRow]

    @property
    def average_gap(self) -> tuple[float, float] | None:
        felt = [s for s in self.steps_done if s.actual is not None]
        if not felt:
            return None
        predicted = sum(s.predicted for s in felt) / len(felt)
        actual = sum(s.actual or 0 for s in felt) / len(felt)
        return predicted, actual

    def gap_words(self) -> str:
        """The average gap in words, saying over how many steps and on which scale."""
        gap = self.average_gap
        if gap is None:
            return ""
        rated = plural(sum(s.actual is not None for s in self.steps_done), "rated step")
        return f"Average over {rated}: expected discomfort {gap[0]:.1f}, felt {gap[1]:.1f} (0–10)."


@dataclass
class Report:
    start: date
    end: date
    weeks: list[WeekRow]
    goals: list[GoalRow]
    reviews: list[WeeklyReview]
    patterns: list[tuple[str, int]]
    reflections: list[Reflection]
    private_left_out: int  # told to the person exporting, never written in the report
    checkins: list[CheckIn] = field(default_factory=list)
    authenticity: float | None = None  # the period's, over the moments that answered it
    authenticity_rated: int = 0  # how many moments answered "could I be myself?"
    support: str = ""  # the period's support given and received, by kind
    groups: list[GroupLine] = field(default_factory=list)  # never their notes

    @property
    def total_connections(self) -> int:
        return sum(w.total for w in self.weeks)


def build_report(
    store: Store, start: date, end: date, *, include_private: bool = False, first_day: int = 0
) -> Report:
    """Everything the report shows for the days start..end (inclusive)."""
    lo, hi = day_bounds(start, (end - start).days + 1)
    connections = store.connections.between(lo, hi)
    checkins = [c for c in store.checkins.all() if start <= c.week <= end]
    by_week: dict[date, list] = {}
    for c in connections:
        by_week.setdefault(week_start(local_date(c.at), first_day), []).append(c)
    score = {c.week: c.score for c in checkins}
    weeks = []
    week = week_start(start, first_day)
    while week <= end:
        items = by_week.get(week, [])
        comfort = sum(c.comfort for c in items) / len(items) if items else None
        weeks.append(
            WeekRow(
                week,
                depth_mix(items),
                comfort,
                score.get(week),
                authenticity_mean(items),
                support_tally_words(items),
            )
        )
        week += timedelta(days=7)

    all_reflections = store.reflections.between(lo, hi)
    kept = [r for r in all_reflections if include_private or not r.private]
    # A private reflection left out leaves no trace: its patterns are not tallied either.
    ticked = Counter(p for r in kept for p in r.patterns)
    patterns = [(PATTERNS_BY_ID[p].name, n) for p, n in ticked.most_common() if p in PATTERNS_BY_ID]
    return Report(
        start=start,
        end=end,
        weeks=weeks,
        goals=_goal_rows(store.goals.all(), start, end),
        reviews=sorted(
            (r for r in store.reviews.all() if start - timedelta(days=6) <= r.week <= end),
            key=lambda r: r.week,
        ),
        patterns=patterns,
        reflections=kept,
        private_left_out=len(all_reflections) - len(kept),
        checkins=sorted(checkins, key=lambda c: c.week),
        authenticity=authenticity_mean(connections),
        authenticity_rated=sum(c.authenticity is not None for c in connections),
        support=support_tally_words(connections),
        # Only what existed by the period's end: a later goal or group is not its story.
        groups=group_lines(
            (g for g in store.groups.all() if local_date(g.created_at) <= end), connections
        ),
    )


def _goal_rows(goals: list[Goal], start: date, end: date) -> list[GoalRow]:
    rows = []
    for goal in goals:
        if local_date(goal.created_at) > end:
            continue
        done = [
            StepRow(s.title, s.predicted_discomfort, s.actual_discomfort, local_date(s.done_at))
            for s in goal.steps
            if s.done_at is not None and start <= local_date(s.done_at) <= end
        ]
        homework_in_range = goal.homework is not None and (
            goal.homework.due_on is None or goal.homework.due_on >= start
        )
        if done or (goal.status.value in ("active", "paused")) or homework_in_range:
            rows.append(GoalRow(goal, done))
    rows.sort(key=lambda r: (r.goal.homework is None, r.goal.title.lower()))
    return rows


# --- words shared by both renderings ---------------------------------------------------


def checkin_trend(report: Report) -> str:
    scores = [c.score for c in report.checkins]
    if not scores:
        return "No weekly check-ins in this period."
    if len(scores) == 1:
        return f"One check-in: {score_words(scores[0])}."
    first, last = scores[0], scores[-1]
    if last < first:
        move = f"down from {first} to {last}"
    elif last > first:
        move = f"up from {first} to {last}"
    else:
        move = f"steady at {last}"
    return (
        f"{len(scores)} check-ins; loneliness score {move} ({SCALE}). "
        "A trend to talk about, not a diagnosis."
    )


def outcome_words(goal: Goal) -> str:
    if goal.homework is None or goal.homework.outcome is None:
        return "not reviewed yet"
    return {
        HomeworkOutcome.DONE: "done",
        HomeworkOutcome.PARTLY: "partly done",
        HomeworkOutcome.NOT_YET: "not yet",
    }[goal.homework.outcome]


def myself_summary(report: Report) -> str:
    """The period's "could I be myself?" in one sentence; moments not asked are left out."""
    if report.authenticity is None:
        return "“Could I be myself?” was not answered in this period."
    mean = report.authenticity
    rated = plural(report.authenticity_rated, "moment")
    return (
        f"Could I be myself? {mean:.1f} of 5 on average ({AUTHENTICITY_LABELS[round(mean)]}), "
        f"over the {rated} that answered it; a week with none shows –, not a zero."
    )


def support_summary(report: Report) -> str:
    if not report.support:
        return "No support given or received was noted in this period."
    return f"Over the period: {report.support}."


def _myself_cell(week: WeekRow) -> str:
    return f"{week.authenticity:.1f}" if week.authenticity is not None else "–"


def _period(report: Report) -> str:
    return f"{day_format(report.start, '{day} %b %Y')} – {day_format(report.end, '{day} %b %Y')}"


# --- Markdown --------------------------------------------------------------------------


def render_markdown(report: Report) -> str:
    out = [f"# reconnect: session report, {_period(report)}", ""]
    out += ["## Loneliness check-in", "", checkin_trend(report), ""]
    if report.checkins:
        out += ["| week of | loneliness score (3–9) |", "| --- | --- |"]
        out += [f"| {day_format(c.week, '{day} %b')} | {c.score} |" for c in report.checkins]
        out.append("")
    # How deep and how comfortable each week was leads; the counts follow, the total last.
    out += ["## Depth, comfort and myself, per week", ""]
    out.append(
        "| week of | depth | average comfort (1–5) | myself (1–5) | "
        + " | ".join(DEPTH_LABELS.values())
        + " | connections |"
    )
    out.append("| --- " * 10 + "|")
    for w in report.weeks:
        if not w.total:  # a week with nothing logged is a gap, not a row of zeros
            gap = " | ".join(["–"] * 7)
            out.append(f"| {day_format(w.start, '{day} %b')} | nothing logged | {gap} | – |")
            continue
        comfort = f"{w.comfort:.1f}" if w.comfort is not None else "–"
        cells = " | ".join(str(w.mix[d]) for d in range(1, 6))
        out.append(
            f"| {day_format(w.start, '{day} %b')} | {depth_words(w.mix)} | {comfort} "
            f"| {_myself_cell(w)} "
            f"| {cells} | {w.total} |"
        )
    out += ["", myself_summary(report)]
    out += ["", "## Support given and received", "", support_summary(report), ""]
    out += [
        f"- Week of {day_format(w.start, '{day} %b')}: {w.support}"
        for w in report.weeks
        if w.support
    ]
    out += ["", "## Goals and homework", ""]
    if not report.goals:
        out += ["No goals in this period.", ""]
    for row in report.goals:
        g = row.goal
        out += [
            f"### {g.title}",
            "",
            f"*{GOAL_KIND_LABELS[g.kind]} · {GOAL_STATUS_LABELS[g.status]}*",
            "",
        ]
        if g.homework is not None:
            hw = g.homework
            due = f", due {day_format(hw.due_on, '{day} %b')}" if hw.due_on else ""
            who = f" from {hw.assigned_by}" if hw.assigned_by else ""
            out += [f"Homework{who}{due}: **{outcome_words(g)}**.", ""]
            if hw.obstacles:
                out += [f"What got in the way: {hw.obstacles}", ""]
        for s in row.steps_done:
            felt = f"felt {s.actual}/10" if s.actual is not None else "not rated"
            out.append(f"- {s.title}: expected {s.predicted}/10, {felt}")
        if row.steps_done:
            out.append("")
        if row.average_gap:
            out += [row.gap_words(), ""]
    out += render_groups_md(report.groups)
    out += ["## Weekly reviews", ""]
    if not report.reviews:
        out += ["No weekly reviews in this period.", ""]
    for r in report.reviews:
        out.append(f"**Week of {day_format(r.week, '{day} %b')}**")
        if r.helped:
            out.append(f"- What helped: {r.helped}")
        if r.got_in_the_way:
            out.append(f"- What got in the way: {r.got_in_the_way}")
        if r.next_step:
            out.append(f"- Next small step: {r.next_step}")
        out.append("")
    out += ["## Patterns in reflections", ""]
    if report.patterns:
        out += [f"- {name}: {n}" for name, n in report.patterns]
    else:
        out.append("No patterns ticked in this period.")
    out += ["", "## Reflections", ""]
    for r in report.reflections:
        title = r.title or r.prompt or "Reflection"
        private = " (private)" if r.private else ""
        out.append(f"**{day_format(r.at, '%a {day} %b')}: {title}{private}**")
        if r.body:
            out.append("")
            out.append(r.body)
        if r.avoided:
            out.append(f"\nAvoided, and why: {r.avoided}")
        out.append("")
    if not report.reflections:
        out.append("No reflections to show for this period.")
    return "\n".join(out).rstrip() + "\n"


# --- HTML ------------------------------------------------------------------------------

_CSS = """
body { font: 15px/1.5 system-ui, sans-serif; color: #1d2330; max-width: 52rem;
       margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #ccd; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { text-align: left; padding: .2rem .5rem; border-bottom: 1px solid #e4e6ee; }
table.narrow { width: auto; min-width: 16rem; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.bar { display: flex; height: .9rem; min-width: 1px; }
.bar span { display: block; height: 100%; }
.d1 { background: #c9d3e6; } .d2 { background: #9fb3d9; } .d3 { background: #6f8fcc; }
.d4 { background: #4169b8; } .d5 { background: #1f3f8a; }
.legend span { display: inline-block; margin-right: .8rem; }
.legend i { display: inline-block; width: .8rem; height: .8rem; margin-right: .2rem; }
.muted { color: #5b6475; } .private { font-style: italic; }
blockquote { margin: .3rem 0 .8rem; padding-left: .8rem; border-left: 3px solid #ccd;
             white-space: pre-wrap; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2 { break-after: avoid; } section, tr, .goal { break-inside: avoid; }
  .bar span { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def _e(text: object) -> str:
    return html.escape(str(text))


def render_html(report: Report) -> str:
    top = max((w.total for w in report.weeks), default=0) or 1
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>reconnect: session report, {_e(_period(report))}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>reconnect: session report</h1><p class=muted>{_e(_period(report))}</p>",
        '<section id="checkins"><h2>Loneliness check-in</h2>',
        f"<p>{_e(checkin_trend(report))}</p>",
    ]
    if report.checkins:
        parts.append('<table class="narrow"><tr><th>week of</th><th>score (3–9)</th></tr>')
        parts += [
            f"<tr><td>{day_format(c.week, '{day} %b')}</td><td class=num>{c.score}</td></tr>"
            for c in report.checkins
        ]
        parts.append("</table>")
    parts.append("</section>")

    # How deep and how comfortable each week was leads; the counts follow, the total last.
    parts.append('<section id="connections"><h2>Depth, comfort and myself, per week</h2>')
    legend = "".join(
        f'<span><i class="d{d}"></i>{d} {_e(name)}</span>' for d, name in DEPTH_LABELS.items()
    )
    parts.append(f'<p class="legend">{legend}</p>')
    head = "".join(f"<th>{d}</th>" for d in DEPTH_LABELS)
    parts.append(
        "<table><tr><th>week of</th><th>depth</th><th>average comfort (1–5)</th>"
        f"<th>myself (1–5)</th><th></th>{head}<th>connections</th></tr>"
    )
    for w in report.weeks:
        if not w.total:  # a gap, not zeros
            parts.append(
                f"<tr><td>{day_format(w.start, '{day} %b')}</td>"
                '<td colspan="10" class="muted">nothing logged this week</td></tr>'
            )
            continue
        cells = "".join(f"<td class=num>{w.mix[d]}</td>" for d in range(1, 6))
        comfort = f"{w.comfort:.1f}" if w.comfort is not None else "–"
        bar = "".join(
            f'<span class="d{d}" style="width:{100 * w.mix[d] / top:.1f}%" '
            f'title="{w.mix[d]} {_e(DEPTH_LABELS[d])}"></span>'
            for d in range(1, 6)
            if w.mix[d]
        )
        parts.append(
            f"<tr><td>{day_format(w.start, '{day} %b')}</td><td>{_e(depth_words(w.mix))}</td>"
            f"<td class=num>{comfort}</td><td class=num>{_myself_cell(w)}</td>"
            f'<td style="width:25%"><div class=bar>{bar}</div></td>'
            f'{cells}<td class="num muted">{w.total}</td></tr>'
        )
    parts.append(f"</table><p>{_e(myself_summary(report))}</p></section>")

    parts.append('<section id="support"><h2>Support given and received</h2>')
    parts.append(f"<p>{_e(support_summary(report))}</p>")
    weeks = [w for w in report.weeks if w.support]
    if weeks:
        parts.append("<ul>")
        parts += [
            f"<li>Week of {day_format(w.start, '{day} %b')}: {_e(w.support)}</li>" for w in weeks
        ]
        parts.append("</ul>")
    parts.append("</section>")

    parts.append('<section id="goals"><h2>Goals and homework</h2>')
    if not report.goals:
        parts.append("<p>No goals in this period.</p>")
    for row in report.goals:
        g = row.goal
        parts.append(f'<div class="goal"><h3>{_e(g.title)}</h3>')
        state = GOAL_STATUS_LABELS[g.status]
        parts.append(f"<p class=muted>{_e(GOAL_KIND_LABELS[g.kind])} · {_e(state)}</p>")
        if g.homework is not None:
            hw = g.homework
            due = f", due {day_format(hw.due_on, '{day} %b')}" if hw.due_on else ""
            who = f" from {_e(hw.assigned_by)}" if hw.assigned_by else ""
            parts.append(f"<p>Homework{who}{due}: <b>{_e(outcome_words(g))}</b>.</p>")
            if hw.obstacles:
                parts.append(f"<p>What got in the way: {_e(hw.obstacles)}</p>")
        if row.steps_done:
            parts.append("<table><tr><th>step done</th><th>expected</th><th>felt</th></tr>")
            for s in row.steps_done:
                felt = f"{s.actual}/10" if s.actual is not None else "–"
                parts.append(
                    f"<tr><td>{_e(s.title)}</td><td class=num>{s.predicted}/10</td>"
                    f"<td class=num>{felt}</td></tr>"
                )
            parts.append("</table>")
        if row.average_gap:
            parts.append(f"<p>{_e(row.gap_words())}</p>")
        parts.append("</div>")
    parts.append("</section>")

    parts += render_groups_html(report.groups)

    parts.append('<section id="reviews"><h2>Weekly reviews</h2>')
    if not report.reviews:
        parts.append("<p>No weekly reviews in this period.</p>")
    for r in report.reviews:
        parts.append(f"<h3>Week of {day_format(r.week, '{day} %b')}</h3><ul>")
        for name, text in (
            ("What helped", r.helped),
            ("What got in the way", r.got_in_the_way),
            ("Next small step", r.next_step),
        ):
            if text:
                parts.append(f"<li>{name}: {_e(text)}</li>")
        parts.append("</ul>")
    parts.append("</section>")

    parts.append('<section id="patterns"><h2>Patterns in reflections</h2>')
    if report.patterns:
        parts.append("<ul>" + "".join(f"<li>{_e(n)}: {c}</li>" for n, c in report.patterns))
        parts.append("</ul>")
    else:
        parts.append("<p>No patterns ticked in this period.</p>")
    parts.append("</section>")

    parts.append('<section id="reflections"><h2>Reflections</h2>')
    for r in report.reflections:
        title = r.title or r.prompt or "Reflection"
        css = ' class="private"' if r.private else ""
        mark = " (private)" if r.private else ""
        parts.append(f"<h3{css}>{day_format(r.at, '%a {day} %b')}: {_e(title)}{mark}</h3>")
        if r.body:
            parts.append(f"<blockquote>{_e(r.body)}</blockquote>")
        if r.avoided:
            parts.append(f"<p>Avoided, and why: {_e(r.avoided)}</p>")
    if not report.reflections:
        parts.append("<p>No reflections to show for this period.</p>")
    parts.append("</section>")
    parts.append(
        "<p class=muted>Made with reconnect. It complements therapy; it does not replace it.</p>"
    )
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
