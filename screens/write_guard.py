"""A write outside a form (a delete, an archive, a goal's status) that the disk refuses:
said in one line, and the app carries on with nothing half-done.

    with write_guard(self, "the delete") as guard:
        removal = delete_reflection(store, reflection_id)
    if guard.failed:
        return

Forms keep their own words on screen instead (screens/dialogs/form_base.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from textual.message_pump import MessagePump

from reconnect.store.errors import DataFileGone
from reconnect.store.write_failure import WRITE_ERRORS, not_done_words
from screens.dialogs.write_back import WRITE_BACK_OFFER


@dataclass
class Guard:
    failed: bool = False


@contextmanager
def write_guard(where: MessagePump, action: str, *, in_worker: bool = False) -> Iterator[Guard]:
    """Run the block; if a write fails, say so and go on. A worker thread says so
    through the app's thread (in_worker=True)."""
    guard = Guard()
    try:
        yield guard
    except WRITE_ERRORS as exc:
        guard.failed = True
        if isinstance(exc, DataFileGone):
            message = f"{exc.problem}: {action} was not saved. {WRITE_BACK_OFFER}, then try again."
        else:
            message = not_done_words(exc, action)
        app = where.app
        if in_worker:
            app.call_from_thread(app.notify, message, severity="error", timeout=15)
        else:
            app.notify(message, severity="error", timeout=15)
