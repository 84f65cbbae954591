"""The weekly check-in: three loneliness items, an optional direct question, a note.

Saves the week's CheckIn itself (a new one, or the week's existing one changed) and
dismisses with it; None when cancelled. A high score brings a gentle pointer to help.
Esc with answers given asks first (form_base.WordsScreen); a write the disk refuses
keeps the answers on screen.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, cast

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Select, Static

from reconnect.logic.checkin_score import score_words
from reconnect.logic.checkin_week import checkin_week_rule_short
from reconnect.logic.day_format import day_format
from reconnect.records.content import (
    CHECKIN_ANSWERS,
    CHECKIN_ITEMS,
    CHECKIN_NOTE,
    CHECKIN_SOURCE,
    DIRECT_ANSWERS,
    DIRECT_QUESTION,
)
from reconnect.records.models import CheckIn, DirectAnswer, first_error, now_local
from screens.dialogs.form_base import WRITE_ERRORS, WordsScreen, not_saved_reason
from screens.dialogs.help_lines import help_lines
from widgets.scale_picker import ScalePicker

if TYPE_CHECKING:
    from reconnect.app import ReconnectApp

# From this score (on the 3–9 scale) the check-in ends with a gentle word about help.
HIGH_SCORE = 7


class CheckInScreen(WordsScreen[CheckIn | None]):
    """Answer the week's check-in. Hand it the week's first day and its check-in, if any."""

    DEFAULT_CLASSES = "dialog"  # the shared frame: screens/dialogs/dialogs.tcss

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", key_display="esc"),
        Binding("ctrl+s", "save", "Save the check-in", key_display="ctrl+s"),
    ]

    def __init__(self, week: date, existing: CheckIn | None = None) -> None:
        super().__init__()
        self.week = week
        self.existing = existing
        self.saved: CheckIn | None = None

    def compose(self) -> ComposeResult:
        existing = self.existing
        with Vertical(id="checkin-box", classes="dialog-frame"):
            with Vertical(id="form"):
                yield Static(
                    f"Weekly check-in, week of {day_format(self.week, '%a {day} %b')}",
                    classes="heading",
                )
                yield Static(
                    f"{checkin_week_rule_short(self._first_day)} "
                    "Thinking about the past seven days:",
                    classes="intro",
                )
                for item in CHECKIN_ITEMS:
                    answer = getattr(existing, item.id) if existing else None
                    yield Static(item.question, classes="question")
                    yield ScalePicker(CHECKIN_ANSWERS, answer, spelled=True, id=item.id)
                yield Static(f"{DIRECT_QUESTION} (optional)", classes="question")
                yield Select(
                    [(text, key) for key, text in DIRECT_ANSWERS.items()],
                    prompt="Skip this one",
                    value=existing.direct.value if existing and existing.direct else Select.NULL,
                    id="direct",
                    compact=True,
                )
                yield Static("A note for yourself (optional)", id="note-label")
                yield Input(
                    existing.note if existing else "",
                    placeholder="anything you want to remember about this week",
                    max_length=2_000,
                    id="note",
                    compact=True,
                    select_on_focus=False,  # typing after tab adds, never erases
                )
                yield Static(id="checkin-error")
                with Horizontal(classes="buttons"):
                    yield Button("Save (ctrl+s)", id="save", variant="primary", compact=True)
                    yield Button("Cancel (esc)", id="cancel", compact=True)
                yield Static(f"{CHECKIN_NOTE} {CHECKIN_SOURCE}", classes="source")
            with Vertical(id="after"):
                yield Static(id="after-words")
                yield Static(id="help-lines")
                with Horizontal(classes="buttons"):
                    yield Button("Close (esc)", id="close", variant="primary", compact=True)

    @property
    def _first_day(self) -> int:
        return cast("ReconnectApp", self.app).settings.first_day_of_week

    def on_mount(self) -> None:
        self.query_one(ScalePicker).focus()

    def _answers(self) -> dict[str, int] | None:
        answers = {}
        for item in CHECKIN_ITEMS:
            answer = self.query_one(f"#{item.id}", ScalePicker).value
            if answer is None:
                return None
            answers[item.id] = answer
        return answers

    def _show_error(self, message: str) -> None:
        error = self.query_one("#checkin-error", Static)
        error.update(message)
        error.display = bool(message)

    @on(ScalePicker.Changed)
    def _clear_error(self) -> None:
        self._show_error("")

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        if self.has_class("-done"):
            return
        answers = self._answers()
        if answers is None:
            self._show_error("Answer the three questions to save; the last one is optional.")
            return
        direct = self.query_one("#direct", Select).value
        fields = {
            **answers,
            "direct": None if direct is Select.NULL else DirectAnswer(str(direct)),
            "note": self.query_one("#note", Input).value,
        }
        store = cast("ReconnectApp", self.app).store
        try:
            if self.existing is not None:
                checkin = store.checkins.update(self.existing.model_copy(update=fields))
            else:
                checkin = store.checkins.add(CheckIn(week=self.week, at=now_local(), **fields))
        except ValidationError as exc:
            self._show_error(first_error(exc))
            return
        except WRITE_ERRORS as exc:
            self.say_not_saved(exc)
            return
        self.saved = checkin
        self.remember_start()  # saved: nothing left to ask about
        if checkin.score >= HIGH_SCORE:
            self._show_gentle_word(checkin.score)
        else:
            self.notify(
                f"Check-in saved for the week of {day_format(self.week, '{day} %b')}: "
                f"{score_words(checkin.score)}."
            )
            self.dismiss(checkin)

    def _show_gentle_word(self, score: int) -> None:
        """No alarm: a warm word, and where help is, with the form out of the way."""
        self.query_one("#after-words", Static).update(
            f"Saved for the week of {day_format(self.week, '{day} %b')}: {score_words(score)}. "
            "That sounds like a lonely week, and feeling this way is "
            "common; it can change, one small step at a time. If it feels heavy, talking "
            "to someone can help, today or any day."
        )
        lines = help_lines(cast("ReconnectApp", self.app).settings)
        lines.append("These are always one key away: press ? on any screen.", style="italic")
        self.query_one("#help-lines", Static).update(lines)
        self.add_class("-done")
        self.query_one("#close", Button).focus()

    def say_not_saved(self, exc: BaseException) -> None:
        super().say_not_saved(exc)
        self._show_error(not_saved_reason(exc))

    def discard_typed_words(self) -> None:
        self.dismiss(self.saved)

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(self.saved)
