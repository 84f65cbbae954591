"""The community guide: the kinds of community and the gentle ladder, reached from Goals
(j) and the goal form (ctrl+o); a kind chosen there makes a "Join a community" goal
with the ladder filled in. What to expect at a group opens from the guide, from a
"Join a community" goal and from Help."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from textual.widgets import Button, Input, Markdown, OptionList, Select, Static

from reconnect.records.content import COMMUNITY_KINDS, GOAL_KIND_LADDERS
from reconnect.records.models import Goal, GoalKind
from reconnect.store.store import Store
from screens.areas.goal_detail import GoalScreen
from screens.dialogs.community_guide import CommunityGuide, try_title
from screens.dialogs.goal_form import GoalForm
from screens.dialogs.guide import GuideScreen
from tests.conftest import wait_for

LADDER = GOAL_KIND_LADDERS["join_community"]


def _on_first_group(app: Any) -> bool:
    return isinstance(app.screen, GuideScreen) and app.screen.query_one(Markdown).source.startswith(
        "# Going to a group for the first time"
    )


def test_titles_read_as_plain_words() -> None:
    by_id = {k.id: k for k in COMMUNITY_KINDS}
    assert try_title(by_id["group_therapy"]) == "Try group therapy"
    assert try_title(by_id["peer_support"]) == "Try a peer support group"
    assert try_title(by_id["online"]) == "Try an online community"


async def test_the_guide_lists_every_kind_and_the_ladder(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(store, start_area="goals")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j")
        assert isinstance(app.screen, CommunityGuide)
        kinds = app.screen.query_one(OptionList)
        assert kinds.option_count == len(COMMUNITY_KINDS) == 12
        for index, info in enumerate(COMMUNITY_KINDS):
            prompt = str(kinds.get_option_at_index(index).prompt)
            assert info.name in prompt and info.about in prompt
        ladder = [str(s.content) for s in app.screen.query("#community-ladder Static")]
        assert "Online first, local later" in ladder[0]
        assert ladder[1:] == [f"{n} {step}" for n, step in enumerate(LADDER, 1)]


async def test_a_goal_made_from_the_guide_starts_with_the_ladder_in_order(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(store, start_area="goals")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "down")  # the second kind: peer support
        await pilot.press("n")
        assert isinstance(app.screen, GoalForm)
        assert app.screen.query_one("#title", Input).value == "Try a peer support group"
        assert app.screen.query_one("#kind", Select).value is GoalKind.JOIN_COMMUNITY
        assert app.screen.query_one("#community-note").display
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, GoalScreen), "the new goal")
        [goal] = store.goals.all()
        assert goal.title == "Try a peer support group"
        assert goal.kind is GoalKind.JOIN_COMMUNITY
        assert [s.title for s in goal.steps] == list(LADDER)
        assert [s.difficulty for s in goal.steps] == sorted(s.difficulty for s in goal.steps)


async def test_the_goal_form_opens_the_guide_and_takes_the_kind_chosen(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(store, start_area="goals")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        form = app.screen
        assert isinstance(form, GoalForm)
        assert not form.query_one("#community-note").display  # Reach out, to begin with
        await pilot.press("ctrl+o")  # the title field has focus
        assert isinstance(app.screen, CommunityGuide)
        await pilot.press("end", "enter")  # the last kind: online communities
        await pilot.pause()
        assert app.screen is form
        assert form.query_one("#title", Input).value == "Try an online community"
        assert form.query_one("#kind", Select).value is GoalKind.JOIN_COMMUNITY
        assert "ctrl+o" in str(form.query_one("#community-note", Static).content)


async def test_words_typed_as_the_title_stay_when_a_kind_is_chosen(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(store, start_area="goals")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", *"Yoga", "ctrl+o", "enter")
        await pilot.pause()
        assert app.screen.query_one("#title", Input).value == "Yoga"


async def test_what_to_expect_opens_from_the_guide_and_returns_to_it(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(store, start_area="goals")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "h")
        await pilot.pause()
        assert _on_first_group(app)
        await pilot.press("escape")
        assert isinstance(app.screen, CommunityGuide)
        app.screen.query_one("#expect", Button).press()
        await pilot.pause()
        assert _on_first_group(app)


async def test_what_to_expect_opens_from_a_join_community_goal(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    made = datetime(2026, 11, 20, 9, tzinfo=UTC)
    goal = store.goals.add(
        Goal(created_at=made, title="Try a grief group", kind=GoalKind.JOIN_COMMUNITY)
    )
    other = store.goals.add(Goal(created_at=made, title="Text Maya"))
    app = make_test_app(store, start_area="goals")
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(GoalScreen(other.id))
        await pilot.pause()
        assert not app.screen.query_one("#first-group").display
        await pilot.press("h")
        assert isinstance(app.screen, GoalScreen)  # not a community goal: h does nothing
        await pilot.press("escape")
        app.push_screen(GoalScreen(goal.id))
        await pilot.pause()
        assert app.screen.query_one("#first-group").display
        await pilot.press("h")
        await pilot.pause()
        assert _on_first_group(app)
        await pilot.press("escape")
        app.screen.query_one("#first-group", Button).press()
        await pilot.pause()
        assert _on_first_group(app)


async def test_what_to_expect_opens_from_help(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(store, start_area="log")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark", "h")
        await pilot.pause()
        assert _on_first_group(app)
        await pilot.press("escape")
        app.screen.query_one("#first-group", Button).press()  # below the fold at 80×24
        await pilot.pause()
        assert _on_first_group(app)


async def test_closing_the_guide_makes_nothing(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(store, start_area="goals")
    async with app.run_test(size=(80, 24)) as pilot:
        goals = app.screen
        await pilot.press("j", "escape")
        await pilot.pause()
        assert app.screen is goals
        assert store.goals.count() == 0
