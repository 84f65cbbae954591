"""Choosing a community: the kinds there are, each in one plain line, and the gentle
ladder a "Join a community" goal starts with. It only chooses: the opener decides what
a chosen kind becomes (a new goal from Goals, a title in the goal form)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from reconnect.logic.starter_steps import kind_ladder
from reconnect.records.content import COMMUNITY_KINDS, COMMUNITY_KINDS_BY_ID, CommunityKindInfo
from reconnect.records.models import GoalKind
from screens.dialogs.help import show_first_group

# Kinds named without an article: "Try group therapy", not "Try a group therapy".
NO_ARTICLE = frozenset({"group_therapy"})


def try_title(info: CommunityKindInfo) -> str:
    """A goal's title for trying this kind of community: "Try a peer support group"."""
    name = info.name.lower()
    if info.id in NO_ARTICLE:
        return f"Try {name}"
    return f"Try {'an' if name[0] in 'aeiou' else 'a'} {name}"


def ladder_rungs() -> list[Static]:
    """The join-community ladder as a staircase: each step set a little further in."""
    rungs = []
    for rung, step in enumerate(kind_ladder(GoalKind.JOIN_COMMUNITY)):
        line = Static(Text.assemble((f"{rung + 1} ", "bold"), step), classes="rung")
        line.styles.padding = (0, 0, 0, 2 * rung)
        rungs.append(line)
    return rungs


class CommunityGuide(ModalScreen[CommunityKindInfo | None]):
    """The kinds of community; dismisses with the highlighted one when it is chosen."""

    DEFAULT_CLASSES = "dialog"  # the shared frame: screens/dialogs/dialogs.tcss

    BINDINGS = [
        Binding("escape,q", "dismiss", "Close", key_display="esc"),
        Binding("n", "choose", "Make it a goal"),
        Binding("h", "expect", "What to expect"),
    ]

    def __init__(self, choose_label: str = "Make it a goal") -> None:
        super().__init__()
        self._choose_label = choose_label

    def compose(self) -> ComposeResult:
        with Vertical(id="community-box", classes="dialog-frame") as box:
            box.border_title = "Finding a community"
            yield Static(
                "Kinds of community, and who each suits (↑ ↓ to move, enter to choose):",
                id="community-intro",
            )
            yield OptionList(
                *(Option(self._kind_prompt(k), id=k.id) for k in COMMUNITY_KINDS),
                id="community-kinds",
                compact=True,
            )
            with Vertical(id="community-ladder"):
                yield Static(
                    Text.assemble(
                        ("Online first, local later", "bold"),
                        ": a gentle ladder, easiest first",
                    )
                )
                yield from ladder_rungs()
            with Horizontal(id="community-buttons"):
                yield Button(
                    f"{self._choose_label} (n)", id="choose", variant="primary", compact=True
                )
                yield Button("What to expect (h)", id="expect", compact=True)
                yield Button("Close (esc)", id="close", compact=True)

    @staticmethod
    def _kind_prompt(info: CommunityKindInfo) -> Text:
        return Text.assemble((info.name, "bold"), "\n", info.about)

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def highlighted(self) -> CommunityKindInfo:
        kinds = self.query_one(OptionList)
        option = kinds.highlighted_option
        return COMMUNITY_KINDS_BY_ID[option.id] if option and option.id else COMMUNITY_KINDS[0]

    def action_choose(self) -> None:
        self.dismiss(self.highlighted())

    def action_expect(self) -> None:
        show_first_group(self.app)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_choose()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "choose":
            self.action_choose()
        elif event.button.id == "expect":
            self.action_expect()
        else:
            self.dismiss(None)
