"""One reflection, to read in full; from here it can be edited or deleted."""

from __future__ import annotations

from typing import Literal

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from reconnect.logic.day_format import day_format
from reconnect.logic.other_versions import MARK, describe_others
from reconnect.records.content import ENERGY_LABELS, PATTERNS_BY_ID
from reconnect.records.models import Reflection

Choice = Literal["edit", "delete"]


def reflection_text(reflection: Reflection) -> Text:
    """The whole reflection as plain, styled text (the user's words are never markup)."""
    text = Text()
    text.append(f"{day_format(reflection.at.astimezone(), '%A {day} %B %Y, %H:%M')}", style="bold")
    if reflection.private:
        text.append("  · private", style="italic")
    text.append("\n")
    if reflection.title:
        text.append(f"\n{reflection.title}\n", style="bold")
    if reflection.patterns:
        names = [PATTERNS_BY_ID[p].name for p in reflection.patterns if p in PATTERNS_BY_ID]
        text.append("\nPatterns: ", style="bold")
        text.append(", ".join(names) + "\n")
    if reflection.energy is not None:
        text.append("Energy: ", style="bold")
        text.append(f"{reflection.energy} of 5 ({ENERGY_LABELS[reflection.energy]})\n")
    if reflection.prompt:
        text.append(f"\n{reflection.prompt}\n", style="italic")
    if reflection.body:
        text.append(f"\n{reflection.body}\n")
    if reflection.avoided:
        text.append("\nWhat I avoided, and why\n", style="bold")
        text.append(f"{reflection.avoided}\n")
    text.rstrip()
    return text


class ReflectionViewScreen(ModalScreen[Choice | None]):
    """Dismisses with "edit", "delete" or None (closed)."""

    DEFAULT_CLASSES = "dialog"  # the shared frame: screens/dialogs/dialogs.tcss

    BINDINGS = [
        Binding("escape,q", "dismiss(None)", "Close", key_display="esc"),
        Binding("e", "choose('edit')", "Edit"),
        Binding("d,delete", "choose('delete')", "Delete", key_display="d"),
    ]

    def __init__(self, reflection: Reflection, others: list[dict] | None = None) -> None:
        """`others`: versions kept from another device (Store.other_versions)."""
        super().__init__()
        self._reflection = reflection
        self._others = others or []

    def compose(self) -> ComposeResult:
        text = reflection_text(self._reflection)
        if self._others:
            current = self._reflection.model_dump(mode="json")
            text.append(f"\n\n{MARK.capitalize()}\n", style="bold")
            text.append("\n".join(describe_others(current, self._others)))
        with Vertical(id="view-box", classes="dialog-frame"):
            with VerticalScroll(id="view-text"):
                yield Static(text, id="view-body")
            with Horizontal(id="view-buttons"):
                yield Button("Close  esc", id="close", variant="primary")
                yield Button("Edit  e", id="edit")
                yield Button("Delete  d", id="delete", variant="error")

    def on_mount(self) -> None:
        self.query_one("#view-text").focus()

    def action_choose(self, choice: Choice) -> None:
        self.dismiss(choice)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None if event.button.id == "close" else event.button.id)  # type: ignore[arg-type]
