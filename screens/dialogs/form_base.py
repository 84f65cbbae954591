"""The frame every small form shares: labelled rows, an error line under each field,
Save and Cancel. Fields check themselves as the user types; Save checks them all and
saves nothing half-valid."""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, TypeVar, cast

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static

from reconnect.records.models import first_error
from widgets.field_check import plain

if TYPE_CHECKING:
    from reconnect.app import ReconnectApp

T = TypeVar("T")


class FormScreen(ModalScreen[T | None], Generic[T]):
    """Subclasses set FORM_TITLE, compose_fields() with self.row(...), and build()."""

    DEFAULT_CLASSES = "dialog"  # the shared frame: screens/dialogs/dialogs.tcss

    FORM_TITLE = ""
    SAVE_LABEL = "Save"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
    ]

    @property
    def reconnect(self) -> ReconnectApp:
        return cast("ReconnectApp", self.app)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="form", classes="dialog-frame", can_focus=False) as form:
            form.border_title = self.FORM_TITLE
            yield from self.compose_fields()
            form_error = Static(id="form-error", classes="error")
            form_error.display = False
            yield form_error
            with Horizontal(id="buttons"):
                yield Button(
                    f"{self.SAVE_LABEL} (ctrl+s)", id="save", variant="primary", compact=True
                )
                yield Button("Cancel (esc)", id="cancel", compact=True)

    def compose_fields(self) -> ComposeResult:
        yield from ()

    def row(self, label: str, field: Widget, hint: str = "") -> ComposeResult:
        """A label beside its field, an optional hint, and the field's error line."""
        yield Horizontal(Label(label), field, classes="row")
        if hint:
            yield Static(hint, classes="hint", id=f"{field.id}-hint" if field.id else None)
        if field.id:
            error = Static(id=f"{field.id}-error", classes="error")
            error.display = False  # takes no room until there is something to say
            yield error

    def build(self) -> T:
        """The record from the fields; raise ValueError (or ValidationError) if wrong."""
        raise NotImplementedError

    # --- checking --------------------------------------------------------------------

    def show_error(self, field_id: str, message: str) -> None:
        error = self.query(f"#{field_id}-error").first(Static) if field_id else None
        if error is None:
            error = self.query_one("#form-error", Static)
        error.update(f"⚠ {message}" if message else "")
        error.display = bool(message)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id and event.validation_result is not None:
            reasons = event.validation_result.failure_descriptions
            self.show_error(event.input.id, reasons[0] if reasons else "")

    def _first_invalid(self) -> Input | None:
        invalid: Input | None = None
        # Only the fields laid out by row(): a part with checks of its own (the
        # connection editor) says what is wrong in its own words.
        for field in self.query(".row > Input").results(Input):
            if field.is_disabled or not field.display:
                continue
            result = field.validate(field.value)
            if result is not None and not result.is_valid and field.id:
                self.show_error(field.id, result.failure_descriptions[0])
                invalid = invalid or field
        return invalid

    def action_save(self) -> None:
        invalid = self._first_invalid()
        if invalid is not None:
            invalid.focus()
            self.show_error("", "Please fix the field marked above; nothing was saved.")
            return
        try:
            record = self.build()
        except ValidationError as exc:
            self.show_error("", plain(first_error(exc)))
            return
        except ValueError as exc:
            self.show_error("", str(exc))
            return
        self.dismiss(record)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        elif event.button.id == "cancel":
            self.action_cancel()


def goal_line(title: str) -> Static:
    """The line naming the goal a form belongs to, at its top."""
    return Static(f"Goal: {title}", classes="goal-line", markup=False)
