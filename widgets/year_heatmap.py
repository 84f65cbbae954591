"""A year of days, one character each: 53 week columns by 7 weekday rows, each day drawn
by its deepest moment (a taller mark is deeper), a day with nothing logged a dim dot.
Never red, never "missed": a quiet day is just a day.

Handed a YearDays (logic/year_days.py); arrow keys move a cursor over the days (left and
right a week, up and down a day), enter posts DayChosen for the day under it."""

from __future__ import annotations

from datetime import date, timedelta

from rich.text import Text
from textual.binding import Binding
from textual.events import Click
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from reconnect.logic.day_format import day_format
from reconnect.logic.plural import plural
from reconnect.logic.year_days import WEEKS_SHOWN, YearDays
from reconnect.records.content import DEPTH_SHORT, DEPTH_TINY

MARKS = {0: "·", 1: "▂", 2: "▃", 3: "▅", 4: "▆", 5: "█"}
LABEL_WIDTH = 4  # "Mon "


# Beside the grid, one mark a row: meaning never by colour alone.
LEGEND = (
    *(f"{MARKS[depth]} {DEPTH_TINY[depth]}" for depth in range(1, 6)),
    f"{MARKS[0]} nothing logged",
)


class YearHeatmap(Widget, can_focus=True):
    DEFAULT_CSS = """
    YearHeatmap { height: auto; width: 1fr; }
    YearHeatmap > .year-heatmap--day { color: $success; }
    YearHeatmap > .year-heatmap--quiet { color: $text-muted; }
    YearHeatmap > .year-heatmap--cursor { text-style: reverse bold; }
    YearHeatmap:focus > .year-heatmap--cursor { color: $accent; text-style: reverse bold; }
    """
    COMPONENT_CLASSES = {"year-heatmap--day", "year-heatmap--quiet", "year-heatmap--cursor"}
    BINDINGS = [
        Binding("left", "move(-7)", "Week before", show=False),
        Binding("right", "move(7)", "Week after", show=False),
        Binding("up", "move(-1)", "Day before", show=False),
        Binding("down", "move(1)", "Day after", show=False),
        Binding("home", "to_start", "First day", show=False),
        Binding("end", "to_today", "Today", show=False),
        Binding("enter", "choose", "Log for this day"),
    ]

    cursor: reactive[date | None] = reactive(None)

    class DayChosen(Message):
        """Enter on a day: log a moment for it."""

        def __init__(self, day: date) -> None:
            super().__init__()
            self.day = day

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._days: YearDays | None = None

    def show(self, days: YearDays) -> None:
        self._days = days
        if self.cursor is None or not days.first <= self.cursor <= days.today:
            self.cursor = days.today
        self.refresh(layout=True)

    # --- moving --------------------------------------------------------------------

    def action_move(self, step: int) -> None:
        if self._days is None or self.cursor is None:
            return
        day = self.cursor + timedelta(days=step)
        self.cursor = min(self._days.today, max(self._days.first, day))

    def action_to_start(self) -> None:
        if self._days is not None:
            self.cursor = self._days.first

    def action_to_today(self) -> None:
        if self._days is not None:
            self.cursor = self._days.today

    def action_choose(self) -> None:
        if self.cursor is not None:
            self.post_message(self.DayChosen(self.cursor))

    def on_click(self, event: Click) -> None:
        """A click on a day puts the cursor there; a second click chooses it."""
        days = self._days
        offset = event.get_content_offset(self)
        if days is None or offset is None:
            return
        column, row = offset.x - LABEL_WIDTH, offset.y - 1
        if not (0 <= column < WEEKS_SHOWN and 0 <= row < 7):
            return
        day = days.first + timedelta(weeks=column, days=row)
        if day > days.today:
            return
        if day == self.cursor:
            self.action_choose()
        self.cursor = day

    # --- drawing -------------------------------------------------------------------

    def render(self) -> Text:
        days = self._days
        if days is None:
            return Text("")
        day_style = self.get_component_rich_style("year-heatmap--day")
        quiet = self.get_component_rich_style("year-heatmap--quiet")
        cursor_style = self.get_component_rich_style("year-heatmap--cursor")
        text = Text()
        text.append(self._month_line(days), style=quiet)
        for row in range(7):
            label = (days.first + timedelta(days=row)).strftime("%a")
            key = LEGEND[row - 1] if 0 < row <= len(LEGEND) else ""
            text.append(f"\n{label:<{LABEL_WIDTH}}", style=quiet)
            for first in days.week_firsts():
                day = first + timedelta(days=row)
                if day > days.today:
                    text.append(" ")
                    continue
                depth = days.cell(day).deepest
                style = day_style if depth else quiet
                if day == self.cursor:
                    style = style + cursor_style
                text.append(MARKS[depth], style=style)
            if key:
                text.append(f" {key}", style=day_style if key[0] != MARKS[0] else quiet)
        text.append("\n")
        text.append_text(self._cursor_words(days))
        return text

    @staticmethod
    def _month_line(days: YearDays) -> str:
        """Month names over the week in which each month starts, where there is room."""
        starts = [
            (column, f"{first + timedelta(days=6):%b}")
            for column, first in enumerate(days.week_firsts())
            if column and (first + timedelta(days=6)).month != (first - timedelta(days=1)).month
        ]
        if not starts or starts[0][0] >= 4:  # the first month's name, when there is room
            starts.insert(0, (0, f"{days.first:%b}"))
        line = [" "] * (LABEL_WIDTH + WEEKS_SHOWN)
        free_from = 0
        for column, name in starts:
            at = LABEL_WIDTH + column
            if at >= free_from and at + len(name) <= len(line):
                line[at : at + len(name)] = name
                free_from = at + len(name) + 1
        return "".join(line).rstrip()

    def _cursor_words(self, days: YearDays) -> Text:
        day = self.cursor
        if day is None:
            return Text("")
        cell = days.cell(day)
        text = Text(f"{day_format(day, '%a {day} %b %Y')}: ", style="bold")
        if cell.moments:
            text.append(
                f"{plural(cell.moments, 'moment')}, the deepest: {DEPTH_SHORT[cell.deepest]}"
            )
        else:
            text.append("nothing logged")
        text.append(" · enter: log a moment for it", style="dim")
        return text
