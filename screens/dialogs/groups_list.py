"""The groups a person is trying, beside People (g there): add, open, change, delete.

Deleting asks first and keeps the visits as moments, unlinked; the opener is handed the
Removal so People's u takes it back (the one undo)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from reconnect.logic.groups import groups_tried, visits_by_group
from reconnect.logic.plural import plural
from reconnect.logic.removals import RecordRemoved
from reconnect.logic.visits import delete_group
from reconnect.records.content import COMMUNITY_KINDS_BY_ID, GROUP_STATUS_LABELS
from reconnect.records.models import Group
from screens.write_guard import write_guard

if TYPE_CHECKING:
    from reconnect.app import ReconnectApp


class GroupsScreen(ModalScreen[None]):
    DEFAULT_CLASSES = "dialog"  # the shared frame: screens/dialogs/dialogs.tcss
    BINDINGS = [
        Binding("escape,q", "dismiss(None)", "Close", key_display="esc"),
        Binding("n", "new_group", "New group"),
        Binding("e", "edit_group", "Change"),
        Binding("delete", "delete_group", "Delete", key_display="del"),
    ]

    def __init__(self, removed: Callable[[RecordRemoved | None, int], object]) -> None:
        super().__init__()
        self._removed = removed  # the opener's undo: (what went, visits kept)
        self._order: list[str] = []

    @property
    def reconnect(self) -> ReconnectApp:
        return cast("ReconnectApp", self.app)

    def compose(self) -> ComposeResult:
        with Vertical(id="groups-box", classes="dialog-frame"):
            yield Static("Groups you are trying", id="groups-title")
            yield Static(id="groups-intro")
            table: DataTable[str] = DataTable(id="groups-table", cursor_type="row")
            table.add_column("Name", width=24, key="name")
            table.add_column("Kind", width=22, key="kind")
            table.add_column("Visits", width=6, key="visits")
            table.add_column("For now", width=10, key="status")
            yield table
            yield Static("enter its page · n new · e change · del delete · esc close")

    def on_mount(self) -> None:
        self.show()
        self.query_one("#groups-table").focus()

    def show(self) -> None:
        store = self.reconnect.store
        groups = groups_tried(store.groups.all())
        visits = visits_by_group(store.connections.all())
        table = self.query_one("#groups-table", DataTable)
        keep = table.cursor_row
        table.clear()
        self._order = [g.id for g in groups]
        for g in groups:
            table.add_row(
                g.name,
                COMMUNITY_KINDS_BY_ID[g.kind.value].name,
                str(len(visits.get(g.id, []))),
                GROUP_STATUS_LABELS[g.status.value],
                key=g.id,
            )
        if groups:
            table.move_cursor(row=min(keep, len(groups) - 1))
        table.display = bool(groups)
        self.query_one("#groups-intro", Static).update(
            "Each group's page shows your visits and how they felt."
            if groups
            else "None yet. When you try a group, n adds it: a class, a circle, a "
            "support group, an online space. Its visits and how they felt gather there."
        )

    def selected(self) -> Group | None:
        table = self.query_one("#groups-table", DataTable)
        if not self._order:
            self.notify("No groups yet: n adds one.")
            return None
        group_id = self._order[min(table.cursor_row, len(self._order) - 1)]
        return self.reconnect.store.groups.get(group_id)

    def _changed(self) -> None:
        self.show()
        self.reconnect.publish_data_changed()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        group = self.selected()
        if group is not None:
            from screens.dialogs.group_page import GroupPage

            self.app.push_screen(GroupPage(group), lambda _: self.show())

    def action_new_group(self) -> None:
        from screens.dialogs.group_form import GroupForm

        def saved(group: Group | None) -> None:
            if group is not None:
                self._changed()
                if group.id in self._order:
                    table = self.query_one("#groups-table", DataTable)
                    table.move_cursor(row=self._order.index(group.id))
                self.notify(f"{group.name} added.")

        self.app.push_screen(GroupForm(save=self.reconnect.store.groups.add), saved)

    def action_edit_group(self) -> None:
        from screens.dialogs.group_form import edit_group

        group = self.selected()
        if group is not None:
            edit_group(self.reconnect, group, self._changed)

    def action_delete_group(self) -> None:
        from screens.dialogs.confirm import ConfirmDialog

        group = self.selected()
        if group is None:
            return
        store = self.reconnect.store
        count = len(visits_by_group(store.connections.all()).get(group.id, []))
        stays = f" Your {plural(count, 'visit')} stay in your log as moments." if count else ""

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            with write_guard(self, f"deleting {group.name}") as guard:
                removal = delete_group(store, group.id)
            if not guard.failed:
                self.show()
                self._removed(removal, count)

        question = f"Delete {group.name}?{stays}"
        self.app.push_screen(ConfirmDialog(question, "Delete", title="Delete a group"), answered)
