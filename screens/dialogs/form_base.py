"""The frame every small form shares: labelled rows, an error line under each field,
Save and Cancel. Fields check themselves as the user types; Save checks them all and
saves nothing half-valid, and saves while the form is open, so a write the disk refuses
leaves the words on screen. Closing a form with words typed asks first (WordsScreen)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, RadioSet, Static, TextArea

from reconnect.records.models import first_error
from reconnect.store.errors import DataFileGone
from reconnect.store.write_failure import WRITE_ERRORS, not_saved_words
from screens.dialogs.unsaved import UnsavedDialog, hold_words
from screens.dialogs.write_back import WRITE_BACK_OFFER

if TYPE_CHECKING:
    from reconnect.app import ReconnectApp

FIX_MARKED = "Please fix the field marked above; nothing was saved."

T = TypeVar("T")
R = TypeVar("R")


def not_saved_reason(exc: BaseException) -> str:
    """One line saying why a write failed, that the words are still there, and what to do."""
    if isinstance(exc, DataFileGone):
        return (
            f"Not saved: {exc.problem}. Your words are still here: {WRITE_BACK_OFFER}, "
            "then save again."
        )
    return not_saved_words(exc)


def typed_values(screen: ModalScreen[Any]) -> dict[str, object]:
    """Every field's value by id: what a person can type, tick or pick."""
    values: dict[str, object] = {}
    for widget in screen.query("*"):
        if not widget.id:
            continue
        if isinstance(widget, TextArea):
            values[widget.id] = widget.text
        elif isinstance(widget, RadioSet):
            values[widget.id] = widget.pressed_index
        elif hasattr(type(widget), "value"):  # Input, Select, Checkbox, a scale picker
            values[widget.id] = widget.value  # type: ignore[attr-defined]
    return values


class WordsScreen(ModalScreen[R]):
    """A form a person types into: esc (and ctrl+q) with words typed asks before they go.

    Subclasses give action_save (which dismisses when saved); `typed_values` may say what
    to compare with what the form opened with, `discard_typed_words` how to close.
    """

    DEFAULT_CLASSES = "dialog"  # the shared frame: screens/dialogs/dialogs.tcss

    # Moving on is decided as the key arrives (priority), before the keys typed after it
    # are handed to a field: "words, tab, 3, 4" in one burst (a paste, tmux, a slow link)
    # put the digits into the words when tab waited its turn in the field.
    BINDINGS = [
        Binding("tab", "app.focus_next", "Next field", show=False, priority=True),
        Binding("shift+tab", "app.focus_previous", "Previous field", show=False, priority=True),
    ]

    # False for forms holding no one's words (a date, a file name): esc closes at once.
    GUARD_WORDS = True
    WORDS_IN = "this form"

    _opened_with: object = None
    _form_done = False  # dismissed: nothing left to ask about

    @property
    def reconnect(self) -> ReconnectApp:
        return cast("ReconnectApp", self.app)

    def on_mount(self) -> None:
        # After the first refresh: fields that fill themselves in (a person's circle)
        # have done so, and count as what the form opened with.
        self.call_after_refresh(self.remember_start)
        if self.GUARD_WORDS:
            hold_words(self, True)

    def on_unmount(self) -> None:
        hold_words(self, False)

    def remember_start(self) -> None:
        """Take the fields as they are now as untouched (on opening, after a save)."""
        self._opened_with = self.typed_values()

    def typed_values(self) -> object:
        return typed_values(self)

    def has_typed_words(self) -> bool:
        if self._form_done or not self.GUARD_WORDS or not self.is_mounted:
            return False
        return self._opened_with is not None and self.typed_values() != self._opened_with

    def dismiss(self, result: Any = None) -> Any:
        self._form_done = True
        return super().dismiss(result)

    def say_not_saved(self, exc: BaseException) -> None:
        self.notify(not_saved_reason(exc), severity="error", timeout=15)

    def action_save(self) -> None:
        raise NotImplementedError

    def action_cancel(self) -> None:
        if not self.has_typed_words():
            self.discard_typed_words()
            return

        def answered(answer: str | None) -> None:
            if answer == "save":
                self.action_save()
            elif answer == "discard":
                self.discard_typed_words()

        self.app.push_screen(UnsavedDialog(self.WORDS_IN), answered)

    # --- what the quit question asks of a form (screens/dialogs/unsaved.py) -----------

    def save_typed_words(self) -> bool:
        self.action_save()
        return not self.has_typed_words()

    def discard_typed_words(self) -> None:
        self.dismiss(None)

    def show_typed_words(self) -> None:
        """A form is on top of its area's stack already."""


class FormScreen(WordsScreen[T | None], Generic[T]):
    """Subclasses set FORM_TITLE, compose_fields() with self.row(...), and build().

    `save`, given by the opener, writes the record while the form is still open; if it
    raises (a full disk, a record gone: ValueError), the form stays, saying why.
    """

    DEFAULT_CLASSES = "dialog"  # the shared frame: screens/dialogs/dialogs.tcss

    FORM_TITLE = ""
    SAVE_LABEL = "Save"
    _fix_marked = False  # the form's line says to fix a marked field
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
    ]

    def __init__(self, save: Callable[[T], object] | None = None) -> None:
        super().__init__()
        self._save = save

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
        if self._fix_marked and not self._any_field_marked():
            self._fix_marked = False  # the field is fixed: the line below it is not true now
            self.show_error("", "")

    def _any_field_marked(self) -> bool:
        return any(
            error.display and error.id != "form-error"
            for error in self.query(".error").results(Static)
        )

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
            self.show_error("", FIX_MARKED)
            self._fix_marked = True
            return
        try:
            record = self.build()
        except ValidationError as exc:
            self.show_error("", first_error(exc))
            return
        except ValueError as exc:
            self.show_error("", str(exc))
            return
        if self._save is not None and not self._saved(record):
            return
        self.dismiss(record)

    def _saved(self, record: T) -> bool:
        try:
            self._save(record)  # type: ignore[misc]
        except ValidationError as exc:
            self.show_error("", first_error(exc))
        except ValueError as exc:
            self.show_error("", str(exc))
        except WRITE_ERRORS as exc:
            self.say_not_saved(exc)
        else:
            return True
        return False

    def say_not_saved(self, exc: BaseException) -> None:
        super().say_not_saved(exc)
        self.show_error("", not_saved_reason(exc))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        elif event.button.id == "cancel":
            self.action_cancel()


def goal_line(title: str) -> Static:
    """The line naming the goal a form belongs to, at its top."""
    return Static(f"Goal: {title}", classes="goal-line", markup=False)
