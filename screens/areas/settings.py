"""Settings: the crisis lines, your own people and places, the first day of the week,
the theme and the data folder, changed here with the same checks as the settings file,
and where every file lives."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TypeVar

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from reconnect.records.error_words import reason_words
from reconnect.settings import (
    MAX_RESOURCES,
    WEEKDAYS,
    CrisisLineSetting,
    ResourceSetting,
    Settings,
)
from reconnect.store.folder_check import folder_problem
from reconnect.store.paths import crash_log_dir
from screens.areas.base import AreaScreen
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.crisis_line_form import CrisisLineForm, ResourceForm

E = TypeVar("E")


class SettingsScreen(AreaScreen):
    AREA_TITLE = "Settings"
    ABOUT = (
        "Settings are kept in a small file on this machine (its path is listed at the "
        "bottom). The crisis lines show in Help on every screen and after a check-in: "
        "put in the line for your own country, first in the list. Below them, keep your "
        "own people and places (a therapist, a group, a local help line, a friend to "
        "call): they show in Help too, and go into backups. The first day of the "
        "week decides how Log, Review and Progress group days into weeks."
    )

    BINDINGS = [
        # a, e and d act on the list that has the focus: crisis lines unless it is yours.
        Binding("a", "add_line", "Add"),
        Binding("e", "change_line", "Change"),
        Binding("d", "remove_line", "Remove"),
        Binding("ctrl+r", "restore_lines", "Default lines", key_display="^r"),
    ]

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="settings-body"):
            # Settings has no place in the top bar: its name heads the screen instead.
            yield Static("Settings", id="settings-title")
            yield Static("", id="settings-kept")
            yield Static(
                "Shown in Help (?) and after a check-in: add the line for your country.",
                classes="hint",
            )
            lines = OptionList(id="crisis-lines")
            lines.border_title = "Crisis lines"
            yield lines
            own = OptionList(id="resources")
            own.border_title = "Your own people and places"
            yield own
            yield Static(
                f"Up to {MAX_RESOURCES}: a therapist, a group, a local help line or 2-1-1, a "
                "friend to call. Tab here, then a to add one.",
                classes="hint",
                id="resources-hint",
            )
            with Horizontal(classes="setting", id="first-day-row"):
                yield Label("First day of the week")
                yield Select(
                    [(day, n) for n, day in enumerate(WEEKDAYS)],
                    allow_blank=False,
                    id="first-day",
                    compact=True,
                )
            with Horizontal(classes="setting"):
                yield Label("Theme")
                yield Select([], id="theme", compact=True)
            with Horizontal(classes="setting"):
                yield Label("Data folder")
                yield Input(
                    placeholder="empty: the platform's usual folder", id="data-folder", compact=True
                )
            yield Static("", id="data-folder-note", classes="hint")
            yield Static("", id="files")

    def on_mount(self) -> None:
        themes = sorted(self.app.available_themes)
        # "Catppuccin mocha", not "catppuccin-mocha": a name, not an identifier.
        labels = ((name.replace("-", " ").capitalize(), name) for name in themes)
        self.query_one("#theme", Select).set_options(labels)
        self._show_settings()

    def on_screen_resume(self) -> None:
        super().on_screen_resume()
        if self.is_mounted:
            self._show_settings()  # the theme may have changed from the palette

    @property
    def settings(self) -> Settings:
        return self.reconnect.settings

    def _show_settings(self) -> None:
        settings = self.settings
        with self.prevent(Select.Changed, Input.Changed):
            self.query_one("#first-day", Select).value = settings.first_day_of_week
            theme = self.query_one("#theme", Select)
            if settings.theme in self.app.available_themes:
                theme.value = settings.theme
            self.query_one("#data-folder", Input).value = settings.data_folder or ""
        self._show_lines()
        self._show_files()
        kept = self.query_one("#settings-kept", Static)
        if self.reconnect.demo:
            kept.update("Demo: changes here last until you close the app.")
        elif not self.reconnect.settings_kept:
            kept.update(
                f"Your settings file could not be read, so changes here are not saved: "
                f"fix or delete {self.reconnect.settings_file}."
            )
        kept.display = bool(kept.content)

    def _show_lines(self, highlight: int | None = None) -> None:
        lines = ((line.region, line.text) for line in self.settings.crisis_lines)
        self._show_list("#crisis-lines", lines, highlight)
        self._show_resources()

    def _show_resources(self, highlight: int | None = None) -> None:
        own = ((resource.name, resource.reach) for resource in self.settings.resources)
        self._show_list("#resources", own, highlight)

    def _show_list(
        self, selector: str, entries: Iterable[tuple[str, str]], highlight: int | None
    ) -> None:
        """Fill one of the two lists with 'name: how to reach' rows, keeping the cursor
        (or moving it to `highlight`)."""
        shown = self.query_one(selector, OptionList)
        keep = shown.highlighted if highlight is None else highlight
        shown.clear_options()
        for name, reach in entries:
            shown.add_option(Option(Text.assemble((f"{name}: ", "bold"), reach)))
        if shown.option_count:
            shown.highlighted = min(keep or 0, shown.option_count - 1)

    def _show_files(self) -> None:
        text = Text()
        rows = (
            ("Data file", str(self.store.path)),
            ("Settings", str(self.reconnect.settings_file)),
            ("Crash logs", str(crash_log_dir())),
            (
                "Encryption",
                # Within 80 columns beside its label.
                "on: `reconnect passphrase` (in a shell) changes the passphrase"
                if self.store.encrypted
                else "off: `reconnect encrypt` (in a shell) seals it with a passphrase",
            ),
        )
        text.append("Where your files are\n", style="bold")
        for name, where in rows:
            text.append(f"{name:<12}", style="bold")
            text.append(f"{where}\n")
        text.rstrip()
        self.query_one("#files", Static).update(text)
        self._show_folder_note(self.settings.data_folder)

    def _show_folder_note(self, typed: str | None, refusal: str = "") -> None:
        """Below the field: why a folder was refused, else which folder is in use and
        when a typed one would be."""
        shown = self.query_one("#data-folder-note", Static)
        shown.set_class(bool(refusal), "refused")
        if refusal:
            shown.update(refusal)
            return
        in_use = self.store.path.parent
        given_by = self.reconnect.data_dir_given_by
        note = f"{_given(given_by)}: it wins over this setting. " if given_by else ""
        if typed and Path(typed).expanduser() != in_use:
            if given_by:
                note += f"Enter keeps it for when {_not_given(given_by)}. "
            else:
                note += "Enter keeps it; reconnect uses it from the next start. "
        note += f"In use now: {in_use}"
        shown.update(note)

    def _apply(self, **changes: object) -> bool:
        """Change the settings; say why when it could not be done or kept. False when
        the change was not valid (nothing changed)."""
        try:
            warning = self.reconnect.change_settings(**changes)
        except ValueError as exc:
            reason = str(exc).split(": ", 1)[-1]  # without the field's name
            self.notify(reason.capitalize(), severity="warning", timeout=8)
            return False
        if warning:
            self.notify(warning, severity="warning", timeout=10)
        return True

    # --- first day, theme, data folder -----------------------------------------------

    @on(Select.Changed, "#first-day")
    def _first_day_chosen(self, event: Select.Changed) -> None:
        day = event.value
        if not isinstance(day, int) or day == self.settings.first_day_of_week:
            return
        if self._apply(first_day_of_week=day):
            self.notify(f"Weeks now start on {WEEKDAYS[day]}.")

    @on(Select.Changed, "#theme")
    def _theme_chosen(self, event: Select.Changed) -> None:
        if isinstance(event.value, str) and event.value != self.app.theme:
            self.app.theme = event.value  # the app keeps it in the settings

    @on(Input.Changed, "#data-folder")
    def _folder_typed(self, event: Input.Changed) -> None:
        self._show_folder_note(event.value.strip() or None)

    @on(Input.Submitted, "#data-folder")
    def _folder_chosen(self, event: Input.Submitted) -> None:
        typed = event.value.strip()
        refusal = folder_refusal(typed)
        if refusal:  # said below the field, the typed words left to mend
            self._show_folder_note(typed, refusal)
            return
        if (typed or None) == self.settings.data_folder:
            return
        if self._apply(data_folder=typed or None):
            self.notify(self._folder_saved_words(typed), timeout=10)

    def _folder_saved_words(self, typed: str) -> str:
        if self.reconnect.demo:
            return "Demo: this folder is kept until you close the app; your settings are untouched."
        in_use = self.store.path
        chosen = Path(typed).expanduser() if typed else None
        target = str(chosen) if chosen else "the platform's usual data folder"
        given_by = self.reconnect.data_dir_given_by
        if given_by:
            words = (
                f"Kept for when {_not_given(given_by)}: reconnect then uses {target}. "
                f"Until then it uses {in_use.parent}."
            )
        else:
            words = f"From the next start, reconnect uses {target}."
        if (
            chosen is not None
            and not (chosen / in_use.name).exists()
            and not self.store.is_empty()
            and chosen != in_use.parent
        ):
            words += (
                f" There is no data file there yet: your records stay in {in_use}. To take them "
                f"along, close reconnect and move {in_use.name} there (and "
                f"{in_use.name}.journal, if it is beside it)."
            )
        return words

    # --- crisis lines ----------------------------------------------------------------

    def _highlighted_line(self) -> tuple[int, CrisisLineSetting] | None:
        return _highlighted(self.query_one("#crisis-lines", OptionList), self.settings.crisis_lines)

    def _on_resources(self) -> bool:
        return self.focused is not None and self.focused.id == "resources"

    def action_add_line(self) -> None:
        if self._on_resources():
            self._add_resource()
            return

        def added(line: CrisisLineSetting | None) -> None:
            if line is not None:
                # The person's own line first: it is the one they will look for.
                self._apply(crisis_lines=[line, *self.settings.crisis_lines])
                self._show_lines(highlight=0)

        self.app.push_screen(CrisisLineForm(), added)

    @on(OptionList.OptionSelected, "#crisis-lines")
    def _line_chosen(self) -> None:
        self.action_change_line()

    def action_change_line(self) -> None:
        if self._on_resources():
            self._change_resource()
            return
        found = self._highlighted_line()
        if found is None:
            self.action_add_line()
            return
        index, line = found

        def changed(new: CrisisLineSetting | None) -> None:
            if new is not None:
                lines = list(self.settings.crisis_lines)
                lines[index] = new
                self._apply(crisis_lines=lines)
                self._show_lines(highlight=index)

        self.app.push_screen(CrisisLineForm(line), changed)

    def action_remove_line(self) -> None:
        if self._on_resources():
            self._remove_resource()
            return
        found = self._highlighted_line()
        if found is None:
            return
        index, line = found
        if len(self.settings.crisis_lines) == 1:
            self.notify("Help keeps at least one line: add another before removing this.")
            return

        def answered(remove: bool | None) -> None:
            if remove:
                lines = [kept for n, kept in enumerate(self.settings.crisis_lines) if n != index]
                self._apply(crisis_lines=lines)
                self._show_lines()

        self.app.push_screen(
            ConfirmDialog(
                f"Remove the crisis line for {line.region}?\n{line.text}",
                "Remove",
                title="Remove a crisis line",
            ),
            answered,
        )

    def action_restore_lines(self) -> None:
        def answered(restore: bool | None) -> None:
            if restore:
                self._apply(crisis_lines=Settings().crisis_lines)
                self._show_lines(highlight=0)

        self.app.push_screen(
            ConfirmDialog(
                "Put back the crisis lines reconnect came with? Lines you added are removed.",
                "Put them back",
                title="Default crisis lines",
            ),
            answered,
        )

    # --- your own people and places --------------------------------------------------

    def _highlighted_resource(self) -> tuple[int, ResourceSetting] | None:
        return _highlighted(self.query_one("#resources", OptionList), self.settings.resources)

    def _add_resource(self) -> None:
        if len(self.settings.resources) >= MAX_RESOURCES:
            self.notify(
                f"Your list keeps up to {MAX_RESOURCES}, so it stays short enough to read "
                "in a hard moment: remove one (d) first."
            )
            return

        def added(resource: ResourceSetting | None) -> None:
            if resource is not None and self._apply(resources=[*self.settings.resources, resource]):
                self._show_resources(highlight=len(self.settings.resources) - 1)

        self.app.push_screen(ResourceForm(), added)

    @on(OptionList.OptionSelected, "#resources")
    def _resource_chosen(self) -> None:
        self._change_resource()

    def _change_resource(self) -> None:
        found = self._highlighted_resource()
        if found is None:
            self._add_resource()
            return
        index, resource = found

        def changed(new: ResourceSetting | None) -> None:
            if new is not None:
                own = list(self.settings.resources)
                own[index] = new
                self._apply(resources=own)
                self._show_resources(highlight=index)

        self.app.push_screen(ResourceForm(resource), changed)

    def _remove_resource(self) -> None:
        found = self._highlighted_resource()
        if found is None:
            return
        index, resource = found

        def answered(remove: bool | None) -> None:
            if remove:
                own = [kept for n, kept in enumerate(self.settings.resources) if n != index]
                self._apply(resources=own)
                self._show_resources()

        self.app.push_screen(
            ConfirmDialog(
                f"Remove {resource.name} from your own people and places?\n{resource.reach}",
                "Remove",
                title="Remove from your list",
            ),
            answered,
        )


def _highlighted(shown: OptionList, entries: Sequence[E]) -> tuple[int, E] | None:
    """The entry under a list's cursor, with its place, if there is one."""
    index = shown.highlighted
    if index is None or not 0 <= index < len(entries):
        return None
    return index, entries[index]


def folder_refusal(typed: str) -> str:
    """Why `typed` cannot be the data folder, in one line, or "" when it can (empty:
    the platform's usual folder): the settings file's own rule, then the folder itself,
    checked as every start checks it."""
    if not typed:
        return ""
    try:
        Settings(data_folder=typed)
    except ValidationError as exc:
        return reason_words(exc.errors()[0]).capitalize() + "."
    path = Path(typed).expanduser()
    why = folder_problem(path)
    if why is None:
        return ""
    return f"Cannot use {path}: {why}. Check for a typo, or choose another folder."


def _given(given_by: str) -> str:
    """'RECONNECT_DATA_DIR is set', '--data-dir was given'."""
    return f"{given_by} was given" if given_by.startswith("-") else f"{given_by} is set"


def _not_given(given_by: str) -> str:
    return f"{given_by} is not given" if given_by.startswith("-") else f"{given_by} is not set"
