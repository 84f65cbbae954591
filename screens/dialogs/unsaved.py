"""The one question asked before typed words could be lost: Keep editing, Save or Discard.

Esc in a filled form, and ctrl+q anywhere while a form (or the Review area) holds words
not yet saved, ask it. Keep editing has focus and is what esc means here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, Protocol, cast
from weakref import WeakSet

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Static

if TYPE_CHECKING:
    from textual.app import App

Answer = Literal["keep", "save", "discard"]


class UnsavedDialog(ModalScreen[Answer]):
    DEFAULT_CLASSES = "dialog"  # the shared frame: screens/dialogs/dialogs.tcss

    BINDINGS = [Binding("escape", "dismiss('keep')", "Keep editing", key_display="esc")]
    _KEYS: dict[str, Answer] = {"s": "save", "d": "discard"}

    def __init__(self, what: str = "this form") -> None:
        super().__init__()
        self._what = what

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box", classes="dialog-frame") as box:
            box.border_title = "Not saved yet"
            yield Static(
                f"You have typed words in {self._what} that are not saved yet.",
                id="confirm-question",
            )
            with Horizontal(id="confirm-buttons"):
                yield Button("Keep editing (esc)", id="keep", variant="primary")
                yield Button("Save (s)", id="save")
                yield Button("Discard (d)", id="discard", variant="error")

    def on_mount(self) -> None:
        self.query_one("#keep", Button).focus()

    def on_key(self, event: events.Key) -> None:
        if event.key in self._KEYS:
            event.stop()
            self.dismiss(self._KEYS[event.key])

    @on(Button.Pressed)
    def _chosen(self, event: Button.Pressed) -> None:
        event.stop()
        answers: dict[str | None, Answer] = {"save": "save", "discard": "discard"}
        self.dismiss(answers.get(event.button.id, "keep"))


class HoldsWords(Protocol):
    """A screen where a person types words that are not saved until they say so."""

    WORDS_IN: str  # "this form", "this week's review": said in the question

    def has_typed_words(self) -> bool: ...

    def save_typed_words(self) -> bool:
        """Save as the form's own save does; True when nothing is left unsaved."""
        ...

    def discard_typed_words(self) -> None: ...

    def show_typed_words(self) -> None:
        """Bring the words on screen (a question about them is about to stay)."""
        ...


# Every screen that holds words, while mounted: a form pushed in any area, and Review
# in a mode that is not on show, are asked about before quitting.
_holders: WeakSet[Screen[object]] = WeakSet()


def hold_words(screen: Screen[object], held: bool) -> None:
    """Add (on mount) or drop (on unmount) a HoldsWords screen for the quit question."""
    if held:
        _holders.add(screen)
    else:
        _holders.discard(screen)


def quit_gently(app: App[object]) -> None:
    """Quit, after asking about each screen still holding unsaved words (top first)."""
    if isinstance(app.screen, UnsavedDialog):
        return  # already asking
    on_show = [s for s in reversed(app.screen_stack) if s in _holders]
    elsewhere = [s for s in _holders if s not in on_show and s.is_attached]
    holders = [cast(HoldsWords, s) for s in [*on_show, *elsewhere]]
    _ask_next(app, [h for h in holders if h.has_typed_words()])


def _ask_next(app: App[object], waiting: list[HoldsWords]) -> None:
    if not waiting:
        app.exit()
        return
    holder, rest = waiting[0], waiting[1:]
    if not holder.has_typed_words():  # saved meanwhile (another question's save)
        _ask_next(app, rest)
        return

    def answered(answer: Answer | None) -> None:
        if answer == "discard":
            holder.discard_typed_words()
            _ask_next(app, rest)
        elif answer == "save" and holder.save_typed_words():
            # After a refresh: what the save opens (a new goal's screen) is mounted first.
            app.call_after_refresh(_ask_next, app, rest)
        else:  # keep editing, or a save that could not happen (it says why)
            holder.show_typed_words()

    app.push_screen(UnsavedDialog(holder.WORDS_IN), answered)
