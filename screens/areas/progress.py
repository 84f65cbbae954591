"""Progress: comfort, depth and being myself, connections by depth, the check-in and
goals, week by week.

Comfort, depth and authenticity come first: progress here is a slow rise in them, not a
count. Under each chart one line in words compares the period with the one before.
"""

from __future__ import annotations

from datetime import timedelta

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.events import Resize
from textual.reactive import var
from textual.widgets import Static, Tab, Tabs

from reconnect.logic.day_format import day_format
from reconnect.logic.goes_with import goes_with_lines
from reconnect.logic.plural import plural
from reconnect.logic.progress import ProgressData, WeekPoint, progress, progress_span
from reconnect.logic.progress_groups import progress_group_lines
from reconnect.logic.progress_words import (
    checkin_words,
    comfort_depth_myself_words,
    connections_words,
    goals_words,
)
from reconnect.logic.year_days import year_bounds, year_days
from screens.areas.base import AreaScreen
from widgets.week_chart import ChartSpec, Series, WeekChart, legend_text
from widgets.year_heatmap import YearHeatmap

PERIODS = (8, 12, 26, 52)
PERIOD = Binding.Group("Fewer/more weeks", compact=True)
DEFAULT_WEEKS = 12
# From this width two charts sit side by side.
WIDE = 110

# Depth 5 at the bottom of each bar: the solid base growing is the move to deeper talk.
DEPTH_BARS = (
    (5, "plan/support", "█"),
    (4, "personal share", "▓"),
    (3, "real conversation", "▒"),
    (2, "small talk", "░"),
    (1, "greeting", "·"),
)


def _if_logged(point: WeekPoint, count: int) -> int | None:
    """A count for a week with entries; None (no bar) for a gap, which is not a zero."""
    return count if point.logged else None


def _specs(data: ProgressData) -> dict[str, ChartSpec]:
    points = data.points
    weeks = [p.start for p in points]
    key = (weeks[0], len(weeks), tuple(points))
    return {
        "comfort": ChartSpec(
            weeks,
            lines=(
                Series("comfort", [p.comfort for p in points], "●", 0),
                Series("depth", [p.depth for p in points], "◆", 1),
                # Weeks whose moments were never asked are None: a gap, not a zero.
                Series("myself", [p.authenticity for p in points], "▲", 2),
            ),
            y_range=(1, 5),
            y_ticks=[(n, str(n)) for n in range(1, 6)],
            legend_extra="weekly averages, 1–5",
            key=("comfort", *key),
        ),
        "connections": ChartSpec(
            weeks,
            stacks=tuple(
                Series(
                    label, [_if_logged(p, p.by_depth[depth - 1]) for p in points], marker, 5 - depth
                )
                for depth, label, marker in DEPTH_BARS
            ),
            counts=True,
            key=("connections", *key),
        ),
        "checkin": ChartSpec(
            weeks,
            lines=(Series("score", [p.checkin for p in points], "●", 2),),
            y_range=(3, 9),
            y_ticks=[(9, "lonelier 9"), (6, "6"), (3, "less lonely 3")],
            legend_extra="3–9: lower means less lonely; a trend, not a diagnosis",
            key=("checkin", *key),
        ),
        "goals": ChartSpec(
            weeks,
            stacks=(
                Series("steps done (left)", [_if_logged(p, p.steps_done) for p in points], "█", 0),
            ),
            lines=(
                Series(
                    "targets met, % (right)",
                    [None if p.target_share is None else 100 * p.target_share for p in points],
                    "◆",
                    1,
                    right=True,
                ),
            ),
            counts=True,
            right_range=(0, 100),
            right_ticks=[(0, "0%"), (50, "50%"), (100, "100%")],
            key=("goals", *key),
        ),
    }


SECTIONS = (
    ("comfort", "Comfort, depth and being myself", comfort_depth_myself_words),
    ("connections", "Connections per week, by depth", connections_words),
    ("checkin", "Weekly check-in score", checkin_words),
    ("goals", "Goal steps and weekly targets", goals_words),
)


