"""The Review area: a week summed up, three prompts saved, the next step made a goal step."""

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from textual.widgets import Button, Input, Select, Static

from reconnect.logic.weeks import last_full_week
from reconnect.records.models import Goal, WeeklyReview
from reconnect.store.store import Store
from screens.areas.review import ReviewScreen
from screens.dialogs.unsaved import UnsavedDialog
from tests.conftest import PINNED_TODAY
from tests.test_keep_words import notices

LAST_WEEK = last_full_week(PINNED_TODAY)


def _goal(store: Store) -> Goal:
    return store.goals.add(
        Goal(
            created_at=datetime(2026, 10, 1, 9, tzinfo=UTC), title="See Maya more", weekly_target=1
        )
    )


async def _click(pilot, selector: str) -> None:
    # A button ignores clicks while it shows the last one (0.2 s): make that no time.
    pilot.app.screen.query_one(selector, Button).active_effect_duration = 0
    await pilot.click(selector)
    await pilot.pause()


async def _type(pilot, field: str, text: str) -> None:
    pilot.app.screen.query_one(f"#{field}", Input).value = text
    await pilot.pause()


async def test_review_saves_the_prompts_and_adds_the_goal_step(
    store: Store, make_test_app: Callable
) -> None:
    goal = _goal(store)
    app = make_test_app(store, start_area="review")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        assert screen.week == LAST_WEEK
        assert "last full week" in str(screen.query_one("#week-line", Static).render())
        await _type(pilot, "helped", "The walk on Sunday")
        await _type(pilot, "got_in_the_way", "Tired after work")
        await _type(pilot, "next_step", "Ask Maya about Saturday")
        screen.query_one("#goal", Select).value = goal.id
        await pilot.press("ctrl+s")  # a goal step needs the discomfort it is expected to bring
        await pilot.pause()
        assert store.reviews.count() == 0
        assert "0 to 10" in str(screen.query_one("#expected-error", Static).render())
        await _type(pilot, "expected", "6")
        await pilot.press("ctrl+s")
        await pilot.pause()
        [review] = store.reviews.all()
        assert review.week == LAST_WEEK
        assert (review.helped, review.got_in_the_way) == ("The walk on Sunday", "Tired after work")
        assert review.next_step_goal_id == goal.id
        steps = store.goals.get(goal.id).steps
        assert [s.title for s in steps] == ["Ask Maya about Saturday"]
        assert steps[0].predicted_discomfort == 6

        # Editing later changes the same review and renames the step, never duplicates it.
        await _type(pilot, "next_step", "Ask Maya about Sunday")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.reviews.count() == 1
        assert store.reviews.all()[0].next_step == "Ask Maya about Sunday"
        assert [s.title for s in store.goals.get(goal.id).steps] == ["Ask Maya about Sunday"]


async def test_a_goal_without_a_step_is_explained_and_nothing_saved(
    store: Store, make_test_app: Callable
) -> None:
    goal = _goal(store)
    app = make_test_app(store, start_area="review")
    async with app.run_test(size=(80, 24)) as pilot:
        await _type(pilot, "helped", "Something")
        app.screen.query_one("#goal", Select).value = goal.id
        await pilot.press("ctrl+s")
        await pilot.pause()
        error = app.screen.query_one("#goal-error", Static)
        assert error.display and "next step" in str(error.render())
        assert store.reviews.count() == 0
        assert store.goals.get(goal.id).steps == []


async def test_any_week_can_be_reviewed_and_edits_are_not_lost_silently(
    store: Store, make_test_app: Callable
) -> None:
    earlier = LAST_WEEK - timedelta(weeks=1)
    store.reviews.add(
        WeeklyReview(week=earlier, at=datetime(2026, 11, 8, 20, tzinfo=UTC), helped="Old answer")
    )
    app = make_test_app(store, start_area="review")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        await _type(pilot, "helped", "Unsaved words")
        await _click(pilot, "#earlier")  # asked first, week unchanged
        assert isinstance(app.screen, UnsavedDialog)
        await pilot.press("escape")  # keep editing
        assert screen.week == LAST_WEEK
        assert screen.query_one("#helped", Input).value == "Unsaved words"
        await _click(pilot, "#earlier")
        await pilot.press("d")  # discard: the move goes ahead
        await pilot.pause()
        assert screen.week == earlier
        assert screen.query_one("#helped", Input).value == "Old answer"
        await _click(pilot, "#later")
        await _click(pilot, "#later")  # the current week is the latest there is
        await pilot.pause()
        assert screen.week == LAST_WEEK + timedelta(weeks=1)
        assert screen.query_one("#later").disabled
    assert [r.helped for r in store.reviews.all()] == ["Old answer"]


async def test_a_review_draft_survives_a_restart(store: Store, make_test_app: Callable) -> None:
    from reconnect.logic.drafts import review_draft_path

    app = make_test_app(store, start_area="review")
    async with app.run_test(size=(80, 24)) as pilot:
        await _type(pilot, "helped", "A walk with Sam")
        await _type(pilot, "next_step", "Call Mum")
    # Quit without saving (as a crash would): the draft file holds the words.
    assert review_draft_path(store.path.parent).exists()
    assert store.reviews.count() == 0

    again = make_test_app(store, start_area="review")
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = again.screen
        assert screen.week == LAST_WEEK
        assert screen.query_one("#helped", Input).value == "A walk with Sam"
        assert screen.query_one("#next_step", Input).value == "Call Mum"
        assert "unsaved" in str(screen.query_one("#save-state", Static).render())
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert [r.helped for r in store.reviews.all()] == ["A walk with Sam"]
    assert not review_draft_path(store.path.parent).exists()


