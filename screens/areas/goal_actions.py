"""The goal screen's actions on the goal itself: change it, let it rest or resume, the
More menu (homework, done, let go, active again, delete)."""

from __future__ import annotations

from datetime import timedelta

from textual import work

from reconnect.logic import ladder
from reconnect.logic.day_format import day_format
from reconnect.logic.goal_words import FINISHED_WORDS, goal_choices
from reconnect.logic.goals import delete_goal, linked_connections
from reconnect.logic.removals import RecordRemoved
from reconnect.records.models import Goal, GoalStatus, Homework
from screens.areas.goal_base import GoalScreenBase
from screens.dialogs.choice_menu import ChoiceMenu
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.date_prompt import DatePrompt, Picked
from screens.write_guard import write_guard

# What editing a goal may change; the rest (steps, status, pauses) has its own actions.
EDITABLE_FIELDS = ("title", "why", "kind", "person_id", "weekly_target", "homework")


class GoalActions(GoalScreenBase):
    """Acts on the goal on show."""

    def action_edit_goal(self) -> None:
        from screens.dialogs.goal_form import GoalForm

        if self.goal is None:
            return

        def save(goal: Goal) -> None:
            self.save_goal_from_form(
                lambda fresh: fresh.model_copy(
                    update={k: getattr(goal, k) for k in EDITABLE_FIELDS}
                )
            )

        self.app.push_screen(
            GoalForm(self.store.people.all(), self.reconnect.today, self.goal, save=save)
        )

    def action_rest(self) -> None:
        if self.goal is None:
            return
        today = self.reconnect.today
        if ladder.is_paused(self.goal, today):
            if self._still_open(self.save_goal(lambda g: ladder.resume(g, today))):
                self.notify("Welcome back. The goal is active again.")
            return
        if self.goal.status is not GoalStatus.ACTIVE and self.goal.status is not GoalStatus.PAUSED:
            self.notify("This goal is finished; make it active again from More (x).")
            return
        prompt = DatePrompt(
            "Let this goal rest",
            "Illness, travel or a hard week: resting is part of the rhythm, not a failure. "
            "Weeks while it rests don't count toward its consistency.",
            today,
            label="Rest until",
            goal=self.goal.title,
            value=today + timedelta(days=7),
            earliest=today,
        )

        def picked(result: Picked | None) -> None:
            if result is not None and result.day is not None:
                day = result.day
                if self._still_open(self.save_goal(lambda g: ladder.pause(g, day, today))):
                    self.notify(
                        f"Resting until {day_format(day, '%a {day} %b')}. "
                        "It will be here when you're ready."
                    )

        self.app.push_screen(prompt, picked)

    def _still_open(self, saved: Goal | None) -> bool:
        """Whether a rest or resume took effect: a goal finished (or deleted) in another
        window meanwhile is left as it is, and the person is told so."""
        if saved is not None and saved.status not in ladder.FINISHED:
            return True
        gone = saved is None
        self.notify(
            "This goal was deleted elsewhere; nothing changed."
            if gone
            else "This goal was finished in another window; nothing changed.",
            severity="warning",
        )
        return False

    def action_more(self) -> None:
        if self.goal is None:
            return
        goal = self.goal

        def chosen(choice: str | None) -> None:
            today = self.reconnect.today
            if choice == "homework":
                self._review_homework()
            elif choice in ("done", "let_go", "active"):
                status = GoalStatus(choice)
                self.save_goal(lambda g: ladder.finish(g, status, today))
                self.notify(FINISHED_WORDS[choice])
            elif choice == "plan":
                self.action_plan_step()
            elif choice == "delete":
                self._confirm_delete()

        self.app.push_screen(ChoiceMenu(goal.title, goal_choices(goal), keys={"plan": "d"}), chosen)

    def _review_homework(self) -> None:
        from screens.dialogs.homework_review import HomeworkReview

        if self.goal is None or self.goal.homework is None:
            return

        def save(homework: Homework) -> None:
            self.save_goal_from_form(lambda g: g.model_copy(update={"homework": homework}))

        self.app.push_screen(HomeworkReview(self.goal.homework, self.goal.title, save=save))

    def _confirm_delete(self) -> None:
        if self.goal is None:
            return
        linked = len(linked_connections(self.store, self.goal_id))
        kept = (
            f"The {linked} connection{'s' if linked != 1 else ''} you logged for it stay in "
            "your log, just no longer linked to a goal."
            if linked
            else "Nothing in your log is linked to it."
        )

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.delete_in_background()

        self.app.push_screen(
            ConfirmDialog(
                f"Delete \u201c{self.goal.title}\u201d?",
                "Delete",
                title="Delete this goal?",
                note=f"{kept} Letting it go (x) keeps it in your history instead. "
                "u on the Goals list brings a deleted goal back.",
            ),
            confirmed,
        )

    @work(thread=True, exclusive=True, group="delete-goal")
    def delete_in_background(self) -> None:
        """Unlinking its log entries may touch many records: keep the UI responsive."""
        # The app's one store: its reads and writes hold its lock, so a worker may share it.
        with write_guard(self, "deleting this goal", in_worker=True) as guard:
            removal = delete_goal(self.store, self.goal_id)
        if not guard.failed:
            self.app.call_from_thread(self._deleted, removal)

    def _deleted(self, removal: RecordRemoved | None) -> None:
        # Back to the list first: `u` there (the Goals area's undo) brings it back.
        self.dismiss()
        self.offer_undo(removal, " Its log entries are kept.")
