"""A reflection written in the person's own editor ($VISUAL, else $EDITOR).

Floor 3. The text goes to a file in a private temp folder of its own (0700, the file
0600), never beside the data where a sync tool would copy it; the folder is removed
when the editor ends, whether it saved, quit or crashed. An encrypted data folder's
words are plain in that file while the editor has it: unavoidable for another program,
and said (PLAIN_WHILE_EDITING).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from reconnect.logic.drafts import ReflectionDraft
from reconnect.logic.reflection_template import parse, render
from reconnect.store.atomic import PRIVATE_FILE

FALLBACK_EDITORS = ("nano", "vi")
FILE_NAME = "reflection.txt"
PLAIN_WHILE_EDITING = (
    "Your data folder is encrypted; while your editor has it, this reflection is in a "
    "plain file in a private folder (yours alone), removed as soon as the editor closes."
)


class NoEditor(Exception):
    """No editor to run: the message says what to set."""


@dataclass(frozen=True)
class Edited:
    """What came back: the draft the text holds, and whether the editor ended well
    (exit status 0). `text` is what the file held, for a draft when it did not."""

    draft: ReflectionDraft
    ok: bool
    status: int
    text: str

    @property
    def empty(self) -> bool:
        """The file was left empty (or only the template's notes were left)."""
        return not self.text.strip() or not self.draft.has_writing()


def editor_command(env: dict[str, str] | None = None) -> list[str]:
    """$VISUAL, else $EDITOR (with its arguments: "code --wait"), else nano or vi."""
    env = dict(os.environ) if env is None else env
    for name in ("VISUAL", "EDITOR"):
        value = env.get(name, "").strip()
        if value:
            try:
                words = shlex.split(value)
            except ValueError:
                raise NoEditor(f"${name} ({value}) cannot be read as a command") from None
            if words:
                return words
    for fallback in FALLBACK_EDITORS:
        if shutil.which(fallback):
            return [fallback]
    raise NoEditor("no editor found: set $EDITOR, e.g. EDITOR=nano")


def edit(draft: ReflectionDraft, command: list[str] | None = None) -> Edited:
    """Run the editor on `draft` as text and read it back. Raises NoEditor when the
    editor cannot be started; the temp folder is gone afterwards either way."""
    command = editor_command() if command is None else command
    folder = Path(tempfile.mkdtemp(prefix="reconnect-reflect-"))  # 0700
    try:
        path = folder / FILE_NAME
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(render(draft))
        try:
            status = subprocess.run([*command, str(path)], check=False).returncode
        except OSError as exc:
            raise NoEditor(
                f"the editor {command[0]} could not be started ({exc.strerror})"
            ) from None
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:  # the editor removed it: nothing written
            text = ""
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return Edited(parse(text, draft), status == 0, status, text)
