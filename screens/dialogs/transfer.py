"""Runs an export or an import in a background thread, with a progress bar.

The job uses the app's one Store (its reads and writes hold the store's lock), so an
import lands in the store the screens show.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, ProgressBar, Static

from reconnect.store.errors import DataFileError, DataFileGone
from reconnect.store.write_failure import failure_words
from reconnect.transfer.documents import ImportRefused
from screens.dialogs.write_back import WRITE_BACK_OFFER

Progress = Callable[[int, int], None]
# (progress) -> the lines to show when done
Job = Callable[[Progress], list[str]]


class TransferScreen(ModalScreen[bool]):
    """Shows a job's progress, then what it did (or why it did nothing)."""

    DEFAULT_CLASSES = "dialog"  # the shared frame: screens/dialogs/dialogs.tcss

    BINDINGS = [Binding("escape", "close", "Close")]

    def __init__(self, titles: tuple[str, str, str], job: Job) -> None:
        """`titles`: while it runs, when it is done, when it did nothing."""
        super().__init__()
        self._titles = titles
        self._job = job
        self._ok = False

    def compose(self) -> ComposeResult:
        with Vertical(id="box", classes="dialog-frame") as box:
            box.border_title = self._titles[0]
            # A refused plan can list many problems: they scroll, the Close button stays.
            with VerticalScroll(id="result-scroll"):
                yield Static("Working…", id="result")
            yield ProgressBar(total=None, show_eta=False, id="bar")
            close = Button("Close (esc)", id="close", disabled=True)
            yield close

    def on_mount(self) -> None:
        self._run()

    @work(thread=True, exclusive=True)
    def _run(self) -> None:
        def progress(done: int, total: int) -> None:
            self.app.call_from_thread(self._show_progress, done, total)

        try:
            lines = self._job(progress)
        except ImportRefused as exc:
            hint = f"\n\n{exc.hint}" if exc.hint else ""
            self.app.call_from_thread(self._finish, False, f"{exc}. Nothing was saved.{hint}")
        except DataFileGone as exc:
            said = f"{exc.problem}. Nothing was saved: {WRITE_BACK_OFFER}, then try again."
            self.app.call_from_thread(self._finish, False, said)
        except DataFileError as exc:
            self.app.call_from_thread(self._finish, False, f"{exc} Nothing was saved.")
        except OSError as exc:
            what, todo = failure_words(exc)
            self.app.call_from_thread(
                self._finish, False, f"{what}: nothing was written. {todo} and try again."
            )
        else:
            self.app.call_from_thread(self._finish, True, "\n".join(lines))

    def _show_progress(self, done: int, total: int) -> None:
        self.query_one("#bar", ProgressBar).update(total=total, progress=done)

    def _finish(self, ok: bool, message: str) -> None:
        self._ok = ok
        self.query_one("#box").border_title = self._titles[1 if ok else 2]
        bar = self.query_one("#bar", ProgressBar)
        bar.update(total=1, progress=1)
        bar.display = ok  # nothing was done: a bar stuck at 0% would read as "stalled"
        self.query_one("#result", Static).update(("✓ " if ok else "⚠ ") + message)
        close = self.query_one("#close", Button)
        close.disabled = False
        close.focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_close()

    def action_close(self) -> None:
        if not self.query_one("#close", Button).disabled:
            self.dismiss(self._ok)
