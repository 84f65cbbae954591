"""Make or change a goal: what, why, which practice, who, how often, and homework."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Checkbox, Input, Select, Static, TextArea

from reconnect.logic.starter_steps import kind_ladder, starter_steps
from reconnect.records.content import GOAL_KIND_HINTS, GOAL_KIND_LABELS, CommunityKindInfo
from reconnect.records.models import Goal, GoalKind, Homework, Person
from screens.dialogs.form_base import FormScreen
from widgets.field_check import ModelField, as_int, date_parser
from widgets.tick_box import TickBox

# Shown under the kind while it is "Join a community": the key to the guide.
COMMUNITY_NOTE = "ctrl+o: the kinds of community, and what to expect"


class GoalForm(FormScreen[Goal]):
    BINDINGS = [
        Binding("ctrl+o", "community_guide", "Community guide", key_display="^o"),
    ]

    def __init__(
        self,
        people: list[Person],
        today: date,
        goal: Goal | None = None,
        *,
        title: str = "",
        kind: GoalKind = GoalKind.REACH_OUT,
        person_id: str | None = None,
        save: Callable[[Goal], object] | None = None,
    ) -> None:
        super().__init__(save)
        self._people = people
        self._today = today
        self._goal = goal
        self._defaults = {"title": title, "kind": kind, "person_id": person_id}
        self.FORM_TITLE = "Change this goal" if goal else "A new goal"
        self._parse_date = date_parser(today)
        # Homework is handed out in a session already held: "mon" is the one just gone.
        self._parse_assigned = date_parser(today, latest=today)
        self._suggested = ""  # the last title the community guide put in

    def _value(self, field: str) -> Any:
        return getattr(self._goal, field) if self._goal else self._defaults.get(field)

    def compose_fields(self) -> ComposeResult:
        goal = self._goal
        homework = goal.homework if goal else None
        yield from self.row(
            "Goal",
            Input(
                self._value("title") or "",
                placeholder="e.g. Text Maya every week",
                id="title",
                validators=[ModelField(Goal, "title")],
                compact=True,
            ),
        )
        yield from self.row(
            "Why it matters", TextArea(goal.why if goal else "", id="why", compact=True)
        )
        kind = self._value("kind") or GoalKind.REACH_OUT
        yield from self.row(
            "Kind",
            Select(
                [(GOAL_KIND_LABELS[k.value], k) for k in GoalKind],
                value=kind,
                allow_blank=False,
                id="kind",
                compact=True,
            ),
            hint=GOAL_KIND_HINTS[kind.value],
        )
        if self._goal is None:
            # Only a new goal starts from the ladder: an existing one keeps its steps.
            note = Static(self._ladder_note(kind), id="ladder-note", classes="hint")
            note.display = bool(kind_ladder(kind))
            yield note
        guide_note = Static(COMMUNITY_NOTE, id="community-note", classes="hint")
        guide_note.display = kind is GoalKind.JOIN_COMMUNITY
        yield guide_note
        person_id = self._value("person_id")
        people = [p for p in self._people if not p.archived or p.id == person_id]
        yield from self.row(
            "Person",
            Select(
                [(p.name, p.id) for p in sorted(people, key=lambda p: p.name.casefold())],
                value=person_id if person_id else Select.NULL,
                prompt="nobody in particular",
                id="person",
                compact=True,
            ),
        )
        yield from self.row(
            "Times a week",
            Input(
                str(goal.weekly_target if goal else 0),
                id="weekly-target",
                validators=[ModelField(Goal, "weekly_target", parse=as_int)],
                compact=True,
            ),
            hint="0 means no weekly rhythm; steadiness needs one",
        )
        yield TickBox(
            "Homework from a therapist", homework is not None, id="is-homework", compact=True
        )
        with Vertical(id="homework") as box:
            box.display = homework is not None
            box.styles.height = "auto"
            yield from self.row(
                "Assigned by",
                Input(
                    homework.assigned_by if homework else "",
                    placeholder="e.g. Dr. Lee",
                    id="assigned-by",
                    validators=[ModelField(Homework, "assigned_by")],
                    compact=True,
                ),
            )
            yield from self.row(
                "Assigned on",
                Input(
                    (homework.assigned_on if homework else self._today).isoformat(),
                    id="assigned-on",
                    validators=[ModelField(Homework, "assigned_on", parse=self._parse_assigned)],
                    compact=True,
                ),
            )
            due = homework.due_on if homework else None
            yield from self.row(
                "Due on",
                Input(
                    due.isoformat() if due else "",
                    placeholder="optional: 2026-12-02, +7",
                    id="due-on",
                    validators=[
                        ModelField(Homework, "due_on", parse=self._parse_date, optional=True)
                    ],
                    compact=True,
                ),
            )
            yield from self.row(
                "Instructions",
                TextArea(
                    homework.instructions if homework else "", id="instructions", compact=True
                ),
            )
            yield TickBox(
                "Talk about it in the next session",
                homework.discuss_in_session if homework else True,
                id="discuss",
                compact=True,
            )

    @staticmethod
    def _ladder_note(kind: GoalKind) -> str:
        count = len(kind_ladder(kind))
        return f"{count} steps filled in, easiest first; edit or drop any" if count else ""

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "kind" and isinstance(event.value, GoalKind):
            self.query_one("#kind-hint", Static).update(GOAL_KIND_HINTS[event.value.value])
            for note in self.query("#ladder-note").results(Static):
                note.update(self._ladder_note(event.value))
                note.display = bool(kind_ladder(event.value))
            community = event.value is GoalKind.JOIN_COMMUNITY
            self.query_one("#community-note").display = community

    def action_community_guide(self) -> None:
        """The guide from the form: a kind chosen there becomes this goal's kind and,
        over an empty or suggested title, its title."""
        from screens.dialogs.community_guide import CommunityGuide, try_title

        def chosen(info: CommunityKindInfo | None) -> None:
            if info is None:
                return
            title = self.query_one("#title", Input)
            # Never over words the person wrote: only an empty or suggested title.
            if title.value.strip() in ("", self._defaults["title"], self._suggested):
                title.value = self._suggested = try_title(info)
            self.query_one("#kind", Select).value = GoalKind.JOIN_COMMUNITY

        self.app.push_screen(CommunityGuide("Use it for this goal"), chosen)

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        if event.checkbox.id == "is-homework":
            self.query_one("#homework").display = event.value

    def build(self) -> Goal:
        text = {i.id: i.value for i in self.query(Input) if i.id}
        person = self.query_one("#person", Select).value
        fields: dict[str, Any] = {
            "title": text["title"],
            "why": self.query_one("#why", TextArea).text,
            "kind": self.query_one("#kind", Select).value,
            "person_id": None if person is Select.NULL else person,
            "weekly_target": as_int(text["weekly-target"]),
            "homework": None,
        }
        if self.query_one("#is-homework", Checkbox).value:
            old = self._goal.homework if self._goal else None
            fields["homework"] = Homework(
                assigned_by=text["assigned-by"],
                assigned_on=self._parse_assigned(text["assigned-on"]),
                due_on=self._parse_date(text["due-on"]) if text["due-on"].strip() else None,
                instructions=self.query_one("#instructions", TextArea).text,
                discuss_in_session=self.query_one("#discuss", Checkbox).value,
                outcome=old.outcome if old else None,
                obstacles=old.obstacles if old else "",
            )
        if self._goal is None:
            steps = starter_steps(fields["kind"])
            return Goal(created_at=self.reconnect.now(), steps=steps, **fields)
        return Goal.model_validate({**self._goal.model_dump(), **fields})
