"""A group's own page: where and when it meets, its visits over time with comfort at
each, how the after-visit answers moved, and (when they stayed low) a gentle word that
a different group may fit better. Private notes show here: it is the person's screen.

From here: v logs a visit (then the after-visit check opens), k opens the check for the
visit under the cursor, e changes the group."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from reconnect.logic.connection_form import Prefill
from reconnect.logic.connections import Saved
from reconnect.logic.day_format import day_format
from reconnect.logic.groups import answer_trails, comfort_across, stays_low, visits_to
from reconnect.logic.visits import save_visit_check
from reconnect.records.content import (
    COMMUNITY_KINDS_BY_ID,
    GROUP_STATUS_LABELS,
    RHYTHM_LABELS,
    TRY_ANOTHER_GROUP,
)
from reconnect.records.models import Connection, Counterpart, Group, VisitCheck
from widgets.score_spark import spark

if TYPE_CHECKING:
    from reconnect.app import ReconnectApp


def visit_row(visit: Connection) -> tuple[str, str, str, str]:
    """Date, comfort, myself (blank when not asked, never a zero) and the check."""
    answered = len(visit.visit_check.answers()) if visit.visit_check else 0
    return (
        f"{day_format(visit.at.astimezone(), '%a {day} %b %Y')}",
        str(visit.comfort),
        "" if visit.authenticity is None else str(visit.authenticity),
        f"{answered} answered" if answered else "not yet (k)",
    )


class GroupPage(ModalScreen[None]):
    DEFAULT_CLASSES = "dialog"  # the shared frame: screens/dialogs/dialogs.tcss
    BINDINGS = [
        Binding("escape,q", "dismiss(None)", "Close", key_display="esc"),
        Binding("v", "log_visit", "Log a visit"),
        Binding("k", "check", "After-visit check"),
        Binding("e", "edit", "Change"),
    ]

    def __init__(self, group: Group) -> None:
        super().__init__()
        self.group = group
        self._visits: list[Connection] = []

    @property
    def reconnect(self) -> ReconnectApp:
        return cast("ReconnectApp", self.app)

    def compose(self) -> ComposeResult:
        with Vertical(id="group-box", classes="dialog-frame"):
            with VerticalScroll(id="group-body", can_focus=False):
                yield Static(id="group-title", markup=False)
                yield Static(id="group-meets", markup=False)
                yield Static(id="group-notes", markup=False)
                # Near the top, where it is seen without scrolling; never a verdict.
                yield Static(TRY_ANOTHER_GROUP, id="try-another")
                yield Static("Visits", classes="part")
                table: DataTable[str] = DataTable(id="visits", cursor_type="row")
                table.add_column("Date", width=16, key="date")
                table.add_column("Comfort", width=7, key="comfort")
                table.add_column("Myself", width=6, key="myself")
                table.add_column("After-visit check", width=18, key="check")
                yield table
                yield Static(id="group-comfort")
                yield Static("How the answers moved", classes="part")
                yield Static(id="group-trails")
            yield Static("v log a visit · k after-visit check · e change · esc close")

    def on_mount(self) -> None:
        self.show()
        self.query_one("#visits").focus()
        # Open at the top, name first: focusing the table would scroll to it.
        body = self.query_one("#group-body", VerticalScroll)
        self.call_after_refresh(body.scroll_home, animate=False)

    def show(self) -> None:
        """Load the group and its visits afresh and fill the page."""
        store = self.reconnect.store
        self.group = store.groups.get(self.group.id) or self.group
        group = self.group
        self._visits = visits_to(group.id, store.connections.all())
        kind = COMMUNITY_KINDS_BY_ID[group.kind.value].name
        self.query_one("#group-title", Static).update(f"{group.name} · {kind}")
        rhythm = RHYTHM_LABELS[group.rhythm.value]
        # "online, any time, any time (online)" says it twice: each part once.
        meets = list(dict.fromkeys(m for m in (group.where, group.when, rhythm) if m))
        meets = [m for m in meets if not any(m != o and m in o for o in meets)]
        status = GROUP_STATUS_LABELS[group.status.value]
        self.query_one("#group-meets", Static).update(
            f"Meets: {', '.join(meets)} · for now: {status}"
        )
        notes = self.query_one("#group-notes", Static)
        notes.update(f"Notes (private): {group.notes}")
        notes.display = bool(group.notes)
        self._fill_visits()
        self._fill_trails()

    def _fill_visits(self) -> None:
        table = self.query_one("#visits", DataTable)
        keep = table.cursor_row
        table.clear()
        for visit in reversed(self._visits):  # newest first, where the eye lands
            table.add_row(*visit_row(visit), key=visit.id)
        table.display = bool(self._visits)
        if self._visits:
            table.move_cursor(row=min(keep, len(self._visits) - 1))
        comfort = comfort_across(self._visits)
        line = self.query_one("#group-comfort", Static)
        if comfort:
            numbers = " ".join(str(c) for c in comfort)
            line.update(
                Text.assemble(
                    ("Comfort, oldest first: ", "bold"),
                    f"{numbers}  ",
                    spark([(c - 1) / 4 for c in comfort]),
                )
            )
        else:
            line.update("No visits yet. After you go, v logs the visit.")

    def _fill_trails(self) -> None:
        trails = answer_trails(self._visits)
        text = Text()
        if not any(t.answers for t in trails):
            # k needs a visit to ask about: before the first, say what comes first.
            text.append(
                "No after-visit answers yet; k asks a few gentle questions about a visit."
                if self._visits
                else "After a visit (v), k asks a few gentle questions about how it went."
            )
        for trail in trails:
            if text:
                text.append("\n")
            text.append(f"{trail.question} ", style="italic")
            text.append(trail.words())
        self.query_one("#group-trails", Static).update(text)
        self.query_one("#try-another").display = stays_low(self._visits)

    def _selected_visit(self) -> Connection | None:
        table = self.query_one("#visits", DataTable)
        newest_first = list(reversed(self._visits))
        if not newest_first:
            return None
        return newest_first[min(table.cursor_row, len(newest_first) - 1)]

    def _changed(self) -> None:
        self.show()
        self.reconnect.publish_data_changed()

    # --- actions -------------------------------------------------------------------

    def action_log_visit(self) -> None:
        """The Log's own form, prefilled as a visit; then the after-visit check."""
        from screens.dialogs.log_entry import LogEntryDialog

        group = self.group

        def saved(result: Saved | None) -> None:
            if result is None:
                return
            self._changed()
            self.notify(f"Logged: {result.connection.what}.")
            self.open_check(result.connection)

        prefill = Prefill(
            what=f"Went to {group.name}", counterpart=Counterpart.GROUP, group_id=group.id
        )
        self.app.push_screen(LogEntryDialog(prefill=prefill), saved)

    def action_check(self) -> None:
        visit = self._selected_visit()
        if visit is None:
            self.notify("No visits yet: v logs one, then the check opens.")
            return
        self.open_check(visit)

    def open_check(self, visit: Connection) -> None:
        from screens.dialogs.visit_check import VisitCheckScreen

        store = self.reconnect.store

        saved: list[VisitCheck | None] = []  # skipped: nothing; saved: even all cleared

        def save(check: VisitCheck | None) -> None:
            save_visit_check(store, visit.id, check)
            saved.append(check)

        def done(_check: VisitCheck | None) -> None:
            if saved:
                self._changed()
                self.notify("Kept with this visit." if saved[-1] else "Answers cleared.")

        screen = VisitCheckScreen(self.group.name, visit.visit_check, save=save)
        self.app.push_screen(screen, done)

    def action_edit(self) -> None:
        from screens.dialogs.group_form import edit_group

        edit_group(self.reconnect, self.group, self._changed)