async def test_a_draft_of_an_earlier_week_comes_back_on_that_week(
    store: Store, make_test_app: Callable
) -> None:
    earlier = LAST_WEEK - timedelta(weeks=2)
    app = make_test_app(store, start_area="review")
    async with app.run_test(size=(80, 24)) as pilot:
        await _click(pilot, "#earlier")
        await _click(pilot, "#earlier")
        assert app.screen.week == earlier
        await _type(pilot, "got_in_the_way", "Tired")
    again = make_test_app(store, start_area="review")
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert again.screen.week == earlier
        assert again.screen.query_one("#got_in_the_way", Input).value == "Tired"


async def test_ctrl_q_with_unsaved_review_words_asks_from_any_area(
    store: Store, make_test_app: Callable
) -> None:
    from screens.dialogs.unsaved import UnsavedDialog

    app = make_test_app(store, start_area="review")
    async with app.run_test(size=(80, 24)) as pilot:
        await _type(pilot, "helped", "A walk")
        await pilot.press("t")  # another area
        await pilot.pause()
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, UnsavedDialog)
        await pilot.press("escape")  # keep editing: back to the words
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert app.return_code is None
        await pilot.press("ctrl+q", "s")
        await pilot.pause()
        assert app.return_code == 0
    assert [r.helped for r in store.reviews.all()] == ["A walk"]


async def test_a_save_that_cannot_happen_at_80x24_says_why_at_the_field(
    store: Store, make_test_app: Callable
) -> None:
    goal = _goal(store)
    app = make_test_app(store, start_area="review")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        await _type(pilot, "next_step", "Say hi")
        screen.query_one("#goal", Select).value = goal.id
        screen.query_one("#review-scroll").scroll_home(animate=False)
        screen.query_one("#helped").focus()
        await pilot.pause()
        region = screen.query_one("#review-scroll").region
        assert not region.contains_region(screen.query_one("#expected").region)  # out of view
        said = notices(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        field = screen.query_one("#expected", Input)
        error = screen.query_one("#expected-error", Static)
        assert screen.focused is field
        assert error.display and "number from 0 to 10" in str(error.render())
        assert region.contains_region(field.region) and region.contains_region(error.region)
        assert any("Not saved" in m for m in said)
    assert store.reviews.count() == 0


async def test_a_write_the_disk_refuses_keeps_the_review_words(
    store: Store, make_test_app: Callable, monkeypatch
) -> None:
    import errno
    import os

    app = make_test_app(store, start_area="review")
    async with app.run_test(size=(80, 24)) as pilot:
        await _type(pilot, "helped", "Kept words")

        def full_disk(*args: object, **kwargs: object) -> None:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        said = notices(app)
        monkeypatch.setattr(os, "replace", full_disk)  # a whole write
        monkeypatch.setattr(os, "fsync", full_disk)  # a journal line
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.query_one("#helped", Input).value == "Kept words"
        assert any("The disk is full" in m for m in said)
        assert "not saved" in str(app.screen.query_one("#save-state", Static).render())
        monkeypatch.undo()
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert [r.helped for r in store.reviews.all()] == ["Kept words"]


async def test_moving_week_with_words_can_save_them_first(
    store: Store, make_test_app: Callable
) -> None:
    app = make_test_app(store, start_area="review")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        await _type(pilot, "helped", "Saved on the way")
        await _click(pilot, "#earlier")
        await pilot.press("s")
        await pilot.pause()
        assert screen.week == LAST_WEEK - timedelta(weeks=1)
    assert [r.helped for r in store.reviews.all()] == ["Saved on the way"]


async def test_a_saved_review_survives_a_change_of_the_first_weekday(
    store: Store, make_test_app: Callable
) -> None:
    from reconnect.logic.drafts import ReviewDraft, review_draft_path, save_draft

    app = make_test_app(store, start_area="review")
    async with app.run_test(size=(80, 24)) as pilot:
        await _type(pilot, "helped", "Talking to Anna")
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.change_settings(first_day_of_week=6)  # Settings: weeks start on Sunday
        await pilot.press("t", "w")
        await pilot.pause()
        screen = app.screen
        assert screen.week == LAST_WEEK - timedelta(days=1)  # the Sunday before it
        assert screen.query_one("#helped", Input).value == "Talking to Anna"
    # A draft left from Monday weeks with that answer empty (a number typed elsewhere,
    # then a crash): offered back, it must not blank the saved answer.
    save_draft(
        review_draft_path(store.path.parent),
        ReviewDraft(week=LAST_WEEK, next_step="Message Sam", expected="3"),
    )
    again = make_test_app(store, start_area="review")
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        # The draft came back without blanking the saved answer, and saving keeps both.
        assert again.screen.query_one("#helped", Input).value == "Talking to Anna"
        assert again.screen.query_one("#next_step", Input).value == "Message Sam"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert [(r.helped, r.next_step) for r in store.reviews.all()] == [
        ("Talking to Anna", "Message Sam")
    ]