class ProgressScreen(AreaScreen):
    AREA_TITLE = "Progress"
    ABOUT = (
        "Progress is a slow rise in comfort, depth and being myself, not a count. Comfort, "
        "depth and myself (could I be myself?) are weekly averages (1–5); myself only over "
        "the moments that answered it. Connections per week are stacked by depth. The check-in "
        "score runs 3–9, lower means less lonely: a trend to look at, never a diagnosis. "
        "Weeks with nothing logged are gaps, not zeros. Only finished weeks are shown. "
        "The words under each chart say how it changed from the first weeks with entries "
        "to the last (each end the mean of two weeks once there are four), then how it "
        "compares with the weeks before. Under the charts, Groups counts the groups tried and "
        "the visits in the period, and shows comfort at each visit. Often goes with lists the "
        "kinds of person, channels and people whose moments felt more comfortable, with how "
        "many moments each rests on: they go together, they don't say why. A year of days "
        "(y) marks each day by its deepest moment; a quiet day is a dot, not a miss. Enter "
        "on a day logs a moment for it."
    )

    BINDINGS = [
        Binding("y", "year", "Year of days"),
        Binding("left_square_bracket", "period(-1)", "Fewer weeks", key_display="[", group=PERIOD),
        Binding("right_square_bracket", "period(1)", "More weeks", key_display="]", group=PERIOD),
    ]

    weeks: var[int] = var(DEFAULT_WEEKS, init=False)  # the period shown, one of PERIODS

    def compose_body(self) -> ComposeResult:
        yield Tabs(
            *(Tab(f"{n} weeks", id=f"weeks-{n}") for n in PERIODS),
            active=f"weeks-{self.weeks}",
            id="periods",
        )
        yield Static(id="period")
        with VerticalScroll(id="charts"):
            yield Static(id="empty")
            with Vertical(id="sections"):
                # Two rows of two: side by side when wide, one under another when not.
                for row in (SECTIONS[:2], SECTIONS[2:]):
                    with Horizontal(classes="row"):
                        for name, title, _ in row:
                            with Vertical(classes="section", id=f"section-{name}"):
                                yield Static(Text(title), classes="section-title")
                                yield Static(id=f"legend-{name}", classes="legend")
                                yield WeekChart(id=f"chart-{name}")
                                yield Static(id=f"words-{name}", classes="words")
                # Groups in words under the charts: a count of visits means little alone.
                with Vertical(classes="section", id="section-groups"):
                    yield Static(Text("Groups"), classes="section-title")
                    yield Static(id="words-groups", classes="words")
                with Vertical(classes="section", id="section-goes-with"):
                    yield Static(Text("Often goes with higher comfort"), classes="section-title")
                    yield Static(id="words-goes-with", classes="words")
            # The year is its own span, whatever the period: shown even when it is empty.
            with Vertical(classes="section", id="section-year"):
                yield Static(id="year-title", classes="section-title")
                yield YearHeatmap(id="year")

    def on_mount(self) -> None:
        # Textual then runs AreaScreen.on_mount too (handlers run for each class), which
        # loads the data: calling super() here would load it twice.
        # Arrow and page keys scroll the charts; [ and ] (or a click) change the period.
        self.query_one("#charts").focus()

    def action_year(self) -> None:
        """To the year of days, cursor on today: arrows move it, enter logs for a day."""
        year = self.query_one(YearHeatmap)
        year.focus()
        self.query_one("#section-year").scroll_visible(animate=False, top=True)

    def on_year_heatmap_day_chosen(self, event: YearHeatmap.DayChosen) -> None:
        """Log a moment for a day gone by, the day already filled in."""
        from reconnect.logic.connection_form import Prefill
        from reconnect.logic.connections import Saved
        from screens.dialogs.log_entry import LogEntryDialog

        def saved(result: Saved | None) -> None:
            if result is not None:
                self.show_change()
                self.notify(
                    f"Saved: {result.connection.what}.",
                    title=f"{day_format(event.day, '%a {day} %b')}",
                )

        self.app.push_screen(LogEntryDialog(prefill=Prefill(day=event.day)), saved)

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width >= WIDE, "-wide")

    def on_tabs_tab_activated(self, event: Tabs.TabActivated) -> None:
        self.weeks = int(str(event.tab.id).removeprefix("weeks-"))

    def action_period(self, step: int) -> None:
        self.weeks = PERIODS[min(len(PERIODS) - 1, max(0, PERIODS.index(self.weeks) + step))]

    def watch_weeks(self, weeks: int) -> None:
        self.query_one(Tabs).active = f"weeks-{weeks}"  # no-op when a tab was clicked
        self.reload()

    def refresh_data(self) -> None:
        app = self.reconnect
        first_day = app.settings.first_day_of_week
        start, end = progress_span(app.today, self.weeks, first_day)
        # The facts the store's index keeps: a year of moments, no model built.
        moments = self.store.connections.facts_between(start, end)
        data = progress(
            moments,
            self.store.checkins.all(),
            self.store.goals.all(),
            app.today,
            self.weeks,
            first_day,
        )
        first = data.points[0].start
        last = data.points[-1].start + timedelta(days=6)
        gaps = data.now.weeks - data.now.weeks_logged
        # Gaps matter beside weeks with entries; with none at all, the line below says it.
        gap_words = (
            f" {plural(gaps, 'week')} with no entries: gaps in the charts, left out of averages."
            if 0 < gaps < data.now.weeks
            else ""
        )
        self.query_one("#period", Static).update(
            f"{self.weeks} full weeks, {day_format(first, '{day} %b %Y')} to "
            f"{day_format(last, '{day} %b %Y')}.{gap_words} "
            "This week so far is on Today."
        )
        now = data.now
        empty = not (now.connections or now.checkins or now.steps_done or now.goal_weeks)
        started = self.store.connections.latest_time() is not None or bool(
            self.store.checkins.count()
        )
        self.query_one("#empty", Static).update(
            ""
            if not empty
            else "Your first full week shows here once it ends; this week so far is on Today."
            if started
            else f"Nothing in these {self.weeks} weeks yet. Progress fills in as weeks end: "
            "log a connection, or do the weekly check-in from Today."
        )
        self.query_one("#empty").display = empty
        self.query_one("#sections").display = not empty
        specs = _specs(data)
        for name, _, words in SECTIONS:
            gap = " " if name == "connections" else "  "  # five entries must fit 80 columns
            self.query_one(f"#legend-{name}", Static).update(legend_text(specs[name], gap))
            self.query_one(f"#chart-{name}", WeekChart).show(specs[name])
            self.query_one(f"#words-{name}", Static).update(words(data))
        visits = self.store.connections.many(m.id for m in moments if m.group_id)
        groups = progress_group_lines(self.store.groups.all(), visits, self.weeks)
        self.query_one("#words-groups", Static).update("\n".join(groups))
        self.query_one("#section-groups").display = bool(groups)
        goes_with = goes_with_lines(moments, self.store.people.all())
        text = Text()
        for line in goes_with:
            text.append(("\n" if text else "") + line, style="bold" if line.endswith(":") else "")
        self.query_one("#words-goes-with", Static).update(text)
        self._show_year()

    def _show_year(self) -> None:
        app = self.reconnect
        first_day = app.settings.first_day_of_week
        facts = self.store.connections.facts_between(*year_bounds(app.today, first_day))
        days = year_days(facts, app.today, first_day)
        self.query_one("#year-title", Static).update(
            f"A year of days (y) · {plural(days.logged_days(), 'day')} with moments · "
            "← → a week, ↑ ↓ a day"
        )
        self.query_one(YearHeatmap).show(days)
