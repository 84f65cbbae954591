"""ReconnectApp and make_app: the one factory the CLI and the tests share."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from pydantic import ValidationError
from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.signal import Signal
from textual.theme import Theme

from reconnect.areas import AREAS, AREAS_BY_NAME
from reconnect.delays import Delays
from reconnect.logic.removals import UndoStacks
from reconnect.logic.weeks import at_local
from reconnect.records.models import first_error, now_local
from reconnect.settings import Settings, load_settings, save_settings, settings_path
from reconnect.store.errors import DataFileError, drain_notices
from reconnect.store.folder_key import FolderKey, KeyFile
from reconnect.store.paths import data_dir_given_by as default_given_by
from reconnect.store.store import Store
from reconnect.store.write_failure import failure_words
from screens.areas.modes import AREA_SCREENS
from screens.dialogs.write_back import (
    WRITE_BACK_KEY,
    ask_before_quitting,
    tell_file_gone,
    write_back,
)
from screens.palette import ScreenActions
from screens.unlock import UnlockScreen

UNLOCK_MODE = "unlock"


@dataclass(frozen=True)
class Locked:
    """An encrypted data folder whose passphrase the app asks before it opens the store."""

    folder: Path
    key_file: KeyFile


class ReconnectApp(App[int]):
    """The reconnect TUI. Build it with make_app()."""

    TITLE = "reconnect"
    # Every screen's and dialog's style, as app CSS (paths from this module; the three
    # packages install side by side). Loaded here, once and in this order, rather than by
    # each Screen.CSS_PATH: those would join the same app-wide stylesheet anyway, but only
    # when a screen first opens, so which rule wins a tie would depend on what was opened
    # first. Widgets keep their DEFAULT_CSS: defaults these rules may override.
    CSS_PATH = [
        "app.tcss",
        "../screens/areas/areas.tcss",
        "../screens/dialogs/dialogs.tcss",
    ]
    # One mode per area: the area on show is app.current_mode.
    MODES = AREA_SCREENS
    # ctrl+p: the system commands (areas, help, export, import, theme) and the actions
    # of the screen on show.
    COMMANDS = App.COMMANDS | {ScreenActions}
    BINDINGS = [
        # Shown in the area bar at the top, so the footer keeps room for the screen's keys.
        *(
            Binding(
                area.key,
                f"open('{area.name}')",
                f"Open {area.title}",
                show=False,
                key_display=area.key_label,
            )
            for area in AREAS
        ),
        # The area bar shows "? help", so the footer leaves it out.
        Binding("question_mark", "help", "Help", key_display="?", show=False),
        # F1 from anywhere, a dialog or a text field too: the help and the crisis lines.
        Binding("f1", "help", "Help", show=False, priority=True),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
        # Offered when the data file vanished while open: from a form too, words kept.
        Binding(
            WRITE_BACK_KEY, "write_back", "Write back the data file", show=False, priority=True
        ),
    ]

    def __init__(
        self,
        store: Store,
        settings: Settings,
        *,
        today: date | None = None,
        start_area: str = "today",
        demo: bool = False,
        settings_path: Path | None = None,
        save_settings_changes: bool = True,
        notice: str | None = None,
        delays: Delays = Delays(),  # noqa: B008 - frozen, shared safely
        locked: Locked | None = None,
        data_dir_given_by: str | None = None,
    ) -> None:
        # Start straight on the chosen area: no default screen built and then replaced.
        self.DEFAULT_MODE = start_area if start_area in AREAS_BY_NAME else "today"
        self._start_area = self.DEFAULT_MODE
        if locked is not None:  # the passphrase first; the store opens once it is given
            self.DEFAULT_MODE = UNLOCK_MODE
        super().__init__()
        if locked is not None:
            self.add_mode(
                UNLOCK_MODE,
                lambda: UnlockScreen(locked.folder, locked.key_file, self._unlocked),
            )
        self._locked = locked
        # None only while the folder is locked (`locked`): nothing reads it until then.
        self.store: Store = store  # type: ignore[assignment]
        self.settings = settings
        self.demo = demo
        # What chose the data folder over Settings' ("--data-dir", "RECONNECT_DATA_DIR"),
        # for Settings to say a folder chosen there waits for a start without it.
        self.data_dir_given_by = data_dir_given_by
        self._pinned_today = today
        self._settings_path = settings_path
        self._save_settings_changes = save_settings_changes
        self._notice = notice
        self.delays = delays
        # Records changed (our own save or another process's write); carries the store
        # version. Areas subscribe and reload only if they show an older version.
        self.data_changed_signal: Signal[int] = Signal(self, "data-changed")
        # Bumped when a setting that changes what areas show (the first weekday) changes.
        self.settings_revision = 0
        # Deletes that `u` can take back, per area (screens/areas/undo.py).
        self.undo = UndoStacks()

    @property
    def today(self) -> date:
        """The app's idea of today: pinned in tests and snapshots, else the real date."""
        return self._pinned_today or date.today()

    def now(self) -> datetime:
        """Now on the app's day: the real time of day on `today` (records made in the
        app are stamped with it, so a pinned day stays the day they land on)."""
        return at_local(self.today, now_local().time())

    def on_mount(self) -> None:
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if self._locked is None:
            self._begin()

    def _unlocked(self, key: FolderKey | None) -> None:
        """The passphrase screen is done: open the store with the key and show the area
        asked for (a store that cannot be opened ends the app with its one line)."""
        if key is None or self._locked is None:
            self.exit(0)
            return
        self.store = Store.open(self._locked.folder, key=key)
        self._locked = None
        self._begin()
        self.call_later(self._leave_unlock)

    async def _leave_unlock(self) -> None:
        await self.switch_mode(self._start_area)
        await self.remove_mode(UNLOCK_MODE)

    def _begin(self) -> None:
        """What starts once the store is open: the watch for outside changes, notices."""
        if self.delays.change_check > 0:
            self.set_interval(self.delays.change_check, self.check_for_outside_changes)
        if self._notice:
            self.notify(self._notice, severity="warning", timeout=10)
        for notice in drain_notices():
            self.notify(notice, title="About your files", timeout=15)
        # After the first frame: the scan reads every record under the store's lock, which
        # the first screen's reads would otherwise wait for.
        self.call_after_refresh(self.name_odd_dates)
        if self.demo:
            self.notify(
                "This is sample data in a throwaway folder: nothing you do here is kept, "
                "and your own data is untouched.",
                title="Demo",
                timeout=5,
            )

    @work(thread=True, group="odd-dates")
    def name_odd_dates(self) -> None:
        """Say which records hold a date out of range (an older file may): they open,
        and the person can set the right date. Off the UI thread: it reads every record."""
        for line in self.store.odd_dates():
            self.call_from_thread(
                self.notify, line, title="A date to check", severity="warning", timeout=30
            )

    def _remember_theme(self, theme: Theme) -> None:
        if theme.name != self.settings.theme:
            warning = self.change_settings(theme=theme.name)
            if warning:
                self.notify(warning, severity="warning", timeout=8)

    @property
    def settings_kept(self) -> bool:
        """Whether changed settings are written to the settings file (not in a demo, and
        not over a settings file that could not be read)."""
        return self._save_settings_changes

    @property
    def settings_file(self) -> Path:
        return self._settings_path or settings_path()

    def change_settings(self, **changes: object) -> str | None:
        """Apply a change to the settings and keep it in the settings file.

        Raises ValueError (one line) when the change is not valid: nothing changes.
        Returns a one-line warning when the file could not be written: the change then
        holds until the app closes."""
        try:
            changed = Settings.model_validate({**self.settings.model_dump(), **changes})
        except ValidationError as exc:
            raise ValueError(first_error(exc)) from None
        before = self.settings
        self.settings = changed
        if changed.first_day_of_week != before.first_day_of_week:
            self.settings_revision += 1
            self.publish_data_changed()
        if not self._save_settings_changes:
            return None
        try:
            save_settings(changed, self._settings_path)
        except OSError as exc:
            what, todo = failure_words(exc)
            return (
                f"{what}: {self.settings_file} was not written, so the change holds only "
                f"until you close the app. {todo} and change it again to keep it."
            )
        return None

    def check_for_outside_changes(self) -> None:
        """Pick up records written by another process and show them; say so when the
        data file vanished (the records stay on show)."""
        if self.store.refresh():
            if self.store.file_gone:
                tell_file_gone(self)
                return
            self.publish_data_changed()
        self.merge_synced_copies()

    def merge_synced_copies(self) -> None:
        """Merge conflicted copies a sync tool left (a listing of the folder when there
        are none), show the records, and say so in one line each."""
        try:
            lines = self.store.merge_conflicts()
        except DataFileError as exc:  # ours cannot be written now: said, tried again later
            lines = [exc.problem]
        if lines:
            self.publish_data_changed()
            for line in lines:
                self.notify(line, title="Synced from another device", timeout=15)

    def publish_data_changed(self) -> None:
        """Tell the open areas that the records changed (after a save)."""
        self.data_changed_signal.publish(self.store.storage.version)

    def action_open(self, area: str) -> None:
        if area in AREAS_BY_NAME and self._locked is None:
            self.switch_mode(area)

    async def action_quit(self) -> None:
        """Quit, after asking about words typed and not saved (screens/dialogs/unsaved.py),
        and first, when the data file is gone, about the records held only here."""
        from screens.dialogs.unsaved import quit_gently

        if self._locked is not None:
            self.exit(0)
            return
        self.store.refresh()  # notices a data file gone since the last look
        if self.store.file_gone:
            ask_before_quitting(self, lambda: quit_gently(self))
            return
        quit_gently(self)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # F9 (and its line in Help) only while the data file is gone.
        if action == "write_back":
            return self.store.file_gone
        return True

    def action_write_back(self) -> None:
        """Write every record held as the data file, when it vanished while open."""
        write_back(self)

    def action_help(self) -> None:
        from screens.dialogs.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()  # F1 again closes it
            return
        self.push_screen(HelpScreen(self.screen))

    def action_export(self) -> None:
        if self._locked is not None:
            return
        from screens.dialogs.transfers import start_export

        start_export(self)

    def action_import(self, kind: str | None = None) -> None:
        if self._locked is not None:
            return
        """Import a file into this app's store; `kind` ("plan", …) skips recognising it."""
        from screens.dialogs.transfers import start_import

        start_import(self, kind)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        for area in AREAS:
            yield SystemCommand(
                f"Open {area.title}",
                area.hint,
                lambda name=area.name: self.action_open(name),
            )
        yield SystemCommand("Help", "Keys for this screen and crisis lines", self.action_help)
        if self.store.file_gone:
            yield SystemCommand(
                "Write back the data file (F9)",
                "It is gone: write everything reconnect holds as a new file",
                self.action_write_back,
            )
        yield SystemCommand(
            "Export a session report or your data",
            "A report for therapy (HTML, Markdown), a backup (JSON), CSV, or a calendar",
            self.action_export,
        )
        yield SystemCommand(
            "Import a file",
            "A reconnect backup, a jrnl export or a therapist's homework plan",
            self.action_import,
        )
        for command in super().get_system_commands(screen):
            if command.title not in TEXTUAL_COMMANDS_LEFT_OUT:
                yield command


