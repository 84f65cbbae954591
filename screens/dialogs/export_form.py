"""Export from the app: the session report, or the data, to a file the user names.

A file (or a CSV folder with files) already there is replaced only after asking."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from textual.app import ComposeResult
from textual.widgets import Checkbox, Input, Select, Static

from reconnect.transfer.export import DEFAULT_REPORT_DAYS, DEFAULTS, default_output, output_problem
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.form_base import FormScreen
from widgets.field_check import IsoDate
from widgets.tick_box import TickBox

FORMAT_CHOICES = [
    ("Session report, HTML (prints well)", "html"),
    ("Session report, Markdown", "md"),
    ("Backup of everything, JSON", "json"),
    ("Spreadsheets, a folder of CSV files", "csv"),
    ("Planned steps, a calendar (.ics)", "ics"),
]


@dataclass(frozen=True)
class ExportRequest:
    fmt: str
    output: Path
    start: date
    end: date
    include_private: bool


class ExportForm(FormScreen[ExportRequest]):
    FORM_TITLE = "Export"
    SAVE_LABEL = "Export"
    GUARD_WORDS = False  # a period and a file name, no one's words: esc closes at once

    def __init__(self, end: date, home: Path | None = None) -> None:
        super().__init__()
        self._end = end
        self._home = home or Path.home()
        self._path_touched = False
        self._may_replace: Path | None = None  # the existing path the user said to replace

    def compose_fields(self) -> ComposeResult:
        start = self._end - timedelta(days=DEFAULT_REPORT_DAYS - 1)
        yield from self.row(
            "What",
            Select(FORMAT_CHOICES, value="html", allow_blank=False, id="format", compact=True),
        )
        yield from self.row(
            "From", Input(start.isoformat(), id="start", validators=[IsoDate()], compact=True)
        )
        yield from self.row(
            "To",
            Input(self._end.isoformat(), id="end", validators=[IsoDate()], compact=True),
            hint="The period is for the session report; backups hold everything.",
        )
        yield from self.row(
            "Save to", Input(str(self._default_path("html")), id="path", compact=True)
        )
        yield TickBox(
            "Include private reflections",
            value=DEFAULTS["html"].include_private,
            id="private",
            compact=True,
        )
        yield Static(
            "A backup holds private reflections too; reports and spreadsheets leave them "
            "out unless this is ticked.",
            classes="tick-hint",
        )

    def _default_path(self, fmt: str) -> Path:
        return self._home / default_output(fmt, self._end)

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id != "format":
            return
        # The tick follows the format's default, the same one `reconnect export` uses.
        self.query_one("#private", Checkbox).value = DEFAULTS[str(event.value)].include_private
        if not self._path_touched:
            self.query_one("#path", Input).value = str(self._default_path(str(event.value)))

    def on_input_changed(self, event: Input.Changed) -> None:
        super().on_input_changed(event)
        if event.input.id == "path":
            self.show_error("path", "")  # a path being mended: said again at save
            if event.input.has_focus:
                self._path_touched = True

    def action_save(self) -> None:
        raw = self.query_one("#path", Input).value.strip()
        path = Path(raw).expanduser()
        # The shell's check, said under the field before any question of replacing.
        problem = (
            output_problem(str(self.query_one("#format", Select).value), path) if raw else None
        )
        if problem:
            self.show_error("path", problem)
            self.query_one("#path", Input).focus()
            return
        if not raw or path == self._may_replace or not _in_the_way(path):
            super().action_save()
            return

        def answered(replace: bool | None) -> None:
            if replace:
                self._may_replace = path
                super(ExportForm, self).action_save()
            else:
                self.query_one("#path", Input).focus()

        what = "folder already holds files" if path.is_dir() else "file already exists"
        self.app.push_screen(
            ConfirmDialog(
                f"{path}\nThis {what}. Replace with this export?",
                "Replace",
                no="Keep it",
                title="Replace?",
                yes_keys="y,r",
            ),
            answered,
        )

    def build(self) -> ExportRequest:
        start = date.fromisoformat(self.query_one("#start", Input).value.strip())
        end = date.fromisoformat(self.query_one("#end", Input).value.strip())
        if start > end:
            raise ValueError("the period starts after it ends")
        raw_path = self.query_one("#path", Input).value.strip()
        if not raw_path:
            raise ValueError("give a file name to save to")
        fmt = str(self.query_one("#format", Select).value)
        output = Path(raw_path).expanduser()
        return ExportRequest(fmt, output, start, end, self.query_one("#private", Checkbox).value)


def _in_the_way(path: Path) -> bool:
    """Something an export to `path` would write over: a file, or a folder with files."""
    if path.is_dir():
        return any(path.iterdir())
    return path.exists()
