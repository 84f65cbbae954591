"""Add or change one entry of a short list in Settings: a crisis line (where it serves,
how to reach it) or one of the person's own people and places (who, how to reach)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from pydantic import BaseModel
from textual.app import ComposeResult
from textual.widgets import Input

from reconnect.settings import CrisisLineSetting, ResourceSetting
from screens.dialogs.form_base import FormScreen
from widgets.field_check import ModelField

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class EntryField:
    name: str  # the model's field, and the Input's id
    label: str
    placeholder: str
    hint: str = ""


class EntryForm(FormScreen[M], Generic[M]):
    """One entry of two short fields, each checked by the model as it is typed."""

    MODEL: type[M]
    FIELDS: tuple[EntryField, ...] = ()
    NEW_TITLE = ""

    def __init__(self, entry: M | None = None) -> None:
        super().__init__()
        self._entry = entry
        self.FORM_TITLE = self.change_title(entry) if entry else self.NEW_TITLE

    def change_title(self, entry: M) -> str:
        return self.NEW_TITLE

    def compose_fields(self) -> ComposeResult:
        for field in self.FIELDS:
            yield from self.row(
                field.label,
                Input(
                    str(getattr(self._entry, field.name)) if self._entry else "",
                    placeholder=field.placeholder,
                    id=field.name,
                    validators=[ModelField(self.MODEL, field.name)],
                    compact=True,
                ),
                hint=field.hint,
            )

    def build(self) -> M:
        return self.MODEL(
            **{f.name: self.query_one(f"#{f.name}", Input).value.strip() for f in self.FIELDS}
        )


class CrisisLineForm(EntryForm[CrisisLineSetting]):
    MODEL = CrisisLineSetting
    NEW_TITLE = "A crisis line"
    FIELDS = (
        EntryField("region", "Where", "a country or region, e.g. New Zealand"),
        EntryField(
            "text",
            "How to reach",
            "e.g. Need to talk? call or text 1737",
            hint="A number or service you could reach at any hour",
        ),
    )

    def change_title(self, entry: CrisisLineSetting) -> str:
        return f"Change the line for {entry.region}"


class ResourceForm(EntryForm[ResourceSetting]):
    MODEL = ResourceSetting
    NEW_TITLE = "One of your own people or places"
    FIELDS = (
        EntryField("name", "Who or what", "e.g. my therapist, the Tuesday group, 2-1-1"),
        EntryField(
            "reach",
            "How to reach",
            "e.g. call 555 0134, weekdays 9 to 5",
            hint="A number, an address or when they meet: whatever you would need",
        ),
    )

    def change_title(self, entry: ResourceSetting) -> str:
        return f"Change {entry.name}"
