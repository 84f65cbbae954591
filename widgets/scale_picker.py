"""Pick a number on a labelled scale in one line: type a digit, use the arrows or click.

The one rating control: depth and comfort (1–5), difficulty and discomfort (0–10), the
check-in's answers (1–3). Typing a digit chooses and moves on to the next field, so a
moment is logged with words, Tab, two digits and ctrl+s. On a scale that reaches 10,
"1" waits a moment for a "0" (that makes 10) before it moves on. An `optional` scale
(authenticity, support) may stay unchosen: backspace or delete clears it.
"""

from __future__ import annotations

from collections.abc import Mapping

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.timer import Timer
from textual.widget import Widget

# How long a "1" waits for a second digit on a scale that reaches 10 (seconds).
SECOND_DIGIT_WAIT = 0.6


class ScalePicker(Widget, can_focus=True):
    """A scale whose chosen value is bracketed, reversed and named: colour is not needed.

    `labels` names the values (every one, or a few such as the ends); the scale runs
    from `low` to `high`, by default the lowest and highest labelled value. `spelled`
    writes every name beside its number, for a short scale whose names must be read
    before choosing (the check-in's answers); the numbers then say what to type.
    """

    DEFAULT_CSS = """
    ScalePicker { height: auto; width: 1fr; padding: 0 1; }
    ScalePicker:focus { background: $primary 25%; text-style: bold; }
    """

    BINDINGS = [
        Binding("left", "step(-1)", "Less", show=False),
        Binding("right", "step(1)", "More", show=False),
        Binding("backspace,delete", "clear", "Clear", show=False),
        *(Binding(str(n), f"type({n})", f"Choose {n}", show=False) for n in range(10)),
    ]

    value: reactive[int | None] = reactive(None)

    class Changed(Message):
        """A value chosen, or (on an optional scale) None when cleared."""

        def __init__(self, picker: ScalePicker, value: int | None) -> None:
            super().__init__()
            self.picker = picker
            self.value = value

        @property
        def control(self) -> ScalePicker:
            return self.picker

    def __init__(
        self,
        labels: Mapping[int, str],
        value: int | None = None,
        *,
        low: int | None = None,
        high: int | None = None,
        spelled: bool = False,
        optional: bool = False,
        ask: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.labels = dict(labels)
        self.low = min(labels) if low is None else low
        self.high = max(labels) if high is None else high
        self.spelled = spelled  # each number's name beside it: for a few long names
        self.optional = optional
        self.ask = ask  # said instead of "type 1–5" while nothing is chosen
        self.set_reactive(ScalePicker.value, value)
        self._pending: int | None = None  # a digit waiting for a second one
        self._wait: Timer | None = None

    @property
    def values(self) -> range:
        return range(self.low, self.high + 1)

    @property
    def cell(self) -> int:
        """Columns per number: " 1  " or "[1] ", " 10 " or "[10]"."""
        return max(4, len(str(self.high)) + 2)

    @property
    def prompt(self) -> str:
        """What to type, said where the choice's name will be."""
        if self.ask is not None:
            return self.ask
        if self.high >= 10:
            return f"type {self.low}\u2013{self.high} (1 then 0 for 10)"
        if self.optional:
            return f"optional: type {self.low}\u2013{self.high} or tab on"
        return f"type {self.low}\u2013{self.high}"

    def _cells(self) -> list[tuple[int, str]]:
        """Each value and its cell's text: the number, with its name if `spelled`."""
        cells = []
        for n in self.values:
            number = f"[{n}]" if n == self.value else f" {n} "
            if self.spelled and n in self.labels:
                cells.append((n, f"{number} {self.labels[n]}   "))
            else:
                cells.append((n, number.ljust(self.cell)))
        return cells

    def render(self) -> Text:
        text = Text()
        for n, cell in self._cells():
            if n == self.value:
                text.append(cell[: len(str(n)) + 2], style="bold reverse")
                text.append(cell[len(str(n)) + 2 :])
            else:
                text.append(cell)
        if self.value is None and not self.spelled:
            tail = Text(self.prompt, style="italic")
        elif self.value in self.labels and not self.spelled:
            tail = Text(self.labels[self.value])
        elif self.value is None and self.optional:
            tail = Text("optional", style="italic")
        else:
            return text
        # The name (or what to type) goes under the numbers when it does not fit after.
        room = self.content_size.width - text.cell_len - 1
        text.append("\n" if tail.cell_len > room else " ")
        text.append_text(tail)
        return text

    def watch_value(self, value: int | None) -> None:
        if value is not None or self.optional:
            self.post_message(self.Changed(self, value))

    def action_clear(self) -> None:
        if not self.optional:
            self.app.bell()
            return
        self._cancel_wait()
        self._pending = None
        self.value = None

    def action_step(self, delta: int) -> None:
        self._cancel_wait()
        self._pending = None
        if self.value is None:
            self.value = self.low if delta > 0 else self.high
        else:
            self.value = max(self.low, min(self.high, self.value + delta))

    def action_type(self, digit: int) -> None:
        if self._pending is not None:
            both = self._pending * 10 + digit
            self._cancel_wait()
            if both in self.values:
                self._pending = None
                self._choose_and_move_on(both)
                return
            # "1" then "5": the 1 stands and the 5 is for the field after it.
            self._settle()
            following = self.screen.focused
            if isinstance(following, ScalePicker) and following is not self:
                following.action_type(digit)
            return
        if digit not in self.values:
            self.app.bell()
            return
        if digit > 0 and digit * 10 <= self.high:
            # "1" on a 0–10 scale: wait briefly for a "0".
            self.value = digit
            self._pending = digit
            self._wait = self.set_timer(SECOND_DIGIT_WAIT, self._settle)
            return
        self._choose_and_move_on(digit)

    def _settle(self) -> None:
        """A waiting digit stays chosen; focus moves on."""
        self._cancel_wait()
        if self._pending is not None:
            digit, self._pending = self._pending, None
            self._choose_and_move_on(digit)

    def _cancel_wait(self) -> None:
        if self._wait is not None:
            self._wait.stop()
            self._wait = None

    def _choose_and_move_on(self, value: int) -> None:
        self.value = value
        if self.has_focus:
            self.screen.focus_next()

    def on_blur(self) -> None:
        # Focus moved away mid-number: the digit typed so far is the choice.
        self._cancel_wait()
        self._pending = None

    def on_click(self, event: events.Click) -> None:
        self.focus()
        if event.y != 0:
            return
        x = event.x - self.styles.padding.left
        for n, cell in self._cells():
            if 0 <= x < len(cell):
                self.value = n
                return
            x -= len(cell)
