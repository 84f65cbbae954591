"""Add or change one crisis line: where it serves, and how to reach it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input

from reconnect.settings import CrisisLineSetting
from screens.dialogs.form_base import FormScreen
from widgets.field_check import ModelField


class CrisisLineForm(FormScreen[CrisisLineSetting]):
    def __init__(self, line: CrisisLineSetting | None = None) -> None:
        super().__init__()
        self._line = line
        self.FORM_TITLE = f"Change the line for {line.region}" if line else "A crisis line"

    def compose_fields(self) -> ComposeResult:
        line = self._line
        yield from self.row(
            "Where",
            Input(
                line.region if line else "",
                placeholder="a country or region, e.g. New Zealand",
                id="region",
                validators=[ModelField(CrisisLineSetting, "region")],
                compact=True,
            ),
        )
        yield from self.row(
            "How to reach",
            Input(
                line.text if line else "",
                placeholder="e.g. Need to talk? call or text 1737",
                id="text",
                validators=[ModelField(CrisisLineSetting, "text")],
                compact=True,
            ),
            hint="A number or service you could reach at any hour",
        )

    def build(self) -> CrisisLineSetting:
        return CrisisLineSetting(
            region=self.query_one("#region", Input).value.strip(),
            text=self.query_one("#text", Input).value.strip(),
        )
