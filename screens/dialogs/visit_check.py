"""The after-visit check: four things that make a group work and four of Yalom's group
factors in plain words, each yes / not yet / not sure. Every question may be left out,
esc skips the whole check, and nothing here is ever scored as a pass or a fail."""

from __future__ import annotations

from collections.abc import Callable

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Static

from reconnect.logic.visits import SENSE_CHOICES, check_of
from reconnect.records.content import GROUP_CHECKLIST, GROUP_FACTORS, SENSE_LABELS
from reconnect.records.models import Sense, VisitCheck
from screens.dialogs.form_base import WRITE_ERRORS, WordsScreen, not_saved_reason
from widgets.scale_picker import ScalePicker

ANSWER_LABELS = {n: SENSE_LABELS[s.value] for n, s in enumerate(SENSE_CHOICES, start=1)}


class VisitCheckScreen(WordsScreen[VisitCheck | None]):
    """Dismisses with the check saved, or None when skipped (nothing saved)."""

    BINDINGS = [
        Binding("escape", "cancel", "Skip", key_display="esc"),
        Binding("ctrl+s", "save", "Save", key_display="ctrl+s"),
    ]
    WORDS_IN = "this check"

    def __init__(
        self,
        group_name: str,
        check: VisitCheck | None = None,
        *,
        save: Callable[[VisitCheck | None], object],
    ) -> None:
        super().__init__()
        self._group_name = group_name
        self._check = check
        self._save = save

    def compose(self) -> ComposeResult:
        with Vertical(id="visit-box", classes="dialog-frame"):
            # One line, so all eight questions fit at 24 rows without scrolling.
            yield Static(
                Text.assemble(
                    (f"After {self._group_name}", "bold"),
                    ": skip any; there are no right answers.",
                )
            )
            with VerticalScroll(id="questions", can_focus=False):
                yield Static("What makes a group work", classes="part")
                yield from self._questions(GROUP_CHECKLIST)
                yield Static("How it felt", classes="part", id="factors")
                yield from self._questions((f, q) for f, q, _factor in GROUP_FACTORS)
            yield Static(id="check-error")
            with Horizontal(classes="buttons"):
                yield Button("Save (ctrl+s)", id="save", variant="primary", compact=True)
                yield Button("Skip (esc)", id="skip", compact=True)

    def _questions(self, questions) -> ComposeResult:  # type: ignore[no-untyped-def]
        for field, question in questions:
            given = getattr(self._check, field) if self._check else None
            value = None if given is None else SENSE_CHOICES.index(given) + 1
            yield Static(question)
            yield ScalePicker(ANSWER_LABELS, value, spelled=True, optional=True, id=field)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(ScalePicker).focus()

    def answers(self) -> dict[str, Sense | None]:
        return {
            picker.id: None if picker.value is None else SENSE_CHOICES[picker.value - 1]
            for picker in self.query(ScalePicker)
            if picker.id
        }

    def action_save(self) -> None:
        check = check_of(self.answers())
        try:
            self._save(check)
        except (ValidationError, ValueError, *WRITE_ERRORS) as exc:
            error = self.query_one("#check-error", Static)
            said = not_saved_reason(exc) if isinstance(exc, WRITE_ERRORS) else f"Not saved: {exc}"
            error.update(f"⚠ {said}")
            error.display = True
            return
        self.dismiss(check)

    @on(Button.Pressed, "#save")
    def _save_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_save()

    @on(Button.Pressed, "#skip")
    def _skip_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_cancel()
