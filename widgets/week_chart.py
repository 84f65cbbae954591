"""A chart of weekly values: lines with gaps, stacked bars, or both, drawn with plotext.

Every series has its own marker character, and the legend spells the markers out, so
the chart reads without colour. Colours follow the app theme (darker ones on light
backgrounds). A week without data (None) is a gap: no point and no bar, never a zero.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from rich.console import Console, ConsoleOptions
from rich.console import RenderResult as RichResult
from rich.measure import Measurement
from rich.text import Text
from textual.app import RenderResult
from textual_plotext import PlotextPlot

from reconnect.logic.day_format import day_format

# Okabe–Ito colours: told apart by most kinds of colour blindness.
DARK_PALETTE = ((86, 180, 233), (230, 159, 0), (0, 158, 115), (204, 121, 167), (240, 228, 66))
LIGHT_PALETTE = ((0, 114, 178), (213, 94, 0), (0, 128, 96), (170, 68, 136), (110, 110, 110))

# A tick label per this many columns at most ("24 Aug" plus room).
TICK_COLUMNS = 9


@dataclass(frozen=True)
class Series:
    """One thing measured each week. `marker` is a single character."""

    label: str
    values: Sequence[float | None]
    marker: str
    colour: int = 0  # index into the palette
    right: bool = False  # plotted against the right-hand axis


@dataclass(frozen=True)
class ChartSpec:
    """What to draw for the weeks beginning on `weeks` (oldest first)."""

    weeks: Sequence[date]
    lines: Sequence[Series] = ()
    stacks: Sequence[Series] = ()  # stacked bars, the first at the bottom
    y_range: tuple[float, float] | None = None
    y_ticks: Sequence[tuple[float, str]] = ()
    right_range: tuple[float, float] | None = None
    right_ticks: Sequence[tuple[float, str]] = ()
    legend_extra: str = ""
    counts: bool = False  # whole-number ticks on the left axis, from zero
    key: tuple[object, ...] = field(default=(), compare=False)


class Legend:
    """A chart's legend, a Rich renderable: entries ('● comfort') side by side, a line
    breaking only between entries, so a marker never ends a line without its meaning."""

    def __init__(self, entries: Sequence[Text], gap: str) -> None:
        self.entries = list(entries)
        self.gap = gap

    @property
    def plain(self) -> str:
        return self.gap.join(entry.plain for entry in self.entries)

    def __str__(self) -> str:
        return self.plain

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RichResult:
        width = options.max_width
        lines: list[Text] = []
        line = Text()
        for entry in self.entries:
            if line and line.cell_len + len(self.gap) + entry.cell_len <= width:
                line.append(self.gap)
                line.append_text(entry)
                continue
            if line:
                lines.append(line)
            line = Text()
            if entry.cell_len > width:  # too long for any line: wrapped as words
                *whole, line = entry.wrap(console, width)
                lines.extend(whole)
            else:
                line = entry.copy()
        if line:
            lines.append(line)
        for text in lines:
            # Already fitted; each line ends with a newline, so Textual counts the height.
            text.no_wrap, text.end = True, "\n"
            yield text

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        widest = max((entry.cell_len for entry in self.entries), default=0)
        return Measurement(min(widest, options.max_width), len(self.plain))


def legend_text(spec: ChartSpec, gap: str = "  ") -> Legend:
    """'● comfort  ◆ depth': each marker and its meaning, in the series' colour."""
    entries = []
    for series in (*spec.lines, *reversed(spec.stacks)):
        entry = Text()
        entry.append(series.marker, style="bold")
        entry.append(f" {series.label}")
        entries.append(entry)
    if spec.legend_extra:
        entries.append(Text(spec.legend_extra, style="italic"))
    return Legend(entries, gap)


def runs(values: Sequence[float | None]) -> list[tuple[list[int], list[float]]]:
    """The stretches of consecutive weeks with a value: each a line of its own."""
    found: list[tuple[list[int], list[float]]] = []
    xs: list[int] = []
    ys: list[float] = []
    for x, y in enumerate(values):
        if y is None:
            if xs:
                found.append((xs, ys))
            xs, ys = [], []
        else:
            xs.append(x)
            ys.append(y)
    if xs:
        found.append((xs, ys))
    return found


