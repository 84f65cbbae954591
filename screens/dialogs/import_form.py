"""Ask for a file to import: any kind (the palette) or a homework plan (Goals' `i`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.validation import ValidationResult, Validator
from textual.widgets import Input, Static

from reconnect.docs import PLAN_FORMAT
from reconnect.transfer.documents import DOCUMENT_SUFFIXES
from screens.dialogs.form_base import FormScreen
from screens.dialogs.guide import GuideScreen


@dataclass(frozen=True)
class Wording:
    title: str
    intro: str
    placeholder: str
    no_path: str  # said while the path is empty
    wrong_suffix: str


ANY_FILE = Wording(
    "Import a file",
    "A reconnect backup (JSON), a jrnl export (jrnl --export json) or a homework "
    "plan (TOML or JSON; ctrl+o shows how one is written). The kind is recognised from "
    "the file. It is checked whole "
    "first: if anything is wrong, nothing is saved; records you already have are "
    "not added twice.",
    "e.g. ~/reconnect-backup.json",
    "the path of a .json or .toml file",
    "reconnect imports .json and .toml files",
)
# By the importers' kind names (`reconnect import --kind plan`).
WORDING = {
    "plan": Wording(
        "Import a homework plan",
        "A plan a therapist wrote: goals with their steps, in TOML or JSON "
        "(ctrl+o shows how one is written). It is checked whole first: if anything is wrong, "
        "nothing is saved. Importing the same plan twice adds nothing.",
        "e.g. ~/Downloads/plan.toml",
        "the path of a .toml or .json plan",
        "a plan is a .toml or .json file",
    ),
}


class ImportableFile(Validator):
    def __init__(self, wording: Wording) -> None:
        super().__init__()
        self._wording = wording

    def validate(self, value: str) -> ValidationResult:
        path = Path(value.strip()).expanduser()
        if not value.strip():
            return self.failure(self._wording.no_path)
        if path.suffix.lower() not in DOCUMENT_SUFFIXES:
            return self.failure(self._wording.wrong_suffix)
        if not path.is_file():
            return self.failure("no such file")
        return self.success()


class ImportForm(FormScreen[Path]):
    """Dismisses with the path to import; `kind` (e.g. "plan") words it for that kind."""

    SAVE_LABEL = "Import"
    GUARD_WORDS = False  # a file name, no one's words: esc closes at once
    BINDINGS = [Binding("ctrl+o", "plan_guide", "How to write a plan", key_display="^o")]

    def __init__(self, kind: str | None = None, path: str = "") -> None:
        """`path`: the file typed last time, when an import was refused and is tried
        again once the file is fixed."""
        super().__init__()
        self._wording = WORDING.get(kind or "", ANY_FILE)
        self.FORM_TITLE = self._wording.title
        self._path = path

    def compose_fields(self) -> ComposeResult:
        yield Static(self._wording.intro, classes="intro")
        yield from self.row(
            "File",
            Input(
                self._path,
                placeholder=self._wording.placeholder,
                id="path",
                validators=[ImportableFile(self._wording)],
                compact=True,
            ),
        )

    def action_plan_guide(self) -> None:
        self.app.push_screen(
            GuideScreen(PLAN_FORMAT, "How to write a homework plan", shareable=True)
        )

    def build(self) -> Path:
        return Path(self.query_one("#path", Input).value.strip()).expanduser()
