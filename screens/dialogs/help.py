"""Help: the keys of the screen underneath, and the crisis lines. One key from anywhere."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Static

from reconnect.logic.checkin_week import checkin_week_rule
from reconnect.records.content import COMPLEMENTS_THERAPY
from screens.dialogs.help_lines import help_lines

if TYPE_CHECKING:
    from reconnect.app import ReconnectApp


def keys_text(screen: Screen) -> Text:
    """The keys active on `screen` (focused widget up to the app), one per line."""
    text = Text()
    seen: set[str] = set()
    for active in screen.active_bindings.values():
        binding = active.binding
        # Widget internals (scrolling, cursor moves) are hidden from the footer: skip them.
        internal = not binding.show and active.node not in (screen, screen.app)
        if internal or not binding.description or binding.description in seen:
            continue
        seen.add(binding.description)
        shown = binding.key_display or screen.app.get_key_display(binding)
        text.append(f"{shown:>10}", style="bold")
        text.append(f"  {binding.description}\n")
    text.rstrip()
    return text


class HelpScreen(ModalScreen[None]):
    """Keys for the screen underneath, plus the crisis lines from settings."""

    DEFAULT_CLASSES = "dialog"  # the shared frame: screens/dialogs/dialogs.tcss

    BINDINGS = [
        Binding("escape,question_mark,f1,q", "dismiss", "Close", key_display="esc"),
        Binding("y", "why", "Why this matters"),
        Binding("h", "first_group", "What to expect at a group"),
    ]

    def __init__(self, underneath: Screen) -> None:
        super().__init__()
        self._keys = keys_text(underneath)
        self._area = underneath.title or "this screen"
        self._about = str(getattr(underneath, "ABOUT", ""))
        self._checkin = hasattr(underneath, "action_checkin")  # the check-in is one key away

    def compose(self) -> ComposeResult:
        app = cast("ReconnectApp", self.app)
        crisis = Text()
        crisis.append("If you are struggling or not safe, please reach out now:\n", style="bold")
        crisis.append_text(help_lines(app.settings))
        crisis.append(
            "Add your country's line, or your own people and places, in Settings (press ,).\n",
            style="dim",
        )
        crisis.append(COMPLEMENTS_THERAPY, style="italic")
        with VerticalScroll(id="help-box", classes="dialog-frame"):
            yield Static(Text("Need someone to talk to?", style="bold"), id="first-heading")
            yield Static(crisis, id="crisis")
            if self._about:
                yield Static(f"About {self._area}", classes="heading")
                yield Static(self._about)
            if self._checkin:
                yield Static("Which week a check-in belongs to", classes="heading")
                yield Static(checkin_week_rule(app.settings.first_day_of_week))
            yield Static(f"Keys on {self._area}", classes="heading")
            yield Static(self._keys)
            yield Static(
                "ctrl+p opens the command palette: every area and action, and the theme.",
            )
            yield Static(
                "Why connection helps, and why reconnect asks about depth, comfort "
                "and authenticity rather than counting:"
            )
            yield Button("Why this matters (y)", id="why")
            yield Static("Nervous about going to a group for the first time?")
            yield Button("What to expect at a group (h)", id="first-group")
            yield Button("Close (esc)", id="close", variant="primary")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "why":
            self.action_why()
        elif event.button.id == "first-group":
            self.action_first_group()
        else:
            self.dismiss()

    def action_why(self) -> None:
        show_why(self.app)

    def action_first_group(self) -> None:
        show_first_group(self.app)


def show_why(app: App[object]) -> None:
    """The page on why connection helps, shipped with the app: from Help and Today."""
    from reconnect.docs import WHY_PAGE, WHY_TITLE
    from screens.dialogs.guide import GuideScreen

    app.push_screen(GuideScreen(WHY_PAGE, WHY_TITLE))


def show_first_group(app: App[object]) -> None:
    """What going to a group is like, for a first-timer: from Help, the community
    guide and a "Join a community" goal."""
    from reconnect.docs import FIRST_GROUP_PAGE, FIRST_GROUP_TITLE
    from screens.dialogs.guide import GuideScreen

    app.push_screen(GuideScreen(FIRST_GROUP_PAGE, FIRST_GROUP_TITLE))
