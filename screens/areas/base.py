"""The base of every area screen: a header, a footer, and a way to show fresh data."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

from reconnect.areas import AREAS
from widgets.area_bar import AreaBar

if TYPE_CHECKING:
    from reconnect.app import ReconnectApp
    from reconnect.store.store import Store


class AreaScreen(Screen[None]):
    """A main area. Subclasses fill `refresh_data` to (re)load what they show."""

    AREA_TITLE = ""
    # A few plain sentences on what this screen shows and means; Help shows them.
    ABOUT = ""
    # The store version this screen last loaded; see _load_if_changed.
    _shown_version: int | None = None

    def compose(self) -> ComposeResult:
        """The frame every area shares; areas fill the middle in compose_body."""
        here = f"{type(self).__module__}:{type(self).__name__}"
        current = next((a.name for a in AREAS if a.screen == here), "")
        note = "demo" if self.reconnect.demo else ""
        yield AreaBar(AREAS, current, note)
        yield from self.compose_body()
        yield Footer()

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
        self.title = self.AREA_TITLE
        self._load_if_changed()

    def on_screen_resume(self) -> None:
        if self.is_mounted:
            self._load_if_changed()

    def _load_if_changed(self) -> None:
        """Textual calls on_mount once per class that defines it and resumes a new
        screen twice; load only when the records changed since this screen last did."""
        self.store.refresh()  # a write by another process (or a worker's own store)
        version = self.store.storage.version
        if version != self._shown_version:
            self._shown_version = version
            self.refresh_data()

    def refresh_data(self) -> None:
        """Load what this screen shows from the store; called on mount, resume and
        when another process wrote."""
