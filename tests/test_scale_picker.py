"""The one rating control: digits choose and move on, arrows step, a click chooses, and
the choice is marked without colour."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Input

from widgets.scale_picker import SECOND_DIGIT_WAIT, ScalePicker

ENDS = {0: "none", 10: "the most"}


class Scales(App[None]):
    def compose(self) -> ComposeResult:
        yield ScalePicker(ENDS, id="ten")
        yield ScalePicker({1: "a", 2: "b", 3: "c"}, id="three")
        yield Input(id="after")


async def test_a_digit_chooses_and_moves_on() -> None:
    app = Scales()
    async with app.run_test() as pilot:
        ten, three = app.query_one("#ten", ScalePicker), app.query_one("#three", ScalePicker)
        ten.focus()
        await pilot.press("7", "2")
        assert (ten.value, three.value) == (7, 2)
        assert app.focused is app.query_one("#after")


async def test_one_then_zero_is_ten_and_one_alone_stays_one() -> None:
    app = Scales()
    async with app.run_test() as pilot:
        ten = app.query_one("#ten", ScalePicker)
        ten.focus()
        await pilot.press("1", "0")
        assert ten.value == 10 and app.focused is app.query_one("#three")
        ten.focus()
        await pilot.press("1")
        assert ten.value == 1 and app.focused is ten  # waiting for a second digit
        await pilot.pause(SECOND_DIGIT_WAIT + 0.2)
        assert ten.value == 1 and app.focused is app.query_one("#three")


async def test_one_then_another_digit_goes_on_to_the_next_scale() -> None:
    app = Scales()
    async with app.run_test() as pilot:
        ten, three = app.query_one("#ten", ScalePicker), app.query_one("#three", ScalePicker)
        ten.focus()
        await pilot.press("1", "3")
        assert (ten.value, three.value) == (1, 3)


async def test_arrows_step_within_the_range_and_a_digit_outside_is_refused() -> None:
    app = Scales()
    async with app.run_test() as pilot:
        three = app.query_one("#three", ScalePicker)
        three.focus()
        await pilot.press("left")
        assert three.value == 3  # from nothing, left starts at the top
        await pilot.press("right", "left", "left", "left", "left")
        assert three.value == 1
        await pilot.press("9")
        assert three.value == 1 and app.focused is three


async def test_the_choice_is_bracketed_and_named_and_unset_says_what_to_type() -> None:
    app = Scales()
    async with app.run_test() as pilot:
        ten = app.query_one("#ten", ScalePicker)
        assert "type 0\u201310 (1 then 0 for 10)" in ten.render().plain
        ten.value = 10
        await pilot.pause()
        plain = ten.render().plain
        assert "[10]" in plain and plain.endswith("the most") and "[" not in plain[:40]


async def test_a_click_chooses_the_number_under_it() -> None:
    app = Scales()
    async with app.run_test() as pilot:
        ten = app.query_one("#ten", ScalePicker)
        # Padding 1, then four columns a number: 5 starts at column 1 + 5 * 4.
        await pilot.click(ten, offset=(1 + 5 * ten.cell + 1, 0))
        assert ten.value == 5 and app.focused is ten
