"""Open the export and import dialogs and run what they ask for (palette, Review, Goals).

One flow each, on the app's one Store and the app's day: the palette's "Import a file"
and Goals' `i` (a homework plan) both come here.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from reconnect.areas import AREAS_BY_NAME
from reconnect.transfer.export import export
from reconnect.transfer.importers import import_file
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.export_form import ExportForm, ExportRequest
from screens.dialogs.import_form import ImportForm
from screens.dialogs.transfer import Progress, TransferScreen

if TYPE_CHECKING:
    from reconnect.app import ReconnectApp
    from reconnect.store.folder_key import FolderKey, KeyFile


def start_export(app: ReconnectApp, end: date | None = None) -> None:
    """Ask what to export, then write it with a progress bar."""
    first_day = app.settings.first_day_of_week
    resources = app.settings.resources  # a backup and a CSV carry the person's own list

    def run(request: ExportRequest | None) -> None:
        if request is None:
            return
        # An encrypted folder's backup is sealed with its passphrase; a report is plain
        # text by nature, so the person is asked before one is written.
        seal_with = app.store.backup_seal() if request.fmt == "json" else None
        if app.store.encrypted and seal_with is None:
            app.push_screen(
                ConfirmDialog(
                    f"Your data is encrypted, but a {request.fmt} file is plain text: "
                    "anyone who opens it can read it.",
                    yes="Write it",
                    no="Don't write it",
                    title="A plain copy",
                    note="Keep it somewhere private, and delete it when you are done.",
                ),
                lambda yes: write(request, None) if yes else None,
            )
            return
        write(request, seal_with)

    def write(request: ExportRequest, seal_with: tuple[FolderKey, KeyFile] | None) -> None:
        def job(progress: Progress) -> list[str]:
            result = export(
                app.store,
                request.fmt,
                request.output,
                start=request.start,
                end=request.end,
                include_private=request.include_private,
                first_day=first_day,
                progress=progress,
                resources=resources,
                seal_with=seal_with,
            )
            return [result.summary(private_hint="tick Include private reflections to add them")]

        app.push_screen(TransferScreen(("Exporting…", "Exported", "Not exported"), job))

    app.push_screen(ExportForm(end or app.today), run)


def start_import(app: ReconnectApp, kind: str | None = None) -> None:
    """Ask for a file, import it into the app's store with a progress bar, then show
    every area afresh. `kind` ("plan", …) says what the file must be."""

    here = app.current_mode  # no "open Goals" when the import starts from Goals

    def run(path: Path | None) -> None:
        if path is None:
            return
        now = app.now()  # read on the UI thread: the app's day, as the file is chosen
        own = list(app.settings.resources)  # the in-memory list: kept or not, it is in use

        def job(progress: Progress) -> list[str]:
            result = import_file(
                app.store, path, now=now, kind=kind, progress=progress, own_resources=own
            )
            lines = [result.summary, *result.details]
            if result.restore_resources:
                # Settings belong to the UI thread; a warning says if the file was not kept.
                warning = app.call_from_thread(
                    app.change_settings, resources=result.restore_resources
                )
                if warning:
                    lines.append(warning)
            if result.shows_in is not None and result.shows_in != here:
                area = AREAS_BY_NAME[result.shows_in]
                lines.append(f"Press {area.key} to open {area.title} and see them.")
            return lines

        def after(imported: bool | None) -> None:
            app.publish_data_changed()
            if not imported:  # "fix the file and import it again": the form is back
                app.push_screen(ImportForm(kind, str(path)), run)

        app.push_screen(TransferScreen(("Importing…", "Imported", "Not imported"), job), after)

    app.push_screen(ImportForm(kind), run)
