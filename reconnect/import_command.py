"""`reconnect import FILE`: bring records in from a file, recognising what kind it is.

Each kind of file is an Importer: `recognises` looks at the parsed document and `run`
imports it and says what happened. Today it knows homework plans (.toml or .json);
more kinds slot into IMPORTERS. Nothing is written unless the whole file is valid.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reconnect.documents import DocumentError, load_document
from reconnect.models import now_local
from reconnect.paths import data_dir

EXIT_USAGE = 2


class ImportRefused(ValueError):
    """The file is not imported; the message says where and why, in one line."""


@dataclass(frozen=True)
class Importer:
    kind: str
    recognises: Callable[[Path, Any], bool]
    # (data folder, path, parsed document, dry run) -> lines to print
    run: Callable[[Path, Path, Any, bool], list[str]]


def _recognise_plan(path: Path, document: Any) -> bool:
    from reconnect.homework_plan import looks_like_plan

    # TOML is only ever a plan, so a TOML file with a mistake gets the plan's own message.
    return path.suffix.lower() == ".toml" or looks_like_plan(document)


def _run_plan(folder: Path, path: Path, document: Any, dry_run: bool) -> list[str]:
    from reconnect.homework_plan import PlanError, import_plan, parse_plan
    from reconnect.store import Store

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


# Tried in order; the first that recognises the document imports it.
IMPORTERS: list[Importer] = [Importer("homework plan", _recognise_plan, _run_plan)]


def add_parser(subparsers: Any) -> str:
    parser = subparsers.add_parser(
        "import",
        help="import a file: a therapist's homework plan (.toml or .json)",
        description="Import a file. A homework plan (TOML or JSON, see docs/homework-plan.md) "
        "becomes goals with steps. A file with any problem is refused whole: nothing is "
        "saved. Importing the same plan again adds nothing.",
    )
    parser.add_argument("file", type=Path, help="the file to import")
    parser.add_argument(
        "--check", action="store_true", help="only check the file and say what would be imported"
    )
    return "import"


def run(args: argparse.Namespace) -> int:
    path: Path = args.file
    try:
        lines = import_file(data_dir(args.data_dir), path, dry_run=args.check)
    except ImportRefused as exc:
        print(f"reconnect: {exc}. Nothing was saved.", file=sys.stderr)
        return EXIT_USAGE
    print("\n".join(lines))
    return 0


def import_file(folder: Path, path: Path, *, dry_run: bool = False) -> list[str]:
    """Recognise and import one file. Raises ImportRefused, DataFileError."""
    if not path.is_file():
        raise ImportRefused(f"{path}: no such file")
    try:
        document = load_document(path)
    except DocumentError as exc:
        raise ImportRefused(str(exc)) from None
    except OSError as exc:
        raise ImportRefused(f"{path}: {exc.strerror or exc}") from None
    for importer in IMPORTERS:
        if importer.recognises(path, document):
            return importer.run(folder, path, document, dry_run)
    kinds = ", ".join(i.kind for i in IMPORTERS)
    raise ImportRefused(
        f"{path.name}: not a kind of file reconnect can import (it knows: {kinds}; "
        "a homework plan has a list of goals, see docs/homework-plan.md)"
    )
