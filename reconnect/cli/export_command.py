"""`reconnect export --format md|html|csv|json|ics`: take records off the app's file.

md and html are the session report for a date range; csv writes a folder of files;
json is a full backup (bring it back with `reconnect import`); ics puts planned goal
steps in a calendar. Defaults per format live in reconnect.transfer.export, shared with
the app: a backup holds private reflections too, the other formats leave them out.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reconnect.cli.after_save import say_after_save
from reconnect.cli.arg_types import iso_date
from reconnect.transfer.export import (
    DEFAULT_REPORT_DAYS,
    FORMATS,
    default_output,
    output_problem,
)

if TYPE_CHECKING:
    from reconnect.store.folder_key import FolderKey, KeyFile
    from reconnect.store.store import Store

NAME = "export"
EXIT_BAD_INPUT = 2


def add_parser(subparsers: Any) -> str:
    parser = subparsers.add_parser(
        NAME,
        help="export a session report (md, html) or your data (csv, json backup, ics)",
        description="Export a session report to bring to therapy (md or html, for a date "
        "range), or your data: csv (a folder, one file per kind), json (a full backup that "
        "`reconnect import` brings back) or ics (planned goal steps as calendar events). "
        "A json backup holds everything, private reflections too (--no-include-private "
        "to leave them out); the other formats leave them out unless --include-private.",
    )
    parser.add_argument("--format", required=True, choices=FORMATS, help="what to write")
    parser.add_argument("--from", dest="start", type=iso_date, metavar="DATE", help="report start")
    parser.add_argument("--to", dest="end", type=iso_date, metavar="DATE", help="report end")
    parser.add_argument(
        "-o", "--output", type=Path, metavar="PATH", help="file (or folder, for csv) to write"
    )
    parser.add_argument(
        "--include-private",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="include private reflections (default: yes for json, no for the others)",
    )
    parser.add_argument(
        "--encrypt",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="encrypt a json backup with a passphrase (default: yes when your data is "
        "encrypted, with its passphrase; otherwise one is asked)",
    )
    return NAME


def run(args: argparse.Namespace) -> int:
    today = date.today()
    end = args.end or today
    start = args.start or end - timedelta(days=DEFAULT_REPORT_DAYS - 1)
    if start > end:
        print(f"reconnect export: --from {start} is after --to {end}.", file=sys.stderr)
        return EXIT_BAD_INPUT
    output: Path = args.output or default_output(args.format, today)
    problem = output_problem(args.format, output)
    if problem:
        print(f"reconnect export: {problem}.", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.encrypt and args.format != "json":
        print(
            f"reconnect export: only a json backup can be encrypted; {args.format} is plain "
            "text by nature.",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    from reconnect.cli.passphrase import open_store
    from reconnect.settings import load_settings
    from reconnect.transfer.export import export

    store = open_store(args.data_dir)
    seal_with = _seal_with(store, args) if args.format == "json" else None
    if store.encrypted and seal_with is None:
        print(
            f"reconnect: your data is encrypted, but this {args.format} file is not: keep it "
            "somewhere private, and delete it when you are done with it.",
            file=sys.stderr,
        )
    try:
        result = export(
            store,
            args.format,
            output,
            start=start,
            end=end,
            include_private=args.include_private,
            resources=load_settings()[0].resources,  # a backup and a CSV carry your own list
            seal_with=seal_with,
        )
    except OSError as exc:
        reason = exc.strerror or str(exc)
        print(
            f"reconnect export: cannot write {output} ({reason}); choose another -o path.",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    say_after_save(result.summary())
    return 0


def _seal_with(store: Store, args: argparse.Namespace) -> tuple[FolderKey, KeyFile] | None:
    """The key (and key file) a json backup is sealed with: the folder's own when it is
    encrypted, else one made from a passphrase asked now; None for a plain backup."""
    if args.encrypt is False or (args.encrypt is None and not store.encrypted):
        return None
    own = store.backup_seal()
    if own is not None:
        return own
    from reconnect.cli.passphrase import new_passphrase
    from reconnect.store.folder_key import KeyFile

    key_file, key = KeyFile.new(new_passphrase(store.data_dir))
    return key, key_file
