"""The passphrase asked once at start when the data folder is encrypted.

The app starts on it when the folder is locked (ReconnectApp's `locked`), before the
store is opened: nothing of the records is read until the key is open; in a terminal
and in a browser (reconnect serve) alike. Enter tries the
passphrase (the key derivation takes a quarter of a second, so it runs in a worker and
the screen says so); a wrong one says so and asks again; ctrl+q quits without opening
anything.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Input, Static

from reconnect.store.folder_key import FolderKey, KeyFile, WrongPassphrase, key_file_path


class UnlockScreen(Screen[None]):
    """Hands `done` the folder's unlocked key, or None when the person quit."""

    BINDINGS = [Binding("ctrl+q", "quit_locked", "Quit", priority=True)]

    def __init__(
        self, folder: Path, key_file: KeyFile, done: Callable[[FolderKey | None], object]
    ) -> None:
        super().__init__()
        self._folder = folder
        self._key_file = key_file
        self._done = done
        self._tries = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="unlock-box"):
            yield Static("Your reconnect data is encrypted.", id="unlock-title")
            yield Static(f"Passphrase for {self._folder}", id="unlock-where")
            yield Input(password=True, id="unlock-input", placeholder="passphrase")
            yield Static("", id="unlock-status")
            yield Static("enter to open  ·  ctrl+q to quit", id="unlock-keys")

    @on(Input.Submitted, "#unlock-input")
    def _try(self, event: Input.Submitted) -> None:
        if not event.value:
            self._say("Type the passphrase you chose at `reconnect encrypt`.")
            return
        event.input.disabled = True
        self._say("Opening…")
        self._unlock(event.value)

    @work(thread=True, exclusive=True)
    def _unlock(self, passphrase: str) -> None:
        try:
            key = self._key_file.unlock(passphrase, key_file_path(self._folder))
        except WrongPassphrase:
            self.app.call_from_thread(self._wrong)
            return
        self.app.call_from_thread(self._done, key)

    def _wrong(self) -> None:
        self._tries += 1
        field = self.query_one("#unlock-input", Input)
        field.value = ""
        field.disabled = False
        field.focus()
        again = " (caps lock?)" if self._tries >= 2 else ""
        self._say(f"That passphrase does not open this folder. Try again{again}.")

    def _say(self, text: str) -> None:
        self.query_one("#unlock-status", Static).update(text)

    def action_quit_locked(self) -> None:
        self._done(None)
