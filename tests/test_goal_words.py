"""A goal's screen in plain words: step marks and days, the discomfort verdict, menus."""

from __future__ import annotations

from datetime import UTC, date, datetime

from reconnect.logic import goal_words
from reconnect.records.models import Goal, GoalStatus, Homework, Step

NOW = datetime(2026, 11, 21, 12, tzinfo=UTC)


def test_a_step_shows_where_it_stands_and_when() -> None:
    done = Step(title="Say hello", done_at=NOW, actual_discomfort=2)
    planned = Step(title="Ask a question", planned_on=date(2026, 11, 26))
    later = Step(title="Suggest coffee")
    assert [goal_words.step_mark(s, planned) for s in (done, planned, later)] == ["✓", "→", "·"]
    assert goal_words.step_mark(later, None) == "·"
    assert goal_words.step_when(done) == "done 21 Nov"
    assert goal_words.step_when(planned) == "plan Thu 26"
    assert goal_words.step_when(later) == ""


def test_the_verdict_follows_expected_against_felt() -> None:
    assert goal_words.discomfort_verdict(2.0).startswith("The fear was bigger")
    assert goal_words.discomfort_verdict(-0.5).startswith("Harder than expected")
    assert goal_words.discomfort_verdict(0.4).startswith("About as expected")


def test_menus_offer_what_fits_the_step_and_the_goal() -> None:
    assert goal_words.step_choices(Step(title="a"))[0][0] == "complete"
    assert goal_words.step_choices(Step(title="a", done_at=NOW))[0][0] == "reopen"
    goal = Goal(created_at=NOW, title="Book club")
    assert [c for c, _ in goal_words.goal_choices(goal)] == ["done", "let_go", "plan", "delete"]
    homework = Homework(assigned_on=date(2026, 11, 18))
    finished = goal.model_copy(update={"status": GoalStatus.DONE, "homework": homework})
    choices = [c for c, _ in goal_words.goal_choices(finished)]
    assert choices == ["homework", "active", "plan", "delete"]
    assert set(goal_words.FINISHED_WORDS) == {"done", "let_go", "active"}
