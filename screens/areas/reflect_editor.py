"""Reflect's ctrl+o: the entry in the person's own editor and back (App.suspend).

The form's words are kept as the draft before the editor starts, so an editor that
crashes (or a terminal that closes meanwhile) loses nothing. What comes back fills the
form; it is saved only when the person saves, as always.
"""

from __future__ import annotations

from dataclasses import replace

from textual.app import SuspendNotSupported

from reconnect.logic.own_editor import PLAIN_WHILE_EDITING, NoEditor, edit, editor_command
from reconnect.store.folder_key import is_encrypted
from screens.areas.reflect_drafts import DraftKeeping

CANNOT_SUSPEND = (
    "This terminal cannot hand the screen to another program. From a shell, "
    "`reconnect reflect` opens your editor."
)
BACK = "Back from your editor. Nothing is saved until you press ctrl+s."


def open_in_own_editor(screen: DraftKeeping) -> None:
    current = screen.form.draft()
    screen.draft_changed()
    screen.keep_draft()  # on the disk before the editor starts: a crash loses nothing
    try:
        command = editor_command()
    except NoEditor as exc:
        screen.notify(f"{exc}.", severity="warning", timeout=10)
        return
    encrypted = is_encrypted(screen.store.path.parent)
    try:
        with screen.app.suspend():
            if encrypted:
                print(PLAIN_WHILE_EDITING, flush=True)
            edited = edit(current, command)
    except SuspendNotSupported:
        screen.notify(CANNOT_SUSPEND, severity="warning", timeout=10)
        return
    except NoEditor as exc:
        screen.notify(f"{exc}. The form is as it was.", severity="warning", timeout=10)
        return
    if encrypted:
        screen.notify("The plain copy your editor had is removed.", timeout=6)
    if not edited.ok:
        screen.notify(
            f"Your editor ended with an error (status {edited.status}): the form is as it "
            "was, and kept as your draft.",
            severity="warning",
            timeout=12,
        )
        return
    if edited.empty:
        screen.notify("The file came back empty: the form is as it was.", timeout=8)
        return
    screen.form.fill(replace(edited.draft, editing_id=current.editing_id), BACK)
    screen.draft_changed()
    screen.form.focus_first()
