"""The goal screen's step actions: the menu of a step, add, change, complete (and log
its connection in the same move), plan for a day, move along the ladder, remove."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import DataTable

from reconnect.logic import ladder
from reconnect.logic.goal_words import step_choices
from reconnect.logic.goals import complete_step_and_log, remove_step
from reconnect.logic.people import counterpart_for
from reconnect.logic.removals import Removal, StepRemoved
from reconnect.records.models import Step
from screens.areas.goal_base import GoalScreenBase
from screens.dialogs.choice_menu import ChoiceMenu
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.date_prompt import DatePrompt, Picked
from screens.dialogs.step_done import StepDone, StepDoneForm
from screens.write_guard import write_guard


class StepActions(GoalScreenBase):
    """Acts on the step under the ladder's cursor (the highlighted one)."""

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        step = self.selected_step()
        if step is None:
            self.action_add_step()
            return
        handlers: dict[str, Callable[[], None]] = {
            "reopen": lambda: self.save_goal(lambda g: ladder.reopen_step(g, step.id)) and None,
            "complete": self.action_complete_step,
            "plan": self.action_plan_step,
            "edit": self._edit_step,
            "up": lambda: self.action_move_step(-1),
            "down": lambda: self.action_move_step(1),
            "remove": self.action_remove_step,
        }

        def chosen(choice: str | None) -> None:
            if choice in handlers:
                handlers[choice]()

        self.app.push_screen(ChoiceMenu(step.title, step_choices(step)), chosen)

    def action_add_step(self) -> None:
        from screens.dialogs.step_form import StepForm

        def save(step: Step) -> None:
            self.save_goal_from_form(lambda g: ladder.add_step(g, step))

        def saved(step: Step | None) -> None:
            if step is not None:
                self.ladder.select_step(step.id)

        goal = self.goal.title if self.goal else ""
        kind = self.goal.kind if self.goal else None
        self.app.push_screen(StepForm(self.reconnect.today, goal, kind=kind, save=save), saved)

    def _edit_step(self) -> None:
        from screens.dialogs.step_form import StepForm

        step = self.selected_step()
        if step is None:
            return

        def save(edited: Step) -> None:
            self.save_goal_from_form(lambda g: ladder.replace_step(g, edited))

        def saved(edited: Step | None) -> None:
            if edited is not None:
                self.ladder.select_step(edited.id)

        goal = self.goal.title if self.goal else ""
        kind = self.goal.kind if self.goal else None
        form = StepForm(self.reconnect.today, goal, step, kind=kind, save=save)
        self.app.push_screen(form, saved)

    def action_complete_step(self) -> None:
        """The highlighted step, and only that one: the footer says so."""
        step = self.selected_step()
        if self.goal is None:
            return
        if step is None:
            self.notify("No steps yet: add the smallest one (a).")
            return
        if step.done:
            self.notify(
                "That step is done already. Move to one not done (→ marks the next), "
                "or choose it with enter to mark it not done."
            )
            return
        goal = self.goal
        person = self.store.people.get(goal.person_id) if goal.person_id else None

        def save(result: StepDone) -> None:
            """In the form: a save that cannot happen leaves it open with the words."""
            entry = result.entry
            try:
                completed = complete_step_and_log(
                    self.store,
                    goal.id,
                    step.id,
                    actual=result.actual,
                    note=result.note,
                    at=result.at,
                    connection=entry.connection if entry else None,
                    who=entry.who if entry else None,
                )
            except KeyError:
                self.reload()
                raise ValueError("That step is no longer there; nothing was saved.") from None
            message = f"You expected {step.predicted_discomfort}/10; it felt {result.actual}/10."
            logged = completed.logged
            if logged is not None and logged.new_person is not None:
                message += f" {logged.new_person.name} was added to People."
            title = "Step done and the connection logged." if logged else "Step done."
            self.notify(message, title=title)
            self.show_change()

        form = StepDoneForm(step, counterpart_for(person, goal.kind), goal.person_id, save=save)
        self.app.push_screen(form)

    def show_restored(self, removal: Removal) -> None:
        if isinstance(removal, StepRemoved) and removal.goal_id == self.goal_id:
            self.ladder.select_step(removal.step.id)

    def action_plan_step(self) -> None:
        step = self.selected_step()
        if step is None:
            return
        prompt = DatePrompt(
            "Plan a day",
            f"When will you do \u201c{step.title}\u201d?",
            self.reconnect.today,
            label="Do it on",
            goal=self.goal.title if self.goal else None,
            value=step.planned_on,
            optional=True,
        )

        def picked(result: Picked | None) -> None:
            if result is not None:
                self.save_goal(lambda g: ladder.plan_step(g, step.id, result.day))

        self.app.push_screen(prompt, picked)

    def action_move_step(self, offset: int) -> None:
        step = self.selected_step()
        if step is None:
            return
        saved = self.save_goal(lambda g: ladder.move_step(g, step.id, offset))
        if saved is None:
            return
        self.ladder.select_step(step.id)
        moved = next(s for s in saved.steps if s.id == step.id)
        if moved.difficulty != step.difficulty:
            self.notify(
                f"Its difficulty is now {moved.difficulty}, to match its place on the ladder."
            )

    def action_remove_step(self) -> None:
        step = self.selected_step()
        if step is None:
            return

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            with write_guard(self, "removing the step") as guard:
                removal = remove_step(self.store, self.goal_id, step.id)
            if not guard.failed:
                self.offer_undo(removal)

        self.app.push_screen(
            ConfirmDialog(
                f"Remove \u201c{step.title}\u201d?",
                "Remove",
                title="Remove this step?",
                note="Connections logged for it stay in your log. u brings it back.",
            ),
            confirmed,
        )
