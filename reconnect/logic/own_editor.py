"""A reflection written in the person's own editor ($VISUAL, else $EDITOR).

Floor 3. The text goes to a file in a private temp folder of its own (0700, the file
0600), never beside the data where a sync tool would copy it; the folder is removed
when the editor ends, whether it saved, quit or crashed. An encrypted data folder's
words are plain in that file while the editor has it: unavoidable for another program,
and said (PLAIN_WHILE_EDITING).
"""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import signal
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from reconnect.logic.drafts import ReflectionDraft
from reconnect.logic.reflection_template import parse, render
from reconnect.store.atomic import PRIVATE_FILE

FALLBACK_EDITORS = ("nano", "vi")
FILE_NAME = "reflection.txt"
# The temp folder's name carries the process id, so a folder left by a reconnect that
# was killed outright can be told from one an editor still has open.
FOLDER_PREFIX = "reconnect-reflect-"
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


@contextlib.contextmanager
def _interrupts_to_the_editor() -> Iterator[None]:
    """ctrl+c while the editor runs is the editor's (as git does): reconnect must not
    stop and take the file away under it."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    # A handler that does nothing, not SIG_IGN: the editor would inherit an ignore.
    before = signal.signal(signal.SIGINT, lambda *_: None)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, before)


def sweep_leftovers(temp: Path | None = None) -> list[Path]:
    """Remove our temp folders whose reconnect is gone (killed before it could clean
    up): a reflection must not stay in a plain file. Returns those removed."""
    removed = []
    for folder in (temp or Path(tempfile.gettempdir())).glob(f"{FOLDER_PREFIX}*-*"):
        pid = folder.name.removeprefix(FOLDER_PREFIX).split("-", 1)[0]
        try:
            if not pid.isdigit() or folder.stat().st_uid != os.getuid():
                continue
            os.kill(int(pid), 0)  # raises when no such process
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
        except OSError:  # PermissionError: alive, someone else's; gone meanwhile
            continue
    return removed


def edit(draft: ReflectionDraft, command: list[str] | None = None) -> Edited:
    """Run the editor on `draft` as text and read it back. Raises NoEditor when the
    editor cannot be started; the temp folder is gone afterwards either way."""
    command = editor_command() if command is None else command
    sweep_leftovers()
    folder = Path(tempfile.mkdtemp(prefix=f"{FOLDER_PREFIX}{os.getpid()}-"))  # 0700
    try:
        path = folder / FILE_NAME
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(render(draft))
        try:
            with _interrupts_to_the_editor():
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
