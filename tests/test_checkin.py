"""The weekly check-in: offered on Today, saved for the week, a gentle word when high."""

from collections.abc import Callable

from textual.widgets import Select, Static

from reconnect.logic.weeks import week_start
from reconnect.records.models import CheckIn, DirectAnswer, now_local
from reconnect.store.store import Store
from screens.dialogs.checkin import CheckInScreen
from tests.conftest import PINNED_TODAY


async def _answer(pilot, answers: list[int]) -> None:
    """Answer the items in order: a digit chooses and moves on to the next."""
    for answer in answers:
        await pilot.press(str(answer))


async def test_today_offers_the_checkin_and_saves_it(store: Store, make_test_app: Callable) -> None:
    app = make_test_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        offer = app.screen.query_one("#checkin-offer", Static)
        assert offer.display
        await pilot.press("c")
        assert isinstance(app.screen, CheckInScreen)
        await _answer(pilot, [1, 2, 1])
        app.screen.query_one("#direct", Select).value = DirectAnswer.OCCASIONALLY.value
        await pilot.click("#save")
        await pilot.pause()
        assert not isinstance(app.screen, CheckInScreen)
        [saved] = store.checkins.all()
        assert saved.week == week_start(PINNED_TODAY)
        assert (saved.lack_companionship, saved.left_out, saved.isolated) == (1, 2, 1)
        assert saved.direct is DirectAnswer.OCCASIONALLY
        assert not app.screen.query_one("#checkin-offer", Static).display


async def test_missing_answers_are_named_and_nothing_saved(
    store: Store, make_test_app: Callable
) -> None:
    app = make_test_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await _answer(pilot, [1, 2])  # the third left open
        await pilot.click("#save")
        error = app.screen.query_one("#checkin-error", Static)
        assert error.display
        assert "three questions" in str(error.render())
        assert store.checkins.count() == 0


async def test_high_score_brings_a_gentle_pointer_to_help(
    store: Store, make_test_app: Callable
) -> None:
    app = make_test_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await _answer(pilot, [3, 3, 2])
        await pilot.click("#save")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CheckInScreen)  # stays open to show the word
        assert store.checkins.all()[0].score == 8
        words = str(screen.query_one("#after-words", Static).render())
        assert "lonely week" in words
        lines = str(screen.query_one("#help-lines", Static).render())
        assert "988" in lines and "116 123" in lines
        await pilot.click("#close")
        await pilot.pause()
        assert not isinstance(app.screen, CheckInScreen)


async def test_checkin_can_be_changed_later(store: Store, make_test_app: Callable) -> None:
    week = week_start(PINNED_TODAY)
    first = store.checkins.add(
        CheckIn(
            week=week,
            at=now_local(),
            lack_companionship=3,
            left_out=3,
            isolated=3,
        )
    )
    app = make_test_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        assert not app.screen.query_one("#checkin-offer", Static).display
        await pilot.press("c")
        # The form opens with the saved answers; change the first to "Hardly ever".
        await pilot.press("1")
        await pilot.click("#save")
        await pilot.pause()
        [saved] = store.checkins.all()
        assert saved.id == first.id
        assert saved.lack_companionship == 1 and saved.score == 7
