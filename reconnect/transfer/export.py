"""One place that writes every export, for the shell command and the app alike.

The caller hands in its store: the shell opens one, the app passes its own (from a
worker thread; the store's reads and writes hold its lock).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from reconnect.logic.plural import plural

if TYPE_CHECKING:  # the shell reads DEFAULTS before it opens a store: keep this light
    from reconnect.settings import ResourceSetting
    from reconnect.store.folder_key import FolderKey, KeyFile
    from reconnect.store.store import Store

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class FormatDefaults:
    """What an export in one format does unless told otherwise. The app's export form
    and `reconnect export` both read these, so the two never disagree."""

    include_private: bool  # a backup holds everything; what is shared leaves them out
    output_suffix: str  # the default file name's ending: reconnect-2026-11-21<suffix>
    report: bool = False  # a session report, for a period


DEFAULTS: dict[str, FormatDefaults] = {
    "md": FormatDefaults(include_private=False, output_suffix=".md", report=True),
    "html": FormatDefaults(include_private=False, output_suffix=".html", report=True),
    "csv": FormatDefaults(include_private=False, output_suffix="-csv"),
    "json": FormatDefaults(include_private=True, output_suffix="-backup.json"),
    "ics": FormatDefaults(include_private=False, output_suffix="-steps.ics"),
}
FORMATS = tuple(DEFAULTS)
# The default period of a session report: the last four weeks.
DEFAULT_REPORT_DAYS = 28


def default_output(fmt: str, today: date) -> Path:
    stem = "reconnect-report" if DEFAULTS[fmt].report else "reconnect"
    return Path(f"{stem}-{today.isoformat()}{DEFAULTS[fmt].output_suffix}")


def output_problem(fmt: str, output: Path) -> str | None:
    """Why an export in `fmt` cannot go to `output`, in words for a line of their own
    (after "reconnect export: ", or under the form's field), or None. Checked before
    anything is written, by the shell and the app alike: a missing folder above it is a
    typo to mend, never one to make."""
    try:
        if fmt == "csv" and output.exists() and not output.is_dir():
            return f"{output} is a file; give a folder for csv"
        if fmt != "csv" and output.is_dir():
            return f"{output} is a folder; give a file name"
        folder = output.parent
        if not folder.exists():
            return f"the folder {folder} does not exist: create it first or choose another"
        if not folder.is_dir():
            return f"{folder} is a file, not a folder: choose another place"
    except OSError as exc:  # a folder above it we may not look into
        return f"cannot reach {output} ({exc.strerror or exc}); choose another place"
    return None


@dataclass
class ExportResult:
    fmt: str
    path: Path
    records: int = 0
    private_left_out: int = 0
    files: list[Path] = field(default_factory=list)
    sealed: bool = False  # a json backup encrypted with a passphrase

    def summary(self, private_hint: str = "--include-private to add them") -> str:
        what = {
            "md": "Session report",
            "html": "Session report",
            "csv": plural(len(self.files), "CSV file"),
            "json": f"Backup of {'all ' if self.records != 1 else ''}"
            f"{plural(self.records, 'record')}",
            "ics": f"Calendar of {plural(self.records, 'planned step')}",
        }[self.fmt]
        line = f"{what} written to {self.path}"
        if self.sealed:
            line += " (encrypted: it opens with your passphrase)"
        elif self.fmt == "json" and not self.private_left_out:
            line += " (private reflections included: readable by you alone, keep it private)"
        if self.private_left_out:
            left_out = plural(self.private_left_out, "private reflection")
            line += f"; {left_out} left out ({private_hint})"
        return line + "."


def export(
    store: Store,
    fmt: str,
    output: Path,
    *,
    start: date,
    end: date,
    include_private: bool | None = None,
    first_day: int = 0,
    progress: Progress | None = None,
    resources: Sequence[ResourceSetting] = (),
    seal_with: tuple[FolderKey, KeyFile] | None = None,
) -> ExportResult:
    """Write `fmt` to `output`. include_private None: the format's default (DEFAULTS).
    `resources`, the person's own people and places from Settings, go into a backup and
    a CSV export alike. `seal_with` (a json backup only): a key and the key file wrapping
    it, carried in the backup so that it opens with that passphrase alone."""
    if include_private is None:
        include_private = DEFAULTS[fmt].include_private
    from reconnect.store.atomic import atomic_write, remove_stale_temp_files

    # An earlier export stopped by a full disk or a crash may have left its temp copy.
    remove_stale_temp_files(output if fmt == "csv" else output.parent)
    result = ExportResult(fmt, output)
    if fmt in ("md", "html"):
        from reconnect.transfer.report import build_report, render_html, render_markdown

        report = build_report(
            store, start, end, include_private=include_private, first_day=first_day
        )
        text = render_markdown(report) if fmt == "md" else render_html(report)
        atomic_write(output, text.encode("utf-8"))
        result.private_left_out = report.private_left_out
        return result
    from reconnect.transfer.backup import collect

    records, result.private_left_out = collect(store, include_private, progress=progress)
    if fmt == "json":
        from reconnect.transfer.backup import backup_bytes

        data = backup_bytes(records, resources)
        if seal_with is not None:
            from reconnect.store.sealing import seal

            data = seal(data, seal_with[0], envelope=seal_with[1])
            result.sealed = True
        atomic_write(output, data)
        result.records = sum(len(items) for items in records.values())
    elif fmt == "csv":
        from reconnect.transfer.csv_export import write_csv_folder

        result.files = write_csv_folder(output, records, resources)
    elif fmt == "ics":
        from reconnect.records.models import Goal
        from reconnect.transfer.ics_export import steps_calendar

        goals = [g for g in records["goals"] if isinstance(g, Goal)]
        atomic_write(output, steps_calendar(goals))
        result.private_left_out = 0  # a calendar holds no reflections
        result.records = sum(1 for g in goals for s in g.steps if s.planned_on and not s.done)
    return result
