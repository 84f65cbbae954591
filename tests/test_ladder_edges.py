"""Edges of the ladder and the goal pause life cycle (mutation testing, issue 18)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from reconnect.logic import ladder
from reconnect.records.models import Goal, GoalStatus, Pause, Step

NOW = datetime(2026, 11, 21, 12, tzinfo=UTC)
TODAY = date(2026, 11, 21)


def _goal(*steps: tuple[str, int]) -> Goal:
    goal = Goal(created_at=NOW, title="Reach out to Maya")
    for title, difficulty in steps:
        goal = ladder.add_step(goal, Step(title=title, difficulty=difficulty))
    return goal


def _ladder(goal: Goal) -> list[tuple[str, int]]:
    return [(s.title, s.difficulty) for s in goal.steps]


def _spans(goal: Goal) -> list[tuple[date, date]]:
    return [(p.start, p.until) for p in goal.pauses]


def test_moving_the_bottom_step_down_or_the_top_step_up_changes_nothing() -> None:
    goal = _goal(("easy", 1), ("hard", 5))
    assert ladder.move_step(goal, goal.steps[1].id, +1) == goal
    assert ladder.move_step(goal, goal.steps[0].id, -1) == goal


def test_moving_by_nothing_changes_nothing() -> None:
    # Offset 0 used to move the step up taking the harder difficulty: not easiest first.
    goal = _goal(("easy", 1), ("hard", 5))
    assert ladder.move_step(goal, goal.steps[1].id, 0) == goal
    with pytest.raises(KeyError):
        ladder.move_step(goal, "nope", 0)


def test_any_positive_offset_moves_one_rung_down_any_negative_one_up() -> None:
    goal = _goal(("a", 1), ("b", 3), ("c", 5))
    assert _ladder(ladder.move_step(goal, goal.steps[1].id, 2)) == [("a", 1), ("c", 5), ("b", 5)]
    assert _ladder(ladder.move_step(goal, goal.steps[1].id, -2)) == [("b", 1), ("a", 1), ("c", 5)]


def test_moving_down_past_a_harder_step_takes_its_difficulty() -> None:
    goal = _goal(("easy", 1), ("middle", 4), ("hard", 7))
    goal = ladder.move_step(goal, goal.steps[0].id, +1)
    assert _ladder(goal) == [("middle", 4), ("easy", 4), ("hard", 7)]
    goal = ladder.move_step(goal, goal.steps[1].id, +1)
    assert _ladder(goal) == [("middle", 4), ("hard", 7), ("easy", 7)]


def test_moving_up_past_an_easier_step_takes_its_difficulty() -> None:
    goal = _goal(("easy", 1), ("hard", 7))
    goal = ladder.move_step(goal, goal.steps[1].id, -1)
    assert _ladder(goal) == [("hard", 1), ("easy", 1)]


def test_an_unknown_step_is_a_key_error_naming_step_and_goal() -> None:
    goal = _goal(("easy", 1))
    with pytest.raises(KeyError, match=f"^'no step nope in goal {goal.id}'$"):
        ladder.move_step(goal, "nope", +1)


def test_replacing_a_step_at_the_same_difficulty_keeps_its_place() -> None:
    goal = _goal(("a", 1), ("b", 1), ("c", 1))
    renamed = goal.steps[1].model_copy(update={"title": "B"})
    assert _ladder(ladder.replace_step(goal, renamed)) == [("a", 1), ("B", 1), ("c", 1)]


def test_reopening_clears_the_rating_and_the_day_but_keeps_the_note() -> None:
    goal = _goal(("call", 2))
    step_id = goal.steps[0].id
    goal = ladder.complete_step(goal, step_id, 4, "went fine", NOW)
    assert (goal.steps[0].actual_discomfort, goal.steps[0].done_at) == (4, NOW)
    step = ladder.reopen_step(goal, step_id).steps[0]
    assert (step.actual_discomfort, step.done_at, step.note) == (None, None, "went fine")


def test_discomfort_averages_by_dividing_over_done_rated_steps() -> None:
    steps = [
        Step(title="a", predicted_discomfort=8, actual_discomfort=2, done_at=NOW),
        Step(title="b", predicted_discomfort=6, actual_discomfort=5, done_at=NOW),
        Step(title="c", predicted_discomfort=7, actual_discomfort=None, done_at=NOW),  # unrated
        Step(title="d", predicted_discomfort=9, actual_discomfort=9),  # rated, not done
    ]
    goal = Goal(created_at=NOW, title="g", steps=steps)
    assert ladder.discomfort(goal) == ladder.Discomfort(2, 7.0, 3.5)


def test_pausing_a_goal_paused_before_keeps_the_old_pause() -> None:
    goal = ladder.pause(_goal(), date(2026, 11, 5), date(2026, 11, 1))
    goal = ladder.resume(goal, date(2026, 11, 3))
    goal = ladder.pause(goal, date(2026, 12, 1), TODAY)
    assert goal.status is GoalStatus.PAUSED and goal.paused_until == date(2026, 12, 1)
    assert _spans(goal) == [(date(2026, 11, 1), date(2026, 11, 3)), (TODAY, date(2026, 12, 1))]


def test_pausing_again_while_paused_joins_the_running_pause() -> None:
    # One rest from the first day to the new end: no two pauses share a day.
    goal = ladder.pause(_goal(), date(2026, 11, 30), date(2026, 11, 15))
    goal = ladder.pause(goal, date(2026, 12, 5), TODAY)
    assert goal.paused_until == date(2026, 12, 5)
    assert _spans(goal) == [(date(2026, 11, 15), date(2026, 12, 5))]
    sooner = ladder.pause(goal, date(2026, 11, 25), TODAY)  # a new, nearer end is kept
    assert _spans(sooner) == [(date(2026, 11, 15), date(2026, 11, 25))]


def test_resuming_never_rewrites_past_pauses() -> None:
    goal = ladder.pause(_goal(), date(2026, 11, 5), date(2026, 11, 1))
    goal = ladder.resume(goal, date(2026, 11, 5))  # resumed on the pause's last day
    goal = ladder.pause(goal, date(2026, 11, 30), date(2026, 11, 10))
    goal = ladder.resume(goal, TODAY)
    assert _spans(goal) == [
        (date(2026, 11, 1), date(2026, 11, 5)),
        (date(2026, 11, 10), TODAY),
    ]


def test_resuming_on_the_day_a_pause_began_ends_it_that_day() -> None:
    goal = ladder.pause(_goal(), date(2026, 11, 30), TODAY)
    assert _spans(ladder.resume(goal, TODAY)) == [(TODAY, TODAY)]


def test_finishing_while_paused_unpauses_and_ends_the_pause_today() -> None:
    goal = ladder.pause(_goal(), date(2026, 11, 30), date(2026, 11, 15))
    done = ladder.finish(goal, GoalStatus.DONE, TODAY)
    assert (done.status, done.paused_until) == (GoalStatus.DONE, None)
    assert _spans(done) == [(date(2026, 11, 15), TODAY)]
    assert not ladder.is_paused(done, TODAY)


def test_a_pause_that_ends_today_still_holds_today() -> None:
    goal = ladder.pause(_goal(), TODAY, date(2026, 11, 15))
    assert ladder.is_paused(goal, TODAY)
    assert not ladder.is_paused(goal, date(2026, 11, 22))


def test_an_open_ended_pause_holds_until_resumed() -> None:
    goal = _goal().model_copy(update={"status": GoalStatus.PAUSED, "paused_until": None})
    assert ladder.is_paused(goal, date(2030, 1, 1))
    assert not ladder.is_paused(ladder.resume(goal, TODAY), TODAY)


def test_a_pause_record_alone_does_not_make_an_active_goal_paused() -> None:
    goal = _goal().model_copy(update={"pauses": [Pause(start=TODAY, until=date(2026, 12, 1))]})
    assert not ladder.is_paused(goal, TODAY)


def test_next_step_is_added_as_easy_as_the_easiest_not_done() -> None:
    goal = _goal(("done one", 1), ("middle", 4), ("hard", 7))
    goal = ladder.complete_step(goal, goal.steps[0].id, 1, "", NOW)
    goal = ladder.goal_with_next_step(goal, "  say hello  ", predicted=3)
    assert _ladder(goal) == [("done one", 1), ("middle", 4), ("say hello", 4), ("hard", 7)]
    new = goal.steps[2]
    assert (new.predicted_discomfort, new.done) == (3, False)


def test_next_step_on_an_empty_ladder_is_as_hard_as_it_is_expected_to_feel() -> None:
    goal = ladder.goal_with_next_step(_goal(), "wave")
    assert [(s.title, s.difficulty, s.predicted_discomfort) for s in goal.steps] == [("wave", 0, 0)]
    goal = ladder.goal_with_next_step(_goal(), "wave", predicted=5)
    assert [(s.difficulty, s.predicted_discomfort) for s in goal.steps] == [(5, 5)]


def test_next_step_on_a_climbed_ladder_goes_on_from_its_top() -> None:
    """Every step done: the review's step was 'Diff 0' below all of them."""
    goal = _goal(("wave", 2), ("chat", 6))
    for step in goal.steps:
        goal = ladder.complete_step(goal, step.id, 1, "", NOW)
    goal = ladder.goal_with_next_step(goal, "invite", predicted=3)
    assert _ladder(goal)[-1] == ("invite", 6) and goal.next_step().title == "invite"


