"""How often each isolation pattern was ticked, as horizontal bars, over 4, 12 or 52 weeks.

Each bar's label carries its count, and a line of words says which patterns are fading
and which persist, so nothing depends on colour.
"""

from __future__ import annotations

from datetime import timedelta

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import RadioSet, Static
from textual_plotext import PlotextPlot

from reconnect.logic.day_format import day_format
from reconnect.logic.patterns import PERIODS, PatternWindow
from widgets.marked_radio_button import MarkedRadioButton


def summary_text(shown: PatternWindow) -> Text:
    """Plain words under the chart: the trends, or a gentle note when there are none."""
    weeks, half = shown.weeks, shown.weeks // 2
    if not any(f.count for f in shown.frequencies):
        return Text(
            f"No patterns ticked in the last {weeks} weeks. "
            "That can mean a good stretch, or simply no reflections yet."
        )
    if not shown.comparable:
        return Text(
            f"Trends appear once there are reflections in both halves of these {weeks} "
            f"weeks, to compare the last {half} with the {half} before.",
            style="dim",
        )
    text = Text(f"The last {half} weeks against the {half} before: ", style="dim")
    for n, (trend, names) in enumerate(shown.trend_summary()):
        if n:
            text.append(" · ")
        text.append(f"{trend.value.capitalize()}: ", style="bold")
        text.append(", ".join(names))
    return text


class PatternChart(Vertical):
    """Handed frequencies; posts PeriodChanged when the user picks another period."""

    DEFAULT_CSS = """
    PatternChart #period { layout: horizontal; height: auto; border: none; padding: 0 1; }
    PatternChart #period RadioButton { margin-right: 2; }
    PatternChart #pattern-plot { height: 14; }
    PatternChart #trend-summary { height: auto; padding: 0 1; }
    """

    class PeriodChanged(Message):
        def __init__(self, weeks: int) -> None:
            super().__init__()
            self.weeks = weeks

    def __init__(self, weeks: int = PERIODS[1], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.weeks = weeks

    def compose(self) -> ComposeResult:
        with RadioSet(id="period"):
            for weeks in PERIODS:
                yield MarkedRadioButton(f"{weeks} weeks", id=f"weeks-{weeks}")
        yield PlotextPlot(id="pattern-plot")
        yield Static(id="trend-summary")

    def on_mount(self) -> None:
        # Pressed now, not built on: RadioSet puts its keyboard cursor on a pressed
        # button, but on the first one for a button that starts on.
        self.query_one(f"#weeks-{self.weeks}", MarkedRadioButton).value = True

    def show(self, shown: PatternWindow) -> None:
        """Draw the frequencies of one window."""
        self.weeks = shown.weeks
        plot = self.query_one("#pattern-plot", PlotextPlot)
        plt = plot.plt
        plt.clear_data()
        plt.clear_figure()
        # Plotext draws the first bar at the bottom: reverse to read top-down.
        rows = list(reversed(shown.frequencies))
        names = [f"{f.pattern.name} {f.count}" for f in rows]
        # plotext does not align horizontal bar labels: pad them to one width.
        width = max((len(n) for n in names), default=0)
        labels = [n.rjust(width) for n in names]
        plt.bar(labels, [f.count for f in rows], orientation="horizontal", width=0.1)
        last = shown.end - timedelta(days=1)
        plt.title(
            f"Times each pattern was ticked, {day_format(shown.first, '{day} %b %Y')} – "
            f"{day_format(last, '{day} %b %Y')}"
        )
        top = max((f.count for f in rows), default=0)
        plt.xticks(_ticks(top))
        plt.xlim(0, max(top, 1))
        plot.refresh()
        self.query_one("#trend-summary", Static).update(summary_text(shown))

    @on(RadioSet.Changed)
    def _period_chosen(self, event: RadioSet.Changed) -> None:
        event.stop()
        weeks = PERIODS[event.index]
        if weeks != self.weeks:
            self.weeks = weeks
            self.post_message(self.PeriodChanged(weeks))


def _ticks(top: int) -> list[int]:
    """Whole-number ticks: counts are never fractional."""
    if top <= 0:
        return [0, 1]
    step = max(1, round(top / 5))
    return list(range(0, top + step, step))
