"""A reflection as plain text for a person's own editor, and read back.

Floor 3, pure. The text is:

    Title: (a few words, optional)
    # Prompt: When did I last feel really seen? What made it possible?
    # <how to use the list>
    [ ] Busy schedule
    [x] Stress or exhaustion
    ...
    # <where to write>
    the body, as many lines as you like

A pattern is ticked by an x (or X, or any mark) between its brackets. Reading back is
lenient: only the lines the template wrote (its notes, the tick lines of known patterns,
the Title line) are taken as such, and only above the "Write below" note; every other
line is body text, in its place, so no word typed is ever dropped. Deleting the Prompt
line writes freely, without a prompt.
"""

from __future__ import annotations

import re
from dataclasses import replace

from reconnect.logic.drafts import ReflectionDraft
from reconnect.records.content import PATTERNS

TITLE_LABEL = "Title:"
PROMPT_LABEL = "# Prompt: "
NOTES = (
    "# Lines starting with # are notes for you: they are left out when it is saved.",
    "# Which patterns showed up? Put an x between the brackets, like [x]; leave the rest.",
    "# Write below, as much or as little as you like. An empty file saves nothing.",
)
FREE_NOTE = "# No prompt this time: write freely. (Delete a Prompt line to do the same.)"
# "[x] Busy schedule", "- [ ] busy", "* [X]Busy schedule"
_TICK = re.compile(r"^\s*(?:[-*]\s*)?\[(?P<mark>[^\]]?)\]\s*(?P<name>.+?)\s*$")
_BY_NAME = {p.name.casefold(): p.id for p in PATTERNS} | {p.id: p.id for p in PATTERNS}


def render(draft: ReflectionDraft) -> str:
    """The text a person edits: the draft's title, prompt, patterns and body."""
    lines = [f"{TITLE_LABEL} {draft.title}".rstrip(), NOTES[0]]
    lines.append(f"{PROMPT_LABEL}{draft.prompt}" if draft.prompt else FREE_NOTE)
    lines.append(NOTES[1])
    lines += [f"[{'x' if p.id in draft.patterns else ' '}] {p.name}" for p in PATTERNS]
    lines += [NOTES[2], ""]
    return "\n".join(lines) + "\n" + draft.body + ("\n" if draft.body else "")


def parse(text: str, base: ReflectionDraft) -> ReflectionDraft:
    """The draft `text` holds, on top of `base` (its energy, what was avoided, private
    and the reflection it edits are kept: the template does not carry them)."""
    title: str | None = None
    prompt: str | None = None
    ticked: set[str] = set()
    body: list[str] = []
    in_body = False  # past the "Write below" note: every line is the person's words
    for line in text.replace("\r\n", "\n").split("\n"):
        stripped = line.strip()
        if in_body:
            body.append(line)
            continue
        if stripped in NOTES or stripped == FREE_NOTE:
            in_body = stripped == NOTES[2]
            continue
        if stripped.startswith(PROMPT_LABEL.strip()) and prompt is None:
            prompt = stripped.removeprefix(PROMPT_LABEL.strip()).strip()
            continue
        if stripped.casefold().startswith(TITLE_LABEL.casefold()) and title is None:
            title = stripped[len(TITLE_LABEL) :].strip()
            continue
        tick = _TICK.match(line)
        pattern_id = _BY_NAME.get(tick["name"].casefold()) if tick else None
        if tick and pattern_id:
            if tick["mark"].strip():
                ticked.add(pattern_id)
            continue
        body.append(line)
    return replace(
        base,
        title=title or "",
        prompt=prompt or "",
        patterns=tuple(p.id for p in PATTERNS if p.id in ticked),
        body="\n".join(body).strip("\n"),
    )
