"""The reflection form: patterns, a rotating prompt, free writing, energy, what was
avoided, and the private flag. It holds values and says when they change; the screen
saves them (as a reflection, or as a draft)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Button, Checkbox, Input, Label, Select, SelectionList, Static, TextArea

from reconnect.logic.drafts import ReflectionDraft
from reconnect.logic.reflections import AVOIDED_LIMIT, BODY_LIMIT
from reconnect.records.content import ENERGY_LABELS, PATTERNS, PATTERNS_BY_ID
from reconnect.records.models import Reflection
from widgets.field_check import ModelField
from widgets.pattern_ticks import PatternTicks
from widgets.tick_box import TickBox

PATTERN_HINT = "Tick what showed up (space or click); each one is explained here as you move."


def length_note(length: int, limit: int) -> Text:
    """'1,234 / 20,000 characters', and what to do when over the limit."""
    note = Text(f"{length:,} / {limit:,} characters", style="dim")
    if length > limit:
        note = Text(
            f"{length:,} / {limit:,} characters: {length - limit:,} too many to save. "
            "Shorten it; the draft keeps every word meanwhile.",
            style="bold",
        )
    return note


class ReflectionForm(VerticalScroll):
    """Holds one reflection being written. Post-only: never touches the store."""

    DEFAULT_CSS = """
    ReflectionForm { padding: 0 1; }
    ReflectionForm #form-banner { background: $boost; padding: 0 1; margin-bottom: 1; }
    ReflectionForm .label { text-style: bold; margin-top: 1; }
    ReflectionForm .hint { color: $text-muted; }
    ReflectionForm .error { color: $text-error; }
    ReflectionForm #patterns { height: auto; max-height: 12; }
    ReflectionForm #prompt-row { height: auto; }
    ReflectionForm #prompt-text { width: 1fr; text-style: italic; }
    ReflectionForm #prompt-row Button, ReflectionForm #actions Button {
        min-width: 0; height: 1; border: none; margin-left: 1;
    }
    ReflectionForm #body { height: 12; }
    ReflectionForm #avoided { height: 4; }
    ReflectionForm #energy { width: 40; }
    /* Docked: Save (and why it failed) in sight at any size, not below the fold. */
    ReflectionForm #actions { dock: bottom; height: auto; background: $panel; }
    ReflectionForm #actions Button { margin: 0 2 0 0; }
    ReflectionForm #form-error { width: 1fr; }
    """

    class Changed(Message):
        """Something the user would miss changed; ask `draft()` for the values."""

    class SaveRequested(Message):
        pass

    class StartAfreshRequested(Message):
        pass

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._prompts: list[str] = []
        self._prompt = ""
        self._editing_id: str | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="form-banner")
        yield Label("Which patterns showed up?", classes="label")
        yield PatternTicks(id="patterns")
        yield Static(PATTERN_HINT, id="pattern-explanation", classes="hint")
        with Horizontal(id="prompt-row"):
            yield Static(id="prompt-text", markup=False)
            yield Button("Another prompt", id="another-prompt")
            yield Button("No prompt", id="toggle-prompt")
        yield TextArea(id="body", soft_wrap=True, tab_behavior="focus")
        yield Static(length_note(0, BODY_LIMIT), id="body-count")
        yield Label("Title (optional)", classes="label")
        yield Input(
            placeholder="A few words to find it again",
            id="title",
            validators=[ModelField(Reflection, "title")],
            select_on_focus=False,  # tabbing in and typing must not erase the title
        )
        yield Static(id="title-error", classes="error")
        yield Label("Energy", classes="label")
        yield Select[int](
            ((f"{n} · {text}", n) for n, text in ENERGY_LABELS.items()),
            prompt="Not rated",
            id="energy",
        )
        yield Label("What I avoided, and why (optional)", classes="label")
        yield TextArea(id="avoided", soft_wrap=True, tab_behavior="focus")
        yield Static(id="avoided-count", classes="hint")
        yield TickBox("Private: leave it out of exports unless I include it", id="private")
        with Horizontal(id="actions"):
            yield Button("Save (ctrl+s)", id="save", variant="primary")
            yield Button("Start afresh", id="afresh")
            yield Static(id="form-error", classes="error", markup=False)

    def on_mount(self) -> None:
        self.query_one("#body", TextArea).border_title = "Write freely"
        self._show_prompt()
        self._show_counts()

    # --- values in and out -----------------------------------------------------------

    @property
    def editing_id(self) -> str | None:
        return self._editing_id

    def draft(self) -> ReflectionDraft:
        energy = self.query_one("#energy", Select).value
        return ReflectionDraft(
            title=self.query_one("#title", Input).value,
            patterns=tuple(
                p.id
                for p in PATTERNS
                if p.id in self.query_one("#patterns", SelectionList).selected
            ),
            prompt=self._prompt,
            body=self.query_one("#body", TextArea).text,
            energy=energy if isinstance(energy, int) else None,
            avoided=self.query_one("#avoided", TextArea).text,
            private=self.query_one("#private", Checkbox).value,
            editing_id=self._editing_id,
        )

    def fill(self, draft: ReflectionDraft, banner: str = "") -> None:
        """Show `draft` in the form (without announcing it as a change)."""
        quiet = (
            Input.Changed,
            TextArea.Changed,
            SelectionList.SelectedChanged,
            Select.Changed,
            Checkbox.Changed,
        )
        with self.prevent(*quiet):
            self.query_one("#title", Input).value = draft.title
            patterns = self.query_one("#patterns", SelectionList)
            patterns.deselect_all()
            for pattern_id in draft.patterns:
                if pattern_id in PATTERNS_BY_ID:
                    patterns.select(pattern_id)
            self.query_one("#body", TextArea).load_text(draft.body)
            self.query_one("#energy", Select).value = (
                draft.energy if draft.energy is not None else Select.NULL
            )
            self.query_one("#avoided", TextArea).load_text(draft.avoided)
            self.query_one("#private", Checkbox).value = draft.private
        self._editing_id = draft.editing_id
        self._prompt = draft.prompt
        self.query_one("#title-error", Static).display = False
        self.show_error("")
        self.show_banner(banner)
        self._show_prompt()
        self._show_counts()

    def offer_prompts(self, order: Sequence[str]) -> None:
        """The prompts to rotate through, freshest first (see prompt_rotation)."""
        self._prompts = list(order)

    def reset(self, banner: str = "") -> None:
        """An empty form with the freshest prompt."""
        first = self._prompts[0] if self._prompts else ""
        self.fill(ReflectionDraft(prompt=first), banner)
        self.scroll_home(animate=False)

    def focus_first(self) -> None:
        self.query_one("#patterns").focus()

    def show_banner(self, text: str) -> None:
        banner = self.query_one("#form-banner", Static)
        banner.update(Text(text))
        banner.display = bool(text)

    def show_error(self, text: str) -> None:
        self.query_one("#form-error", Static).update(text)

    # --- the prompt --------------------------------------------------------------------

    def _show_prompt(self) -> None:
        text = self.query_one("#prompt-text", Static)
        toggle = self.query_one("#toggle-prompt", Button)
        if self._prompt:
            text.update(f"Prompt: {self._prompt}")
            toggle.label = "No prompt"
        else:
            text.update("Writing freely, without a prompt.")
            toggle.label = "Show a prompt"

    def _next_prompt(self) -> str:
        if not self._prompts:
            return ""
        if self._prompt not in self._prompts:
            return self._prompts[0]
        return self._prompts[(self._prompts.index(self._prompt) + 1) % len(self._prompts)]

    @on(Button.Pressed, "#another-prompt")
    def _another_prompt(self, event: Button.Pressed) -> None:
        event.stop()
        self._prompt = self._next_prompt()
        self._show_prompt()
        self.post_message(self.Changed())

    @on(Button.Pressed, "#toggle-prompt")
    def _toggle_prompt(self, event: Button.Pressed) -> None:
        event.stop()
        self._prompt = "" if self._prompt else self._next_prompt()
        self._show_prompt()
        self.post_message(self.Changed())

    # --- feedback as the user types ----------------------------------------------------

    def _show_counts(self) -> None:
        body = len(self.query_one("#body", TextArea).text)
        self.query_one("#body-count", Static).update(length_note(body, BODY_LIMIT))
        avoided = len(self.query_one("#avoided", TextArea).text)
        self.query_one("#avoided-count", Static).update(length_note(avoided, AVOIDED_LIMIT))

    @on(TextArea.Changed)
    def _text_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self._show_counts()
        self.post_message(self.Changed())

    @on(Input.Changed, "#title")
    def _title_changed(self, event: Input.Changed) -> None:
        event.stop()
        result = event.validation_result
        problem = result.failure_descriptions[0] if result and not result.is_valid else ""
        error = self.query_one("#title-error", Static)
        error.update(Text(problem))
        error.display = bool(problem)
        self.post_message(self.Changed())

    @on(Input.Submitted, "#title")
    def _title_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.screen.focus_next()

    @on(SelectionList.SelectedChanged)
    @on(Select.Changed)
    @on(Checkbox.Changed)
    def _choice_changed(self, event: Message) -> None:
        event.stop()
        self.post_message(self.Changed())

    @on(SelectionList.SelectionHighlighted)
    def _explain_pattern(self, event: SelectionList.SelectionHighlighted) -> None:
        event.stop()
        self._explain(event.selection.value)

    def _explain(self, pattern_id: str | None) -> None:
        line = self.query_one("#pattern-explanation", Static)
        pattern = PATTERNS_BY_ID.get(pattern_id or "")
        line.update(Text(f"{pattern.name}: {pattern.explanation}") if pattern else PATTERN_HINT)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        patterns = self.query_one("#patterns", SelectionList)
        if event.widget is patterns and patterns.highlighted is not None:
            self._explain(patterns.get_option_at_index(patterns.highlighted).value)
        elif event.widget is not patterns:
            self._explain(None)

    @on(Button.Pressed, "#save")
    def _save(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.SaveRequested())

    @on(Button.Pressed, "#afresh")
    def _afresh(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.StartAfreshRequested())
