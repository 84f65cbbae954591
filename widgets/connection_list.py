"""Connections grouped by day, newest first: a header per day, two lines per entry."""

from __future__ import annotations

from collections.abc import Mapping, Sequence, Set
from datetime import date, timedelta

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reconnect.logic.day_format import day_format
from reconnect.logic.plural import plural
from reconnect.logic.support import connection_support
from reconnect.records.content import AUTHENTICITY_LABELS, COMFORT_LABELS, DEPTH_SHORT
from reconnect.records.models import Connection, label
from widgets.hanging import Hanging

DAY_PREFIX = "day-"
MORE_ID = "show-more"  # the last row when not every moment is shown
UNDER = " " * len("18:30  ")  # the lines below an entry's first start under its text


def day_heading(day: date, count: int, today: date) -> Text:
    if day == today:
        name = f"Today, {day_format(day, '%A {day} %B')}"
    elif day == today - timedelta(days=1):
        name = f"Yesterday, {day_format(day, '%A {day} %B')}"
    else:
        name = f"{day_format(day, '%A {day} %B')}"
    return Text.assemble((name, "bold"), (f" \u00b7 {plural(count, 'moment')}", "italic"))


def entry_text(
    connection: Connection, person_name: str | None, also_changed: bool = False
) -> Hanging:
    """'18:30  Said hi' and, below, who, how, how deep, how comfortable and (when
    noted) whether I could be myself and which way support went; and whether another
    device changed it too (its version is kept: v shows it). Every line wraps under its
    own text, not under the time (a hanging indent)."""
    # Only the time is bold, on the highlighted row (its cursor style is bold) too.
    what = Text(connection.what, style="not bold")
    if also_changed:
        what.append("  · also changed on another device (v)", style="not bold italic")
    details = [label(connection.counterpart)]
    if person_name:
        details[0] += f" ({person_name})"
    details += [
        label(connection.channel),
        DEPTH_SHORT[connection.depth],
        COMFORT_LABELS[connection.comfort],
    ]
    if connection.authenticity is not None:
        details.append(AUTHENTICITY_LABELS[connection.authenticity])
    text = Hanging([(Text(f"{connection.at.astimezone():%H:%M}  ", style="bold"), what)])
    text.add(UNDER, Text(" · ".join(details), style="not bold dim"))
    if support := connection_support(connection):
        text.add(UNDER, Text(support, style="not bold dim"))
    if connection.note:
        note = " ".join(connection.note.split())
        text.add(UNDER, Text(f"\u201c{note}\u201d", style="not bold italic"))
    return text


def more_text(more: int) -> Hanging:
    shown = f"Show more (m) \u00b7 {plural(more, 'earlier moment')} this week not shown yet"
    return Hanging([("", Text(shown, style="bold"))]).add(
        UNDER, Text("or narrow the list with the filters above (f)", style="dim")
    )


class ConnectionList(OptionList):
    """Handed the days to show; posts OptionList's messages with the connection id."""

    DEFAULT_CSS = """
    /* The border stays when focus leaves (only its colour changes): a width that
     * changed without a resize would leave rows measured for the old width. */
    ConnectionList { height: 1fr; padding: 0 1; }
    ConnectionList > .option-list--option-disabled { color: $text; }
    """

    def show(
        self,
        days: Sequence[tuple[date, Sequence[Connection]]],
        names: dict[str, str],
        today: date,
        day_counts: Mapping[date, int] | None = None,
        more: int = 0,
        also_changed: Set[str] = frozenset(),
    ) -> None:
        """Show `days` (each with its connections) in the order given; keep the cursor on
        the same entry when it is still there. `day_counts`: each day's moments when only
        some are shown; `more`: how many are not shown (a last row offers them)."""
        keep = self.highlighted_id
        options: list[Option | None] = []
        for day, connections in days:
            if options:
                options.append(None)
            count = (day_counts or {}).get(day, len(connections))
            options.append(
                Option(day_heading(day, count, today), id=f"{DAY_PREFIX}{day}", disabled=True)
            )
            for connection in connections:
                name = names.get(connection.person_id or "")
                flag = connection.id in also_changed
                options.append(Option(entry_text(connection, name, flag), id=connection.id))
        if more:
            options += [None, Option(more_text(more), id=MORE_ID)]
        self.set_options(options)
        ids = [o.id for o in self.options]
        if keep in ids:
            self.highlighted = ids.index(keep)
        else:
            self.highlighted = next((i for i, o in enumerate(self.options) if not o.disabled), None)

    @property
    def highlighted_id(self) -> str | None:
        """The connection under the cursor, if any."""
        if self.highlighted is None or not self.option_count:
            return None
        option = self.get_option_at_index(self.highlighted)
        return None if option.disabled or option.id == MORE_ID else option.id
