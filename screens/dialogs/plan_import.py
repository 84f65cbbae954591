"""Ask for a homework plan file to import (see docs/homework-plan.md)."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.validation import ValidationResult, Validator
from textual.widgets import Input, Static

from reconnect.transfer.documents import DOCUMENT_SUFFIXES
from screens.dialogs.form_base import FormScreen


class PlanFile(Validator):
    def validate(self, value: str) -> ValidationResult:
        path = Path(value.strip()).expanduser()
        if not value.strip():
            return self.failure("the path of a .toml or .json plan")
        if path.suffix.lower() not in DOCUMENT_SUFFIXES:
            return self.failure("a plan is a .toml or .json file")
        if not path.is_file():
            return self.failure("no such file")
        return self.success()


class PlanImportForm(FormScreen[Path]):
    FORM_TITLE = "Import a homework plan"
    SAVE_LABEL = "Import"

    def compose_fields(self) -> ComposeResult:
        yield Static(
            "A plan a therapist wrote: goals with their steps, in TOML or JSON "
            "(docs/homework-plan.md). It is checked whole first: if anything is wrong, "
            "nothing is saved. Importing the same plan twice adds nothing.",
            classes="intro",
        )
        yield from self.row(
            "File",
            Input(
                placeholder="e.g. ~/Downloads/plan.toml",
                id="path",
                validators=[PlanFile()],
                compact=True,
            ),
        )

    def build(self) -> Path:
        return Path(self.query_one("#path", Input).value.strip()).expanduser()
