"""`reconnect import FILE`: bring records in from a file, recognising what kind it is.

A thin front end: the importers (reconnect.transfer.importers) do the work and return
what they did; this prints it. Nothing is written unless the whole file is valid.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reconnect.cli.after_save import say_after_save
from reconnect.docs import PLAN_FORMAT
from reconnect.transfer.import_kinds import KINDS

if TYPE_CHECKING:
    from reconnect.transfer.importers import Progress

EXIT_USAGE = 2


def add_parser(subparsers: Any) -> str:
    parser = subparsers.add_parser(
        "import",
        help="import a file: a backup, a jrnl export, or a homework plan",
        description="Import a file: a reconnect backup (reconnect export --format json), a "
        "jrnl JSON export (jrnl --export json), or a therapist's homework plan (TOML or JSON, "
        f"see {PLAN_FORMAT}). The kind is recognised from the content. A file with "
        "any problem is refused whole: nothing is saved. Importing the same file again adds "
        "nothing twice.",
    )
    parser.add_argument("file", type=Path, help="the file to import")
    parser.add_argument(
        "--check", action="store_true", help="only check the file and say what would be imported"
    )
    parser.add_argument(
        "--kind",
        choices=sorted(KINDS),
        help="what the file is (default: recognised from its content)",
    )
    return "import"


def run(args: argparse.Namespace) -> int:
    from reconnect.cli.passphrase import open_store
    from reconnect.records.models import now_local
    from reconnect.settings import load_settings, save_settings
    from reconnect.transfer.documents import ImportRefused
    from reconnect.transfer.importers import PlanRefused, import_file

    path: Path = args.file
    settings, unreadable = load_settings()
    try:
        result = import_file(
            open_store(args.data_dir),
            path,
            now=now_local(),
            dry_run=args.check,
            kind=args.kind,
            progress=_progress_line("Checking records"),
            # A settings file that could not be read is never written over.
            own_resources=None if unreadable else settings.resources,
            ask_passphrase=_ask_backup_passphrase,
        )
    except ImportRefused as exc:
        guide = f"\nHow to write a plan: {PLAN_FORMAT}" if isinstance(exc, PlanRefused) else ""
        print(f"reconnect: {exc}. Nothing was saved.{guide}", file=sys.stderr)
        return EXIT_USAGE
    say_after_save(*result.lines)
    if result.restore_resources:
        try:
            save_settings(settings.model_copy(update={"resources": result.restore_resources}))
        except OSError as exc:
            print(
                f"reconnect: could not write the settings file ({exc.strerror or exc}); your "
                "own people and places were not put back.",
                file=sys.stderr,
            )
    return 0


def _ask_backup_passphrase() -> str:
    """An encrypted backup's passphrase: RECONNECT_PASSPHRASE_FILE, else asked."""
    from reconnect.cli.passphrase import ask, from_file, has_terminal
    from reconnect.store.folder_key import NoPassphrase

    given = from_file()
    if given is not None:
        return given
    if not has_terminal():
        raise NoPassphrase(Path("."))
    return ask("The backup's passphrase: ")


def _progress_line(label: str) -> Progress | None:
    """A progress line on the terminal for long imports; nothing when not a terminal."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        end = "\n" if done >= total else ""
        print(f"\r{label}: {done:,} of {total:,}", end=end, file=sys.stderr, flush=True)

    return show
