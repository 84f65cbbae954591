"""The one undo of the areas: a delete (or People's archive) is offered back with `u`
(a toast names the key), newest first, for as long as the app runs. Log, Reflect, People
and Goals build on it; what a delete took away and how it comes back is
reconnect.logic.removals."""

from __future__ import annotations

from textual.binding import Binding

from reconnect.logic.removals import Removal
from reconnect.store.write_failure import WRITE_ERRORS, not_done_words
from screens.areas.base import AreaScreen


class UndoArea(AreaScreen):
    """An area whose deletes `u` takes back. Subclasses may show what came back in
    `show_restored` (put the cursor on it)."""

    BINDINGS = [Binding("u", "undo", "Undo delete")]

    @property
    def undo_scope(self) -> str:
        # By area: a goal deleted on its own screen comes back from the Goals list.
        return self.AREA_TITLE

    def offer_undo(self, removal: Removal | None, more: str = "", done: str = "Deleted") -> None:
        """After a delete (or an archive: `done`): keep it for `u` and say so."""
        self._changed()
        if removal is None:
            self.notify("That was already gone.")
            return
        self.reconnect.undo.push(self.undo_scope, removal)
        self.notify(f"{done}: {removal.name}.{more} Press u to undo.")
        self.refresh_bindings()

    def action_undo(self) -> None:
        while (removal := self.reconnect.undo.pop(self.undo_scope)) is not None:
            try:
                restored = removal.restore(self.store)
            except ValueError as exc:
                self.reconnect.undo.push(self.undo_scope, removal)  # still there to try again
                self.notify(f"Could not put it back: {exc}", severity="error")
                return
            except WRITE_ERRORS as exc:
                self.reconnect.undo.push(self.undo_scope, removal)  # still there to try again
                self.notify(not_done_words(exc, "putting it back"), severity="error", timeout=15)
                return
            if restored:
                self.show_change()
                self.show_restored(removal)
                self.notify(f"Put back: {removal.name}.")
                self.refresh_bindings()
                return
        self.notify("Nothing to undo.")
        self.refresh_bindings()

    def _changed(self) -> None:
        # A screen already closed (a goal's, after deleting it) only tells the others.
        if self.is_current:
            self.show_change()
        else:
            self.reconnect.publish_data_changed()

    def show_restored(self, removal: Removal) -> None:
        """Show what came back (the list reloads by itself)."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "undo" and self.is_mounted:
            return self.undo_scope in self.reconnect.undo  # shown only when it works
        return True
