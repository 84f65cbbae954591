"""Add or change a group of one's own: name, kind, where and when it meets, its rhythm,
how it is going, and private notes."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.widgets import Input, Select

from reconnect.records.content import COMMUNITY_KINDS, GROUP_STATUS_LABELS, RHYTHM_LABELS
from reconnect.records.models import CommunityKind, Group, GroupStatus, Rhythm
from screens.dialogs.form_base import FormScreen
from widgets.field_check import ModelField

if TYPE_CHECKING:
    from reconnect.app import ReconnectApp


class GroupForm(FormScreen[Group]):
    def __init__(
        self, group: Group | None = None, *, save: Callable[[Group], object] | None = None
    ) -> None:
        super().__init__(save)
        self._group = group
        self.FORM_TITLE = f"Change {group.name}" if group else "A group you are trying"

    def _text(self, label: str, field: str, placeholder: str, hint: str = "") -> ComposeResult:
        value = getattr(self._group, field) if self._group else ""
        yield from self.row(
            label,
            Input(
                value,
                placeholder=placeholder,
                id=field,
                validators=[ModelField(Group, field)],
                compact=True,
            ),
            hint=hint,
        )

    def _pick(self, label: str, field: str, choices: list[tuple[str, object]]) -> ComposeResult:
        default = Group.model_fields[field].default
        value = getattr(self._group, field) if self._group else default
        yield from self.row(
            label, Select(choices, value=value, allow_blank=False, id=field, compact=True)
        )

    def compose_fields(self) -> ComposeResult:
        yield from self._text("Name", "name", "e.g. Tuesday peer support")
        kinds = [(k.name, CommunityKind(k.id)) for k in COMMUNITY_KINDS]
        yield from self._pick("Kind", "kind", kinds)  # type: ignore[arg-type]
        yield from self._text("Where", "where", "e.g. library room 2, or online")
        yield from self._text("When", "when", "e.g. Tuesdays 18:30")
        rhythms = [(RHYTHM_LABELS[r.value], r) for r in Rhythm]
        yield from self._pick("Meets", "rhythm", rhythms)  # type: ignore[arg-type]
        statuses = [(GROUP_STATUS_LABELS[s.value], s) for s in GroupStatus]
        yield from self._pick("For now", "status", statuses)  # type: ignore[arg-type]
        yield from self._text("Notes", "notes", "just for you", hint="Private: never in the report")

    def build(self) -> Group:
        fields = {
            **{f: self.query_one(f"#{f}", Input).value for f in ("name", "where", "when", "notes")},
            **{f: self.query_one(f"#{f}", Select).value for f in ("kind", "rhythm", "status")},
        }
        if self._group is None:
            return Group(created_at=self.reconnect.now(), **fields)  # type: ignore[arg-type]
        return Group.model_validate({**self._group.model_dump(), **fields})


def edit_group(app: ReconnectApp, group: Group, changed: Callable[[], None]) -> None:
    """Open the form on `group` (from the list or its page alike); `changed` after a save.
    A group deleted meanwhile (another window) is not written back."""
    store = app.store

    def save(edited: Group) -> None:
        if store.groups.get(edited.id) is None:
            raise ValueError(f"{edited.name} is no longer here; nothing was saved.")
        store.groups.update(edited)

    def saved(edited: Group | None) -> None:
        if edited is not None:
            changed()

    app.push_screen(GroupForm(group, save=save), saved)