# Textual's own palette entries that don't belong here: "Keys" (the widget help panel)
# beside our Help read as two helps, "Maximize the focused widget" is developer talk,
# and "Screenshot" writes a picture of private words into whatever folder the app was
# started in, outside the private data folder.
TEXTUAL_COMMANDS_LEFT_OUT = frozenset({"Keys", "Maximize", "Screenshot"})


def make_app(
    data_dir: Path | None = None,
    today: date | None = None,
    *,
    store: Store | None = None,
    start_area: str = "today",
    demo: bool = False,
    settings: Settings | None = None,
    delays: Delays | None = None,
    locked: Locked | None = None,
    data_dir_given_by: str | None = None,
) -> ReconnectApp:
    """Build the app over a data folder (or an open store, or a locked folder whose
    passphrase it asks first). Raises DataFileError."""
    notice = None
    if settings is None:
        settings, notice = load_settings()
    if store is None and locked is None:
        from reconnect.store.paths import data_dir as default_data_dir

        store = Store.open(data_dir or default_data_dir())
    return ReconnectApp(
        store,
        settings,
        today=today,
        start_area=start_area,
        demo=demo,
        # A demo keeps its theme changes to itself: nothing in a demo is kept.
        save_settings_changes=notice is None and not demo,
        notice=notice,
        delays=delays or Delays(),
        locked=locked,
        data_dir_given_by=data_dir_given_by or default_given_by(),
    )
