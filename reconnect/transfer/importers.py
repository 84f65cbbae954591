"""The importer registry: backups, jrnl exports and homework plans, into a given Store.

Each kind of file is an Importer: `recognises` looks at the parsed document and `run`
imports it and returns an ImportResult saying what happened. Nothing is written unless
the whole file is valid. The shell (`reconnect import`) prints the result; the app shows
it. Both hand in their store and their idea of "now", so the app imports into its one
Store on its own day.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reconnect.logic.day_format import day_format
from reconnect.logic.plural import plural
from reconnect.transfer.documents import DocumentError, ImportRefused, load_document
from reconnect.transfer.import_kinds import KINDS
from reconnect.transfer.sealed_backup import SealedBackupRefused, open_sealed

if TYPE_CHECKING:  # the shell builds its parser from KINDS without loading the store
    from reconnect.settings import ResourceSetting
    from reconnect.store.store import Store

Progress = Callable[[int, int], None]


class PlanRefused(ImportRefused):
    """A homework plan with a mistake."""

    hint = (
        "Fix the file where it says and import it again: ctrl+o in the import form "
        "shows how a plan is written, field by field."
    )


@dataclass(frozen=True)
class ImportJob:
    store: Store
    path: Path
    document: Any
    now: datetime  # when imported goals count as made: the app's day, in the app
    dry_run: bool = False
    progress: Progress | None = None
    # The own people and places in Settings now; None when the caller cannot keep any
    # (a settings file it could not read): a backup's list is then only reported.
    own_resources: list[ResourceSetting] | None = None


@dataclass(frozen=True)
class ImportResult:
    """What one import did (or, checked only, would do)."""

    kind: str  # "backup", "jrnl" or "homework plan"
    summary: str  # the first line: what happened
    added: dict[str, int] = field(default_factory=dict)  # records added, by table
    skipped: dict[str, int] = field(default_factory=dict)  # already there, by table
    details: list[str] = field(default_factory=list)  # more lines: a plan's goals, a hint
    checked_only: bool = False
    shows_in: str | None = None  # the area (reconnect.areas name) where the new records are
    # A backup's own people and places for the caller to put into Settings (which had none).
    restore_resources: list[ResourceSetting] | None = None

    @property
    def lines(self) -> list[str]:
        """What the shell prints: ends by saying where to look in the app."""
        if self.shows_in is None:
            return [self.summary, *self.details]
        look = f"Open the {self.shows_in.title()} area (reconnect --open {self.shows_in})"
        return [self.summary, *self.details, f"{look} to see them."]

    @property
    def changed(self) -> bool:
        return not self.checked_only and any(self.added.values())


@dataclass(frozen=True)
class Importer:
    kind: str
    recognises: Callable[[Path, Any], bool]
    run: Callable[[ImportJob], ImportResult]


# --- homework plans --------------------------------------------------------------------


def _recognise_plan(path: Path, document: Any) -> bool:
    from reconnect.transfer.homework_plan import looks_like_plan

    # TOML is only ever a plan, so a TOML file with a mistake gets the plan's own message.
    return path.suffix.lower() == ".toml" or looks_like_plan(document)


def _run_plan(job: ImportJob) -> ImportResult:
    from reconnect.transfer.homework_plan import PlanError, import_plan, parse_plan

    name = job.path.name
    try:
        plan = parse_plan(job.document)
    except PlanError as exc:
        raise PlanRefused(_plan_problems(job.path, exc)) from None
    result = import_plan(job.store, plan, job.now, dry_run=job.dry_run)
    source = f"homework from {plan.assigned_by}" if plan.assigned_by else "homework"
    source += f", assigned {day_format(plan.assigned_on, '{day} %b %Y')}"
    lines: list[str] = []
    if result.added:
        verb = "Would import" if job.dry_run else "Imported"
        lines.append(f"{verb} {plural(len(result.added), 'goal')} from {name} ({source}):")
        for goal in result.added:
            steps = plural(len(goal.steps), "step")
            due = goal.homework.due_on if goal.homework else None
            due_words = f", due {day_format(due, '{day} %b')}" if due else ""
            lines.append(f"  • {goal.title} ({steps}{due_words})")
    if result.already:
        if result.added:
            lines.append(
                f"Already imported before, left as they are: "
                f"{', '.join(g.title for g in result.already)}."
            )
        else:
            lines.append(
                f"Nothing new: {name} was imported before, so nothing was added "
                "twice. Its goals are in the Goals area."
            )
    if job.dry_run:
        lines.append("Checked only (--check): nothing was saved.")
    return ImportResult(
        "homework plan",
        lines[0],
        added={} if job.dry_run else {"goals": len(result.added)},
        skipped={"goals": len(result.already)},
        details=lines[1:],
        checked_only=job.dry_run,
        shows_in="goals" if result.added and not job.dry_run else None,
    )


def _plan_problems(path: Path, error: Exception) -> str:
    """Every problem of a plan, each with its line in the file, in file order."""
    from reconnect.transfer.homework_plan import PlanError
    from reconnect.transfer.plan_lines import json_lines, line_of, toml_lines

    assert isinstance(error, PlanError)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):  # read a moment ago: places without lines then
        text = ""
    lines = json_lines(text) if path.suffix.lower() == ".json" else toml_lines(text)
    found = sorted(
        ((line_of(lines, p.loc), p.text) for p in error.problems),
        key=lambda item: (item[0] is None, item[0] or 0),
    )
    said = [f"line {n}: {text}" if n else text for n, text in found]
    head = f"{path.name} is not a valid homework plan"
    if len(said) == 1:
        return f"{head}: {said[0]}"
    return f"{head}; {len(said)} problems:\n" + "\n".join(f"  {line}" for line in said)


# --- backups and jrnl ------------------------------------------------------------------


def _recognise_backup(path: Path, document: Any) -> bool:
    from reconnect.transfer.backup import is_backup

    return is_backup(document)


def _run_backup(job: ImportJob) -> ImportResult:
    from reconnect.transfer.backup import merge, parse_backup, parse_resources

    name = job.path.name
    records = parse_backup(job.document, progress=job.progress)
    found = parse_resources(job.document)
    restore, said = _resources_plan(found, job.own_resources, job.dry_run)
    if job.dry_run:
        total = sum(len(items) for items in records.values())
        return ImportResult(
            "backup",
            f"{name} is a valid backup of {plural(total, 'record')}. Checked only: nothing saved.",
            details=said,
            checked_only=True,
        )
    merged = merge(job.store, records)
    return ImportResult(
        "backup",
        f"From {name}: " + merged.summary(),
        added=merged.added,
        skipped=merged.skipped,
        details=said,
        restore_resources=restore,
    )


def _resources_plan(
    found: list[ResourceSetting] | None,
    current: list[ResourceSetting] | None,
    dry_run: bool,
) -> tuple[list[ResourceSetting] | None, list[str]]:
    """What to put into Settings from a backup's own people and places, and the words.
    Only an empty list in Settings is filled: the person's current one is never replaced."""
    if not found:  # an older backup, or one saved with an empty list
        return None, []
    some = plural(len(found), "entry", "entries")
    if current is None:
        return None, [
            f"The backup holds your own people and places ({some}); they were not put "
            "into Settings because the settings file could not be read."
        ]
    if current == found:
        return None, ["Your own people and places in Settings already match the backup."]
    if current:
        return None, [
            f"The backup holds your own people and places ({some}); Settings already has "
            "its own list, so that was kept as it is. Add any you miss in Settings."
        ]
    if dry_run:
        return None, [f"Would put your own people and places ({some}) into Settings."]
    return found, [f"Put your own people and places ({some}) back into Settings; Help shows them."]


