"""The base of every area screen: a header, a footer, and a way to show fresh data."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

from reconnect.areas import BAR_AREAS
from widgets.area_bar import AreaBar

if TYPE_CHECKING:
    from reconnect.app import ReconnectApp
    from reconnect.store.store import Store


class AreaScreen(Screen[None]):
    """A main area. Subclasses fill `refresh_data` to (re)load what they show."""

    AREA_TITLE = ""
    # A few plain sentences on what this screen shows and means; Help shows them.
    ABOUT = ""
    # The store version and settings revision this screen last loaded; see
    # _load_if_changed.
    _shown_version: tuple[int, int] | None = None

    def compose(self) -> ComposeResult:
        """The frame every area shares; areas fill the middle in compose_body."""
        note = "demo" if self.reconnect.demo else ""
        yield AreaBar(BAR_AREAS, self._area_here(), note)
        yield from self.compose_body()
        # Compact, so a screen's keys fit 80 columns (issue 16).
        yield Footer(compact=True)

    def _area_here(self) -> str:
        """The area the bar marks: the current mode, on the screen that mode opened
        with; a screen pushed over it (a goal's ladder) marks none."""
        stack = self.app.screen_stack
        return self.app.current_mode if stack and stack[0] is self else ""

    def compose_body(self) -> ComposeResult:
        """The area's own widgets."""
        yield from ()

    @property
    def reconnect(self) -> ReconnectApp:
        return cast("ReconnectApp", self.app)

    @property
    def store(self) -> Store:
        return self.reconnect.store

    def on_mount(self) -> None:
        # Textual runs this after a subclass's own on_mount (one handler per class), so
        # subclasses do not call it; one that needs the records first calls
        # _load_if_changed itself.
        self.title = self.AREA_TITLE
        self.reconnect.data_changed_signal.subscribe(self, self._data_changed)
        self._load_if_changed()

    def on_screen_resume(self) -> None:
        if self.is_mounted:
            # Composed while another switch was under way, the bar may have guessed.
            self.query_one(AreaBar).mark(self._area_here())
            self._load_if_changed()

    def _data_changed(self, version: int) -> None:
        # Only the screens on show now; an area in another mode catches up when resumed.
        if self in self.app.screen_stack:
            self._load_if_changed()

    def _load_if_changed(self) -> None:
        """Load only when the records changed since this screen last did: Textual resumes
        a new screen twice, and every save is also announced by the app's signal."""
        self.store.refresh()  # a write by another process (or a worker's own store)
        if self._version_now() != self._shown_version:
            self.reload()

    def _version_now(self) -> tuple[int, int]:
        return (self.store.storage.version, self.reconnect.settings_revision)

    def reload(self) -> None:
        """Show the records as they are now (the records, the settings or the view
        changed)."""
        self.store.refresh()
        self._shown_version = self._version_now()
        self.refresh_data()

    def show_change(self) -> None:
        """After this screen saved: show it here at once (code that follows may move
        the cursor onto it), then tell every other open area through the app."""
        self._load_if_changed()  # not twice: a watcher may have shown it already
        self.reconnect.publish_data_changed()

    def refresh_data(self) -> None:
        """Load what this screen shows from the store; called through reload on mount,
        on resume and when the records changed."""