def test_next_step_already_there_is_kept_as_it_is() -> None:
    goal = _goal(("wave", 2))
    assert ladder.goal_with_next_step(goal, "wave ", predicted=9) is goal


def test_next_step_renames_the_earlier_wording_when_not_done() -> None:
    goal = _goal(("a", 1), ("old words", 3), ("c", 5))
    renamed = ladder.goal_with_next_step(goal, "new words", previous=" old words ")
    assert _ladder(renamed) == [("a", 1), ("new words", 3), ("c", 5)]
    assert renamed.steps[1].id == goal.steps[1].id


def test_next_step_renames_only_the_first_match() -> None:
    goal = _goal(("old", 1), ("old", 2))
    renamed = ladder.goal_with_next_step(goal, "new", previous="old")
    assert _ladder(renamed) == [("new", 1), ("old", 2)]


def test_next_step_never_renames_a_done_step() -> None:
    goal = _goal(("old", 1), ("later", 6))
    goal = ladder.complete_step(goal, goal.steps[0].id, 2, "", NOW)
    added = ladder.goal_with_next_step(goal, "new", previous="old", predicted=5)
    # Ties keep the older step first.
    assert _ladder(added) == [("old", 1), ("later", 6), ("new", 6)]
    assert added.steps[2].predicted_discomfort == 5


def test_next_step_result_is_a_validated_goal() -> None:
    goal = _goal(("a", 1))
    added = ladder.goal_with_next_step(goal, "b")
    assert isinstance(added, Goal) and added.id == goal.id and added.title == goal.title
    assert added.steps[0] == goal.steps[0]
