"""People: who matters, who feels safe, how moments with them have felt lately and when
you were last in touch (all from the log), who is drifting, and where support is thin."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.reactive import var
from textual.widgets import DataTable, Static

from reconnect.logic.people import (
    PersonRow,
    archive_person,
    counterpart_for,
    delete_person,
    linked_count,
    people_rows,
)
from reconnect.logic.person_measures import RECENT_WEEKS, measure_cell
from reconnect.logic.plural import plural
from reconnect.logic.removals import PersonArchived, RecordRemoved, Removal
from reconnect.logic.support_flow import (
    Flows,
    flows_by_person,
    kinds_not_received,
    thin_support_words,
)
from reconnect.records.content import SAFE_NOT_PERFECT
from reconnect.records.models import Connection, GoalKind, Person, label
from screens.areas.undo import UndoArea
from screens.dialogs.choice_menu import ChoiceMenu
from screens.write_guard import write_guard


def ago(days: int | None) -> str:
    if days is None:
        return "not logged yet"
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    return f"{days} days ago"


class PeopleScreen(UndoArea):
    AREA_TITLE = "People"
    ABOUT = (
        "The people who matter and how often you would like to be in touch. Last contact "
        "comes from your log. Losing touch lists those past that rhythm, longest apart "
        "first; a short message is enough. Depth, comfort and myself (could I be myself?) "
        f"are the means of your moments with each person over the last {RECENT_WEEKS} weeks; "
        "blank where nothing was logged or asked, never a zero. ✓ safe marks someone you can "
        "be yourself with (e to change it). Enter opens a person's page: every moment with "
        "them, depth and comfort by month, their important dates and the goals that name "
        f"them. {SAFE_NOT_PERFECT}"
    )

    BINDINGS = [
        Binding("n", "new_person", "New"),
        Binding("c", "log_connection", "Log with them"),
        Binding("m", "make_goal", "Make a goal"),
        # Not g: that key is Goals in every area.
        Binding("b", "groups", "Groups", show=False),
        Binding("e", "edit_person", "Edit", show=False),
        Binding("a", "archive", "Archive", show=False),
        Binding("d,delete", "delete_person", "Delete", show=False, key_display="d"),
        Binding("v", "toggle_archived", "Archived", show=False),
        Binding("u", "undo", "Undo delete or archive"),
    ]

    show_archived: var[bool] = var(False, init=False)

    def __init__(self) -> None:
        super().__init__()
        self._rows: dict[str, PersonRow] = {}
        self._order: dict[str, list[str]] = {"drifting-table": [], "people-table": []}
        self._current: str | None = None
        self._flows: dict[str, Flows] = {}

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="people-body", can_focus=False):
            yield Static(id="drifting-heading", classes="heading")
            yield Static(id="drifting-intro")
            drift: DataTable[Text | str] = DataTable(id="drifting-table", cursor_type="row")
            drift.add_column("Name", width=22, key="name")
            drift.add_column("Last in touch", width=15, key="last")
            # No "overdue by N days" column: the gap is there to invite, not to count.
            drift.add_column("You hoped for", width=16, key="wish")
            yield drift
            yield Static(id="people-heading", classes="heading")
            everyone: DataTable[Text | str] = DataTable(id="people-table", cursor_type="row")
            # Depth, comfort and myself lead; the wish is in each person's menu (enter)
            # and under Losing touch, so the row fits 80 columns.
            everyone.add_column("Name", width=18, key="name")
            everyone.add_column("Circle", width=13, key="circle")
            everyone.add_column("Last in touch", width=14, key="last")
            everyone.add_column("Depth", width=5, key="depth")
            everyone.add_column("Comfort", width=7, key="comfort")
            everyone.add_column("Myself", width=6, key="myself")
            yield everyone
            yield Static(id="your-support")
            yield Static(
                "enter: their page · c log a connection · m reach-out "
                "goal · e edit · a archive · d delete · v archived · b your groups",
                id="people-hint",
            )

    def on_mount(self) -> None:
        self._load_if_changed()  # the tables first: focus goes to one that shows
        drifting = self.query_one("#drifting-table", DataTable)
        (drifting if drifting.display else self.query_one("#people-table", DataTable)).focus()

    def refresh_data(self) -> None:
        today = self.reconnect.today
        people = self.store.people.all()
        connections = self.store.connections.all()
        rows = people_rows(people, connections, today)
        self._rows = {r.person.id: r for r in rows}
        self._flows = flows_by_person(connections)
        drifting = sorted(
            (r for r in rows if r.drift is not None),
            key=lambda r: (
                -r.drift.overdue_by / (r.person.cadence_days or 1),
                r.person.name.casefold(),
            ),  # type: ignore[union-attr]
        )
        shown = [r for r in rows if self.show_archived or not r.person.archived]
        self._fill("drifting-table", drifting, self._drift_cells)
        self._fill("people-table", shown, self._person_cells)
        heading = f"Losing touch ({len(drifting)})"
        if drifting:  # the why in the heading's line: the page fits 80x24 whole
            heading += " · longest apart first; a short message is enough"
        self.query_one("#drifting-heading", Static).update(heading)
        self.query_one("#drifting-table").display = bool(drifting)
        intro = self.query_one("#drifting-intro", Static)
        intro.display = not drifting
        if people:
            intro.update("Nobody is past the rhythm you wished for.")
        else:
            intro.update(
                "Nobody here yet. Add the people who matter (n): a friend, family, a neighbour, "
                "a group. Say how often you'd like to be in touch, and reconnect will notice "
                "when someone is drifting."
            )
        archived = sum(1 for p in people if p.archived)
        heading = f"Everyone ({len(shown)})" + (" · ~ losing touch" if drifting else "")
        heading += f" · depth, comfort, myself: last {RECENT_WEEKS} weeks"
        if archived:
            heading += f" · {archived} archived, " + (
                "shown" if self.show_archived else "v shows them"
            )
        self.query_one("#people-heading", Static).update(heading)
        self.query_one("#people-heading").display = bool(people)
        self.query_one("#people-table").display = bool(shown)
        self._show_support(connections)

    def _show_support(self, connections: Sequence[Connection]) -> None:
        """Where the network is thin: a suggestion, never a score; quiet when it isn't."""
        note = self.query_one("#your-support", Static)
        words = thin_support_words(kinds_not_received(connections)) if connections else ""
        note.display = bool(words)
        if words:
            note.update(Text.assemble(("Your support: ", "bold"), words))

    NAME_WIDTH = 18

    def _fill(self, table_id: str, rows: list[PersonRow], cells) -> None:  # type: ignore[no-untyped-def]
        table = self.query_one(f"#{table_id}", DataTable)
        keep = (
            self._order[table_id][table.cursor_row]
            if self._order[table_id] and 0 <= table.cursor_row < len(self._order[table_id])
            else None
        )
        table.clear()
        self._order[table_id] = [r.person.id for r in rows]
        for row in rows:
            table.add_row(*cells(row), key=row.person.id)
        if keep in self._order[table_id]:
            table.move_cursor(row=self._order[table_id].index(keep))

    @staticmethod
    def _wish(person: Person) -> str:
        if not person.cadence_days:
            return "no wish"
        return "every day" if person.cadence_days == 1 else f"every {person.cadence_days} days"

    def _drift_cells(self, row: PersonRow) -> tuple[Text, str, str]:
        return (
            Text(row.person.name, style="bold", overflow="ellipsis", no_wrap=True),
            ago(row.days_since),
            self._wish(row.person),
        )

    def _person_cells(self, row: PersonRow) -> tuple[Text, str, str, str, str, str]:
        marks = Text()
        if row.person.archived:
            marks.append(" (archived)", style="italic")
        elif row.drift is not None:
            marks.append(" ~", style="bold")  # also listed under Losing touch; not an alarm
        if row.person.safe:
            marks.append(" ✓ safe")
        # The name gives way before the marks: a long name never hides "safe".
        room = max(4, self.NAME_WIDTH - marks.cell_len)
        name = Text(row.person.name, overflow="ellipsis", no_wrap=True)
        name.truncate(room, overflow="ellipsis")
        name.append_text(marks)
        recent = row.recent
        return (
            name,
            label(row.person.circle),
            ago(row.days_since),
            measure_cell(recent.depth),
            measure_cell(recent.comfort),
            measure_cell(recent.myself),
        )

    # --- selection -----------------------------------------------------------------

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.has_focus and event.row_key.value:
            self._current = event.row_key.value

    def on_descendant_focus(self, event) -> None:  # type: ignore[no-untyped-def]
        table = event.widget
        if isinstance(table, DataTable) and table.id in self._order:
            order = self._order[table.id]
            if order and 0 <= table.cursor_row < len(order):
                self._current = order[table.cursor_row]

    def selected(self) -> Person | None:
        if self._current is None:
            focused = self.focused
            if isinstance(focused, DataTable) and focused.id in self._order:
                order = self._order[focused.id]
                if order:
                    self._current = order[min(focused.cursor_row, len(order) - 1)]
        row = self._rows.get(self._current or "")
        if row is None:
            self.notify("Choose someone in a list first (arrow keys or a click).")
            return None
        return row.person

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter opens the person's page: every moment with them, their dates, goals."""
        event.stop()
        if event.row_key.value:
            self._current = event.row_key.value
        person = self.selected()
        if person is None:
            return
        from screens.dialogs.person_page import PersonPage

        self.app.push_screen(PersonPage(person), lambda _: self.reload())

    # --- actions -------------------------------------------------------------------

    def action_new_person(self) -> None:
        from screens.dialogs.person_form import PersonForm

        def saved(person: Person | None) -> None:
            if person is not None:
                self._current = person.id
                self.show_change()
                self.notify(f"{person.name} added.")

        self.app.push_screen(
            PersonForm(
                self.reconnect.today, others=self.store.people.all(), save=self.store.people.add
            ),
            saved,
        )

    def action_edit_person(self) -> None:
        from screens.dialogs.person_form import PersonForm

        person = self.selected()
        if person is None:
            return

        def save(edited: Person) -> None:
            if self.store.people.get(edited.id) is None:
                raise ValueError(f"{edited.name} is no longer in People; nothing was saved.")
            self.store.people.update(edited)

        def saved(edited: Person | None) -> None:
            if edited is not None:
                self.show_change()

        self.app.push_screen(
            PersonForm(self.reconnect.today, person, self.store.people.all(), save=save), saved
        )

    def action_log_connection(self) -> None:
        """The Log area's own form, with this person filled in."""
        from reconnect.logic.connection_form import Prefill
        from reconnect.logic.connections import Saved
        from screens.dialogs.log_entry import LogEntryDialog

        person = self.selected()
        if person is None:
            return

        def saved(result: Saved | None) -> None:
            if result is not None:
                self.show_change()
                self.notify(f"Logged: {result.connection.what}.", title=f"With {person.name}")

        prefill = Prefill(counterpart=counterpart_for(person), person_id=person.id)
        dialog = LogEntryDialog(prefill=prefill)
        self.app.push_screen(dialog, saved)

    def action_groups(self) -> None:
        """Groups beside People: their own list, so this full page stays readable."""
        from screens.dialogs.groups_list import GroupsScreen

        def removed(removal: RecordRemoved | None, visits: int) -> None:
            kept = f" {plural(visits, 'visit')} kept as moments, unlinked." if visits else ""
            self.offer_undo(removal, kept)

        self.app.push_screen(GroupsScreen(removed))

    def action_make_goal(self) -> None:
        from screens.dialogs.goal_form import GoalForm

        person = self.selected()
        if person is None:
            return

        def saved(goal: object) -> None:
            from reconnect.records.models import Goal

            if isinstance(goal, Goal):
                from reconnect.logic.goal_words import made_words

                self.notify(f"It's in Goals (g). {made_words(goal)}", title=goal.title)

        form = GoalForm(
            self.store.people.all(),
            self.reconnect.today,
            title=f"Reach out to {person.name}",
            kind=GoalKind.REACH_OUT,
            person_id=person.id,
            save=self.store.goals.add,
        )
        self.app.push_screen(form, saved)

    def action_archive(self) -> None:
        person = self.selected()
        if person is None:
            return
        if person.archived:  # bringing back loses nothing: no undo needed
            with write_guard(self, f"bringing {person.name} back") as guard:
                self.store.people.update(person.model_copy(update={"archived": False}))
            if guard.failed:
                return
            self.notify(f"{person.name} is back in your lists.")
            self.show_change()
            return
        # One key hides someone: `u` takes it back, like a delete.
        with write_guard(self, f"archiving {person.name}") as guard:
            archived = archive_person(self.store, person.id)
        if guard.failed:
            return
        self.offer_undo(archived, " Hidden from lists, history kept; v shows them.", "Archived")

    def action_toggle_archived(self) -> None:
        self.show_archived = not self.show_archived

    def watch_show_archived(self) -> None:
        self.reload()

    def action_delete_person(self) -> None:
        person = self.selected()
        if person is None:
            return
        connections, goals = linked_count(self.store, person.id)
        stays = []
        if connections:
            plural = "s" if connections != 1 else ""
            stays.append(f"the {connections} connection{plural} you logged with them")
        if goals:
            stays.append(f"{goals} goal{'s' if goals != 1 else ''} about them")
        explain = (
            f"Deleting removes {person.name} from your people. "
            + (
                f"{' and '.join(stays).capitalize()} stay, just no longer linked to anyone. "
                if stays
                else ""
            )
            + "Archiving (a) hides them instead and keeps everything linked. "
            + "A delete can be undone with u until you close the app."
        )

        def chosen(choice: str | None) -> None:
            if choice == "delete":
                self._current = None
                self.delete_in_background(person)
            elif choice == "archive":
                self.action_archive()

        options = [("keep", "Keep them"), ("delete", f"Delete {person.name}")]
        if not person.archived:
            options.insert(1, ("archive", "Archive instead"))
        self.app.push_screen(ChoiceMenu(f"Delete {person.name}?", options, explain), chosen)

    @work(thread=True, exclusive=True, group="delete-person")
    def delete_in_background(self, person: Person) -> None:
        """Unlinking a long history touches many records: keep the UI responsive."""
        # The app's one store: its reads and writes hold its lock, so a worker may share it.
        with write_guard(self, f"deleting {person.name}", in_worker=True) as guard:
            removal = delete_person(self.store, person.id)
        if not guard.failed:
            self.app.call_from_thread(self._deleted, removal)

    def _deleted(self, removal: RecordRemoved | None) -> None:
        unlinked = removal.count("connections") if removal else 0
        self.offer_undo(
            removal,
            f" {plural(unlinked, 'log entry', 'log entries')} kept, unlinked." if unlinked else "",
        )

    def show_restored(self, removal: Removal) -> None:
        if isinstance(removal, PersonArchived):
            person_id = self._current = removal.person_id
        elif isinstance(removal, RecordRemoved) and isinstance(removal.record, Person):
            person_id = self._current = removal.record.id
        else:
            return
        order = self._order["people-table"]
        if person_id in order:
            self.query_one("#people-table", DataTable).move_cursor(row=order.index(person_id))
