"""Open the export and import dialogs and run what they ask for (palette, Review)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from reconnect.cli.import_command import import_file
from reconnect.transfer.export import export
from screens.dialogs.export_form import ExportForm, ExportRequest
from screens.dialogs.import_form import ImportForm
from screens.dialogs.transfer import Progress, TransferScreen

if TYPE_CHECKING:
    from reconnect.app import ReconnectApp


def start_export(app: ReconnectApp, end: date | None = None) -> None:
    """Ask what to export, then write it with a progress bar."""
    first_day = app.settings.first_day_of_week

    def run(request: ExportRequest | None) -> None:
        if request is None:
            return

        def job(folder: Path, progress: Progress) -> list[str]:
            result = export(
                folder,
                request.fmt,
                request.output,
                start=request.start,
                end=request.end,
                include_private=request.include_private,
                first_day=first_day,
                progress=progress,
            )
            return [result.summary(private_hint="tick Include private reflections to add them")]

        app.push_screen(TransferScreen("Exporting", job))

    app.push_screen(ExportForm(end or app.today), run)


def start_import(app: ReconnectApp) -> None:
    """Ask for a file, then import it with a progress bar."""

    def run(path: Path | None) -> None:
        if path is None:
            return

        def job(folder: Path, progress: Progress) -> list[str]:
            return import_file(folder, path, progress=progress)

        app.push_screen(TransferScreen("Importing", job))

    app.push_screen(ImportForm(), run)