def tick_positions(weeks: int, width: int) -> list[int]:
    """Which weeks get a date under them: evenly spaced, always the latest one."""
    fits = max(2, (width - 8) // TICK_COLUMNS)
    step = max(1, math.ceil(weeks / fits))
    return sorted(range(weeks - 1, -1, -step))


class WeekChart(PlotextPlot):
    """Shows a ChartSpec. Hand it one with show()."""

    DEFAULT_CSS = "WeekChart { height: 12; }"

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._spec: ChartSpec | None = None
        self._cache: tuple[tuple[object, ...], Text] | None = None

    def show(self, spec: ChartSpec) -> None:
        self._spec = spec
        self._cache = None
        self.refresh()

    def render(self) -> RenderResult:
        if self._spec is None:
            return Text()
        # Building a plot is slow next to painting: reuse it until something changed.
        key = (self.size, self.app.theme, self._spec.key or id(self._spec))
        if self._cache is None or self._cache[0] != key:
            self._draw(self._spec)
            self._cache = (key, super().render())  # type: ignore[arg-type]
        return self._cache[1]

    def _draw(self, spec: ChartSpec) -> None:
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        palette = DARK_PALETTE if self.app.current_theme.dark else LIGHT_PALETTE
        weeks = len(spec.weeks)
        xs = list(range(weeks))
        # A week where every stack is None has no entries: no bar, not a bar at zero.
        bar_xs = [x for x in xs if any(s.values[x] is not None for s in spec.stacks)]
        if bar_xs:
            values = [[series.values[x] or 0 for x in bar_xs] for series in spec.stacks]
            markers = [series.marker for series in spec.stacks]
            colours = [palette[series.colour % len(palette)] for series in spec.stacks]
            width = 0.6 if weeks <= 26 else 0.9
            if len(values) == 1:
                plt.bar(bar_xs, values[0], marker=markers[0], color=colours[0], width=width)
            else:
                plt.stacked_bar(bar_xs, values, marker=markers, color=colours, width=width)
            if spec.counts:
                top = max(1, *(sum(week) for week in zip(*values, strict=True)))
                plt.ylim(0, top)
                plt.yticks(list(range(0, int(top) + 1, max(1, math.ceil(top / 4)))))
        # Every connecting line first, then every point: a later series' line never hides
        # an earlier one's marker, so each week's value stays readable where lines cross.
        for series in spec.lines:
            # Over bars a connecting line would blur them: points only there.
            if not spec.stacks:
                self._plot_runs(series, palette, None)
        for series in spec.lines:
            self._plot_runs(series, palette, series.marker)
        plt.xlim(-0.6, weeks - 0.4)
        if spec.y_range:
            plt.ylim(*spec.y_range)
        if spec.y_ticks:
            plt.yticks([v for v, _ in spec.y_ticks], [label for _, label in spec.y_ticks])
        if spec.right_range:
            plt.ylim(*spec.right_range, yside="right")
        if spec.right_ticks:
            plt.yticks(
                [v for v, _ in spec.right_ticks],
                [label for _, label in spec.right_ticks],
                yside="right",
            )
        ticks = tick_positions(weeks, self.size.width)
        plt.xticks(ticks, [f"{day_format(spec.weeks[i], '{day} %b')}" for i in ticks])

    def _plot_runs(
        self, series: Series, palette: Sequence[tuple[int, int, int]], marker: str | None
    ) -> None:
        """The series' stretches of weeks: as points in `marker`, or (None) joining lines."""
        colour = palette[series.colour % len(palette)]
        side = "right" if series.right else "left"
        for run_xs, run_ys in runs(series.values):
            if marker is not None:
                self.plt.scatter(run_xs, run_ys, marker=marker, color=colour, yside=side)
            elif len(run_xs) > 1:
                self.plt.plot(run_xs, run_ys, marker="hd", color=colour, yside=side)
