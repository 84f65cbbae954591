"""Import from the app: a backup, a jrnl export or a homework plan, by its path."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.validation import ValidationResult, Validator
from textual.widgets import Input, Static

from reconnect.transfer.documents import DOCUMENT_SUFFIXES
from screens.dialogs.form_base import FormScreen


class ImportableFile(Validator):
    def validate(self, value: str) -> ValidationResult:
        path = Path(value.strip()).expanduser()
        if not value.strip():
            return self.failure("the path of a .json or .toml file")
        if path.suffix.lower() not in DOCUMENT_SUFFIXES:
            return self.failure("reconnect imports .json and .toml files")
        if not path.is_file():
            return self.failure("no such file")
        return self.success()


class ImportForm(FormScreen[Path]):
    FORM_TITLE = "Import a file"
    SAVE_LABEL = "Import"

    def compose_fields(self) -> ComposeResult:
        yield Static(
            "A reconnect backup (JSON), a jrnl export (jrnl --export json) or a homework "
            "plan (TOML or JSON). The kind is recognised from the file. It is checked whole "
            "first: if anything is wrong, nothing is saved; records you already have are "
            "not added twice.",
            classes="intro",
        )
        yield from self.row(
            "File",
            Input(
                placeholder="e.g. ~/reconnect-backup.json",
                id="path",
                validators=[ImportableFile()],
                compact=True,
            ),
        )

    def build(self) -> Path:
        return Path(self.query_one("#path", Input).value.strip()).expanduser()