def _recognise_jrnl(path: Path, document: Any) -> bool:
    from reconnect.transfer.jrnl import is_jrnl

    return is_jrnl(document)


def _run_jrnl(job: ImportJob) -> ImportResult:
    from reconnect.transfer.backup import merge
    from reconnect.transfer.jrnl import parse_jrnl

    name = job.path.name
    reflections = parse_jrnl(job.document)
    if job.dry_run:
        return ImportResult(
            "jrnl",
            f"{name} holds {plural(len(reflections), 'jrnl entry', 'jrnl entries')}. "
            "Checked only: nothing saved.",
            checked_only=True,
        )
    merged = merge(job.store, {"reflections": reflections})
    added, skipped = merged.added["reflections"], merged.skipped["reflections"]
    line = f"From {name}: added {plural(added, 'jrnl entry', 'jrnl entries')} as reflections"
    return ImportResult(
        "jrnl",
        line + (f"; skipped {skipped} imported before." if skipped else "."),
        added=merged.added,
        skipped=merged.skipped,
    )


# Tried in order; the first that recognises the document imports it.
IMPORTERS: list[Importer] = [
    Importer("backup", _recognise_backup, _run_backup),
    Importer("jrnl", _recognise_jrnl, _run_jrnl),
    Importer("homework plan", _recognise_plan, _run_plan),
]


def import_file(
    store: Store,
    path: Path,
    *,
    now: datetime,
    dry_run: bool = False,
    kind: str | None = None,
    progress: Progress | None = None,
    own_resources: list[ResourceSetting] | None = None,
    ask_passphrase: Callable[[], str] | None = None,
) -> ImportResult:
    """Recognise (or, given `kind`, assume) what the file is and import it into `store`.

    Raises ImportRefused (nothing saved) or DataFileError. An encrypted backup opens
    with the store's own key when it is one of the folder's, else with the passphrase
    `ask_passphrase` gives (the shell asks; the app has none, and says so).
    """
    if path.is_dir():
        raise ImportRefused(f"{path} is a folder; give the file to import")
    if not path.exists():
        raise ImportRefused(f"{path}: no such file")
    try:
        document = load_document(
            path, lambda raw: open_sealed(raw, path, store.storage.key, ask_passphrase)
        )
    except (DocumentError, SealedBackupRefused) as exc:
        raise ImportRefused(str(exc)) from None
    except OSError as exc:
        raise ImportRefused(f"{path}: {exc.strerror or exc}") from None
    job = ImportJob(store, path, document, now, dry_run, progress, own_resources)
    if kind is not None:
        return next(i for i in IMPORTERS if i.kind == KINDS[kind]).run(job)
    for importer in IMPORTERS:
        if importer.recognises(path, document):
            return importer.run(job)
    kinds = ", ".join(i.kind for i in IMPORTERS)
    raise ImportRefused(
        f"{path.name}: not a kind of file reconnect can import (it knows: {kinds}; "
        "a homework plan has a list of goals)"
    )
