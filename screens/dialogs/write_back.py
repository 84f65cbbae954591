"""Writing back every record the app holds when the data file vanished while it was
open (moved aside, deleted, restored by hand). Each save that the store refuses then
offers it, and so does the app as soon as it notices; F9 does it, from anywhere."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reconnect.store.errors import DataFileError

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


def write_back(app: ReconnectApp) -> None:
    """Write the records held as the data file, and say what happened."""
    try:
        written = app.store.write_back()
    except (OSError, DataFileError) as exc:
        why = exc.problem if isinstance(exc, DataFileError) else exc.strerror or str(exc)
        app.notify(f"Could not write back: {why}.", severity="error", timeout=15)
        return
    if not written:
        app.notify(f"Your data file is there: nothing to write back ({app.store.path}).")
        return
    app.notify(
        f"Written back: every record reconnect holds is in {app.store.path} again. "
        "Save what you were writing once more.",
        title="Data file written back",
        timeout=15,
    )
    app.publish_data_changed()
