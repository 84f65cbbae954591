"""Writing back every record the app holds when the data file vanished while it was
open (moved aside, deleted, restored by hand). Each save that the store refuses then
offers it, and so does the app as soon as it notices; F9 does it, from anywhere."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from reconnect.store.errors import DataFileError
from reconnect.store.write_failure import failure_words

if TYPE_CHECKING:
    from reconnect.app import ReconnectApp

WRITE_BACK_KEY = "f9"
WRITE_BACK_OFFER = (
    "press F9 to write back everything reconnect holds as a new file (or put the file back)"
)


def tell_file_gone(app: ReconnectApp) -> None:
    """Say so as soon as the app notices, before any save is refused."""
    app.notify(
        f"Your data file is gone: {app.store.path}. Your records are still here; "
        f"{WRITE_BACK_OFFER}.",
        title="Data file gone",
        severity="error",
        timeout=30,
    )


def write_back(app: ReconnectApp) -> bool:
    """Write the records held as the data file, and say what happened. False when it
    could not be written (said)."""
    try:
        written = app.store.write_back()
    except (OSError, DataFileError) as exc:
        what, todo = failure_words(exc)
        app.notify(
            f"{what}: could not write back. {todo} and press F9 again.",
            severity="error",
            timeout=15,
        )
        return False
    if not written:
        app.notify(f"Your data file is there: nothing to write back ({app.store.path}).")
        return True
    app.notify(
        f"Written back: every record reconnect holds is in {app.store.path} again. "
        "Save what you were writing once more.",
        title="Data file written back",
        timeout=15,
    )
    app.publish_data_changed()
    return True


def ask_before_quitting(app: ReconnectApp, quit_now: Callable[[], None]) -> None:
    """Quitting while the data file is gone would lose every record held only here:
    ask first, with writing back as the first choice."""
    from screens.dialogs.choice_menu import ChoiceMenu

    def chosen(answer: str | None) -> None:
        if (answer == "write" and write_back(app)) or answer == "lose":
            quit_now()

    app.push_screen(
        ChoiceMenu(
            "Your data file is gone",
            [
                ("write", "Write it back, then quit"),
                ("keep", "Keep reconnect open"),
                ("lose", "Quit without writing it back"),
            ],
            f"{app.store.path} is no longer there. reconnect still holds every record; "
            "quitting without writing them back keeps only what is in a copy of the file.",
            harmful={"lose"},
        ),
        chosen,
    )
