"""What the store says to a person: a data file it will not touch, and what it did to
their files (an original kept aside) that they should hear about."""

from __future__ import annotations

from pathlib import Path


class DataFileError(Exception):
    """The data file can't be used safely. It is left exactly as it is."""

    # The shell's exit status (reconnect/cli/main.py): 3 unless a kind says otherwise.
    exit_status = 3

    def __init__(self, path: Path, problem: str, way_out: str) -> None:
        super().__init__(f"{problem}: {path}\n{way_out}")
        self.path = path
        self.problem = problem
        self.way_out = way_out

    def __rich__(self) -> str:
        # Should one ever reach Textual's last-resort handler, it shows this message
        # (not a traceback); the CLI recognises it and exits with status 3.
        return f"{DATA_FILE_ERROR_MARK}{self}"


DATA_FILE_ERROR_MARK = "reconnect: "


RESTORE_HINT = (
    "Nothing was changed. Restore the file from a backup, or move it aside to start afresh."
)


NOT_A_FILE_HINT = (
    "Nothing was read or changed. Move it aside, or point --data-dir at a folder whose "
    "reconnect.json is an ordinary file."
)


class DataFileGone(DataFileError):
    """The data file vanished (moved aside, deleted, restored by hand) while we held its
    records: nothing is saved until it is back, or until the person asks us to write
    back everything we hold (Store.write_back)."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            path,
            "The data file is gone (moved or deleted while reconnect was open)",
            "Nothing was saved. Put the file back, or write back everything reconnect "
            "holds as a new file.",
        )


class BatchAbandoned(RuntimeError):
    """A change inside a batch failed and was caught: nothing of the batch is saved."""


# What we did to a person's files that they should hear about (an original kept aside):
# the CLI prints these when a command ends, the app shows them when it opens.
NOTICES: list[str] = []


def drain_notices() -> list[str]:
    taken = NOTICES[:]
    NOTICES.clear()
    return taken
