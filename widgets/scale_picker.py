"""Pick 1–5 on a labelled scale in one line: type a digit, use the arrows or click."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

CELL = 4  # columns per number: " 1  " or "[1] "


class ScalePicker(Widget, can_focus=True):
    """A 1–5 scale whose chosen value is bracketed and named, so colour is not needed."""

    DEFAULT_CSS = """
    ScalePicker { height: 1; width: 1fr; padding: 0 1; }
    ScalePicker:focus { background: $primary 25%; text-style: bold; }
    """

    BINDINGS = [
        Binding("left", "step(-1)", "Less", show=False),
        Binding("right", "step(1)", "More", show=False),
        *(Binding(str(n), f"choose({n})", f"Choose {n}", show=False) for n in range(1, 6)),
    ]

    value: reactive[int | None] = reactive(None)

    class Changed(Message):
        def __init__(self, picker: ScalePicker, value: int) -> None:
            super().__init__()
            self.picker = picker
            self.value = value

        @property
        def control(self) -> ScalePicker:
            return self.picker

    def __init__(
        self,
        labels: dict[int, str],
        value: int | None = None,
        *,
        prompt: str = "type 1\u20135",
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.labels = labels
        self.prompt = prompt
        self.set_reactive(ScalePicker.value, value)

    def render(self) -> Text:
        text = Text()
        for n in self.labels:
            if n == self.value:
                text.append(f"[{n}]", style="bold reverse")
                text.append(" ")
            else:
                text.append(f" {n}  ")
        if self.value is None:
            text.append(f"  {self.prompt}", style="italic")
        else:
            text.append(f"  {self.labels[self.value]}")
        return text

    def watch_value(self, value: int | None) -> None:
        if value is not None:
            self.post_message(self.Changed(self, value))

    def action_choose(self, value: int) -> None:
        self.value = value

    def action_step(self, delta: int) -> None:
        low, high = min(self.labels), max(self.labels)
        if self.value is None:
            self.value = low if delta > 0 else high
        else:
            self.value = max(low, min(high, self.value + delta))

    def on_click(self, event: events.Click) -> None:
        self.focus()
        n = (event.x - self.styles.padding.left) // CELL + 1
        if n in self.labels:
            self.value = n
