"""The reflection history: newest first, patterns as tags, search and filters.

Handed a ReflectionIndex (built once per load of the records); filtering runs on it,
a moment after the last keystroke, so typing stays smooth on a long history.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import DataTable, Input, Select, Static

from reconnect.logic.day_format import day_format
from reconnect.logic.plural import plural
from reconnect.logic.search import ReflectionFilter, ReflectionIndex
from reconnect.records.content import PATTERNS, pattern_name
from reconnect.records.models import Reflection
from widgets.field_check import IsoDate

# Wait this long after a keystroke before filtering again.
# Rows given to the table at a time, and how close to the last one loads the next.
PAGE = 150
MORE_WHEN_WITHIN = 20
WHEN_WIDTH = 11
PATTERNS_WIDTH = 26


def pattern_tags(pattern_ids: list[str], width: int) -> Text:
    """Pattern names (the tick list's) as tags, cut with '+N' when they do not fit."""
    tags = Text()
    for n, pattern_id in enumerate(pattern_ids):
        name = pattern_name(pattern_id)
        more = f" +{len(pattern_ids) - n}"
        # Room for the separator, "[name]", and a "+N" if more tags follow this one.
        needed = bool(tags) + len(name) + 2 + (len(more) if n < len(pattern_ids) - 1 else 0)
        if tags and len(tags) + needed > width:
            tags.append(more, style="dim")
            break
        if tags:
            tags.append(" ")
        tags.append(f"[{name}]", style="bold")
    return tags


def snippet(reflection: Reflection, width: int) -> Text:
    """The title, else the first words of the body, on one line."""
    text = Text()
    if reflection.private:
        text.append("private · ", style="italic dim")
    words = reflection.title or " ".join(reflection.body.split()) or reflection.avoided
    words = " ".join(words.split()) or "(only patterns ticked)"
    room = max(width - len(text), 1)
    if len(words) > room:
        words = words[: max(room - 1, 0)] + "…"
    text.append(words)
    return text


class ReflectionHistory(Vertical):
    """Shows reflections; posts Opened when one is chosen."""

    DEFAULT_CSS = """
    ReflectionHistory #filters { height: auto; }
    ReflectionHistory #search { width: 1fr; }
    ReflectionHistory #pattern-filter { width: 24; }
    ReflectionHistory .date { width: 15; }
    ReflectionHistory #history-status { padding: 0 1; color: $text-muted; height: 1; }
    ReflectionHistory #history-table { height: 1fr; }
    """

    class Opened(Message):
        def __init__(self, reflection_id: str) -> None:
            super().__init__()
            self.reflection_id = reflection_id

    def __init__(self, *, search_delay: float = 0.15, id: str | None = None) -> None:
        super().__init__(id=id)
        self._search_delay = search_delay  # typing pause before a search runs
        self._index = ReflectionIndex([])
        self._shown: list[Reflection] = []
        self._timer: Timer | None = None
        self._last_width = 0
        # Rendered cells per reflection id, for the current index and text width:
        # filtering then only re-adds rows instead of re-rendering every cell.
        self._cells: dict[str, tuple[Text, Text, Text]] = {}
        self._cells_width = 0
        self._in_table = 0  # how many of the matches are rows in the table so far

    def compose(self) -> ComposeResult:
        with Horizontal(id="filters"):
            yield Input(placeholder="Search your words", id="search")
            yield Select[str](
                ((p.name, p.id) for p in PATTERNS),
                prompt="Any pattern",
                id="pattern-filter",
            )
            yield Input(
                placeholder="from date",
                id="from-date",
                classes="date",
                restrict=r"[0-9-]*",
                max_length=10,
                validators=[IsoDate(optional=True)],
                tooltip="Show reflections from this day on (YYYY-MM-DD)",
            )
            yield Input(
                placeholder="to date",
                id="to-date",
                classes="date",
                restrict=r"[0-9-]*",
                max_length=10,
                validators=[IsoDate(optional=True)],
                tooltip="Show reflections up to this day (YYYY-MM-DD)",
            )
        yield Static(id="history-status", markup=False)
        table: DataTable[Text] = DataTable(
            id="history-table", cursor_type="row", zebra_stripes=True
        )
        yield table

    # --- data in ---------------------------------------------------------------------

    def show(self, index: ReflectionIndex) -> None:
        """New records to show (keeps the filters and, if still there, the cursor)."""
        self._index = index
        self._cells.clear()
        self._apply()

    @property
    def wanted(self) -> ReflectionFilter:
        pattern = self.query_one("#pattern-filter", Select).value
        return ReflectionFilter(
            text=self.query_one("#search", Input).value,
            pattern=pattern if isinstance(pattern, str) else None,
            first=self._date("#from-date"),
            last=self._date("#to-date"),
        )

    @property
    def shown(self) -> list[Reflection]:
        return list(self._shown)

    def highlighted_id(self) -> str | None:
        table = self.query_one("#history-table", DataTable)
        if not self._shown or table.cursor_row >= len(self._shown):
            return None
        return self._shown[table.cursor_row].id

    def clear_filters(self) -> None:
        with self.prevent(Input.Changed, Select.Changed):
            for input_id in ("#search", "#from-date", "#to-date"):
                self.query_one(input_id, Input).value = ""
            self.query_one("#pattern-filter", Select).value = Select.NULL
        self._apply()

    def _date(self, selector: str) -> date | None:
        value = self.query_one(selector, Input).value.strip()
        try:
            return date.fromisoformat(value) if value else None
        except ValueError:
            return None  # shown as a problem in the status line; not applied

    def _date_problem(self, selector: str) -> str:
        """What the date field's validator says is wrong, or ''."""
        field = self.query_one(selector, Input)
        result = field.validate(field.value)
        return result.failure_descriptions[0] if result and not result.is_valid else ""

    # --- showing ---------------------------------------------------------------------

    def _apply(self) -> None:
        self._timer = None
        keep = self.highlighted_id()
        self._shown = self._index.matching(self.wanted)
        self._fill_table(keep)
        self._show_status()

    def _fill_table(self, keep: str | None) -> None:
        table: DataTable[Text] = self.query_one("#history-table", DataTable)
        width = self._text_width()
        self._last_width = self.size.width
        if width != self._cells_width or not table.columns:
            self._cells.clear()
            self._cells_width = width
            table.clear(columns=True)
            table.add_column("When", width=WHEN_WIDTH, key="when")
            table.add_column("Patterns", width=PATTERNS_WIDTH, key="patterns")
            table.add_column("Reflection", width=width, key="text")
        else:
            table.clear()
        self._in_table = 0
        row = next((n for n, r in enumerate(self._shown) if r.id == keep), None) if keep else None
        self._add_rows(until=(row or 0) + 1)
        if row is not None:
            table.move_cursor(row=row, animate=False)

    def _add_rows(self, until: int = 0) -> None:
        """Put the next page of matches in the table (at least up to row `until`).

        The table measures every cell it is given, so it gets one page at a time: a
        keystroke on 1,800 reflections would otherwise cost a tenth of a second.
        """
        target = min(len(self._shown), max(until, self._in_table + PAGE))
        if target <= self._in_table:
            return
        table: DataTable[Text] = self.query_one("#history-table", DataTable)
        width = self._cells_width
        table.add_rows(self._row(r, width) for r in self._shown[self._in_table : target])
        self._in_table = target

    def _near_the_end(self) -> None:
        table = self.query_one("#history-table", DataTable)
        if self._in_table < len(self._shown) and (
            table.cursor_row >= self._in_table - MORE_WHEN_WITHIN
            or table.scroll_y >= table.max_scroll_y - MORE_WHEN_WITHIN
        ):
            self._add_rows()

    def _row(self, reflection: Reflection, width: int) -> tuple[Text, Text, Text]:
        cells = self._cells.get(reflection.id)
        if cells is None:
            cells = (
                Text(f"{day_format(reflection.at.astimezone(), '{day} %b %Y')}"),
                pattern_tags(reflection.patterns, PATTERNS_WIDTH),
                snippet(reflection, width),
            )
            self._cells[reflection.id] = cells
        return cells

    def _text_width(self) -> int:
        # Cell padding (1 each side per column) and the scrollbar take the rest.
        return max(self.size.width - WHEN_WIDTH - PATTERNS_WIDTH - 3 * 2 - 2, 16)

    def _show_status(self) -> None:
        status = self.query_one("#history-status", Static)
        total = len(self._index)
        problems = [
            f"{label} date: {self._date_problem(selector)}"
            for label, selector in (("From", "#from-date"), ("To", "#to-date"))
            if self._date_problem(selector)
        ]
        if problems:
            status.update("; ".join(problems))
        elif total == 0:
            status.update("No reflections yet. Press n to write one; a few lines are enough.")
        elif not self._shown:
            status.update("Nothing matches. Try fewer words, or press esc to clear the filters.")
        elif self.wanted.is_active():
            status.update(f"{len(self._shown):,} of {total:,} match · enter opens · esc clears")
        else:
            status.update(f"{plural(total, 'reflection')}, newest first · enter or click opens one")

    def on_resize(self) -> None:
        if self.size.width != self._last_width and self.is_mounted:
            self._fill_table(self.highlighted_id())

    # --- events ----------------------------------------------------------------------

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        if self._timer is not None:
            self._timer.stop()
        if self._search_delay <= 0:
            self._apply()  # no typing pause asked for (tests): search now
        else:
            self._timer = self.set_timer(self._search_delay, self._apply)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        """Enter in a filter field opens the first match at once, as enter in the table
        does (not a first enter to reach the table and a second to open)."""
        event.stop()
        self._apply()
        self.query_one("#history-table", DataTable).focus()
        chosen = self.highlighted_id()
        valid = event.validation_result is None or event.validation_result.is_valid
        if chosen is not None and valid:
            self.post_message(self.Opened(chosen))

    @on(Select.Changed)
    def _pattern_chosen(self, event: Select.Changed) -> None:
        event.stop()
        self._apply()

    def on_mount(self) -> None:
        self.watch(self.query_one("#history-table"), "scroll_y", self._near_the_end)

    @on(DataTable.RowHighlighted)
    def _moved(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._near_the_end()

    @on(DataTable.RowSelected)
    def _opened(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if 0 <= event.cursor_row < len(self._shown):
            self.post_message(self.Opened(self._shown[event.cursor_row].id))
