"""`reconnect import FILE`: bring records in from a file, recognising what kind it is.

Each kind of file is an Importer: `recognises` looks at the parsed document and `run`
imports it and says what happened: backups, jrnl exports and homework plans. Nothing
is written unless the whole file is valid.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reconnect.store.paths import data_dir
from reconnect.transfer.documents import DocumentError, ImportRefused, load_document

EXIT_USAGE = 2
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Importer:
    kind: str
    recognises: Callable[[Path, Any], bool]
    # (data folder, path, parsed document, dry run) -> lines to print
    run: Callable[[Path, Path, Any, bool, Progress | None], list[str]]


def _recognise_plan(path: Path, document: Any) -> bool:
    from reconnect.transfer.homework_plan import looks_like_plan

    # TOML is only ever a plan, so a TOML file with a mistake gets the plan's own message.
    return path.suffix.lower() == ".toml" or looks_like_plan(document)


def _run_plan(
    folder: Path, path: Path, document: Any, dry_run: bool, progress: Progress | None = None
) -> list[str]:
    from reconnect.records.models import now_local
    from reconnect.store.store import Store
    from reconnect.transfer.homework_plan import PlanError, import_plan, parse_plan

    try:
        plan = parse_plan(document)
    except PlanError as exc:
        raise ImportRefused(f"{path.name} is not a valid homework plan: {exc}") from None
    result = import_plan(Store.open(folder), plan, now_local(), dry_run=dry_run)
    source = f"homework from {plan.assigned_by}" if plan.assigned_by else "homework"
    source += f", assigned {plan.assigned_on:%-d %b %Y}"
    lines: list[str] = []
    if result.added:
        verb = "Would import" if dry_run else "Imported"
        noun = "goal" if len(result.added) == 1 else "goals"
        lines.append(f"{verb} {len(result.added)} {noun} from {path.name} ({source}):")
        for goal in result.added:
            steps = f"{len(goal.steps)} step{'s' if len(goal.steps) != 1 else ''}"
            due = goal.homework.due_on if goal.homework else None
            lines.append(f"  • {goal.title} ({steps}{f', due {due:%-d %b}' if due else ''})")
    if result.already:
        if result.added:
            lines.append(
                f"Already imported before, left as they are: "
                f"{', '.join(g.title for g in result.already)}."
            )
        else:
            lines.append(
                f"Nothing new: {path.name} was imported before, so nothing was added "
                "twice. Its goals are in the Goals area."
            )
    if dry_run:
        lines.append("Checked only (--check): nothing was saved.")
    elif result.added:
        lines.append("Open the Goals area (reconnect --open goals) to see them.")
    return lines


def _recognise_backup(path: Path, document: Any) -> bool:
    from reconnect.transfer.backup import is_backup

    return is_backup(document)


def _run_backup(
    folder: Path, path: Path, document: Any, dry_run: bool, progress: Progress | None = None
) -> list[str]:
    from reconnect.store.store import Store
    from reconnect.transfer.backup import merge, parse_backup

    records = parse_backup(document, progress=progress or _progress_line("Checking records"))
    total = sum(len(items) for items in records.values())
    if dry_run:
        return [f"{path.name} is a valid backup of {total} record(s). Checked only: nothing saved."]
    return [f"From {path.name}: " + merge(Store.open(folder), records).summary()]


def _recognise_jrnl(path: Path, document: Any) -> bool:
    from reconnect.transfer.jrnl import is_jrnl

    return is_jrnl(document)


def _run_jrnl(
    folder: Path, path: Path, document: Any, dry_run: bool, progress: Progress | None = None
) -> list[str]:
    from reconnect.store.store import Store
    from reconnect.transfer.backup import merge
    from reconnect.transfer.jrnl import parse_jrnl

    reflections = parse_jrnl(document)
    if dry_run:
        return [f"{path.name} holds {len(reflections)} jrnl entries. Checked only: nothing saved."]
    result = merge(Store.open(folder), {"reflections": reflections})
    added, skipped = result.added["reflections"], result.skipped["reflections"]
    line = f"From {path.name}: added {added} jrnl entries as reflections"
    return [line + (f"; skipped {skipped} imported before." if skipped else ".")]


def _progress_line(label: str) -> Progress | None:
    """A progress line on the terminal for long imports; nothing when not a terminal."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        end = "\n" if done >= total else ""
        print(f"\r{label}: {done:,} of {total:,}", end=end, file=sys.stderr, flush=True)

    return show


# Tried in order; the first that recognises the document imports it.
IMPORTERS: list[Importer] = [
    Importer("backup", _recognise_backup, _run_backup),
    Importer("jrnl", _recognise_jrnl, _run_jrnl),
    Importer("homework plan", _recognise_plan, _run_plan),
]
KINDS = {"backup": "backup", "jrnl": "jrnl", "plan": "homework plan"}


def add_parser(subparsers: Any) -> str:
    parser = subparsers.add_parser(
        "import",
        help="import a file: a backup, a jrnl export, or a homework plan",
        description="Import a file: a reconnect backup (reconnect export --format json), a "
        "jrnl JSON export (jrnl --export json), or a therapist's homework plan (TOML or JSON, "
        "see docs/homework-plan.md). The kind is recognised from the content. A file with "
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
    path: Path = args.file
    try:
        lines = import_file(data_dir(args.data_dir), path, dry_run=args.check, kind=args.kind)
    except ImportRefused as exc:
        print(f"reconnect: {exc}. Nothing was saved.", file=sys.stderr)
        return EXIT_USAGE
    print("\n".join(lines))
    return 0


def import_file(
    folder: Path,
    path: Path,
    *,
    dry_run: bool = False,
    kind: str | None = None,
    progress: Progress | None = None,
) -> list[str]:
    """Recognise and import one file. Raises ImportRefused, DataFileError."""
    if path.is_dir():
        raise ImportRefused(f"{path} is a folder; give the file to import")
    if not path.exists():
        raise ImportRefused(f"{path}: no such file")
    try:
        document = load_document(path)
    except DocumentError as exc:
        raise ImportRefused(str(exc)) from None
    except OSError as exc:
        raise ImportRefused(f"{path}: {exc.strerror or exc}") from None
    if kind is not None:
        chosen = next(i for i in IMPORTERS if i.kind == KINDS[kind])
        return chosen.run(folder, path, document, dry_run, progress)
    for importer in IMPORTERS:
        if importer.recognises(path, document):
            return importer.run(folder, path, document, dry_run, progress)
    kinds = ", ".join(i.kind for i in IMPORTERS)
    raise ImportRefused(
        f"{path.name}: not a kind of file reconnect can import (it knows: {kinds}; "
        "a homework plan has a list of goals, see docs/homework-plan.md)"
    )
